/**
 * Vitest globalSetup: starts the lab once per run and hands its connection info to the
 * tests through `provide('lab', …)`; tests read it with `labInfoOrSkip()` from lab-context.ts.
 * MAIL_DOCTOR_LAB=off skips starting it (lab tests then skip with the reason);
 * MAIL_DOCTOR_LAB=limited starts only the scripted listeners and DNS on high ports, as without root.
 */
import type { TestProject } from 'vitest/node';
import { labInfo, startLab, type LabInfo } from './lab';

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo | null;
    labError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.MAIL_DOCTOR_LAB === 'off') {
    project.provide('lab', null);
    project.provide('labError', 'MAIL_DOCTOR_LAB=off');
    return async () => undefined;
  }
  try {
    const lab = await startLab({ limited: process.env.MAIL_DOCTOR_LAB === 'limited' });
    project.provide('lab', labInfo(lab));
    project.provide('labError', '');
    return () => lab.stop();
  } catch (e) {
    project.provide('lab', null);
    project.provide('labError', e instanceof Error ? e.message : String(e));
    return async () => undefined;
  }
}
