import { describe, expect, it } from 'vitest';
import { ERROR_REFERENCES } from './error-references';
import { platformLabel } from './platform-labels';

/** Parts that are product names only: nothing in them to translate. */
const PRODUCT_NAMES = /^(Outlook Express|Outlook \d{4})$/;

describe('where an error text comes from, in words', () => {
  it('labels every source of the reference data in Japanese without English prose', () => {
    for (const r of ERROR_REFERENCES) {
      for (const part of r.platform.split(' / ')) {
        if (PRODUCT_NAMES.test(part)) continue;
        const ja = platformLabel(part, 'ja');
        expect(ja, `${part} has no Japanese label`).not.toBe(part);
        expect(ja, part).not.toMatch(/\b(reply|generic|desktop|baseline|wording|legacy|accounts)\b/);
      }
    }
  });

  it('labels a merged source part by part and keeps English as English', () => {
    expect(platformLabel('Outlook (classic, Windows) / Outlook Express', 'ja')).toBe('Outlook（クラシック版・Windows） / Outlook Express');
    expect(platformLabel('iOS Mail', 'en')).toBe('iOS Mail');
  });
});
