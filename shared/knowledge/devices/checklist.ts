/**
 * The guided checklist for one device, reordered by the diagnosis.
 *
 * Nothing known: the helpdesk order of checklist-steps.ts (first checks first).
 * With a diagnosis: steps tied to the top causes move up, the rest keep their
 * order behind them (nothing is dropped), and the first checks lead the
 * unrelated steps. "Back up" always comes right before a step that deletes the
 * account.
 */
import { FINDING_META, type FindingCode } from '../../findings/codes';
import type { Device, Lang } from '../../models/device';
import type { DiagnoseReport, Finding } from '../../models/probe';
import type { ProviderEntry } from '../providers/catalog-types';
import { CHECKLIST_STEPS, type ChecklistStepDef } from './checklist-steps';
import type { ChecklistStep } from './checklist-types';
import type { Cause, SettingsDiffRow } from '../composer/composer-types';
import { causeConclusion } from '../composer/conclusion';
import { findingConclusion } from '../findings/finding-conclusion';
import { answeredBy } from './checklist-answered';
import { CLOUD_SYNC_NOTE, CLOUD_SYNCED_DEVICES, devicePath, resolvePath } from './device-paths';
import { L, pick, weakestGrade } from '../findings/fix-types';

export { deviceSettingsScreen, highlightFromDiff } from './device-settings-screen';
export type * from './checklist-types';

export interface ChecklistInput {
  device: Device;
  /** Default 'ja' (most helpdesk calls are in Japanese). */
  lang?: Lang;
  findings?: readonly Finding[];
  /** Ranked causes from composeDiagnosis; they decide the order when given. */
  causes?: readonly Cause[];
  provider?: ProviderEntry;
  /**
   * The address's domain. Given without a provider, the catalog does not know the domain, so
   * it is no carrier's or Microsoft's: their steps are left out (unless a finding shows the
   * provider, see `evidentBy`). Without it nothing is known and they stay, last.
   */
  domain?: string;
  /** The run, its settings diff and whether networks were compared: what the test answered. */
  report?: DiagnoseReport | null;
  settingsDiff?: readonly SettingsDiffRow[];
  networksCompared?: boolean;
}

const LIKELIHOOD_SCORE = { high: 100, medium: 60, low: 30 } as const;
const SEVERITY_SCORE = { error: 80, warning: 40, info: 20 } as const;
/**
 * Scores above this make a step "high" relevance: a direct link to a likely cause (60+) is;
 * a weak (half-weight) link, even to the top cause (100 / 2), is not — it stays available
 * without taking one of the few open places.
 */
const HIGH = 50;

function applies(def: ChecklistStepDef, input: ChecklistInput, seen: ReadonlySet<FindingCode>): boolean {
  const { device, provider } = input;
  if (def.devices && !def.devices.includes(device)) return false;
  if (def.providers && provider && !def.providers.includes(provider.id)) return false;
  if (def.providers && !provider && input.domain && !(def.evidentBy ?? []).some((c) => seen.has(c))) return false;
  if (def.needsPlace && def.place && !devicePath(device, def.place)) return false;
  return true;
}

interface Importance {
  score: number;
  /** What made it relevant, for the "why this step" line. */
  why: string;
}

const SERVER_SIDE_CAUSES = new Set<string>(['server-outage', 'guessed-server']);

/** How important each finding code and cause id is in this diagnosis. */
function importanceMaps(input: ChecklistInput, lang: Lang): { codes: Map<FindingCode, Importance>; causes: Map<string, Importance> } {
  const codes = new Map<FindingCode, Importance>();
  const causes = new Map<string, Importance>();
  const put = <K>(m: Map<K, Importance>, k: K, imp: Importance) => {
    const old = m.get(k);
    if (!old || old.score < imp.score) m.set(k, imp);
  };
  (input.causes ?? []).forEach((c, i) => {
    // Earlier causes weigh a little more than later ones of the same likelihood.
    // The same one-line conclusion the Diagnosis screen leads with, never the cause's category.
    const imp = { score: LIKELIHOOD_SCORE[c.likelihood] - i, why: causeConclusion(c, lang) };
    put(causes, c.id, imp);
    // A server-side cause explains its codes (the refused/silent ports, the missing name); it does not
    // make the device steps for those codes its own.
    if (!SERVER_SIDE_CAUSES.has(c.id)) for (const code of c.codes) put(codes, code, imp);
  });
  // With the composer's causes, they decide: a finding they absorbed as a symptom (the timeout
  // behind "port 25 blocked") does not raise the network steps on its own.
  for (const f of input.causes ? [] : (input.findings ?? [])) {
    if (f.role === 'alternative' && f.code !== 'ALTERNATIVE_WORKS') continue;
    put(codes, f.code, { score: SEVERITY_SCORE[f.severity] - FINDING_META[f.code].weight / 10, why: findingConclusion(f.code, lang) });
  }
  return { codes, causes };
}

function score(def: ChecklistStepDef, maps: ReturnType<typeof importanceMaps>, provider: ProviderEntry | undefined, authSeen: boolean): Importance | undefined {
  let best: Importance | undefined;
  const consider = (imp: Importance | undefined) => {
    if (imp && (!best || imp.score > best.score)) best = imp;
  };
  const half = (imp: Importance | undefined) => imp && { score: imp.score / 2, why: imp.why };
  for (const c of def.codes) consider(maps.codes.get(c));
  for (const c of def.causes) consider(maps.causes.get(c));
  for (const c of def.weakCodes ?? []) consider(half(maps.codes.get(c)));
  for (const c of def.weakCauses ?? []) consider(half(maps.causes.get(c)));
  if (!best || !def.providers) return best;
  const current = best as Importance;
  // A step written for this very provider outranks generic password advice when the login failed;
  // one written for a provider we do not know applies only maybe.
  if (!provider) return half(current);
  return { score: current.score + (authSeen ? 10 : 0), why: current.why };
}

