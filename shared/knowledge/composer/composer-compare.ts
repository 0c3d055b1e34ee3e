/**
 * Network comparison: the same account checked on two networks ("office Wi-Fi"
 * vs "phone tethering"), target by target, with a one-line conclusion.
 *
 * The Japanese helpdesk method asks "does it fail everywhere, or only here?"
 * first: only here → the network (filter, VPN, OP25B, TLS-inspecting proxy);
 * everywhere → the server or the account.
 */
import { FINDING_META } from '../../findings/codes';
import type { Lang } from '../../models/device';
import type { DiagnoseReport, ProbeResult } from '../../models/probe';
import { assertNever } from '../../result';
import type { ComparisonConclusionKind, LabelledRun, RunCell, RunComparison, RunComparisonRow } from './composer-types';
import { L, pick } from '../findings/fix-types';

function keyOf(p: { protocol: string; host: string; port: number; security: string }): string {
  return `${p.protocol} ${p.host.toLowerCase().replace(/\.$/, '')}:${p.port} ${p.security}`;
}

/** The probe's most telling finding: errors before warnings, nearest the root cause first. */
function topCode(p: ProbeResult): RunCell['code'] {
  const sev = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...p.findings].sort((a, b) => sev[a.severity] - sev[b.severity] || FINDING_META[a.code].weight - FINDING_META[b.code].weight);
  return sorted[0]?.code;
}

export function runCell(p: ProbeResult | undefined): RunCell {
  if (!p) return { status: 'absent' };
  const cell: RunCell = { status: p.status, durationMs: p.durationMs };
  const failed = p.steps.find((s) => s.status === 'failed');
  // A probe can end 'failed' only because the login was refused; that is its "auth" step.
  if (failed) cell.failedStep = failed.name;
  else if (p.status === 'failed' && p.login === 'failed') cell.failedStep = 'auth';
  const code = topCode(p);
  if (code) cell.code = code;
  return cell;
}

function byKey(report: DiagnoseReport): Map<string, ProbeResult> {
  const m = new Map<string, ProbeResult>();
  for (const p of report.probes) if (!m.has(keyOf(p))) m.set(keyOf(p), p);
  return m;
}

const isFail = (c: RunCell) => c.status === 'failed';
/** Only a probe that ran to an answer says something; "not needed"/cancelled vs OK is no difference. */
const conclusive = (c: RunCell) => c.status === 'ok' || c.status === 'failed';
const isPort25 = (r: RunComparisonRow) => r.protocol === 'smtp' && r.port === 25;

/** Compare two labelled runs target by target. */
export function compareRuns(a: LabelledRun, b: LabelledRun, lang: Lang = 'ja'): RunComparison {
  const ma = byKey(a.report);
  const mb = byKey(b.report);
  const keys = [...new Set([...ma.keys(), ...mb.keys()])];
  const rows: RunComparisonRow[] = keys.map((key) => {
    const pa = ma.get(key);
    const pb = mb.get(key);
    const base = (pa ?? pb) as ProbeResult;
    const ca = runCell(pa);
    const cb = runCell(pb);
    const both = ca.status !== 'absent' && cb.status !== 'absent';
    return {
      key,
      protocol: base.protocol,
      host: base.host,
      port: base.port,
      security: base.security,
      a: ca,
      b: cb,
      differs: both && conclusive(ca) && conclusive(cb) && (ca.status !== cb.status || ca.failedStep !== cb.failedStep),
    };
  });
  return { labelA: a.label, labelB: b.label, rows, conclusion: conclude(rows, a.label, b.label, lang) };
}

