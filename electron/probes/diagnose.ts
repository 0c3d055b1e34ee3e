// PLACEHOLDER until the probe engine lands (issue 3): replaced by the real orchestrator.
import type { DiagnoseProgress, DiagnoseReport, DiagnoseRequest } from '../../shared/models/probe';
import { AppFailure } from '../../shared/result';

export interface DiagnoseOptionsRuntime {
  signal?: AbortSignal;
  onProgress?: (p: DiagnoseProgress) => void;
}

export async function runDiagnosis(_req: DiagnoseRequest, _rt: DiagnoseOptionsRuntime = {}): Promise<DiagnoseReport> {
  throw new AppFailure('E_UNSUPPORTED', 'probe engine not built yet');
}
