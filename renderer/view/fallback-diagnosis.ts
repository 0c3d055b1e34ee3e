/**
 * A plain diagnosis straight from the report's ranked findings, used until (or
 * where) the knowledge layer's composer is not available. Same output shape as
 * composeDiagnosis, so the screens do not care which one produced it.
 */
import type { ComposeInput, Cause, Diagnosis } from '../../shared/knowledge/composer-types';
import type { EvidenceItem, FixStep } from '../../shared/knowledge/fix-types';
import type { Finding } from '../../shared/models/probe';
import type { Lang } from '../../shared/models/device';
import { findingTitle } from '../../shared/knowledge/finding-title';
import { fieldLabelOrPlain, securityValue } from '../../shared/knowledge/device-labels';
import { t } from '../../shared/i18n/messages';
import { buildSettingsDiff, correctFromReport } from './settings-diff';

export function whereText(f: Pick<Finding, 'protocol' | 'host' | 'port' | 'security'>, lang: Lang): string | undefined {
  if (!f.protocol && !f.host) return undefined;
  const parts = [f.protocol ? t(lang, `protocol.${f.protocol}`) : '', f.host ? `${f.host}${f.port ? `:${f.port}` : ''}` : '', f.security ? t(lang, `security.${f.security}`) : ''];
  return parts.filter(Boolean).join(' ');
}

export function evidenceOf(f: Finding, lang: Lang): EvidenceItem[] {
  const e = f.evidence;
  const out: EvidenceItem[] = [];
  const where = whereText(f, lang);
  if (where) out.push({ label: t(lang, 'ev.where'), value: where });
  if (e.serverReply) out.push({ label: t(lang, 'ev.serverReply'), value: e.serverReply });
  if (e.errorCode) out.push({ label: t(lang, 'ev.errorCode'), value: e.errorCode });
  if (e.message) out.push({ label: t(lang, 'ev.message'), value: e.message });
  if (e.addresses?.length) out.push({ label: t(lang, 'ev.addresses'), value: e.addresses.join(', ') });
  if (e.cert) out.push({ label: t(lang, 'ev.cert'), value: `${e.cert.subject} / ${e.cert.issuer} / ${e.cert.validTo}` });
  if (e.durationMs !== undefined) out.push({ label: t(lang, 'ev.duration'), value: t(lang, 'rep.duration', { ms: Math.round(e.durationMs) }) });
  return out;
}

function fixSteps(f: Finding, input: ComposeInput): FixStep[] {
  if (!f.fix || !f.protocol) return [];
  const { device, lang } = input;
  const p = f.protocol;
  return [
    { text: t(lang, 'diagnosis.fix.values'), setting: { label: fieldLabelOrPlain(device, p, 'host', lang).label, value: f.fix.host }, grade: 'B' },
    { text: t(lang, 'diagnosis.fix.values'), setting: { label: fieldLabelOrPlain(device, p, 'port', lang).label, value: String(f.fix.port) }, grade: 'B' },
    { text: t(lang, 'diagnosis.fix.values'), setting: { label: fieldLabelOrPlain(device, p, 'security', lang).label, value: securityValue(device, f.fix.security, lang).value }, grade: 'B' },
  ];
}

export function fallbackDiagnosis(input: ComposeInput): Diagnosis {
  const { report, lang } = input;
  const findings = (report?.findings ?? []).filter((f) => f.severity !== 'info' || f.code === 'ALTERNATIVE_WORKS');
  const seen = new Set<string>();
  const causes: Cause[] = [];
  for (const f of findings) {
    const key = `${f.code}:${f.protocol ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    causes.push({
      id: `finding:${f.code}`,
      kind: 'finding',
      title: findingTitle(f.code, lang),
      explanation: '',
      evidence: evidenceOf(f, lang),
      likelihood: causes.length === 0 ? 'high' : f.severity === 'error' ? 'medium' : 'low',
      codes: [f.code],
      steps: fixSteps(f, input),
      settingsDiff: [],
      actions: [],
      grade: 'B',
    });
  }
  const correctSettings = { ...correctFromReport(report ?? undefined, ''), ...input.correctSettings };
  const protocols = (['imap', 'pop3', 'smtp'] as const).filter((p) => correctSettings[p] || input.deviceSettings?.[p]);
  return {
    causes,
    settingsDiff: buildSettingsDiff(input.device, lang, input.deviceSettings ?? {}, correctSettings, protocols),
    correctSettings,
  };
}
