/**
 * The ticket report as text or Markdown: 症状 / 原因 / 対処 / 結果 / 担当メモ first, in words
 * (no finding codes, no engine English), then — only when asked — the technical details.
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
import { stepName } from '../../shared/i18n/step-text';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import type { WatchTimeline } from '../../shared/watch/watch-timeline';
import { timelineLines } from '../../shared/watch/watch-text';
import { FINDING_CODES, type FindingCode } from '../../shared/findings/codes';
import { fixPlan, stepLines } from './customer-steps';
import { displayWidth } from '../../shared/i18n/display-width';

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
  ticket?: string;
  customer?: string;
  /** The agent's notes on the case (担当メモ). */
  notes?: string;
  /** The timeline of a watch (repeated runs), when one ran in this case. */
  watch?: WatchTimeline;
  /** Add the technical section (causes with evidence, tested settings, connections, timings). */
  technical?: boolean;
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


/** The engine's detail messages name finding codes ("port 25 fails (TCP_TIMEOUT)"); a ticket reads their titles. */
const CODE_RE = new RegExp(`\\b(${FINDING_CODES.join('|')})\\b`, 'g');
const withoutCodes = (text: string, lang: Lang): string => text.replace(CODE_RE, (c) => findingTitle(c as FindingCode, lang));

/** Brackets as each language writes them. */
const paren = (lang: Lang, x: string): string => (lang === 'ja' ? `（${x}）` : ` (${x})`);

