import { describe, expect, it } from 'vitest';
import type { Finding, ProbeResult } from '../../shared/models/probe';
import { parseDnsServer } from './dns-resolve';
import { buildPlan } from './plan';
import { deriveFindings, rankFindings } from './rank';

describe('buildPlan', () => {
  it('configured first, then the other standard modes of the same host', () => {
    const t = buildPlan({ email: 'a@example.jp', smtp: { host: 'smtp.example.jp', port: 25, security: 'starttls' } }, {});
    expect(t.map((x) => `${x.role}:${x.port}/${x.security}`)).toEqual(['configured:25/starttls', 'alternative:465/tls', 'alternative:587/starttls']);
  });
  it('guesses imap./pop./smtp.<domain> when no server is given, and honours protocols / tryAlternatives', () => {
    const t = buildPlan({ email: 'a@Example.JP' }, { protocols: ['imap', 'smtp'], tryAlternatives: false });
    expect(t.map((x) => `${x.protocol} ${x.host}:${x.port}`)).toEqual(['imap imap.example.jp:993', 'smtp smtp.example.jp:465']);
  });
  it('uses discovered servers over guesses', () => {
    const t = buildPlan({ email: 'a@example.jp' }, { tryAlternatives: false }, { imap: { host: 'mail.example.jp', port: 143, security: 'starttls' } });
    expect(t[0]).toMatchObject({ host: 'mail.example.jp', port: 143 });
  });
});

describe('parseDnsServer', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1:53'],
    ['127.0.0.1:5353', '127.0.0.1:5353'],
    ['::1', '::1'],
    ['[::1]:5353', '[::1]:5353'],
    ['dns.example', null],
    ['127.0.0.1:99999', null],
    ['', null],
  ])('%s → %s', (s, want) => expect(parseDnsServer(s)).toBe(want));
});

const f = (code: Finding['code'], severity: Finding['severity'], role: Finding['role'] = 'configured'): Finding => ({ code, severity, stage: 'tcp', role, evidence: {} });

describe('rankFindings', () => {
  it('configured before alternative, root cause first, then severity', () => {
    const r = rankFindings([f('ALTERNATIVE_WORKS', 'info', 'alternative'), f('LOGIN_NOT_TRIED', 'info'), f('AUTH_FAILED', 'error'), f('DNS_NOT_FOUND', 'error'), f('TCP_TIMEOUT', 'error'), f('PORT25_BLOCKED', 'error')]);
    expect(r.map((x) => x.code)).toEqual(['DNS_NOT_FOUND', 'PORT25_BLOCKED', 'TCP_TIMEOUT', 'AUTH_FAILED', 'LOGIN_NOT_TRIED', 'ALTERNATIVE_WORKS']);
  });
});

function probe(p: Partial<ProbeResult> & Pick<ProbeResult, 'id' | 'role' | 'port' | 'security' | 'status'>): ProbeResult {
  return { protocol: 'smtp', host: 'smtp.example.jp', startedAt: '', durationMs: 1, steps: [], findings: [], transcript: [], login: 'not-tried', ...p };
}

describe('deriveFindings', () => {
  it('PORT25_BLOCKED and the preferred fix: implicit TLS first (465/TLS over 587/STARTTLS)', () => {
    const cfg = probe({ id: 'c', role: 'configured', port: 25, security: 'starttls', status: 'failed', findings: [{ ...f('TCP_TIMEOUT', 'error'), evidence: { errorCode: 'ETIMEDOUT' } }] });
    const a465 = probe({ id: 'a465', role: 'alternative', port: 465, security: 'tls', status: 'ok', tls: { verdict: 'trusted' } });
    const a587 = probe({ id: 'a587', role: 'alternative', port: 587, security: 'starttls', status: 'ok', tls: { verdict: 'trusted' } });
    const d = deriveFindings([cfg, a465, a587]);
    expect(d.map((x) => x.code)).toEqual(['PORT25_BLOCKED', 'ALTERNATIVE_WORKS']);
    expect(d[1]?.fix).toEqual({ host: 'smtp.example.jp', port: 465, security: 'tls' });
    expect(d[1]?.evidence.details?.alsoWorks).toBe('587/starttls');
  });
  it('no suggestion when the failure is not about the port (wrong password), nor from an untrusted alternative', () => {
    const cfg = probe({ id: 'c', role: 'configured', port: 587, security: 'starttls', status: 'failed', findings: [{ ...f('AUTH_FAILED', 'error'), stage: 'auth' }] });
    const alt = probe({ id: 'a', role: 'alternative', port: 465, security: 'tls', status: 'ok', tls: { verdict: 'trusted' } });
    expect(deriveFindings([cfg, alt])).toEqual([]);
    const cfg2 = probe({ id: 'c', role: 'configured', port: 587, security: 'starttls', status: 'failed', findings: [f('TCP_REFUSED', 'error')] });
    const bad = probe({ id: 'a', role: 'alternative', port: 465, security: 'tls', status: 'ok', tls: { verdict: 'self-signed' } });
    expect(deriveFindings([cfg2, bad])).toEqual([]);
  });
});
