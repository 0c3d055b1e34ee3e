/**
 * Robustness sweep: the composer and the checklist must answer (never throw) for
 * any mix of findings, devices, providers, flags and languages, and every cause
 * must come with steps. Inputs are generated with a fixed seed so failures repeat.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../findings/codes';
import type { Protocol, Security } from '../../models/account';
import { DEVICES, LANGS } from '../../models/device';
import type { StepName } from '../../models/probe';
import { CATALOG } from '../providers/catalog';
import { buildChecklist } from '../devices/checklist';
import { report, type ProbeSpec } from './composer-fixtures.test-util';
import { composeDiagnosis } from './composer';

function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const PROTOCOLS: Protocol[] = ['imap', 'pop3', 'smtp'];
const SECURITIES: Security[] = ['tls', 'starttls', 'none'];
const FAILS: (StepName | 'login' | undefined)[] = [undefined, 'dns', 'tcp', 'tls', 'greeting', 'login'];

describe('composer + checklist sweep', () => {
  it('300 generated cases: no throw, every cause has text and steps, checklist keeps every step', () => {
    const rand = rng(20261128);
    const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(rand() * 4);
      const specs: ProbeSpec[] = Array.from({ length: n }, () => {
        const failAt = pickOne(FAILS);
        const spec: ProbeSpec = {
          protocol: pickOne(PROTOCOLS),
          host: 'mail.example.jp',
          port: pickOne([25, 110, 143, 465, 587, 993, 995]),
          security: pickOne(SECURITIES),
          role: rand() < 0.3 ? 'alternative' : 'configured',
        };
        if (failAt) spec.failAt = failAt;
        if (failAt || rand() < 0.2) spec.code = pickOne(FINDING_CODES) as FindingCode;
        if (rand() < 0.2) spec.fix = { host: 'mail.example.jp', port: 587, security: 'starttls' };
        return spec;
      });
      const device = pickOne(DEVICES);
      const lang = pickOne(LANGS);
      const provider = rand() < 0.7 ? pickOne(CATALOG) : undefined;
      const r = report('user@example.jp', specs);
      const d = composeDiagnosis({
        report: rand() < 0.9 ? r : null,
        provider,
        device,
        lang,
        flags: { passwordChangedRecently: rand() < 0.3, failsOnAllNetworks: pickOne([true, false, undefined]), onlySendingFails: rand() < 0.3 },
        deviceSettings: rand() < 0.5 ? { imap: { host: 'mail.example.jp', port: 143, security: 'none' }, smtp: { port: 25 }, user: 'user' } : undefined,
        previousRuns: rand() < 0.3 ? [{ label: 'home', report: report('user@example.jp', specs.map((s) => ({ ...s, failAt: undefined, code: undefined }))) }] : undefined,
      });
      expect(d.causes.length, `case ${i}`).toBeGreaterThan(0);
      for (const c of d.causes) {
        expect(c.title.length).toBeGreaterThan(0);
        expect(c.explanation.length).toBeGreaterThan(0);
        expect(c.steps.length, `case ${i} ${c.id}`).toBeGreaterThan(0);
      }
      expect(new Set(d.causes.map((c) => c.id)).size).toBe(d.causes.length);
      const steps = buildChecklist({ device, lang, causes: d.causes, findings: r.findings, provider });
      const plain = buildChecklist({ device, lang, provider });
      expect(steps.map((s) => s.id).sort()).toEqual(plain.map((s) => s.id).sort());
    }
  });
});
