import { describe, expect, it } from 'vitest';
import { en, ja, t } from './messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalog', () => {
  it('has every string in both languages, with the same placeholders', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(ja[key], key).toBeTruthy();
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(t('en', 'probe.running', { done: 2, total: 5 })).toBe('Testing… 2 of 5 connections finished');
    expect(t('ja', 'probe.running', { done: 2, total: 5 })).toBe('テスト中… 5 件中 2 件完了');
  });
});
