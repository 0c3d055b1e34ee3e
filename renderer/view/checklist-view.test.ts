import { describe, expect, it } from 'vitest';
import { splitSteps } from './checklist-view';
import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';

const step = (id: string, relevance: ChecklistStep['relevance']): ChecklistStep => ({
  id,
  group: 'first-checks',
  title: id,
  action: '',
  lookFor: '',
  grade: 'B',
  relevance,
  relevantCodes: [],
  relevantCauses: [],
});

describe('checklist folding', () => {
  it('keeps every step the diagnosis raised open and folds the rest', () => {
    const steps = [...Array.from({ length: 9 }, (_, i) => step(`h${i}`, 'high')), ...Array.from({ length: 10 }, (_, i) => step(`n${i}`, 'normal'))];
    const [shown, rest] = splitSteps(steps);
    expect(shown.map((s) => s.id)).toEqual(steps.slice(0, 9).map((s) => s.id));
    expect(rest).toHaveLength(10);
  });

  it('shows a few steps when nothing was raised, and all of a short list', () => {
    const many = Array.from({ length: 20 }, (_, i) => step(`n${i}`, 'normal'));
    expect(splitSteps(many)[0]).toHaveLength(6);
    expect(splitSteps(many.slice(0, 4))).toEqual([many.slice(0, 4), []]);
  });
});
