/** When an alternative may start: after its configured probe ends, or stalls without a greeting. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeStep, ProbeTarget } from '../../shared/models/probe';
import { AlternativeGate, gateNote, type GateOpened } from './alternative-gate';

const HEAD_START = 1000;
const cfg = (security: ProbeTarget['security'] = 'tls'): ProbeTarget => ({ id: `imap-cfg-993-${security}`, protocol: 'imap', role: 'configured', host: 'mail.example.jp', port: 993, security });
const alt: ProbeTarget = { id: 'imap-alt-143-starttls', protocol: 'imap', role: 'alternative', host: 'mail.example.jp', port: 143, security: 'starttls' };
const step = (name: ProbeStep['name'], status: ProbeStep['status']): ProbeStep => ({ name, status });

/** The gate's answer, or 'still closed' if it has not opened yet. */
async function state(p: Promise<GateOpened>): Promise<GateOpened | 'still closed'> {
  return Promise.race([p, Promise.resolve('still closed' as const)]);
}

describe('AlternativeGate', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('stays closed while the configured probe runs, and opens when it ends', async () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    const p = g.wait(alt, c);
    vi.advanceTimersByTime(HEAD_START / 2);
    expect(await state(p)).toBe('still closed');
    g.configuredEnded(c);
    expect(await state(p)).toBe('configured-ended');
  });

  it('opens after the head start when the configured probe has had no greeting (a stalled port)', async () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    g.step(c, step('tcp', 'ok'));
    const p = g.wait(alt, c);
    vi.advanceTimersByTime(HEAD_START - 1);
    expect(await state(p)).toBe('still closed');
    vi.advanceTimersByTime(1);
    expect(await state(p)).toBe('configured-stalled');
    // An alternative that asks later gets the same answer at once.
    expect(await state(g.wait(alt, c))).toBe('configured-stalled');
  });

  it('a configured probe that greeted is not stalled: only its end opens the gate', async () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    g.step(c, step('greeting', 'ok'));
    const p = g.wait(alt, c);
    vi.advanceTimersByTime(HEAD_START * 10);
    expect(await state(p)).toBe('still closed');
    g.configuredEnded(c);
    expect(await state(p)).toBe('configured-ended');
  });

  it('a greeting that only started, or failed, does not count as greeted', async () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    g.step(c, step('greeting', 'running'));
    g.step(c, step('greeting', 'failed'));
    const p = g.wait(alt, c);
    vi.advanceTimersByTime(HEAD_START);
    expect(await state(p)).toBe('configured-stalled');
  });

  it('opens at once without a configured probe of the protocol, or when that one uses no encryption', async () => {
    const g = new AlternativeGate(HEAD_START);
    expect(await state(g.wait(alt, undefined))).toBe('no-configured');
    const plain = cfg('none');
    g.configuredStarted(plain);
    expect(await state(g.wait(alt, plain))).toBe('configured-unencrypted');
  });

  it('a cancelled run lets waiting alternatives go', async () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    const p = g.wait(alt, c);
    g.cancel();
    expect(await state(p)).toBe('cancelled');
  });

  it('clears its head-start timer when the configured probe ends (nothing keeps a CLI run alive)', () => {
    const g = new AlternativeGate(HEAD_START);
    const c = cfg();
    g.configuredStarted(c);
    expect(vi.getTimerCount()).toBe(1);
    g.configuredEnded(c);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says in the transcript why an alternative started', () => {
    expect(gateNote('configured-stalled', 'imap-cfg-993-tls', 1500)).toBe('started: imap-cfg-993-tls had no server greeting after 1500 ms');
    expect(gateNote('configured-ended', 'smtp-cfg-587-tls')).toMatch(/after smtp-cfg-587-tls ended/);
  });
});
