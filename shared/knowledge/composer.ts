/**
 * The diagnosis composer: turns a probe report (or only the
 * customer's error text), the provider, the device and what the helpdesk
 * learnt into a ranked list of causes, each with evidence, a plain
 * explanation, device fix steps and a settings diff.
 *
 * Ranking: likelihood first (high > medium > low), then nearness to the root
 * cause (finding weights from codes.ts; triage causes slotted between them by
 * triageRank). The rules are described in docs/knowledge.md.
 */
import { FINDING_META, type FindingCode } from '../findings/codes';
import type { Protocol } from '../models/account';
import type { Lang } from '../models/device';
import type { LookupMatch } from '../models/lookup';
import type { Finding } from '../models/probe';
import { compareRuns } from './composer-compare';
import type { Cause, ComposeInput, Diagnosis, LabelledRun, Likelihood, RunComparison, SettingsDiffRow, TriageCauseId } from './composer-types';
import { explainFinding, findingSummary } from './finding-text';
import { providerNotes } from './fix-provider-notes';
import { dedupeSteps } from './fix-steps';
import { L, pick, weakestGrade, type EvidenceItem } from './fix-types';
import { deriveCorrectSettings, diffSettings } from './settings-diff';
import { triageCauses, triageRank } from './triage';

export { compareRuns } from './composer-compare';
export type * from './composer-types';

const LIKELIHOOD_ORDER: Record<Likelihood, number> = { high: 0, medium: 1, low: 2 };
const AUTH_CODES = new Set<FindingCode>(['AUTH_FAILED', 'AUTH_APP_PASSWORD_REQUIRED', 'AUTH_BASIC_DISABLED', 'AUTH_PLAINTEXT_DISABLED', 'AUTH_MECHANISM_UNSUPPORTED']);

/** Stages where changing port/security can be the fix (as electron/probes/rank.ts decides). */
const FIXABLE_STAGES = new Set<string>(['tcp', 'tls', 'greeting', 'config']);
const SUPERSEDED_BY_PORT25 = new Set<FindingCode>(['TCP_TIMEOUT', 'TCP_REFUSED', 'TCP_RESET', 'TCP_UNREACHABLE']);
const SEND_CODES = new Set<FindingCode>(['PORT25_BLOCKED', 'SMTP_AUTH_REQUIRED', 'SMTP_RELAY_DENIED', 'SMTP_SENDER_REJECTED']);

/**
 * Which other causes a triage cause takes over, because its explanation is the
 * better frame for them and listing both would repeat the same steps.
 */
