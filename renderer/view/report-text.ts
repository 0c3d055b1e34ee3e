/**
 * The ticket report as text or Markdown.
 *
 * Built only from an allow-list of fields (the input type has no password and no
 * transcript), and every string that goes out is scrubbed of the secrets the caller
 * knows of, in case a server echoed one back in a reply.
 */
import type { CaseStory } from '../../shared/knowledge/composer/case-story';
import type { Cause, Headline } from '../../shared/knowledge/composer/composer-types';
import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';
import type { AccountSettings } from '../../shared/knowledge/findings/fix-types';
import type { Device, Lang } from '../../shared/models/device';
import type { DiagnoseReport } from '../../shared/models/probe';
import { t } from '../../shared/i18n/messages';
import type { ChecklistEntryState, ChecklistStatus } from '../store/types';
import { assertNever } from '../../shared/result';
import { maskSecrets, secretForms } from '../../shared/security/secret-mask';
import { markdownInlineCode, safeOneLine } from '../../shared/security/server-text';

export type ReportFormat = 'text' | 'markdown';

export interface ReportInput {
  createdAt: string;
  email: string;
  device?: Device;
  deviceLabel?: string;
  errorText: string;
  report: DiagnoseReport;
  /** The composer's verdict on the current run. */
  headline: Headline;
  causes: readonly Cause[];
  /** The case's runs as the composer tells them (before / after the fix, other networks). */
  story: CaseStory;
  deviceSettings: AccountSettings;
  checklist: ReadonlyArray<Pick<ChecklistStep, 'id' | 'title'>>;
  progress: Readonly<Record<string, ChecklistEntryState>>;
}

const REDACTED = '********';

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  // The exact secret (however short), then its encoded, per-line and case-changed forms.
  for (const s of secrets) if (s && s.length >= 1) out = maskSecrets(out.split(s).join(REDACTED), secretForms(undefined, s), REDACTED);
  return out;
}

function statusText(lang: Lang, s: ChecklistStatus): string {
  switch (s) {
    case 'todo':
      return t(lang, 'checklist.status.todo');
    case 'done':
      return t(lang, 'checklist.status.done');
    case 'skipped':
      return t(lang, 'checklist.status.skipped');
    case 'fixed':
      return t(lang, 'checklist.status.fixed');
    default:
      return assertNever(s, 'checklist status');
  }
}

function settingsLine(lang: Lang, s: AccountSettings): string[] {
  const out: string[] = [];
  for (const p of ['imap', 'pop3', 'smtp'] as const) {
    const v = s[p];
    if (!v) continue;
    const sec = v.security ? t(lang, `security.${v.security}`) : '?';
    out.push(`${t(lang, `protocol.${p}`)}: ${v.host ?? '?'}:${v.port ?? '?'} ${sec}`);
  }
  if (s.user) out.push(`${t(lang, 'field.user')}: ${s.user}`);
  return out;
}

