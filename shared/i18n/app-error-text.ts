import type { Lang } from '../models/device';
import type { AppErrorCode } from '../result';
import { t } from './messages';

/** Translated text for the engine/transport error codes; the catalog has one key per code (typed). */
export function appErrorText(code: AppErrorCode, lang: Lang): string {
  return t(lang, `apperr.${code}`);
}