function takesOver(triageId: string, other: Ranked): boolean {
  const c = other.cause;
  switch (triageId) {
    case 'server-outage':
      return c.kind === 'finding' && c.codes.includes('SERVER_UNAVAILABLE');
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

/** Finding causes from the probe report: one per code, most telling finding first. */
function findingCauses(input: ComposeInput, diff: SettingsDiffRow[], lookupCodes: ReadonlySet<FindingCode>): Ranked[] {
  const r = input.report;
  if (!r) return [];
  const ctx = { device: input.device, lang: input.lang, provider: input.provider, email: r.email };
  // Failures of alternative ports the customer does not use are not causes; only the alternative that works is.
  const kept = r.findings.filter((f) => f.role !== 'alternative' || f.code === 'ALTERNATIVE_WORKS');
  // PORT25_BLOCKED explains the timeout/refusal of the same port-25 probe: one cause, not two.
  const port25 = new Set(kept.filter((f) => f.code === 'PORT25_BLOCKED').map((f) => f.probeId ?? `${f.host}:${f.port}`));
  const explainedBy25 = (f: Finding) => SUPERSEDED_BY_PORT25.has(f.code) && port25.has(f.probeId ?? `${f.host}:${f.port}`);
  const relevant = kept.filter((f) => !explainedBy25(f));
  // A configured failure that a working alternative fixes gets that alternative as its `fix`,
  // so its steps name the values seen working rather than the catalog or the standard table.
  const altFix = new Map<Protocol, NonNullable<Finding['fix']>>();
  for (const f of kept) if (f.code === 'ALTERNATIVE_WORKS' && f.protocol && f.fix && !altFix.has(f.protocol)) altFix.set(f.protocol, f.fix);
  const withFix = (f: Finding): Finding => {
    const fix = f.protocol ? altFix.get(f.protocol) : undefined;
    return !f.fix && fix && f.code !== 'ALTERNATIVE_WORKS' && FIXABLE_STAGES.has(FINDING_META[f.code].stage) ? { ...f, fix } : f;
  };
  const groups = new Map<FindingCode, Finding[]>();
  for (const f0 of relevant) {
    const f = withFix(f0);
    groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  }
  // Their evidence (the timeout itself) still belongs to the port-25 cause.
  const p25 = groups.get('PORT25_BLOCKED');
  if (p25) groups.set('PORT25_BLOCKED', [...p25, ...kept.filter(explainedBy25)]);
  const topError = relevant.find((f) => f.severity === 'error')?.code;
  const out: Ranked[] = [];
  for (const [code, fs] of groups) {
    const first = fs[0] as Finding;
    const x = explainFinding(first, ctx);
    let likelihood: Likelihood = code === topError ? 'high' : first.severity === 'error' || code === 'ALTERNATIVE_WORKS' ? 'medium' : 'low';
    const evidence = fs.flatMap((f) => explainFinding(f, ctx).evidence);
    if (lookupCodes.has(code)) {
      likelihood = bump(likelihood);
      evidence.push({ label: pick(L('エラーメッセージ', 'Error message'), input.lang), value: pick(L('お客様の画面の表示もこの原因と一致します', 'The message on the customer’s screen points to this too'), input.lang) });
    }
    const protocols = new Set(fs.flatMap((f) => (f.protocol ? [f.protocol] : [])));
    out.push({
      cause: {
        id: `finding:${code}`,
        kind: 'finding',
        title: x.title,
        explanation: x.summary,
        evidence: dedupeEvidence(evidence),
        likelihood,
        codes: [code],
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

function protocolOf(code: FindingCode, match: LookupMatch): Protocol | undefined {
  if (code === 'PORT25_BLOCKED' || code.startsWith('SMTP_') || match.stage === 'smtp-policy') return 'smtp';
  // The message itself often says which side failed ("送信サーバ…", "outgoing (SMTP) server", "POP3").
  if (/送信|outgoing|\bSMTP\b|sending|Cannot Send/i.test(match.text)) return 'smtp';
  if (/\bPOP3?\b/i.test(match.text)) return 'pop3';
  if (/\bIMAP\b/i.test(match.text)) return 'imap';
  return undefined;
}

/** Did the probes already explain a failure of this protocol's configured server? */
function explainedByProbes(protocol: Protocol | undefined, input: ComposeInput): boolean {
  const r = input.report;
  if (!r) return false;
  const named = (f: Finding) => f.role !== 'alternative' && f.severity === 'error';
  if (protocol) return r.findings.some((f) => named(f) && f.protocol === protocol);
  // Side unknown: when something failed and every failing configured connection already has its
  // cause, the wording cannot add one. (All green is different: then the wording may well point
  // at the device's own settings, so it is kept.)
  const configured = r.probes.filter((p) => p.role === 'configured');
  const failing = configured.filter((p) => p.status === 'failed');
  return failing.length > 0 && failing.every((p) => r.findings.some((f) => named(f) && f.probeId === p.id));
}

/** Has the report shown this code's stage working, so the error text cannot mean it? */
function contradicted(code: FindingCode, input: ComposeInput): boolean {
  const r = input.report;
  if (!r) return false;
  const stage = FINDING_META[code].stage;
  const probes = r.probes.filter((p) => p.role === 'configured');
  if (stage === 'auth') return probes.some((p) => p.login === 'ok');
  if (stage === 'dns' || stage === 'tcp') return probes.some((p) => p.steps.some((s) => s.name === 'tcp' && s.status === 'ok'));
  if (stage === 'tls') return probes.some((p) => p.steps.some((s) => (s.name === 'tls' || s.name === 'starttls') && s.status === 'ok'));
  return false;
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
      if (done.has(code) || out.length >= 5 || contradicted(code, input)) return;
      const protocol = protocolOf(code, m);
      // The probes measured this side and named the cause: a guess from the wording only adds noise.
      if (explainedByProbes(protocol, input)) return;
      done.add(code);
      // A generic message ("Cannot Get Mail") lists many candidates: none of them is "high" on its own.
      const specific = m.codes.length <= 2;
      let likelihood: Likelihood = mi === 0 && ci === 0 ? (m.score >= 0.75 && lk.recognised && specific ? 'high' : 'medium') : mi === 0 ? 'medium' : 'low';
      // With a report, the probes had their say: the error text only adds what they could not test.
      if (input.report) likelihood = input.report.findings.some((f) => f.code === 'LOGIN_NOT_TRIED') && AUTH_CODES.has(code) ? 'medium' : 'low';
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
    const taken = rest.filter((o) => o !== t && takesOver(t.cause.id, o));
    if (taken.length === 0) continue;
    rest = rest.filter((o) => !taken.includes(o));
    const c = t.cause;
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
export function composeDiagnosis(input: ComposeInput): Diagnosis {
  const correct = deriveCorrectSettings(input.correctSettings, input.report, input.provider, input.report?.email);
  const diff = diffSettings({ device: input.device, lang: input.lang, deviceSettings: input.deviceSettings, correct, protocols: protocolsInUse(input) });
  const comparison = bestComparison(input);
  const reportCodes = new Set<FindingCode>(input.report?.findings.map((f) => f.code) ?? []);
  const lookupCodes = new Set<FindingCode>(input.lookup?.matches.flatMap((m) => m.codes) ?? []);

  const fromFindings = findingCauses(input, diff, lookupCodes);
  const fromLookup = lookupCauses(input, diff, reportCodes);
  const triage: Ranked[] = triageCauses({ input, diff, correct, comparison, reportCodes, lookupCodes }, fromFindings.length + fromLookup.length === 0).map((cause) => ({
    cause,
    rank: triageRank(cause.id as TriageCauseId),
    protocols: new Set<Protocol>(),
  }));
  const all = absorb([...triage, ...fromFindings, ...fromLookup], input.lang);
  all.sort((a, b) => LIKELIHOOD_ORDER[a.cause.likelihood] - LIKELIHOOD_ORDER[b.cause.likelihood] || a.rank - b.rank);
  const out: Diagnosis = { causes: all.map((x) => x.cause), settingsDiff: diff, correctSettings: correct, providerNotes: providerNotes(input.provider, input.lang) };
  if (comparison) out.comparison = comparison;
  return out;
}

/** The summary sentence of a finding, re-exported for callers that only have a code list. */
export { findingSummary };
