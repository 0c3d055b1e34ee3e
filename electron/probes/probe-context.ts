/** State one probe builds up: steps, findings, transcript, budget. */
import type { FindingCode, Severity } from '../../shared/findings/codes';
import { FINDING_META } from '../../shared/findings/codes';
import type { DiagnoseOptions, Evidence, Finding, ProbeResult, ProbeStep, ProbeTarget, StepName, StepNote, StepStatus, TlsInfo } from '../../shared/models/probe';
import type { ServerSettings } from '../../shared/models/account';
import { LineConn, type TurnCounter } from './line-conn';
import { InputBudget } from './input-budget';
import { Transcript } from './transcript';

export interface ProbeAccount {
  email: string;
  user: string;
  password?: string;
}

export class ProbeContext {
  readonly startedAt = Date.now();
  readonly startedIso = new Date().toISOString();
  readonly transcript: Transcript;
  readonly findings: Finding[] = [];
  readonly steps: ProbeStep[] = [];
  private readonly stepStarts = new Map<StepName, number>();
  readonly controller = new AbortController();
  /** Bytes the server(s) of this probe may send, over every connection of the probe. */
  readonly input = new InputBudget();
  budgetExpired = false;
  private readonly timer: NodeJS.Timeout;
  tls?: TlsInfo;
  greeting?: string;
  capabilities?: string[];
  login: ProbeResult['login'] = 'not-tried';
  quota?: ProbeResult['quota'];
  addresses: NonNullable<ProbeResult['addresses']> = [];
  /** When the command carrying the credentials went out (login-unanswered.ts). */
  credentialsSent?: { at: number; mechanism: string };
  /** Set when the orchestrator stops this probe because it can no longer change the answer. */
  notNeeded?: ProbeResult['notNeeded'];
  /** Round trips waited for (TCP connect, TLS handshakes, greetings, command turns): evidence of speed. */
  readonly turns: TurnCounter = { n: 0 };
  /** Resources to release when the probe ends, whatever happened. */
  readonly cleanups: Array<() => void> = [];

  constructor(
    readonly target: ProbeTarget,
    readonly account: ProbeAccount,
    readonly options: DiagnoseOptions,
    readonly budgetMs: number,
    readonly runSignal: AbortSignal | undefined,
    private readonly onStep: (s: ProbeStep) => void,
  ) {
    this.transcript = new Transcript(this.startedAt, account.user, account.password);
    this.timer = setTimeout(() => {
      this.budgetExpired = true;
      this.controller.abort();
    }, budgetMs);
    if (runSignal?.aborted) this.controller.abort();
    runSignal?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }

  /**
   * A line connection of this probe: counted round trips, released when the probe ends.
   * `awaitingGreeting`: the server speaks first, so the greeting ends the round trip.
   */
  lineConn(socket: import('node:net').Socket, awaitingGreeting = false): LineConn {
    const conn = new LineConn(socket, this.transcript, this.signal, this.input);
    conn.turns = this.turns;
    conn.turnOpen = awaitingGreeting;
    this.cleanups.push(() => conn.destroy());
    return conn;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.runSignal?.aborted === true;
  }

  /** ms left of this probe's budget. */
  left(): number {
    return Math.max(1, this.budgetMs - (Date.now() - this.startedAt));
  }

  /** A step's own deadline, never beyond the probe's budget. */
  ms(stepConstant: number): number {
    // A hair under the budget, so the step's own timeout (with its precise reason) fires first.
    return Math.max(1, Math.min(stepConstant, this.left() - 25));
  }

  /** `note`: the reason as a code for people to read in their language (see StepNote). */
  step(name: StepName, status: StepStatus, detail?: string, note?: StepNote): void {
    if (status === 'running') this.stepStarts.set(name, Date.now());
    const started = this.stepStarts.get(name);
    const s: ProbeStep = {
      name,
      status,
      ...(started !== undefined && status !== 'running' ? { durationMs: Date.now() - started } : {}),
      ...(detail ? { detail: this.transcript.scrub(detail).slice(0, 200) } : {}),
      ...(note ? { note } : {}),
    };
    const i = this.steps.findIndex((x) => x.name === name);
    if (i >= 0) this.steps[i] = s;
    else this.steps.push(s);
    this.onStep(s);
  }

  note(text: string): void {
    this.transcript.add('i', text);
  }

  /** `extra.severity`: for a code whose weight depends on the evidence (TLS_INTERCEPTED: verified or not). */
  add(code: FindingCode, evidence: Evidence, extra: { fix?: ServerSettings; severity?: Severity } = {}): void {
    const meta = FINDING_META[code];
    const ev: Evidence = { ...evidence };
    if (ev.serverReply) ev.serverReply = this.transcript.scrub(ev.serverReply).slice(0, 2000);
    if (ev.message) ev.message = this.transcript.scrub(ev.message).slice(0, 500);
    this.findings.push({
      code,
      severity: extra.severity ?? meta.severity,
      stage: meta.stage,
      protocol: this.target.protocol,
      host: this.target.host,
      port: this.target.port,
      security: this.target.security,
      probeId: this.target.id,
      role: this.target.role,
      evidence: ev,
      ...(extra.fix ? { fix: extra.fix } : {}),
    });
  }

  has(code: FindingCode): boolean {
    return this.findings.some((f) => f.code === code);
  }

  result(): ProbeResult {
    clearTimeout(this.timer);
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        /* already closed */
      }
    }
    this.steps.forEach((s, i) => {
      if (s.status !== 'running') return;
      // A new object: the 'running' one has already gone out in a progress event.
      const done: ProbeStep = { ...s, status: this.cancelled || this.notNeeded ? 'skipped' : 'failed' };
      this.steps[i] = done;
      this.onStep(done);
    });
    const status: ProbeResult['status'] = this.notNeeded
      ? 'not-needed'
      : this.cancelled
      ? 'cancelled'
      : this.findings.some((f) => f.severity === 'error')
        ? 'failed'
        : 'ok';
    if (this.turns.n > 0) this.note(`round trips: ${this.turns.n}`);
    return {
      ...this.target,
      status,
      startedAt: this.startedIso,
      durationMs: Date.now() - this.startedAt,
      steps: this.steps,
      findings: this.findings,
      transcript: this.transcript.lines,
      ...(this.tls ? { tls: this.tls } : {}),
      ...(this.greeting ? { greeting: this.transcript.scrub(this.greeting).slice(0, 500) } : {}),
      ...(this.capabilities ? { capabilities: this.capabilities } : {}),
      login: this.login,
      ...(this.turns.n > 0 ? { roundTrips: this.turns.n } : {}),
      ...(this.notNeeded ? { notNeeded: this.notNeeded } : {}),
      ...(this.quota ? { quota: this.quota } : {}),
      ...(this.addresses.length ? { addresses: this.addresses } : {}),
    };
  }
}
