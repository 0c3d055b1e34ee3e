import { describe, expect, it } from 'vitest';
import { certValidityText, formatDateTime, formatDay } from './dates';

describe('dates as a person reads them', () => {
  const now = new Date(2026, 11, 1, 12, 0); // 1 December 2026, local time

  it('writes a day the Japanese way and the English way', () => {
    expect(formatDay(new Date(2026, 10, 1, 9).toISOString(), 'ja')).toBe('2026年11月1日');
    expect(formatDay(new Date(2026, 10, 1, 9).toISOString(), 'en')).toBe('1 November 2026');
    expect(formatDateTime(new Date(2026, 11, 1, 10, 19).toISOString(), 'ja')).toBe('2026年12月1日 10:19');
  });

  it('says an expired certificate expired, when, and how long ago', () => {
    const to = new Date(2026, 10, 1, 11).toISOString();
    expect(certValidityText('2025-01-01T00:00:00Z', to, now, 'ja')).toBe('2026年11月1日に期限切れ（30日前）');
    expect(certValidityText('2025-01-01T00:00:00Z', to, now, 'en')).toBe('expired on 1 November 2026 (30 days ago)');
  });

  it('says how long a valid certificate still lasts, and flags one not valid yet', () => {
    expect(certValidityText('2026-01-01T00:00:00Z', new Date(2026, 11, 11, 13).toISOString(), now, 'ja')).toBe('2026年12月11日まで有効（あと10日）');
    expect(certValidityText(new Date(2027, 0, 5, 12).toISOString(), new Date(2028, 0, 1).toISOString(), now, 'ja')).toBe('2027年1月5日から有効（まだ有効期間前）');
  });

  it('leaves text it cannot read as it is', () => {
    expect(formatDay('soon', 'ja')).toBe('soon');
  });
});
