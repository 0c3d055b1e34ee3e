import { describe, expect, it } from 'vitest';
import { fallbackChecklist, fallbackSettingsScreen } from './fallback-checklist';
import { fallbackDiagnosis } from './fallback-diagnosis';
import { port25Report } from '../../test/fixtures/sample-report';

describe('fallback checklist', () => {
  it('moves the steps the diagnosis points at to the top, after opening the account', () => {
    const diagnosis = fallbackDiagnosis({ report: port25Report(), device: 'outlook-classic', lang: 'en' });
    const findings = port25Report().findings.filter((f) => f.severity !== 'info');
    const steps = fallbackChecklist('outlook-classic', 'en', diagnosis, 'alice@lab.test', findings);
    expect(steps[0]!.id).toBe('open-account');
    expect(steps[1]!.id).toBe('outgoing-server');
    expect(steps[1]!.relevance).toBe('high');
    expect(steps[1]!.path?.length).toBeGreaterThan(0);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
  });

  it('draws the settings screen with the corrected field highlighted', () => {
    const screen = fallbackSettingsScreen('iphone', 'smtp', { smtp: { host: 'mail.lab.test', port: 587, security: 'starttls' }, user: 'alice@lab.test' }, { smtp: { host: 'mail.lab.test', port: 25, security: 'starttls' } }, 'ja')!;
    const port = screen.fields.find((f) => f.field === 'port')!;
    expect(port).toMatchObject({ value: '587', highlight: true });
    expect(screen.fields.find((f) => f.field === 'host')!.highlight).toBe(false);
    expect(screen.fields.find((f) => f.field === 'password')!.value).not.toMatch(/\w/);
  });
});
