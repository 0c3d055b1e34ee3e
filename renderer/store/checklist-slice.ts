import type { SliceCreator } from './slice-types';
import type { ChecklistActions, ChecklistEntryState, ChecklistState } from './types';

/** Notes are typed letter by letter; one history write per pause is enough. */
const SAVE_DELAY_MS = 400;

export const createChecklistSlice: SliceCreator<ChecklistState & ChecklistActions> = () => (set, get) => {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  function patch(stepId: string, change: (e: ChecklistEntryState) => ChecklistEntryState): void {
    set((s) => {
      const forCase = s.progress[s.caseId] ?? {};
      const entry = forCase[stepId] ?? { status: 'todo' };
      return { progress: { ...s.progress, [s.caseId]: { ...forCase, [stepId]: change(entry) } } };
    });
    // History keeps the checklist outcome too (the report and a reopened case show it).
    if (!get().runs.length) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void get().saveProgress(), SAVE_DELAY_MS);
  }
  return {
    progress: {},
    setStepStatus: (stepId, status) => patch(stepId, (e) => ({ ...e, status })),
    setStepNote: (stepId, note) => patch(stepId, (e) => ({ ...e, note: note.slice(0, 2000) })),
  };
};
