/**
 * When an alternative port/mode starts. Not at once: an alternative can only change the answer
 * when its protocol's configured probe fails in a way another port or mode could fix, so it waits
 * for that probe to end (then the orchestrator either starts it or marks it not needed), or for
 * the probe to stall: no server greeting within ALTERNATIVE_HEAD_START_MS (a black-holed port,
 * a TLS/plaintext mix-up that leaves both sides silent). A healthy account therefore opens one
 * connection per configured probe and no more, which halves the handshakes of a batch.
 *
 * Without a configured probe of its own protocol, or when that probe uses no encryption (the
 * alternatives are what shows whether TLS works), an alternative starts at once.
 */
import type { ProbeStep, ProbeTarget } from '../../shared/models/probe';
import { ALTERNATIVE_HEAD_START_MS } from './deadlines';

/** Why an alternative started: recorded in its transcript. */
export type GateOpened = 'no-configured' | 'configured-unencrypted' | 'configured-ended' | 'configured-stalled' | 'cancelled';

interface Watch {
  greeted: boolean;
  ended: boolean;
  opened?: GateOpened;
  waiters: Array<(why: GateOpened) => void>;
  timer?: NodeJS.Timeout;
}

export class AlternativeGate {
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly headStartMs = ALTERNATIVE_HEAD_START_MS) {}

  /** Call when a configured probe starts; `step` below must see its steps. */
  configuredStarted(cfg: ProbeTarget): void {
    const w = this.watch(cfg.id);
    w.timer = setTimeout(() => {
      // A probe that has greeted speaks the protocol on this port: only its end can call for another one.
      if (!w.greeted) this.open(w, 'configured-stalled');
    }, this.headStartMs);
  }

  step(cfg: ProbeTarget, s: ProbeStep): void {
    if (s.name === 'greeting' && (s.status === 'ok' || s.status === 'warning')) this.watch(cfg.id).greeted = true;
  }

  /** Call after the orchestrator has settled what the configured probe's result makes moot. */
  configuredEnded(cfg: ProbeTarget): void {
    const w = this.watch(cfg.id);
    w.ended = true;
    this.open(w, 'configured-ended');
  }

  /** A cancelled run lets every waiting alternative go (each then ends as cancelled at once). */
  cancel(): void {
    for (const w of this.watches.values()) this.open(w, 'cancelled');
  }

  /** Resolves when `alt` may start; `cfg` is its protocol's configured probe, if there is exactly one. */
  wait(alt: ProbeTarget, cfg: ProbeTarget | undefined): Promise<GateOpened> {
    if (!cfg) return Promise.resolve('no-configured');
    if (cfg.security === 'none') return Promise.resolve('configured-unencrypted');
    const w = this.watch(cfg.id);
    if (w.opened) return Promise.resolve(w.opened);
    return new Promise((resolve) => w.waiters.push(resolve));
  }

  private watch(id: string): Watch {
    let w = this.watches.get(id);
    if (!w) {
      w = { greeted: false, ended: false, waiters: [] };
      this.watches.set(id, w);
    }
    return w;
  }

  private open(w: Watch, why: GateOpened): void {
    if (w.timer) clearTimeout(w.timer);
    w.timer = undefined;
    if (w.opened) return;
    w.opened = why;
    for (const r of w.waiters.splice(0)) r(why);
  }
}

/** The transcript line of an alternative that starts (or never started): why now. */
export function gateNote(why: GateOpened, cfgId: string | undefined, headStartMs = ALTERNATIVE_HEAD_START_MS): string {
  switch (why) {
    case 'no-configured':
      return 'started with the configured probes: no single configured server of this protocol';
    case 'configured-unencrypted':
      return `started with ${cfgId}: it uses no encryption, so whether TLS works here is part of the answer`;
    case 'configured-ended':
      return `started after ${cfgId} ended in a way another port or mode could fix`;
    case 'configured-stalled':
      return `started: ${cfgId} had no server greeting after ${headStartMs} ms`;
    case 'cancelled':
      return 'run cancelled before this probe started';
  }
}
