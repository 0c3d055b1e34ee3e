/**
 * The composer's answer as the CLI's `diagnosis` JSON object (a public contract: fields are
 * only ever added). Same values the screens show: the headline kind, the ranked causes with
 * their steps, and the correct settings with their source.
 */
import { PROTOCOLS } from '../../models/account';
import type { Diagnosis } from './composer-types';

export function diagnosisJson(d: Diagnosis) {
  const correctSettings: Record<string, unknown> = {};
  for (const p of PROTOCOLS) {
    const k = d.correct[p];
    if (k) correctSettings[p] = { host: k.host, port: k.port, security: k.security, source: k.source };
  }
  if (d.correct.user) correctSettings.user = { value: d.correct.user.value, source: d.correct.user.source };
  return {
    headline: d.headline.kind,
    headlineText: d.headline.text,
    causes: d.causes.map((c) => ({
      id: c.id,
      kind: c.kind,
      likelihood: c.likelihood,
      codes: c.codes,
      title: c.title,
      steps: c.steps.map((s) => ({ text: s.text, ...(s.path ? { path: s.path } : {}), ...(s.setting ? { setting: s.setting } : {}) })),
    })),
    correctSettings,
  };
}
