/**
 * A finding code or a device is either fully added or the suite fails: every code has a title
 * and an explanation with steps on every device in both languages, and every device has its
 * name, its settings labels, its checklist and its menu paths in both languages. (Providers are
 * checked by catalog.test.ts: docs/providers.md is generated from the catalog.)
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDING_META } from '../findings/codes';
import { DEVICES, LANGS } from '../models/device';
import { PROTOCOLS } from '../models/account';
import { deviceName } from './devices/device-names';
import { fieldLabel } from './devices/device-labels';
import { buildChecklist } from './devices/checklist';
import { PLACES, resolvePath } from './devices/device-paths';
import { findingTitle } from './findings/finding-title';
import { fixSteps } from './findings/fix-steps';
import type { Finding } from '../models/probe';

const finding = (code: (typeof FINDING_CODES)[number]): Finding =>
  ({ code, severity: FINDING_META[code].severity, protocol: 'imap', host: 'mail.example.jp', port: 993, message: '', evidence: {} }) as unknown as Finding;

describe('every finding code is complete', () => {
  it.each([...FINDING_CODES])('%s has a title in both languages and steps on every device', (code) => {
    for (const lang of LANGS) {
      const title = findingTitle(code, lang);
      expect(title.trim().length).toBeGreaterThan(0);
      expect(title).not.toBe(code);
      for (const device of DEVICES) expect(fixSteps(finding(code), { device, lang }).length, `${code} on ${device} (${lang})`).toBeGreaterThan(0);
    }
  });
});

describe('every device is complete', () => {
  it.each([...DEVICES])('%s has a name, labels, a checklist and menu paths in both languages', (device) => {
    for (const lang of LANGS) {
      expect(deviceName(device, lang).trim().length).toBeGreaterThan(0);
      for (const protocol of PROTOCOLS) expect(fieldLabel(device, protocol, 'host', lang), `${device} ${protocol} host label (${lang})`).toBeDefined();
      expect(buildChecklist({ device, lang }).length).toBeGreaterThan(0);
      expect(PLACES.filter((p) => resolvePath(device, p, lang)).length, `${device} menu paths (${lang})`).toBeGreaterThan(0);
    }
  });
});
