import { describe, expect, it } from 'vitest';
import { buildSettingsDiff, correctFromReport, deviceAccountSettings, workingSettings } from './settings-diff';
import { port25Report, report } from '../../test/fixtures/sample-report';

describe('settings diff', () => {
  it('takes the working settings from a passing configured probe, else from the proven fix', () => {
    expect(workingSettings(report(), 'imap')).toEqual({ settings: { host: 'mail.lab.test', port: 993, security: 'tls' }, verified: true });
    expect(workingSettings(port25Report(), 'smtp')).toEqual({ settings: { host: 'mail.lab.test', port: 587, security: 'starttls' }, verified: true });
    expect(workingSettings(undefined, 'smtp')).toBeUndefined();
  });

  it('highlights each wrong field and says which are unknown', () => {
    const onDevice = deviceAccountSettings('imap', {
      incoming: { host: 'MAIL.lab.test.', port: '993', security: '' },
      smtp: { host: 'mail.lab.test', port: '25', security: 'starttls' },
      user: 'alice',
    });
    const correct = correctFromReport(port25Report(), 'alice@lab.test');
    const rows = buildSettingsDiff('outlook-classic', 'en', onDevice, correct, ['imap', 'smtp']);
    const find = (p: string | undefined, f: string) => rows.find((r) => r.protocol === p && r.field === f)!;
    expect(find('imap', 'host').status).toBe('ok'); // case and trailing dot do not matter
    expect(find('imap', 'security').status).toBe('unknown');
    expect(find('smtp', 'port')).toMatchObject({ status: 'wrong', deviceValue: '25', correctValue: '587' });
    expect(find('smtp', 'security')).toMatchObject({ status: 'ok', correctValue: 'STARTTLS' });
    expect(find(undefined, 'user')).toMatchObject({ status: 'wrong', deviceValue: 'alice', correctValue: 'alice@lab.test' });
  });

  it('uses the device’s own words for the security switch', () => {
    const rows = buildSettingsDiff('iphone', 'ja', { imap: { security: 'tls' } }, { imap: { host: 'h', port: 993, security: 'tls' } }, ['imap']);
    expect(rows.find((r) => r.field === 'security')).toMatchObject({ deviceValue: 'オン', correctValue: 'オン', status: 'ok' });
  });
});
