/**
 * What a probe report proved, read once for the composer, the correct settings, the triage
 * and the headline, so they cannot disagree about "it worked".
 *
 * Alternative probes never send the password: they show that a port answers with a sound
 * TLS/greeting, never that receiving or sending works.
 */
import { codesIn, FINDING_META, type FindingCode } from '../../findings/codes';
import type { Protocol } from '../../models/account';
import type { DiagnoseReport, Finding, ProbeResult, StepName } from '../../models/probe';

/** Every auth-stage error a customer's "password is wrong" message can stand for (group 'auth' of FINDING_META). */
export const AUTH_CODES: ReadonlySet<FindingCode> = codesIn('auth');
/** Sending-side codes (group 'sending'). */
export const SEND_CODES: ReadonlySet<FindingCode> = codesIn('sending');

/** Steps that fail before any mail conversation: no answer, refused, cut off. */
const NETWORK_STEPS = new Set<StepName>(['dns', 'tcp', 'greeting']);

export const configured = (r: DiagnoseReport | null | undefined): ProbeResult[] => (r?.probes ?? []).filter((p) => p.role === 'configured');
/** Actually tested: not stopped by the user, not skipped as unable to change the answer. */
export const finished = (p: ProbeResult): boolean => p.status === 'ok' || p.status === 'failed';
export const failedStep = (p: ProbeResult): StepName | undefined => p.steps.find((s) => s.status === 'failed')?.name;

const errors = (p: ProbeResult): Finding[] => p.findings.filter((f) => f.severity === 'error');
const tlsSound = (p: ProbeResult): boolean => p.security !== 'none' && (p.tls === undefined || p.tls.verdict === 'trusted');

/** The run had no password to try (the engine says so with LOGIN_NOT_TRIED reason no-password). */
export function noPasswordGiven(r: DiagnoseReport | null | undefined): boolean {
  const said = (f: Finding) => f.code === 'LOGIN_NOT_TRIED' && f.evidence.details?.reason === 'no-password';
  return (r?.findings ?? []).some(said) || configured(r).some((p) => p.findings.some(said));
}

/** Reached the server, secured the connection and got a mail greeting, with no error. */
export function connectedCleanly(p: ProbeResult): boolean {
  return p.status === 'ok' && errors(p).length === 0 && tlsSound(p);
}

/** Secured and greeted, then the login was refused for a reason no port can fix (wrong password...). */
export function refusedForAccount(p: ProbeResult): boolean {
  if (p.status !== 'failed' || p.login !== 'failed' || !tlsSound(p)) return false;
  const errs = errors(p);
  return errs.length > 0 && errs.every((f) => FINDING_META[f.code].stage === 'auth' && f.code !== 'AUTH_PLAINTEXT_DISABLED');
}

/** A configured probe of this side proved it works: logged in, or (no password given) connected cleanly. */
export function sideWorks(r: DiagnoseReport, side: 'incoming' | 'smtp'): boolean {
  const noPw = noPasswordGiven(r);
  return configured(r).some(
    (p) => (side === 'smtp' ? p.protocol === 'smtp' : p.protocol !== 'smtp') && (p.login === 'ok' || (noPw && p.login === 'not-tried' && connectedCleanly(p))),
  );
}

/** Every configured side that was tested works (logged in; or connected cleanly without a password). */
export function everyConfiguredWorks(r: DiagnoseReport): boolean {
  const cs = configured(r).filter(finished);
  return cs.length > 0 && cs.every((p) => p.login === 'ok' || (p.login === 'not-tried' && connectedCleanly(p)));
}

/** The login was sent and succeeded on at least one configured server. */
export function loginProved(r: DiagnoseReport | null | undefined): boolean {
  return configured(r).some((p) => p.login === 'ok');
}

/** Failed before any mail conversation (refused, no answer, cut off). */
export function unreachable(p: ProbeResult): boolean {
  return p.status === 'failed' && NETWORK_STEPS.has(failedStep(p) ?? 'auth') && failedStep(p) !== 'dns';
}

/**
 * Every port tried on every configured host was refused or silent from this PC, with DNS fine
 * and at least two ports tried: the server (or this PC's network), not a setting.
 */
export function allPortsUnreachable(r: DiagnoseReport): { refused: boolean; silent: boolean; ports: number } | undefined {
  const hosts = new Set(configured(r).map((p) => p.host.toLowerCase()));
  const tried = r.probes.filter((p) => finished(p) && hosts.has(p.host.toLowerCase()));
  if (tried.length === 0 || !tried.every(unreachable)) return undefined;
  const ports = new Set(tried.map((p) => `${p.host}:${p.port}`)).size;
  if (ports < 2) return undefined;
  const codes = new Set(tried.flatMap((p) => errors(p).map((f) => f.code)));
  return { refused: codes.has('TCP_REFUSED'), silent: codes.has('TCP_TIMEOUT') || codes.has('GREETING_TIMEOUT'), ports };
}

/** Did the configured probes of this protocol (or of any, when undefined) get as far as this stage? */
export function reachedStage(r: DiagnoseReport, code: FindingCode, protocol: Protocol | undefined): boolean {
  const ps = configured(r).filter((p) => finished(p) && (!protocol || p.protocol === protocol));
  if (ps.length === 0) return false;
  const stage = FINDING_META[code].stage;
  switch (stage) {
    case 'auth':
      return ps.some((p) => p.login !== 'not-tried');
    case 'mailbox':
      return ps.some((p) => p.login === 'ok' && p.protocol !== 'smtp');
    case 'smtp-policy':
      return ps.some((p) => p.protocol === 'smtp' && p.steps.some((s) => s.name === 'envelope' && s.status !== 'pending' && s.status !== 'skipped'));
    default:
      // dns/tcp/tls/greeting/config/server: a finished configured probe has tried them.
      return true;
  }
}
