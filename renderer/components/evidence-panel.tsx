import { useEffect, useRef } from 'react';
import type { ProbeResult } from '../../shared/models/probe';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import type { MatrixRow } from '../view/matrix';
import { StatusIcon } from './status-icon';
import { targetLabel } from './target-label';
import { addressOutcomeText, stepDetailText, stepName } from '../../shared/i18n/step-text';
import { certValidityText, formatDay } from '../../shared/i18n/dates';
import { Verbatim } from './verbatim';

const SAN_SHOWN = 6;

/** Evidence for one connection: steps, certificate, greeting and the redacted transcript. */
export function EvidencePanel({ row, probe, onClose }: { row: MatrixRow; probe?: ProbeResult; onClose(): void }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [row.target.id]);
  const cert = probe?.tls?.cert;
  // Validity is judged against the time of the test, not of reading it later.
  const now = probe ? new Date(probe.startedAt) : new Date();
  return (
    <section id="evidence-panel" className="evidence" ref={ref} tabIndex={-1} aria-labelledby="evidence-h" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="evidence-head">
        <h2 id="evidence-h">{t('probe.evidence', { target: `${targetLabel(row.target, t)} — ${row.target.host}` })}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('probe.evidence.close')}
        </button>
      </div>
      {!probe ? <p>{t('probe.evidence.pending')}</p> : null}
      {probe ? (
        <div className="evidence-grid">
          <div>
            <h3>{t('probe.evidence.steps')}</h3>
            <ul className="plain">
              {probe.steps.map((s) => {
                const detail = stepDetailText(s, lang);
                return (
                  <li key={s.name}>
                    <StatusIcon status={s.status} /> {stepName(s.name, lang)}
                    {s.durationMs !== undefined ? ` ${t('unit.ms', { ms: Math.round(s.durationMs) })}` : ''}
                    {detail ? ' — ' : ''}
                    {detail ? detail.verbatim ? <Verbatim text={detail.text} /> : detail.text : null}
                  </li>
                );
              })}
            </ul>
            {probe.findings.length ? (
              <>
                <h3>{t('probe.evidence.findings')}</h3>
                <ul className="plain">
                  {probe.findings.map((f, i) => (
                    <li key={`${f.code}-${i}`}>
                      <span className={`badge sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {findingTitle(f.code, lang)}
                      {f.evidence.serverReply ? (
                        <>
                          <br />
                          <Verbatim className="reply" text={f.evidence.serverReply} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {probe.greeting ? (
              <>
                <h3>{t('probe.evidence.greeting')}</h3>
                <Verbatim className="reply" text={probe.greeting} />
              </>
            ) : null}
            {probe.capabilities?.length ? (
              <>
                <h3>{t('probe.evidence.capabilities')}</h3>
                <p className="small"><Verbatim text={probe.capabilities.join(' ')} /></p>
              </>
            ) : null}
            {probe.addresses?.length ? (
              <>
                <h3>{t('probe.evidence.addresses')}</h3>
                <ul className="plain mono small">
                  {probe.addresses.map((a) => (
                    <li key={a.address}>
                      {t('probe.evidence.address', { address: a.address, family: a.family, outcome: addressOutcomeText(a.outcome, lang) })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <div>
            {probe.tls ? (
              <>
                <h3>{t('probe.evidence.tls')}</h3>
                <dl className="kv">
                  <dt>{t('probe.evidence.tlsVerdict')}</dt>
                  <dd>{t(`tls.${probe.tls.verdict}`)}</dd>
                  {probe.tls.protocol ? (
                    <>
                      <dt>{t('probe.evidence.tls.version')}</dt>
                      <dd>
                        <Verbatim text={`${probe.tls.protocol} ${probe.tls.cipher ?? ''}`.trim()} />
                      </dd>
                    </>
                  ) : null}
                </dl>
              </>
            ) : null}
            {cert ? (
              <>
                <h3>{t('probe.evidence.cert')}</h3>
                <dl className="kv">
                  <dt>{t('probe.evidence.cert.subject')}</dt>
                  <dd>
                    <Verbatim text={cert.subject} />
                  </dd>
                  <dt>{t('probe.evidence.cert.san')}</dt>
                  <dd>
                    {/* Lab and hosting certificates can list hundreds of names; the first few are what the helpdesk compares. */}
                    {cert.subjectAltNames.length ? <Verbatim text={cert.subjectAltNames.slice(0, SAN_SHOWN).join(', ')} /> : '—'}
                    {cert.subjectAltNames.length > SAN_SHOWN ? ` ${t('probe.evidence.cert.more', { n: cert.subjectAltNames.length - SAN_SHOWN })}` : ''}
                  </dd>
                  <dt>{t('probe.evidence.cert.issuer')}</dt>
                  <dd>
                    <Verbatim text={cert.issuer} />
                  </dd>
                  <dt>{t('probe.evidence.cert.expiry')}</dt>
                  <dd>{certValidityText(cert.validFrom, cert.validTo, now, lang)}</dd>
                  <dt>{t('probe.evidence.cert.valid')}</dt>
                  <dd>
                    {formatDay(cert.validFrom, lang)} – {formatDay(cert.validTo, lang)}
                  </dd>
                  <dt>{t('probe.evidence.cert.selfSigned')}</dt>
                  <dd>{cert.selfSigned ? '✓' : '—'}</dd>
                  <dt>{t('probe.evidence.cert.fingerprint')}</dt>
                  <dd className="small break">
                    <Verbatim text={cert.fingerprint256} />
                  </dd>
                </dl>
              </>
            ) : null}
          </div>
          <div className="span-all">
            <h3>{t('probe.evidence.transcript')}</h3>
            {probe.transcript.length ? (
              <pre className="transcript" tabIndex={0} translate="no">
                {probe.transcript.map((l) => `${String(Math.round(l.t)).padStart(5)} ${l.dir === 'c' ? 'C:' : l.dir === 's' ? 'S:' : '--'} ${l.text}`).join('\n')}
              </pre>
            ) : (
              <p className="muted">{t('probe.evidence.noTranscript')}</p>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