export function buildReportText(input: ReportInput, lang: Lang, format: ReportFormat, secrets: readonly string[]): string {
  const md = format === 'markdown';
  // Plain text: the underline is as wide as the heading is displayed (a kanji takes two columns).
  const h1 = (x: string) => (md ? `# ${x}` : `${x}\n${'='.repeat(Math.min(60, displayWidth(x)))}`);
  const h2 = (x: string) => (md ? `\n## ${x}` : `\n${x}\n${'-'.repeat(Math.min(60, displayWidth(x)))}`);
  const h3 = (x: string) => (md ? `\n### ${x}` : `\n[${x}]`);
  const li = (x: string, depth = 0) => `${'  '.repeat(depth)}${md ? '- ' : '* '}${x}`;
  // Server and user text: a code span nothing inside can close (Markdown), one line with controls shown (both).
  const code = (x: string) => (md ? markdownInlineCode(x) : safeOneLine(x));
  const r = input.report;
  const st = input.story;
  const lines: string[] = [];
  lines.push(h1(t(lang, 'rep.heading')));
  lines.push('');
  lines.push(li(`${t(lang, 'rep.created')}: ${input.createdAt}`));
  if (input.ticket?.trim()) lines.push(li(`${t(lang, 'rep2.ticket')}: ${code(input.ticket.trim())}`));
  if (input.customer?.trim()) lines.push(li(`${t(lang, 'rep2.customer')}: ${code(input.customer.trim())}`));
  lines.push(li(`${t(lang, 'rep.email')}: ${safeOneLine(input.email)}`));
  lines.push(li(`${t(lang, 'rep.device')}: ${input.deviceLabel ?? t(lang, 'device.none')}`));
  // The helpdesk switched the domain's MX/SRV lookups off: the ticket says the run kept its queries to itself.
  if (r.dns.some((d) => d.skipped === 'no-domain-lookups')) lines.push(li(t(lang, 'rep2.noDomainLookups')));

  // 症状: what the customer saw, as they said it.
  lines.push(h2(t(lang, 'rep2.symptom')));
  const symptom = input.errorText.trim() || st.symptom;
  lines.push(li(symptom ? code(symptom.replace(/\s+/g, ' ')) : t(lang, 'rep2.symptom.none')));

  // 原因: one line — what the first finished run found wrong (the state before any fix).
  lines.push(h2(t(lang, 'rep2.cause')));
  const causeHead = st.first?.diagnosis.headline ?? input.headline;
  lines.push(li(causeHead.kind === 'ok' ? t(lang, 'rep2.cause.none') : causeHead.text));

  // 対処: the device's menus and values (what to do now, or what was done before the re-test that works).
  const plan = fixPlan({ headline: input.headline, causes: input.causes }, st);
  lines.push(h2(t(lang, plan.done ? 'rep2.fix.done' : 'rep2.fix')));
  const fixedSteps = input.checklist.filter((s) => input.progress[s.id]?.status === 'fixed').map((s) => s.title);
  plan.steps.forEach((s, i) => {
    const [first, ...rest] = stepLines(s, lang);
    // A numbered list in both formats (Markdown renders `1.` as an ordered list), details indented under it.
    lines.push(`${i + 1}. ${first}`);
    for (const l of rest) lines.push(`   ${md ? '- ' : ''}${l}`);
  });
  for (const f of [...st.fixApplied, ...fixedSteps]) lines.push(li(f));
  if (!plan.steps.length && !st.fixApplied.length && !fixedSteps.length) lines.push(li(t(lang, 'rep2.fix.none')));

  // 結果: the final state, then what other networks and stopped runs showed.
  lines.push(h2(t(lang, 'rep2.result')));
  const last = st.afterFix?.diagnosis.headline ?? input.headline;
  lines.push(li(last.kind === 'ok' ? t(lang, 'rep2.result.ok') : t(lang, last.kind === 'problem' ? 'rep2.result.problem' : 'rep2.result.unverified', { text: last.text })));
  if (!st.afterFix && last.kind !== 'ok') lines.push(li(t(lang, 'rep2.result.firstRun')));
  for (const o of st.otherNetworks) {
    const oh = o.diagnosis.headline;
    lines.push(li(`${t(lang, 'rep.otherNetwork', { label: o.label || t(lang, 'compare.unlabelled') })}: ${t(lang, `headline.${oh.kind}`)} — ${oh.text}`));
  }
  if (st.cancelledRuns) lines.push(li(t(lang, 'rep.cancelledRuns', { n: st.cancelledRuns })));

  if (input.watch?.runs.length) {
    lines.push(h2(t(lang, 'rep2.watch')));
    for (const l of timelineLines(input.watch, lang)) lines.push(li(safeOneLine(l.text), l.depth));
  }

  // 担当メモ: the agent's notes and every checklist step they touched.
  lines.push(h2(t(lang, 'rep2.memo')));
  const noteLines = (input.notes ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const l of noteLines) lines.push(li(code(l)));
  const touched = input.checklist.filter((s) => (input.progress[s.id] && input.progress[s.id]!.status !== 'todo') || input.progress[s.id]?.note);
  for (const s of touched) {
    const e = input.progress[s.id]!;
    lines.push(li(`${s.title}: ${statusText(lang, e.status)}${e.note ? ` — ${t(lang, 'rep.note')}: ${code(e.note)}` : ''}`));
  }
  if (!noteLines.length && !touched.length) lines.push(li(t(lang, 'rep2.memo.none')));

  if (input.technical) {
    lines.push(h2(t(lang, 'rep2.technical')));
    lines.push(h3(t(lang, 'rep2.causes')));
    if (!input.causes.length) lines.push(li(t(lang, 'rep.none')));
    input.causes.forEach((c, i) => {
      lines.push(li(`${i + 1}. ${c.title} — ${t(lang, `likelihood.${c.likelihood}`)}`));
      // Causes repeat the same value in their evidence and steps; the ticket needs each line once.
      const seen = new Set<string>();
      const once = (line: string) => {
        if (!seen.has(line)) lines.push(li(line, 1));
        seen.add(line);
      };
      for (const e of c.evidence) once(`${e.label}: ${code(withoutCodes(e.value, lang))}`);
      for (const s of c.steps) if (s.setting) once(`${s.setting.label} → ${s.setting.value}`);
    });

    lines.push(h3(t(lang, 'rep.settings')));
    for (const p of r.probes.filter((x) => x.role === 'configured')) lines.push(li(`${t(lang, `protocol.${p.protocol}`)}: ${p.host}:${p.port} ${t(lang, `security.${p.security}`)}`));
    const dev = settingsLine(lang, input.deviceSettings);
    if (dev.length) {
      lines.push(h3(t(lang, 'rep.deviceSettings')));
      for (const l of dev) lines.push(li(l));
    }

    lines.push(h3(t(lang, 'rep.connections')));
    for (const p of r.probes) {
      const failed = p.steps.find((s) => s.status === 'failed');
      const status =
        p.status === 'ok'
          ? t(lang, 'status.ok')
          : p.status === 'failed'
            ? `${t(lang, 'status.failed')}${failed ? paren(lang, t(lang, 'rep2.step', { step: stepName(failed.name, lang) })) : ''}`
            : p.status === 'not-needed'
              ? t(lang, 'status.notNeeded')
              : t(lang, 'probe.cancelled');
      const role = t(lang, p.role === 'configured' ? 'probe.role.configured' : 'probe.role.alternative');
      lines.push(li(`${t(lang, `protocol.${p.protocol}`)} ${p.host}:${p.port} ${t(lang, `security.${p.security}`)}${paren(lang, role)}: ${status} — ${t(lang, 'rep.duration', { ms: Math.round(p.durationMs) })}`));
    }
    lines.push(li(`${t(lang, 'rep.timings')}: ${t(lang, 'rep.duration', { ms: Math.round(r.durationMs) })}`));
  }

  lines.push('');
  lines.push(md ? `_${t(lang, 'rep.footer')}_` : t(lang, 'rep.footer'));
  return scrub(lines.join('\n'), secrets) + '\n';
}
