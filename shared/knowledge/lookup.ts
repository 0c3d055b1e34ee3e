// PLACEHOLDER until error-message lookup lands (issue 4): replaced by the real implementation.
import type { Lang } from '../models/device';
import type { LookupResult } from '../models/lookup';

export function lookupError(_text: string, _lang: Lang): LookupResult {
  return { recognised: false, matches: [] };
}
