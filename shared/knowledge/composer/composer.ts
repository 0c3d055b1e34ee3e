/**
 * The diagnosis composer: the ONE place that turns a probe report (or only the
 * customer's error text), the provider, the device and what the helpdesk learnt
 * into the answer — a headline, ranked causes (each with evidence, a plain
 * explanation and device fix steps), the correct settings with their source and
 * the settings diff. The renderer, the report, the history and the CLI render
 * what it returns and derive nothing themselves.
 *
 * Ranking: likelihood first (high > medium > low), then nearness to the root
 * cause (finding weights from codes.ts; triage causes slotted between them by
 * triageRank). The steps name the same values as the correct-settings table:
 * every fixable finding gets the trusted correct value of its protocol as `fix`.
 * The rules are described in docs/knowledge.md.
 */
import { codesIn, FINDING_META, type FindingCode } from '../../findings/codes';
import type { Protocol } from '../../models/account';
import type { Lang } from '../../models/device';
import type { LookupMatch } from '../../models/lookup';
import type { DiagnoseReport, Finding } from '../../models/probe';
import { compareRuns } from './composer-compare';
import type { Cause, ComposeInput, ConfiguredSource, Diagnosis, LabelledRun, Likelihood, RunComparison, SettingsDiffRow, TriageCauseId } from './composer-types';
import { deriveCorrect, trustedSettings } from './correct-settings';
import { explainFinding, findingEvidence, findingSummary } from '../findings/finding-text';
import { providerNotes } from '../providers/fix-provider-notes';
import { dedupeSteps } from '../findings/fix-steps';
import { serverRoleName } from '../findings/fix-settings';
import { L, pick, weakestGrade, type AccountSettings, type EvidenceItem } from '../findings/fix-types';
import { composeHeadline } from './headline';
import { AUTH_CODES, configured, everyConfiguredWorks, loginProved, reachedStage, SEND_CODES, sideWorks } from './probe-evidence';
import { diffSettings } from './settings-diff';
import { triageCauses, triageRank } from './triage';

export { compareRuns } from './composer-compare';
export type * from './composer-types';

const LIKELIHOOD_ORDER: Record<Likelihood, number> = { high: 0, medium: 1, low: 2 };

/** Stages where changing port/security can be the fix (as electron/probes/rank.ts decides). */
const FIXABLE_STAGES = new Set<string>(['tcp', 'tls', 'greeting', 'config']);
/** A port-25 block explains the connection failures of that probe. */
const SUPERSEDED_BY_PORT25 = codesIn('no-connection');
/** Triage causes whose own steps are the answer: what they take over adds evidence, not its (device) steps. */
const KEEPS_OWN_STEPS = new Set<string>(['server-outage', 'guessed-server']);

/**
 * Which other causes a triage cause takes over, because its explanation is the
 * better frame for them and listing both would repeat the same steps.
 */
function takesOver(triage: Cause, other: Ranked): boolean {
  const c = other.cause;
  switch (triage.id) {
    case 'server-outage':
    case 'guessed-server':
      // Their codes are exactly the findings they explain (refused/silent ports, the missing name).
      return c.kind !== 'triage' && c.codes.some((x) => triage.codes.includes(x));
    case 'sending-only':
      if (c.kind === 'finding' && c.codes.some((x) => SEND_CODES.has(x))) return true;
      if (c.kind === 'finding' && c.codes.includes('ALTERNATIVE_WORKS')) return other.protocols.size > 0 && [...other.protocols].every((p) => p === 'smtp');
      // A diff whose wrong fields are all on the outgoing server is the same problem.
      return c.id === 'device-settings' && c.settingsDiff.filter((d) => d.status === 'wrong').every((d) => d.protocol === 'smtp');
    case 'password-changed':
      return c.kind === 'finding' && c.codes.includes('AUTH_FAILED');
    default:
      return false;
  }
}

interface Ranked {
  cause: Cause;
  rank: number;
  /** Protocols the cause is about (from its findings). */
  protocols: ReadonlySet<Protocol>;
}

function bump(l: Likelihood): Likelihood {
  return l === 'low' ? 'medium' : 'high';
}

function diffFor(diff: SettingsDiffRow[], protocols: Set<Protocol>, withUser: boolean): SettingsDiffRow[] {
  return diff.filter((d) => (d.protocol ? protocols.has(d.protocol) : withUser));
}

