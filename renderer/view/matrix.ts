/**
 * The live probe matrix: one row per connection tried (protocol × port × security),
 * one column per stage. Built from the `planned` targets and the step events as they
 * stream in; a finished probe's own step list replaces the streamed one.
 */
import type { ProbeResult, ProbeStep, ProbeTarget, StepName, StepStatus } from '../../shared/models/probe';
import { assertNever } from '../../shared/result';
import { PROTOCOLS } from '../../shared/models/account';

export const MATRIX_COLUMNS = ['dns', 'tcp', 'tls', 'greeting', 'login', 'extras'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];
export type CellStatus = StepStatus | 'none';

export interface MatrixCell {
  status: CellStatus;
  durationMs?: number;
  detail?: string;
  note?: ProbeStep['note'];
}
export interface MatrixRow {
  target: ProbeTarget;
  status: 'pending' | 'running' | 'ok' | 'failed' | 'cancelled' | 'not-needed';
  durationMs?: number;
  cells: Record<MatrixColumn, MatrixCell>;
  /** Most important finding code of this row, for the row summary. */
  topFinding?: ProbeResult['findings'][number]['code'];
}

export function columnOf(step: StepName): MatrixColumn {
  switch (step) {
    case 'dns':
      return 'dns';
    case 'tcp':
      return 'tcp';
    case 'tls':
    case 'starttls':
      return 'tls';
    case 'greeting':
      return 'greeting';
    case 'auth':
      return 'login';
    case 'mailbox':
    case 'envelope':
      return 'extras';
    default:
      return assertNever(step, 'step name');
  }
}

/** When two steps share a column (STARTTLS + TLS), the more telling status wins. */
const PRECEDENCE: Record<CellStatus, number> = { failed: 6, warning: 5, running: 4, ok: 3, pending: 2, skipped: 1, none: 0 };

function merge(a: MatrixCell, step: ProbeStep): MatrixCell {
  if (a.status === 'none') return { status: step.status, durationMs: step.durationMs, detail: step.detail, note: step.note };
  const winner = PRECEDENCE[step.status] > PRECEDENCE[a.status] ? step : undefined;
  const durationMs = a.durationMs !== undefined || step.durationMs !== undefined ? (a.durationMs ?? 0) + (step.durationMs ?? 0) : undefined;
  return winner
    ? { status: winner.status, durationMs, detail: winner.detail ?? a.detail, note: winner.note ?? a.note }
    : { ...a, durationMs, detail: a.detail ?? step.detail, note: a.note ?? step.note };
}

function emptyCells(): Record<MatrixColumn, MatrixCell> {
  return { dns: { status: 'none' }, tcp: { status: 'none' }, tls: { status: 'none' }, greeting: { status: 'none' }, login: { status: 'none' }, extras: { status: 'none' } };
}

export function cellsFromSteps(steps: readonly ProbeStep[]): Record<MatrixColumn, MatrixCell> {
  const cells = emptyCells();
  for (const step of steps) {
    const col = columnOf(step.name);
    cells[col] = merge(cells[col], step);
  }
  return cells;
}

function order(a: ProbeTarget, b: ProbeTarget): number {
  if (a.role !== b.role) return a.role === 'configured' ? -1 : 1;
  const pa = PROTOCOLS.indexOf(a.protocol);
  const pb = PROTOCOLS.indexOf(b.protocol);
  return pa !== pb ? pa - pb : a.port - b.port;
}

export function buildMatrix(
  targets: readonly ProbeTarget[],
  steps: Readonly<Record<string, readonly ProbeStep[]>>,
  probes: Readonly<Record<string, ProbeResult>>,
  runFinished: boolean,
): MatrixRow[] {
  return [...targets].sort(order).map((target) => {
    const done = probes[target.id];
    if (done) {
      return {
        target,
        status: done.status,
        durationMs: done.durationMs,
        cells: cellsFromSteps(done.steps),
        topFinding: done.findings.find((f) => f.severity === 'error')?.code ?? done.findings[0]?.code,
      };
    }
    const streamed = steps[target.id] ?? [];
    return {
      target,
      status: runFinished ? 'cancelled' : streamed.length ? 'running' : 'pending',
      cells: cellsFromSteps(streamed),
    };
  });
}

export function matrixProgress(rows: readonly MatrixRow[]): { done: number; total: number } {
  return { done: rows.filter((r) => r.status === 'ok' || r.status === 'failed' || r.status === 'cancelled' || r.status === 'not-needed').length, total: rows.length };
}
