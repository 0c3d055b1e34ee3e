import type { Lang } from '../models/device';

/** Fill `{name}` placeholders. Unknown names are left visible so a missing value is noticed, not hidden. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Pick the UI language from an OS/browser locale: Japanese locales get ja, everything else en. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^ja\b/i.test(locale) ? 'ja' : 'en';
}