function dedupeEvidence(items: EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const k = `${e.label}\u0000${e.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Does this setting differ from the failing probe's own (so naming it is a change)? */
function differs(fix: NonNullable<Finding['fix']>, f: Finding): boolean {
  return fix.host.toLowerCase() !== (f.host ?? '').toLowerCase() || fix.port !== f.port || fix.security !== f.security;
}

/**
 * Evidence of a working alternative, about the ONE value recommended (its `fix`, the table's
 * value): the engine's own pick and its list of other ports that answered would name a second
 * recommendation next to the steps' one.
 */
function alternativeEvidence(f: Finding, r: DiagnoseReport, lang: Lang): EvidenceItem[] {
  const fix = f.fix;
  if (!fix) return [];
  const probe = r.probes.find((p) => p.role === 'alternative' && p.host.toLowerCase() === fix.host.toLowerCase() && p.port === fix.port && p.security === fix.security);
  // Only the recommended value and what its server said: no host line, no "also works" list.
  return findingEvidence({ code: f.code, severity: f.severity, stage: f.stage, evidence: probe?.greeting ? { serverReply: probe.greeting } : {}, fix }, lang);
}

/** Finding causes from the probe report: one per code, most telling finding first. */
function findingCauses(input: ComposeInput, diff: SettingsDiffRow[], lookupCodes: ReadonlySet<FindingCode>, trusted: AccountSettings): Ranked[] {
  const r = input.report;
  if (!r) return [];
  const ctx = { device: input.device, lang: input.lang, provider: input.provider, email: r.email, checkedAt: r.startedAt, measured: true };
  // Failures of alternative ports the customer does not use are not causes; only the alternative that works is.
  const kept = r.findings.filter((f) => f.role !== 'alternative' || f.code === 'ALTERNATIVE_WORKS');
  // PORT25_BLOCKED explains the timeout/refusal of the same port-25 probe: one cause, not two.
  const port25 = new Set(kept.filter((f) => f.code === 'PORT25_BLOCKED').map((f) => f.probeId ?? `${f.host}:${f.port}`));
  const explainedBy25 = (f: Finding) => SUPERSEDED_BY_PORT25.has(f.code) && port25.has(f.probeId ?? `${f.host}:${f.port}`);
  // A configured failure a setting change fixes names the one correct value of its protocol (the
  // same value the correct-settings table shows), never a second pick of its own.
  const fixable = (f: Finding) => f.code !== 'ALTERNATIVE_WORKS' && FIXABLE_STAGES.has(FINDING_META[f.code].stage);
  const fixOf = (f: Finding): Finding['fix'] => {
    const t = f.protocol ? trusted[f.protocol] : undefined;
    return t?.host && t.port !== undefined && t.security ? { host: t.host, port: t.port, security: t.security } : undefined;
  };
  const withFix = (f: Finding): Finding => {
    const fix = fixOf(f);
    if (fix && (f.code === 'ALTERNATIVE_WORKS' || (fixable(f) && differs(fix, f)))) return { ...f, fix };
    if (f.fix && fixable(f) && !fix) {
      // The engine's own pick is not among the trusted values: do not name it.
      const { fix: _drop, ...rest } = f;
      return rest;
    }
    return f;
  };
  // The alternative that works belongs to the configured failure it fixes: one cause, one set of steps.
  const fixedProtocols = new Set(kept.filter((f) => f.role !== 'alternative' && f.severity === 'error' && fixable(f) && f.protocol).map((f) => f.protocol as Protocol));
  const absorbedAlt = (f: Finding) => f.code === 'ALTERNATIVE_WORKS' && !!f.protocol && fixedProtocols.has(f.protocol);
  const relevant = kept.filter((f) => !explainedBy25(f) && !absorbedAlt(f));
  const groups = new Map<FindingCode, Finding[]>();
  for (const f0 of relevant) {
    const f = withFix(f0);
    groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  }
  // Their evidence (the timeout itself) still belongs to the port-25 cause.
  const p25 = groups.get('PORT25_BLOCKED');
  if (p25) groups.set('PORT25_BLOCKED', [...p25, ...kept.filter(explainedBy25)]);
  const topError = relevant.find((f) => f.severity === 'error')?.code;
  const receives = sideWorks(r, 'incoming');
  const out: Ranked[] = [];
  for (const [code, fs] of groups) {
    const first = fs[0] as Finding;
    const x = explainFinding(first, ctx);
    let likelihood: Likelihood = code === topError ? 'high' : first.severity === 'error' || code === 'ALTERNATIVE_WORKS' ? 'medium' : 'low';
    const evidence = fs.flatMap((f) => (f.code === 'ALTERNATIVE_WORKS' ? alternativeEvidence(f, r, input.lang) : explainFinding(f, ctx).evidence));
    const protocols = new Set(fs.flatMap((f) => (f.protocol ? [f.protocol] : [])));
    const codes: FindingCode[] = [code];
    for (const alt of kept.filter((f) => absorbedAlt(f) && protocols.has(f.protocol as Protocol) && fixable(first))) {
      evidence.push(...alternativeEvidence(withFix(alt), r, input.lang));
      if (!codes.includes('ALTERNATIVE_WORKS')) codes.push('ALTERNATIVE_WORKS');
    }
    if (lookupCodes.has(code)) {
      likelihood = bump(likelihood);
      evidence.push({ label: pick(L('エラーメッセージ', 'Error message'), input.lang), value: pick(L('お客様の画面の表示もこの原因と一致します', 'The message on the customer’s screen points to this too'), input.lang) });
    }
    if (first.severity === 'error' && protocols.size === 1 && protocols.has('smtp') && receives) {
      evidence.push({ label: pick(L('受信', 'Receiving'), input.lang), value: pick(L('受信はできています（送信だけの問題です）', 'Receiving works (only sending is affected)'), input.lang) });
    }
    out.push({
      cause: {
        id: `finding:${code}`,
        kind: 'finding',
        title: x.title,
        explanation: code === 'AUTH_FAILED' ? afterFirstSentence(x.summary, refusedToo(fs, input.lang)) : x.summary,
        evidence: dedupeEvidence(evidence),
        likelihood,
        codes,
        steps: x.steps,
        settingsDiff: diffFor(diff, protocols, AUTH_CODES.has(code)),
        actions: code === 'SERVER_UNAVAILABLE' || code === 'SERVER_TOO_MANY_CONNECTIONS' ? [{ id: 'recheck', label: pick(L('もう一度診断する', 'Check again'), input.lang) }] : [],
        grade: x.grade,
      },
      rank: FINDING_META[code].weight,
      protocols,
    });
  }
  return out;
}

/** The other configured servers that refused the same login: "IMAP refused it" must not read as "only IMAP". */
function refusedToo(fs: Finding[], lang: Lang): string {
  const seen = new Set([fs[0]?.protocol]);
  const names: string[] = [];
  for (const f of fs) {
    if (!f.protocol || seen.has(f.protocol) || f.role === 'alternative' || !f.host) continue;
    seen.add(f.protocol);
    names.push(`${serverRoleName(f.protocol, lang)} ${f.host}${f.port !== undefined ? `:${f.port}` : ''}`);
  }
  if (names.length === 0) return '';
  const en = names.join(' and ');
  return pick(L(`${names.join('、')} も同じく受け付けませんでした。`, ` The ${en} refused it too.`), lang);
}

/** `extra` right after the first sentence of `text` (ja 。 or en ". "), else at its end. */
function afterFirstSentence(text: string, extra: string): string {
  if (!extra) return text;
  const m = /。|\. /.exec(text);
  if (!m) return `${text}${extra}`;
  const end = m.index + 1;
  return `${text.slice(0, end)}${extra}${text.slice(end)}`;
}

function protocolOf(code: FindingCode, match: LookupMatch): Protocol | undefined {
  if (code === 'PORT25_BLOCKED' || code.startsWith('SMTP_') || match.stage === 'smtp-policy') return 'smtp';
  // The message itself often says which side failed ("送信サーバ…", "outgoing (SMTP) server", "POP3").
  if (/送信|outgoing|\bSMTP\b|sending|Cannot Send/i.test(match.text)) return 'smtp';
  if (/\bPOP3?\b/i.test(match.text)) return 'pop3';
  if (/\bIMAP\b/i.test(match.text)) return 'imap';
  return undefined;
}

/**
 * An error-text cause stays only where the run did not reach: with a finished run, the
 * probes have tested that stage and their findings (or their success) are the answer.
 */
function testedAlready(code: FindingCode, protocol: Protocol | undefined, input: ComposeInput): boolean {
  const r = input.report;
  if (!r || r.cancelled) return false;
  // The message names a side the run did not test (「受信 (POP3)…」 while IMAP was tested): judge it
  // by the whole run, which still tested the server the customer cannot reach.
  const side = protocol && configured(r).some((p) => p.protocol === protocol) ? protocol : undefined;
  return explainedByProbes(side, r) || reachedStage(r, code, side);
}

/** The probes named the cause of this side's failure (or of every failure, side unknown): the wording adds no rival. */
function explainedByProbes(protocol: Protocol | undefined, r: DiagnoseReport): boolean {
  const named = (f: Finding) => f.role !== 'alternative' && f.severity === 'error';
  if (protocol) return r.findings.some((f) => named(f) && f.protocol === protocol);
  const failing = r.probes.filter((p) => p.role === 'configured' && p.status === 'failed');
  return failing.length > 0 && failing.every((p) => r.findings.some((f) => named(f) && f.probeId === p.id));
}

/** Causes from the recognised error text, for codes the report does not already cover. */
function lookupCauses(input: ComposeInput, diff: SettingsDiffRow[], covered: ReadonlySet<FindingCode>): Ranked[] {
  const lk = input.lookup;
  if (!lk || lk.matches.length === 0) return [];
  const matches = [...lk.matches].sort((a, b) => b.score - a.score);
  const out: Ranked[] = [];
  const done = new Set<FindingCode>(covered);
  matches.forEach((m, mi) => {
    m.codes.forEach((code, ci) => {
      if (done.has(code) || out.length >= 5) return;
      const protocol = protocolOf(code, m);
      if (testedAlready(code, protocol, input)) return;
      done.add(code);
      // A generic message ("Cannot Get Mail") lists many candidates: none of them is "high" on its own.
      const specific = m.codes.length <= 2;
      let likelihood: Likelihood = mi === 0 && ci === 0 ? (m.score >= 0.75 && lk.recognised && specific ? 'high' : 'medium') : mi === 0 ? 'medium' : 'low';
      // With a report, the probes had their say: the error text only adds what they could not test.
      // The customer's screen says the password is wrong, every server answered, and the login
      // could not be tried here: that is the most likely cause left.
      if (input.report) {
        const r = input.report;
        likelihood = AUTH_CODES.has(code) && !loginProved(r) ? (mi === 0 && ci === 0 && everyConfiguredWorks(r) ? 'high' : 'medium') : 'low';
      }
      const meta = FINDING_META[code];
      const finding: Finding = { code, severity: meta.severity, stage: meta.stage, evidence: {} };
      if (protocol) finding.protocol = protocol;
      const x = explainFinding(finding, { device: input.device, lang: input.lang, provider: input.provider, email: input.report?.email });
      const evidence: EvidenceItem[] = [];
      if (input.errorText) evidence.push({ label: pick(L('お客様の画面の表示', 'Message on the customer’s screen'), input.lang), value: input.errorText });
      evidence.push({ label: pick(L('一致した既知のメッセージ', 'Matching known message'), input.lang), value: `${m.text} (${m.platform})` });
      if (m.meaning) evidence.push({ label: pick(L('よくある意味', 'Usual meaning'), input.lang), value: m.meaning });
      const grade = weakestGrade([x.grade, ...(m.grade ? [m.grade] : [])]);
      out.push({
        cause: {
          id: `finding:${code}`,
          kind: 'lookup',
          title: x.title,
          explanation: x.summary,
          evidence,
          likelihood,
          codes: [code],
          steps: x.steps,
          settingsDiff: diffFor(diff, new Set(protocol ? [protocol] : []), AUTH_CODES.has(code)),
          actions: [],
          grade,
        },
        // The lookup lists candidates most likely first; keep its order.
        rank: 100 + mi * 10 + ci,
        protocols: new Set(protocol ? [protocol] : []),
      });
    });
  });
  return out;
}

/** Compare the current run with each earlier one; keep the comparison that shows the most. */
function bestComparison(input: ComposeInput): RunComparison | undefined {
  const r = input.report;
  const prev = input.previousRuns ?? [];
  if (!r || prev.length === 0) return undefined;
  const current: LabelledRun = { label: input.currentLabel ?? pick(L('今回の診断', 'this run'), input.lang), report: r };
  const all = prev.map((p) => compareRuns(current, p, input.lang));
  const score = (c: RunComparison) => (c.conclusion.failingLabel ? 100 : 0) + c.rows.filter((x) => x.differs).length;
  return all.sort((a, b) => score(b) - score(a))[0];
}

function protocolsInUse(input: ComposeInput): Protocol[] | undefined {
  const d = input.deviceSettings;
  const fromDevice = (['imap', 'pop3', 'smtp'] as const).filter((p) => d?.[p] && Object.keys(d[p] ?? {}).length > 0);
  if (fromDevice.length > 0) return fromDevice;
  const configured = [...new Set((input.report?.probes ?? []).filter((p) => p.role === 'configured').map((p) => p.protocol))];
  return configured.length > 0 ? configured : undefined;
}

/** Let a triage cause take over the causes it frames better (see takesOver). */
function absorb(all: Ranked[], lang: Lang): Ranked[] {
  let rest = all;
  for (const t of all) {
    if (t.cause.kind !== 'triage' || !rest.includes(t)) continue;
    const taken = rest.filter((o) => o !== t && takesOver(t.cause, o));
    if (taken.length === 0) continue;
    rest = rest.filter((o) => !taken.includes(o));
    const c = t.cause;
    if (KEEPS_OWN_STEPS.has(c.id)) {
      c.evidence = dedupeEvidence([...c.evidence, ...taken.flatMap((f) => f.cause.evidence)]);
      c.codes = [...new Set([...c.codes, ...taken.flatMap((f) => f.cause.codes)])];
      t.rank = Math.min(t.rank, ...taken.map((f) => f.rank));
      continue;
    }
    const keepLead = c.id === 'password-changed' ? c.steps.slice(0, 1) : [];
    c.explanation = [c.explanation, ...taken.filter((f) => f.cause.kind === 'finding').map((f) => f.cause.explanation)].join(lang === 'ja' ? '' : ' ');
    c.evidence = dedupeEvidence([...c.evidence, ...taken.flatMap((f) => f.cause.evidence)]);
    // The taken causes' steps carry exact values seen working; they replace the generic ones.
    c.steps = dedupeSteps([...keepLead, ...taken.flatMap((f) => f.cause.steps)]);
    c.codes = [...new Set([...c.codes, ...taken.flatMap((f) => f.cause.codes)])];
    const wider = taken.map((f) => f.cause.settingsDiff).sort((a, b) => b.length - a.length)[0] ?? [];
    if (wider.length > c.settingsDiff.length) c.settingsDiff = wider;
    if (taken.some((f) => f.cause.likelihood === 'high')) c.likelihood = 'high';
    c.grade = weakestGrade(c.steps.map((s) => s.grade));
    t.rank = Math.min(t.rank, ...taken.map((f) => f.rank));
  }
  return rest;
}

/** Ranked causes for the diagnosis screen, the report and the checklist ordering. */
/**
 * Where each tested server came from: what the caller says (the account form's rows), else
 * what the engine recorded when it found the servers itself (discovery or a guess).
 */
function withServerSources(input: ComposeInput): ComposeInput {
  const fromEngine: Partial<Record<Protocol, ConfiguredSource>> = {};
  for (const p of configured(input.report)) if (p.serverSource && !fromEngine[p.protocol]) fromEngine[p.protocol] = p.serverSource;
  if (Object.keys(fromEngine).length === 0) return input;
  return { ...input, serverSources: { ...fromEngine, ...input.serverSources } };
}

export function composeDiagnosis(given: ComposeInput): Diagnosis {
  const input = withServerSources(given);
  const correct = deriveCorrect({ report: input.report, provider: input.provider, serverSources: input.serverSources, user: input.user });
  const trusted = trustedSettings(correct);
  const diff = diffSettings({ device: input.device, lang: input.lang, deviceSettings: input.deviceSettings, correct, protocols: protocolsInUse(input) });
  const comparison = bestComparison(input);
  const reportCodes = new Set<FindingCode>(input.report?.findings.map((f) => f.code) ?? []);
  const lookupCodes = new Set<FindingCode>(input.lookup?.matches.flatMap((m) => m.codes) ?? []);

  const fromFindings = findingCauses(input, diff, lookupCodes, trusted);
  const fromLookup = lookupCauses(input, diff, reportCodes);
  // A configured failure whose fix is a setting change already names the right values for its protocol.
  const covered = new Set<Protocol>(
    fromFindings.filter((x) => x.cause.codes.some((c) => FIXABLE_STAGES.has(FINDING_META[c].stage) && FINDING_META[c].severity === 'error')).flatMap((x) => [...x.protocols]),
  );
  const triage: Ranked[] = triageCauses({ input, diff, correct: trusted, covered, comparison, reportCodes, lookupCodes }, fromFindings.length + fromLookup.length === 0).map((cause) => ({
    cause,
    rank: triageRank(cause.id as TriageCauseId),
    protocols: new Set<Protocol>(),
  }));
  const all = absorb([...triage, ...fromFindings, ...fromLookup], input.lang);
  all.sort((a, b) => LIKELIHOOD_ORDER[a.cause.likelihood] - LIKELIHOOD_ORDER[b.cause.likelihood] || a.rank - b.rank);
  const causes = all.map((x) => x.cause);
  const out: Diagnosis = {
    headline: composeHeadline({ input, causes, diff }),
    causes,
    settingsDiff: diff,
    correct,
    correctSettings: trusted,
    providerNotes: providerNotes(input.provider, input.lang),
  };
  if (comparison) out.comparison = comparison;
  return out;
}

/** The summary sentence of a finding, re-exported for callers that only have a code list. */
export { findingSummary };
