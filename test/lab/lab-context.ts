/** For tests: the running lab from the global setup, or a clear skip reason. */
import { inject } from 'vitest';
import type { LabInfo } from './lab';

export function labOrNull(): LabInfo | null {
  return inject('lab') ?? null;
}

export function labSkipReason(): string {
  return `real-server lab not running: ${inject('labError') || 'unknown reason'}`;
}
