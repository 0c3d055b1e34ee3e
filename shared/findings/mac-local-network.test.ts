/** macOS's Local Network switch: which failures point at it, and the fix step they get. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../models/probe';
import { fixSteps } from '../knowledge/findings/fix-steps';
import { isLocalNetworkAddress, suspectMacLocalNetworkBlock } from './classify';

describe('isLocalNetworkAddress', () => {
  it('is true for RFC 1918, link-local and unique-local addresses only', () => {
    for (const a of ['10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.10', '169.254.3.4', '::ffff:192.168.0.2', 'fd12:3456::1', 'fe80::1']) expect(isLocalNetworkAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.15.0.1', '172.32.0.1', '192.169.0.1', '127.0.0.1', '2001:db8::1', '::1', 'mail.example.jp']) expect(isLocalNetworkAddress(a), a).toBe(false);
  });
});

describe('suspectMacLocalNetworkBlock', () => {
  it('only on macOS, only for EHOSTUNREACH, only to a LAN address', () => {
    expect(suspectMacLocalNetworkBlock('EHOSTUNREACH', '192.168.1.10', 'darwin')).toBe(true);
    expect(suspectMacLocalNetworkBlock('EHOSTUNREACH', '192.168.1.10', 'win32')).toBe(false);
    expect(suspectMacLocalNetworkBlock('ETIMEDOUT', '192.168.1.10', 'darwin')).toBe(false);
    expect(suspectMacLocalNetworkBlock('EHOSTUNREACH', '203.0.113.5', 'darwin')).toBe(false);
    expect(suspectMacLocalNetworkBlock('EHOSTUNREACH', undefined, 'darwin')).toBe(false);
  });
});

describe('the fix step for a blocked LAN connection on a Mac', () => {
  const finding = (details?: Record<string, boolean>): Finding => ({
    code: 'TCP_UNREACHABLE',
    severity: 'error',
    stage: 'tcp',
    protocol: 'imap',
    host: 'nas.office.lan',
    port: 993,
    evidence: { errorCode: 'EHOSTUNREACH', ...(details ? { details } : {}) },
  });
  it('comes first, with the System Settings path, in Japanese and English', () => {
    const ja = fixSteps(finding({ macLocalNetwork: true }), { device: 'mac-mail', lang: 'ja' });
    expect(ja[0]!.path).toEqual(['システム設定', 'プライバシーとセキュリティ', 'ローカルネットワーク', 'メールドクター']);
    expect(ja[0]!.text).toContain('ローカルネットワーク');
    const en = fixSteps(finding({ macLocalNetwork: true }), { device: 'mac-mail', lang: 'en' });
    expect(en[0]!.path).toEqual(['System Settings', 'Privacy & Security', 'Local Network', 'Mail Doctor']);
  });
  it('is absent when the engine did not see that case', () => {
    const steps = fixSteps(finding(), { device: 'mac-mail', lang: 'ja' });
    expect(steps.some((s) => s.path?.includes('ローカルネットワーク'))).toBe(false);
  });
});