function conclude(rows: RunComparisonRow[], labelA: string, labelB: string, lang: Lang): RunComparison['conclusion'] {
  const common = rows.filter((r) => r.a.status !== 'absent' && r.b.status !== 'absent');
  const diffs = common.filter((r) => r.differs);
  if (common.length === 0) {
    return { kind: 'mixed', text: pick(L('2回の診断で同じ接続先を調べていないため、比べられません。', 'The two runs checked no common server, so they cannot be compared.'), lang) };
  }
  if (diffs.length === 0) {
    const failing = common.filter((r) => isFail(r.a) || isFail(r.b));
    if (failing.length === 0) {
      return {
        kind: 'same-ok',
        text: pick(L(`「${labelA}」でも「${labelB}」でも同じようにつながります。ネットワークは原因ではありません。`, `Works the same on "${labelA}" and "${labelB}": the network is not the cause.`), lang),
      };
    }
    // Port 25 blocked on both lines is still the line (OP25B is the norm on Japanese consumer lines), not "not the network".
    const otherSmtpWorks = common.some((r) => r.protocol === 'smtp' && !isPort25(r) && r.a.status === 'ok' && r.b.status === 'ok');
    if (failing.every(isPort25) && otherSmtpWorks) {
      return {
        kind: 'port25-everywhere',
        text: pick(
          L(
            `「${labelA}」でも「${labelB}」でもポート25番の送信だけが止められています（OP25B）。どちらの回線でも起きるので、送信ポートを 587番（STARTTLS）に変えてください。`,
            `Only sending on port 25 is blocked, on "${labelA}" and on "${labelB}" alike (OP25B). Since it happens on both lines, change the outgoing port to 587 (STARTTLS).`,
          ),
          lang,
        ),
      };
    }
    return {
      kind: 'same-failure',
      text: pick(
        L(`「${labelA}」でも「${labelB}」でも同じところで失敗します。ネットワークではなく、サーバー側かアカウント・設定の問題です。`, `Fails the same way on "${labelA}" and "${labelB}": not the network, but the server or the account/settings.`),
        lang,
      ),
    };
  }
  const failsOnA = diffs.filter((r) => isFail(r.a) && !isFail(r.b));
  const failsOnB = diffs.filter((r) => isFail(r.b) && !isFail(r.a));
  let side: 'a' | 'b' | undefined;
  if (failsOnA.length > 0 && failsOnB.length === 0) side = 'a';
  else if (failsOnB.length > 0 && failsOnA.length === 0) side = 'b';
  if (!side) {
    return {
      kind: 'mixed',
      text: pick(L('ネットワークによって結果が違いますが、決まった傾向はありません。両方の結果を見比べてください。', 'Results differ between the networks without a clear pattern; compare both runs.'), lang),
    };
  }
  const failing = side === 'a' ? failsOnA : failsOnB;
  const bad = side === 'a' ? labelA : labelB;
  const good = side === 'a' ? labelB : labelA;
  const steps = failing.map((r) => (side === 'a' ? r.a : r.b).failedStep);
  let kind: ComparisonConclusionKind;
  if (steps.every((s) => s === 'dns')) kind = 'dns-difference';
  else if (failing.every((r) => r.protocol === 'smtp' && r.port === 25)) kind = 'port25-filter';
  else if (steps.every((s) => s === 'tls' || s === 'starttls')) kind = 'tls-interception';
  else if (steps.every((s) => s === 'tcp' || s === 'greeting' || s === 'dns')) kind = 'network-filter';
  else if (steps.every((s) => s === 'auth')) kind = 'auth-differs';
  else kind = 'mixed';
  return { kind, failingLabel: bad, text: conclusionText(kind, bad, good, lang) };
}

function conclusionText(kind: ComparisonConclusionKind, bad: string, good: string, lang: Lang): string {
  switch (kind) {
    case 'dns-difference':
      return pick(L(`「${bad}」でだけサーバー名を調べられません。そのネットワークの DNS の問題です（「${good}」では問題ありません）。`, `Only on "${bad}" the server name cannot be looked up: a DNS problem of that network ("${good}" is fine).`), lang);
    case 'port25-filter':
      return pick(L(`「${bad}」でだけポート25番の送信が止められています（OP25B）。送信ポートを 587番か 465番にすれば、どのネットワークでも送れます。`, `Only on "${bad}" is sending on port 25 blocked (OP25B). Use port 587 or 465 to send from any network.`), lang);
    case 'tls-interception':
      return pick(L(`「${bad}」でだけ暗号化（証明書）の確認に失敗します。そのネットワークのプロキシやセキュリティ装置が通信に割り込んでいます（「${good}」では問題ありません）。`, `Only on "${bad}" the certificate check fails: a proxy or security appliance on that network intercepts the connection ("${good}" is fine).`), lang);
    case 'network-filter':
      return pick(L(`「${bad}」でだけ遮断されています。そのネットワークのフィルター・ファイアウォール・VPN が原因です（「${good}」ではつながります）。`, `Blocked on "${bad}" only: a filter, firewall or VPN on that network is the cause (it works on "${good}").`), lang);
    case 'auth-differs':
      return pick(
        L(`「${bad}」でだけログインが拒否されます（「${good}」では通ります）。海外や VPN からのアクセス制限など、接続元によるログイン制限の可能性があります。`, `The login is refused only on "${bad}" (it works on "${good}"): likely a sign-in restriction by location, e.g. against overseas or VPN access.`),
        lang,
      );
    case 'same-ok':
    case 'same-failure':
    case 'port25-everywhere':
    case 'mixed':
      return pick(L(`「${bad}」でだけ失敗する接続先があります。結果を見比べてください。`, `Some servers fail only on "${bad}"; compare both runs.`), lang);
    default:
      return assertNever(kind, 'comparison kind');
  }
}
