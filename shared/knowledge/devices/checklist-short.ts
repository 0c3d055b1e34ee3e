/**
 * The short checklist the agent works through on the phone: a few open steps, the rest
 * folded, what the test already answered apart, no step twice.
 */
import type { ChecklistStep } from './checklist-types';

/**
 * Open steps at most: a phone call works through a handful of checks; a longer open list
 * buries the ones the diagnosis raised (the full list is one click away).
 */
export const OPEN_STEPS_MAX = 5;

export interface ShortChecklist {
  /** At most OPEN_STEPS_MAX: the steps the diagnosis raised, or the first ones when it raised none. */
  open: ChecklistStep[];
  /** Everything else that still applies, in the checklist's order. */
  more: ChecklistStep[];
  /** Steps the connection test already answered (each with its `answered` sentence). */
  answered: ChecklistStep[];
}

/** Same step when it has the same id or the same title (two sources wording one check). */
function unique(steps: readonly ChecklistStep[]): ChecklistStep[] {
  const ids = new Set<string>();
  const titles = new Set<string>();
  const out: ChecklistStep[] = [];
  for (const s of steps) {
    const title = s.title.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    if (ids.has(s.id) || titles.has(title)) continue;
    ids.add(s.id);
    titles.add(title);
    out.push(s);
  }
  return out;
}

export function shortChecklist(steps: readonly ChecklistStep[]): ShortChecklist {
  const all = unique(steps);
  const answered = all.filter((s) => s.answered);
  const rest = all.filter((s) => !s.answered);
  const raised = rest.filter((s) => s.relevance === 'high');
  const pool = raised.length > 0 ? raised : rest.filter((s) => s.relevance !== 'low');
  const open = (pool.length > 0 ? pool : rest).slice(0, OPEN_STEPS_MAX);
  const more = rest.filter((s) => !open.includes(s));
  return { open, more, answered };
}
