import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';

/** How many steps stay visible when the diagnosis points at none in particular. */
const ALWAYS_SHOWN = 6;

/**
 * The full checklist has 20+ steps per device; on the phone only the relevant ones matter.
 * Steps the diagnosis raised (plus the first checks) stay open, the rest fold away.
 */
export function splitSteps(steps: readonly ChecklistStep[]): [ChecklistStep[], ChecklistStep[]] {
  const high = steps.filter((s) => s.relevance === 'high').length;
  const cut = Math.max(high, Math.min(ALWAYS_SHOWN, steps.length));
  return [steps.slice(0, cut), steps.slice(cut)];
}