export function buildReportText(input: ReportInput, lang: Lang, format: ReportFormat, secrets: readonly string[]): string {
  const md = format === 'markdown';
  const h1 = (x: string) => (md ? `# ${x}` : `${x}\n${'='.repeat(Math.min(60, x.length * 2))}`);
  const h2 = (x: string) => (md ? `\n## ${x}` : `\n${x}\n${'-'.repeat(Math.min(60, x.length * 2))}`);
  const li = (x: string, depth = 0) => `${'  '.repeat(depth)}${md ? '- ' : '* '}${x}`;
  // Server and user text: a code span nothing inside can close (Markdown), one line with controls shown (both).
  const code = (x: string) => (md ? markdownInlineCode(x) : safeOneLine(x));
  const r = input.report;
  const lines: string[] = [];
  lines.push(h1(t(lang, 'rep.heading')));
  lines.push('');
  lines.push(li(`${t(lang, 'rep.created')}: ${input.createdAt}`));
  lines.push(li(`${t(lang, 'rep.email')}: ${safeOneLine(input.email)}`));
  lines.push(li(`${t(lang, 'rep.device')}: ${input.deviceLabel ?? t(lang, 'device.none')}`));
  lines.push(li(`${t(lang, 'rep.errorText')}: ${input.errorText.trim() ? code(input.errorText.trim().replace(/\s+/g, ' ')) : t(lang, 'rep.none')}`));
  lines.push(li(`${t(lang, 'rep.verdict')}: ${t(lang, `headline.${input.headline.kind}`)} — ${input.headline.text}`));

  // Symptom, cause, fix applied, result after the fix: what the ticket needs first.
  const st = input.story;
  lines.push(h2(t(lang, 'rep.summary')));
  lines.push(li(`${t(lang, 'rep.symptom')}: ${st.symptom ? code(st.symptom.replace(/\s+/g, ' ')) : t(lang, 'rep.none')}`));
  if (st.first) {
    const fh = st.first.diagnosis.headline;
    lines.push(li(`${t(lang, 'rep.cause')}: ${fh.kind === 'ok' ? t(lang, 'headline.ok') : fh.text}`));
  }
  const fixedSteps = input.checklist.filter((s) => input.progress[s.id]?.status === 'fixed').map((s) => s.title);
  if (st.afterFix || fixedSteps.length) {
    const fixes = [...st.fixApplied, ...fixedSteps];
    lines.push(li(`${t(lang, 'rep.fixApplied')}: ${fixes.length ? fixes.join(' / ') : t(lang, 'rep.fixApplied.none')}`));
  }
  if (st.afterFix) {
    const ah = st.afterFix.diagnosis.headline;
    lines.push(li(`${t(lang, 'rep.afterFix')}: ${t(lang, `headline.${ah.kind}`)} — ${ah.text}`));
  }
  for (const o of st.otherNetworks) {
    const oh = o.diagnosis.headline;
    lines.push(li(`${t(lang, 'rep.otherNetwork', { label: o.label || t(lang, 'compare.unlabelled') })}: ${t(lang, `headline.${oh.kind}`)} — ${oh.text}`));
  }
  if (st.cancelledRuns) lines.push(li(t(lang, 'rep.cancelledRuns', { n: st.cancelledRuns })));

  lines.push(h2(t(lang, 'rep.settings')));
  const tested = r.probes.filter((p) => p.role === 'configured');
  for (const p of tested) lines.push(li(`${t(lang, `protocol.${p.protocol}`)}: ${p.host}:${p.port} ${t(lang, `security.${p.security}`)}`));
  const dev = settingsLine(lang, input.deviceSettings);
  if (dev.length) {
    lines.push(h2(t(lang, 'rep.deviceSettings')));
    for (const l of dev) lines.push(li(l));
  }

  lines.push(h2(t(lang, 'rep.findings')));
  if (!input.causes.length) lines.push(li(t(lang, 'rep.none')));
  input.causes.forEach((c, i) => {
    lines.push(li(`${i + 1}. ${c.title}${c.codes.length ? ` (${c.codes.join(', ')})` : ''} — ${t(lang, `likelihood.${c.likelihood}`)}`));
    // Causes repeat the same value in their evidence and steps; the ticket needs each line once.
    const seen = new Set<string>();
    const once = (line: string) => {
      if (!seen.has(line)) lines.push(li(line, 1));
      seen.add(line);
    };
    for (const e of c.evidence) once(`${e.label}: ${code(e.value)}`);
    for (const s of c.steps) if (s.setting) once(`${s.setting.label} → ${s.setting.value}`);
  });

  lines.push(h2(t(lang, 'rep.connections')));
  for (const p of r.probes) {
    const failed = p.steps.find((s) => s.status === 'failed');
    const status = p.status === 'ok' ? t(lang, 'status.ok') : p.status === 'failed' ? `${t(lang, 'status.failed')}${failed ? ` (${failed.name})` : ''}` : p.status === 'not-needed' ? t(lang, 'status.notNeeded') : t(lang, 'probe.cancelled');
    const role = t(lang, p.role === 'configured' ? 'probe.role.configured' : 'probe.role.alternative');
    lines.push(li(`${t(lang, `protocol.${p.protocol}`)} ${p.host}:${p.port} ${t(lang, `security.${p.security}`)} [${role}]: ${status} — ${t(lang, 'rep.duration', { ms: Math.round(p.durationMs) })}`));
  }
  lines.push(li(`${t(lang, 'rep.timings')}: ${t(lang, 'rep.duration', { ms: Math.round(r.durationMs) })}`));

  lines.push(h2(t(lang, 'rep.checklist')));
  const touched = input.checklist.filter((s) => input.progress[s.id] && input.progress[s.id]!.status !== 'todo' || input.progress[s.id]?.note);
  if (!touched.length) lines.push(li(t(lang, 'rep.checklist.none')));
  for (const s of touched) {
    const e = input.progress[s.id]!;
    lines.push(li(`${s.title}: ${statusText(lang, e.status)}${e.note ? ` — ${t(lang, 'rep.note')}: ${code(e.note)}` : ''}`));
  }

  lines.push('');
  lines.push(md ? `_${t(lang, 'rep.footer')}_` : t(lang, 'rep.footer'));
  return scrub(lines.join('\n'), secrets) + '\n';
}
