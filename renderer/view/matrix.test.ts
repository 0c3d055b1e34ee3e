import { describe, expect, it } from 'vitest';
import { buildMatrix, cellsFromSteps, matrixProgress } from './matrix';
import { port25Report } from '../../test/fixtures/sample-report';
import type { ProbeTarget } from '../../shared/models/probe';

const targets: ProbeTarget[] = [
  { id: 'smtp-587', protocol: 'smtp', host: 'mail.lab.test', port: 587, security: 'starttls', role: 'alternative' },
  { id: 'smtp-25', protocol: 'smtp', host: 'mail.lab.test', port: 25, security: 'starttls', role: 'configured' },
  { id: 'imap-993', protocol: 'imap', host: 'mail.lab.test', port: 993, security: 'tls', role: 'configured' },
];

describe('probe matrix', () => {
  it('orders configured rows first, then by protocol and port, all pending before any step', () => {
    const rows = buildMatrix(targets, {}, {}, false);
    expect(rows.map((r) => r.target.id)).toEqual(['imap-993', 'smtp-25', 'smtp-587']);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    expect(rows[0]!.cells.tcp.status).toBe('none');
  });

  it('fills cells as step events arrive and marks the row running', () => {
    const rows = buildMatrix(targets, { 'smtp-25': [{ name: 'dns', status: 'ok', durationMs: 2 }, { name: 'tcp', status: 'running' }] }, {}, false);
    const r = rows.find((x) => x.target.id === 'smtp-25')!;
    expect(r.status).toBe('running');
    expect(r.cells.dns).toEqual({ status: 'ok', durationMs: 2, detail: undefined });
    expect(r.cells.tcp.status).toBe('running');
  });

  it('lets a finished probe replace the streamed steps and shows its top finding', () => {
    const rep = port25Report();
    const probes = Object.fromEntries(rep.probes.map((p) => [p.id, p]));
    const rows = buildMatrix(targets, { 'smtp-25': [{ name: 'tcp', status: 'running' }] }, probes, true);
    const r = rows.find((x) => x.target.id === 'smtp-25')!;
    expect(r.status).toBe('failed');
    expect(r.cells.tcp).toMatchObject({ status: 'failed', durationMs: 5000, detail: 'ETIMEDOUT' });
    expect(r.topFinding).toBe('TCP_TIMEOUT');
    expect(matrixProgress(rows)).toEqual({ done: 3, total: 3 });
  });

  it('merges STARTTLS and TLS into one column where the failure wins', () => {
    const cells = cellsFromSteps([
      { name: 'starttls', status: 'ok', durationMs: 3 },
      { name: 'tls', status: 'failed', durationMs: 10, detail: 'self-signed' },
    ]);
    expect(cells.tls).toEqual({ status: 'failed', durationMs: 13, detail: 'self-signed' });
  });

  it('marks rows that never finished as cancelled once the run is over', () => {
    const rows = buildMatrix(targets, {}, {}, true);
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
  });
});
