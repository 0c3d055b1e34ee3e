import { useEffect, useRef } from 'react';
import type { ProbeResult } from '../../shared/models/probe';
import { findingTitle } from '../../shared/knowledge/finding-title';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import type { MatrixRow } from '../view/matrix';
import { StatusIcon } from './status-icon';
import { targetLabel } from './target-label';

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
              {probe.steps.map((s) => (
                <li key={s.name}>
                  <StatusIcon status={s.status} /> <code>{s.name}</code>
                  {s.durationMs !== undefined ? ` ${t('unit.ms', { ms: Math.round(s.durationMs) })}` : ''}
                  {s.detail ? ` — ${s.detail}` : ''}
                </li>
              ))}
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
                          <code className="reply">{f.evidence.serverReply}</code>
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
                <code className="reply">{probe.greeting}</code>
              </>
            ) : null}
            {probe.capabilities?.length ? (
              <>
                <h3>{t('probe.evidence.capabilities')}</h3>
                <p className="mono small">{probe.capabilities.join(' ')}</p>
              </>
            ) : null}
            {probe.addresses?.length ? (
              <>
                <h3>{t('probe.evidence.addresses')}</h3>
                <ul className="plain mono small">
                  {probe.addresses.map((a) => (
                    <li key={a.address}>
                      {t('probe.evidence.address', { address: a.address, family: a.family, outcome: a.outcome })}
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
                        {probe.tls.protocol} {probe.tls.cipher ?? ''}
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
                  <dd>{cert.subject}</dd>
                  <dt>{t('probe.evidence.cert.san')}</dt>
                  <dd>
                    {/* Lab and hosting certificates can list hundreds of names; the first few are what the helpdesk compares. */}
                    {cert.subjectAltNames.slice(0, SAN_SHOWN).join(', ') || '—'}
                    {cert.subjectAltNames.length > SAN_SHOWN ? ` ${t('probe.evidence.cert.more', { n: cert.subjectAltNames.length - SAN_SHOWN })}` : ''}
                  </dd>
                  <dt>{t('probe.evidence.cert.issuer')}</dt>
                  <dd>{cert.issuer}</dd>
                  <dt>{t('probe.evidence.cert.valid')}</dt>
                  <dd>
                    {cert.validFrom} – {cert.validTo}
                  </dd>
                  <dt>{t('probe.evidence.cert.selfSigned')}</dt>
                  <dd>{cert.selfSigned ? '✓' : '—'}</dd>
                  <dt>{t('probe.evidence.cert.fingerprint')}</dt>
                  <dd className="mono small break">{cert.fingerprint256}</dd>
                </dl>
              </>
            ) : null}
          </div>
          <div className="span-all">
            <h3>{t('probe.evidence.transcript')}</h3>
            {probe.transcript.length ? (
              <pre className="transcript" tabIndex={0}>
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
