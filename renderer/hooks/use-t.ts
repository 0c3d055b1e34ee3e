import { useCallback } from 'react';
import { t, type MessageKey } from '../../shared/i18n/messages';
import { useApp } from '../store';

/** The UI translator bound to the current language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((key, params) => t(lang, key, params), [lang]);
}
