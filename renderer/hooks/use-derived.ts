/**
 * Hooks over the memoised selectors of store/derived.ts: every component reading the
 * diagnosis gets the same object, composed once per input change.
 */
import type { Diagnosis } from '../../shared/knowledge/composer-types';
import type { ChecklistStep } from '../../shared/knowledge/checklist-types';
import type { AccountSettings } from '../../shared/knowledge/fix-types';
import type { CaseStory } from '../../shared/knowledge/case-story';
import { useApp } from '../store';
import { selectCaseStory, selectChecklist, selectDeviceSettings, selectDiagnosis, selectProvider } from '../store/derived';

export const useDeviceSettings = (): AccountSettings => useApp(selectDeviceSettings);
export const useProvider = () => useApp(selectProvider);
export const useDiagnosis = (): Diagnosis | undefined => useApp(selectDiagnosis);
export const useChecklist = (): ChecklistStep[] => useApp(selectChecklist);
export const useCaseStory = (): CaseStory => useApp(selectCaseStory);
