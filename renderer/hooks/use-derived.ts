/**
 * Hooks over the memoised selectors of store/derived.ts: every component reading the
 * diagnosis gets the same object, composed once per input change.
 */
import type { Diagnosis } from '../../shared/knowledge/composer/composer-types';
import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';
import type { AccountSettings } from '../../shared/knowledge/findings/fix-types';
import type { CaseStory } from '../../shared/knowledge/composer/case-story';
import { useApp } from '../store';
import { selectCaseStory, selectChecklist, selectDeviceSettings, selectDiagnosis, selectProvider } from '../store/derived';

export const useDeviceSettings = (): AccountSettings => useApp(selectDeviceSettings);
export const useProvider = () => useApp(selectProvider);
export const useDiagnosis = (): Diagnosis | undefined => useApp(selectDiagnosis);
export const useChecklist = (): ChecklistStep[] => useApp(selectChecklist);
export const useCaseStory = (): CaseStory => useApp(selectCaseStory);