function resolveStep(def: ChecklistStepDef, input: ChecklistInput, lang: Lang, imp: Importance | undefined, known: boolean): ChecklistStep {
  const { device, provider } = input;
  const action = typeof def.action === 'function' ? def.action(device) : def.action;
  const step: ChecklistStep = {
    id: def.id,
    group: def.group,
    title: pick(def.title, lang),
    action: pick(action, lang),
    lookFor: pick(def.lookFor, lang),
    grade: def.grade,
    relevance: imp ? (imp.score > HIGH ? 'high' : 'normal') : known ? 'low' : 'normal',
    relevantCodes: [...def.codes, ...(def.weakCodes ?? [])],
    relevantCauses: [...def.causes, ...(def.weakCauses ?? [])],
  };
  if (def.uiAction) step.uiAction = def.uiAction;
  const notes: string[] = [];
  if (def.note) notes.push(pick(def.note, lang));
  if (def.outsidePath) {
    step.path = pick(def.outsidePath.path, lang).split(' > ');
    step.grade = weakestGrade([def.grade, def.outsidePath.grade]);
    if (def.outsidePath.url) step.url = def.outsidePath.url;
  } else if (def.place) {
    const rp = resolvePath(device, def.place, lang);
    if (rp) {
      step.path = rp.path;
      step.grade = weakestGrade([def.grade, rp.grade]);
      if (rp.note) notes.push(rp.note);
    }
  }
  if (def.localNetwork && CLOUD_SYNCED_DEVICES.includes(device)) {
    const cloud = pick(CLOUD_SYNC_NOTE, lang);
    if (!notes.some((n) => n.includes(cloud))) notes.unshift(cloud);
  }
  // Provider-specific password help from the catalog, when the catalog has it.
  if (def.id === 'special-password' && provider?.passwordHelp) {
    notes.push(pick(provider.passwordHelp.text, lang));
    if (provider.passwordHelp.url) step.url = provider.passwordHelp.url;
  }
  if (notes.length > 0) step.note = notes.join(' ');
  const answered = def.answeredBy ? answeredBy(def.answeredBy, input, lang) : undefined;
  if (answered) step.answered = answered;
  if (imp) step.reason = pick(L(`診断結果「${imp.why}」に関係します。`, `Related to the diagnosis "${imp.why}".`), lang);
  return step;
}

/** Keep "back up" immediately before the first step that deletes the account. */
function backupFirst(steps: ChecklistStep[]): ChecklistStep[] {
  const deletes = new Set(CHECKLIST_STEPS.filter((d) => d.deletes).map((d) => d.id));
  const backup = steps.find((s) => s.id === 'backup-before-delete');
  if (!backup) return steps;
  const rest = steps.filter((s) => s !== backup);
  const at = rest.findIndex((s) => deletes.has(s.id));
  if (at < 0) return steps;
  const del = rest[at] as ChecklistStep;
  // The backup is as urgent as the deletion it protects.
  const rank = { high: 0, normal: 1, low: 2 } as const;
  if (rank[del.relevance] < rank[backup.relevance]) backup.relevance = del.relevance;
  rest.splice(at, 0, backup);
  return rest;
}

/** The checklist for a device, most relevant first; every applicable step is kept. */
export function buildChecklist(input: ChecklistInput): ChecklistStep[] {
  const lang = input.lang ?? 'ja';
  const { device, provider } = input;
  const seen = new Set<FindingCode>([...(input.findings ?? []), ...(input.report?.findings ?? [])].map((f) => f.code));
  const defs = CHECKLIST_STEPS.filter((d) => applies(d, input, seen));
  const maps = importanceMaps(input, lang);
  const known = maps.codes.size > 0 || maps.causes.size > 0;
  const authSeen = [...maps.codes.keys()].some((c) => FINDING_META[c].stage === 'auth' && c !== 'LOGIN_NOT_TRIED');
  // On a cloud-synced device the customer's network does not carry the mail: those steps help half as much.
  const cloud = CLOUD_SYNCED_DEVICES.includes(device);
  const scored = defs.map((def, order) => {
    const demoted = cloud && !!def.localNetwork;
    const raw = score(def, maps, provider, authSeen);
    const imp = raw && demoted ? { score: raw.score / 2, why: raw.why } : raw;
    // Provider steps for an unknown provider stay available but last.
    const unknownProvider = !!def.providers && !provider;
    return { def, order, imp, unknownProvider, demoted };
  });
  if (known) {
    scored.sort((a, b) => {
      const sa = a.imp?.score ?? -1;
      const sb = b.imp?.score ?? -1;
      if (sa !== sb) return sb - sa;
      // Among unrelated steps the first checks lead: they are cheap and often enough.
      const fa = a.def.group === 'first-checks' && !a.demoted ? 0 : 1;
      const fb = b.def.group === 'first-checks' && !b.demoted ? 0 : 1;
      return fa - fb || Number(a.demoted) - Number(b.demoted) || Number(a.unknownProvider) - Number(b.unknownProvider) || a.order - b.order;
    });
  } else {
    scored.sort((a, b) => Number(a.demoted) - Number(b.demoted) || Number(a.unknownProvider) - Number(b.unknownProvider) || a.order - b.order);
  }
  const steps = scored.map(({ def, imp, unknownProvider, demoted }) => {
    const s = resolveStep(def, input, lang, imp, known);
    if ((unknownProvider || demoted) && !imp) s.relevance = 'low';
    return s;
  });
  return backupFirst(steps);
}
