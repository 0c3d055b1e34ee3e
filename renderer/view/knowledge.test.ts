import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICES, LANGS } from '../../shared/models/device';
import { checklistFor, comparisonFor, diagnosisFor, providerFor, settingsScreenFor } from './knowledge';
import { port25Report, report } from '../../test/fixtures/sample-report';

afterEach(() => vi.restoreAllMocks());

describe('knowledge door', () => {
  it('answers for every device and language from shared/knowledge, without falling back', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rep = port25Report();
    for (const device of DEVICES) {
      for (const lang of LANGS) {
        const onDevice = { smtp: { host: 'mail.lab.test', port: 25, security: 'starttls' as const }, user: 'alice' };
        const d = diagnosisFor({ report: rep, device, lang, deviceSettings: onDevice, correctSettings: { user: 'alice@lab.test' } });
        expect(d.causes.length, `${device}/${lang}`).toBeGreaterThan(0);
        expect(d.settingsDiff.some((r) => r.status === 'wrong')).toBe(true);
        const steps = checklistFor(device, lang, d, 'alice@lab.test', undefined, rep);
        expect(steps.length).toBeGreaterThan(3);
        expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
        const screen = settingsScreenFor(device, 'smtp', d.correctSettings, onDevice, lang, d.settingsDiff);
        expect(screen?.fields.some((f) => f.highlight)).toBe(true);
      }
    }
    expect(comparisonFor({ label: 'a', report: report() }, { label: 'b', report: rep }, 'ja').rows.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('knows the provider of well-known addresses', () => {
    expect(providerFor('someone@gmail.com')?.auth).toBe('app-password');
    expect(providerFor('someone@example.invalid')).toBeUndefined();
  });
});
