/**
 * A refused input (a zod issue from the shared/models schemas) as a translated sentence that names
 * its field. The schemas carry `input.*` catalog keys as their messages; an issue without one (a
 * type error from a scripted caller) still names the field by its path.
 */
import type { Lang } from '../models/device';
import { isMessageKey, t } from './messages';

export interface InputIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function inputIssueText(issue: InputIssue, lang: Lang): string {
  if (isMessageKey(issue.message)) return t(lang, issue.message);
  const field = issue.path.map(String).join('.') || '?';
  return lang === 'ja' ? `入力が正しくありません: ${field}` : `Invalid input: ${field}`;
}
