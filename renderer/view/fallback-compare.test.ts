import { describe, expect, it } from 'vitest';
import { fallbackCompare } from './fallback-compare';
import { port25Report, probe, report } from '../../test/fixtures/sample-report';

describe('network comparison', () => {
  it('says the network is not the cause when both runs agree', () => {
    const c = fallbackCompare({ label: 'office Wi-Fi', report: report() }, { label: 'tethering', report: report() }, 'en');
    expect(c.conclusion.kind).toBe('same-ok');
    expect(c.rows.every((r) => !r.differs)).toBe(true);
  });

  it('names the network that blocks port 25', () => {
    const office = port25Report();
    const tether = { ...port25Report(), probes: port25Report().probes.map((p) => (p.id === 'smtp-25' ? probe({ ...p, status: 'ok', steps: [], findings: [] }) : p)) };
    const c = fallbackCompare({ label: 'office Wi-Fi', report: office }, { label: 'tethering', report: tether }, 'ja');
    expect(c.conclusion.kind).toBe('port25-filter');
    expect(c.conclusion.failingLabel).toBe('office Wi-Fi');
    expect(c.conclusion.text).toContain('office Wi-Fi');
    expect(c.rows.find((r) => r.port === 25)).toMatchObject({ differs: true, a: { status: 'failed', failedStep: 'tcp' }, b: { status: 'ok' } });
  });
});
