import { describe, expect, it } from 'vitest';
import { SMS_MAX_CHARS, customerStepsText, fixPlan } from './customer-steps';
import { port25Report, report } from '../../test/fixtures/sample-report';
import { composeDiagnosis } from '../../shared/knowledge/composer/composer';
import { caseStory } from '../../shared/knowledge/composer/case-story';
import type { FixStep } from '../../shared/knowledge/findings/fix-types';
import { FINDING_CODES } from '../../shared/findings/codes';
import { englishWords } from '../../test/fixtures/ja-allowed-words';

function planFor(lang: 'ja' | 'en') {
  const rep = port25Report();
  const d = composeDiagnosis({ report: rep, device: 'iphone', lang });
  return { d, plan: fixPlan(d, caseStory({ device: 'iphone' }, [{ label: '', report: rep }], lang)) };
}

describe('the customer steps text (SMS or mail)', () => {
  it('numbers the top cause steps with the device menu path and the value, and closes with a retry line', () => {
    const { d, plan } = planFor('ja');
    expect(plan.done).toBe(false);
    expect(plan.cause).toBe(d.causes.find((c) => c.steps.length));
    const text = customerStepsText('alice@lab.test', plan, 'ja');
    expect(text.startsWith('メール設定のご案内（alice@lab.test）\n1. ')).toBe(true);
    expect(text).toContain('サーバポート: 587');
    expect(text).toContain('設定 > アプリ > メール');
    expect(text.trimEnd().endsWith('設定後、もう一度送受信をお試しください。')).toBe(true);
    expect(FINDING_CODES.filter((c) => text.includes(c))).toEqual([]);
    expect(englishWords(text), text).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_CHARS.ja);
  });

  it('in English reads as English', () => {
    const text = customerStepsText('alice@lab.test', planFor('en').plan, 'en');
    expect(text).toContain('About your mail settings (alice@lab.test):');
    expect(text).toContain('Server Port: 587');
  });

  it('stays within an SMS-sized text: later steps are left out whole, never cut', () => {
    const long: FixStep[] = Array.from({ length: 30 }, (_, i) => ({ text: `手順${i + 1}: ${'あ'.repeat(60)}`, grade: 'A' }));
    const text = customerStepsText('a@b.jp', { steps: long, done: false }, 'ja');
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_CHARS.ja);
    const numbered = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered.length).toBeGreaterThan(3);
    numbered.forEach((l, i) => expect(l.startsWith(`${i + 1}. 手順${i + 1}: `)).toBe(true));
  });

  it('sends no helpdesk checks to the customer: an outage or an unknown server name is "nothing to change, we will get back to you"', () => {
    const { plan } = planFor('ja');
    const helpdesk = { ...plan, cause: { ...plan.cause!, audience: 'helpdesk' as const } };
    expect(customerStepsText('alice@lab.test', helpdesk, 'ja')).toBe('メール設定（alice@lab.test）を確認しています。いまのところ、お客様の端末で変更していただくことはありません。こちらで確認して、改めてご連絡します。\n');
    expect(customerStepsText('alice@lab.test', helpdesk, 'en')).toContain('nothing to change on your device');
  });

  it('says nothing needs changing when no run found a problem', () => {
    const rep = report();
    const d = composeDiagnosis({ report: rep, device: 'iphone', lang: 'ja' });
    const plan = fixPlan(d, caseStory({ device: 'iphone' }, [{ label: '', report: rep }], 'ja'));
    expect(plan.steps).toEqual([]);
    expect(customerStepsText('alice@lab.test', plan, 'ja')).toBe('メール設定（alice@lab.test）を確認しましたが、問題は見つかりませんでした。\n');
  });

  it('after a re-test that works, the steps are what was done in the first run', () => {
    const before = port25Report();
    const after = report();
    const d = composeDiagnosis({ report: after, device: 'iphone', lang: 'ja' });
    const story = caseStory({ device: 'iphone' }, [{ label: '', report: before }, { label: '', report: after }], 'ja');
    const plan = fixPlan(d, story);
    expect(plan.done).toBe(true);
    expect(plan.steps).toEqual(story.first!.diagnosis.causes.find((c) => c.steps.length)!.steps);
  });
});
