/**
 * The steps the customer is told (対処) and the short text sent to them (お客様に送る手順),
 * both from what the composer already decided: the first cause of the diagnosis that has
 * device steps. No knowledge is re-derived here, only chosen and laid out.
 */
import type { CaseStory } from '../../shared/knowledge/composer/case-story';
import type { Cause, Headline } from '../../shared/knowledge/composer/composer-types';
import type { FixStep } from '../../shared/knowledge/findings/fix-types';
import { isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import type { Lang } from '../../shared/models/device';
import { t } from '../../shared/i18n/messages';
import { safeOneLine } from '../../shared/security/server-text';

/**
 * A joined SMS carries 67 characters of Japanese (UCS-2) or 153 of plain Latin text per part,
 * and phones join about ten parts before they give up or bill it as MMS; past that the text
 * belongs in a mail. Steps past the limit are left out whole rather than cut mid-sentence.
 */
export const SMS_MAX_CHARS: Record<Lang, number> = { ja: 670, en: 1530 };

export interface FixPlan {
  /** The cause whose steps are told; absent when nothing needs to change. */
  cause?: Cause;
  steps: readonly FixStep[];
  /** True when the steps are what was done before a later run that works (the case is fixed). */
  done: boolean;
}

interface Verdict {
  headline: Headline;
  causes: readonly Cause[];
}

function firstWithSteps(d: Verdict | undefined): Cause | undefined {
  return d?.causes.find((c) => c.steps.length > 0);
}

/**
 * What to tell the customer: the current run's top cause while something is wrong; once a
 * re-test works, the steps of the first run (what was done). Nothing when no run found a problem.
 */
export function fixPlan(current: Verdict | undefined, story: CaseStory): FixPlan {
  if (current && current.headline.kind !== 'ok') {
    const cause = firstWithSteps(current);
    return { ...(cause ? { cause } : {}), steps: cause?.steps ?? [], done: false };
  }
  const first = story.first?.diagnosis;
  if (first && first.headline.kind !== 'ok' && story.afterFix) {
    const cause = firstWithSteps(first);
    return { ...(cause ? { cause } : {}), steps: cause?.steps ?? [], done: true };
  }
  return { steps: [], done: false };
}

/** One step as lines: the instruction, the menu path, the value with the device's label. */
export function stepLines(step: FixStep, lang: Lang): string[] {
  const out = [safeOneLine(step.text) + (isUnconfirmed(step.grade) ? `${lang === 'ja' ? '' : ' '}${t(lang, 'rep2.fix.unconfirmed')}` : '')];
  if (step.path?.length) out.push(step.path.map((seg) => safeOneLine(seg)).join(' > '));
  if (step.setting) out.push(t(lang, 'sms.set', { label: safeOneLine(step.setting.label), value: safeOneLine(step.setting.value) }));
  return out;
}

/** The short message for the customer: greeting line, numbered steps, closing line; never a password. */
export function customerStepsText(email: string, plan: FixPlan, lang: Lang): string {
  const addr = safeOneLine(email);
  if (!plan.steps.length) return `${t(lang, 'sms.introNoProblem', { email: addr })}\n`;
  // The agent's own checks (an outage, an unknown server name) are nothing to send the customer.
  if (plan.cause?.audience === 'helpdesk' && !plan.done) return `${t(lang, 'sms.helpdeskSide', { email: addr })}\n`;
  const head = t(lang, 'sms.intro', { email: addr });
  const tail = t(lang, 'sms.outro');
  const body: string[] = [];
  let used = head.length + tail.length + 2;
  for (const [i, s] of plan.steps.entries()) {
    const lines = stepLines(s, lang);
    const block = [`${i + 1}. ${lines[0]}`, ...lines.slice(1).map((l) => `  ${l}`)].join('\n');
    // Later steps build on earlier ones: stop at the first that does not fit (the first always goes in).
    if (used + block.length + 1 > SMS_MAX_CHARS[lang] && body.length) break;
    used += block.length + 1;
    body.push(block);
  }
  return [head, ...body, tail].join('\n') + '\n';
}
