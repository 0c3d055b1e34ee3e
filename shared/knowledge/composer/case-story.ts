/**
 * A case keeps its runs: before the fix, after the fix, on other networks. This file turns
 * them into the story the ticket and the history row tell — symptom, what was wrong, the fix
 * applied, the result after it — and picks, for each run, which other runs its network
 * comparison may use.
 *
 * - A cancelled run is never compared and never the "before" or "after".
 * - Two runs with the same network label (both unlabelled included) are the same network: the
 *   later one is a re-run after a fix, not a second network.
 */
import { PROTOCOLS, type Protocol } from '../../models/account';
import type { Lang } from '../../models/device';
import { composeDiagnosis } from './composer';
import type { ComposeInput, ConfiguredSource, Diagnosis, HeadlineKind, LabelledRun } from './composer-types';
import { securityName } from '../findings/fix-settings';
import { L, pick } from '../findings/fix-types';

export interface CaseRun extends LabelledRun {
  sources?: Partial<Record<Protocol, ConfiguredSource>>;
  user?: string;
}

/** Everything about the case except the run and the language. */
export type CaseContext = Omit<ComposeInput, 'report' | 'previousRuns' | 'currentLabel' | 'serverSources' | 'user' | 'lang'>;

export const networkKey = (label: string): string => label.trim().toLowerCase();
const finishedRun = (r: CaseRun): boolean => !r.report.cancelled;

/** Earlier finished runs on other networks (the latest per network), for run `index`'s comparison. */
export function otherNetworkRuns(runs: readonly CaseRun[], index: number): LabelledRun[] {
  const current = runs[index];
  if (!current) return [];
  const byNetwork = new Map<string, CaseRun>();
  runs.forEach((r, i) => {
    if (i === index || !finishedRun(r) || networkKey(r.label) === networkKey(current.label)) return;
    byNetwork.set(networkKey(r.label), r);
  });
  return [...byNetwork.values()].map((r) => ({ label: r.label, report: r.report }));
}

/** The diagnosis of one run of the case, compared only with finished runs on other networks. */
export function composeRun(ctx: CaseContext, runs: readonly CaseRun[], index: number, lang: Lang): Diagnosis | undefined {
  const run = runs[index];
  if (!run) return undefined;
  const previousRuns = otherNetworkRuns(runs, index);
  return composeDiagnosis({
    ...ctx,
    lang,
    report: run.report,
    ...(run.sources ? { serverSources: run.sources } : {}),
    ...(run.user ? { user: run.user } : {}),
    ...(previousRuns.length ? { previousRuns } : {}),
    ...(run.label.trim() ? { currentLabel: run.label.trim() } : {}),
  });
}

export interface StoryRun {
  index: number;
  label: string;
  diagnosis: Diagnosis;
}

export interface CaseStory {
  /** The customer's message, as typed. */
  symptom?: string;
  /** The first finished run: what was wrong. */
  first?: StoryRun;
  /** The last finished run, when it is a later run on the same network as `first` (the re-run after a fix). */
  afterFix?: StoryRun;
  /** Setting changes between `first` and `afterFix`, e.g. "SMTP: host:25 STARTTLS → host:465 SSL/TLS". */
  fixApplied: string[];
  /** Finished runs on other networks than `first`'s. */
  otherNetworks: StoryRun[];
  cancelledRuns: number;
  /** The final state: the last finished run's headline. */
  final?: HeadlineKind;
}

function configuredLine(run: CaseRun, p: Protocol, lang: Lang): string | undefined {
  const c = run.report.probes.find((x) => x.role === 'configured' && x.protocol === p);
  return c ? `${c.host}:${c.port} ${securityName(c.security, lang)}` : undefined;
}

const PROTOCOL_NAME: Record<Protocol, { ja: string; en: string }> = {
  imap: L('受信（IMAP）', 'Incoming (IMAP)'),
  pop3: L('受信（POP3）', 'Incoming (POP3)'),
  smtp: L('送信（SMTP）', 'Outgoing (SMTP)'),
};

export function caseStory(ctx: CaseContext, runs: readonly CaseRun[], lang: Lang): CaseStory {
  const finished = runs.map((r, index) => ({ r, index })).filter((x) => finishedRun(x.r));
  const story: CaseStory = { fixApplied: [], otherNetworks: [], cancelledRuns: runs.length - finished.length };
  if (ctx.errorText?.trim()) story.symptom = ctx.errorText.trim();
  const head = finished[0];
  if (!head) return story;
  const as = (x: { r: CaseRun; index: number }): StoryRun | undefined => {
    const diagnosis = composeRun(ctx, runs, x.index, lang);
    return diagnosis ? { index: x.index, label: x.r.label, diagnosis } : undefined;
  };
  story.first = as(head);
  const sameNet = finished.filter((x) => networkKey(x.r.label) === networkKey(head.r.label));
  const tail = sameNet[sameNet.length - 1];
  if (tail && tail.index !== head.index) {
    story.afterFix = as(tail);
    for (const p of PROTOCOLS) {
      const before = configuredLine(head.r, p, lang);
      const after = configuredLine(tail.r, p, lang);
      if (before && after && before !== after) story.fixApplied.push(`${pick(PROTOCOL_NAME[p], lang)}: ${before} → ${after}`);
    }
  }
  const seen = new Set<string>();
  for (const x of [...finished].reverse()) {
    const k = networkKey(x.r.label);
    if (k === networkKey(head.r.label) || seen.has(k)) continue;
    seen.add(k);
    const s = as(x);
    if (s) story.otherNetworks.unshift(s);
  }
  const last = finished[finished.length - 1];
  const lastDiag = last && (last.index === story.afterFix?.index ? story.afterFix.diagnosis : last.index === head.index ? story.first?.diagnosis : composeRun(ctx, runs, last.index, lang));
  if (lastDiag) story.final = lastDiag.headline.kind;
  return story;
}

/** What a history row shows: what was wrong (both languages) and the final state. */
export function caseOutcome(ctx: CaseContext, runs: readonly CaseRun[]): { problem?: { ja: string; en: string }; final: HeadlineKind } | undefined {
  const ja = caseStory(ctx, runs, 'ja');
  if (!ja.first || !ja.final) return undefined;
  const en = caseStory(ctx, runs, 'en');
  const wrong = (s: CaseStory) => (s.first && s.first.diagnosis.headline.kind !== 'ok' ? s.first.diagnosis.headline.text : undefined);
  const pj = wrong(ja);
  const pe = wrong(en);
  return { ...(pj && pe ? { problem: { ja: pj.slice(0, 300), en: pe.slice(0, 300) } } : {}), final: ja.final };
}
