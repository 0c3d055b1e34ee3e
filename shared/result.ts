/**
 * Results instead of throws across every process boundary.
 *
 * Only an Error's message survives Electron's ipcMain.handle, and a WebSocket
 * carries no exceptions at all, so every channel answers with a Result whose
 * error code comes from the closed list below. The UI turns a code into text
 * with an exhaustive switch (see shared/i18n/app-error-text.ts).
 */
export const APP_ERROR_CODES = [
  'E_BAD_REQUEST', // payload failed schema validation
  'E_FORBIDDEN', // sender / origin / token not trusted
  'E_NOT_FOUND', // e.g. a history case id that does not exist
  'E_CANCELLED', // the user cancelled the operation
  'E_UNSUPPORTED', // the transport or platform cannot do this (e.g. native save dialog in the web host)
  'E_BUSY', // an operation with the same id is already running
  'E_TIMEOUT', // the operation exceeded its deadline
  'E_INTERNAL', // a bug: anything unexpected
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppError {
  code: AppErrorCode;
  /** English developer-facing detail; the UI shows translated text chosen by `code`. */
  message: string;
  details?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: AppErrorCode, message: string, details?: AppError['details']): Result<T> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}

/** Thrown inside handlers to choose the error code the caller will see. */
export class AppFailure extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return e.details ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message };
  if (e instanceof Error && e.name === 'AbortError') return { code: 'E_CANCELLED', message: 'cancelled' };
  return { code: 'E_INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}
