/**
 * Converts between the live case in the store and the CaseRecord kept in history.
 *
 * The record is built field by field from an allow-list: the password and the
 * advanced options (which may hold a pasted CA or addresses) never reach it.
 */
import type { CaseRecord } from '../../shared/models/case';
import type { ServerSettings, Protocol } from '../../shared/models/account';
import type { DiagnoseReport } from '../../shared/models/probe';
import type { CaseState, ChecklistEntryState, DeviceDraft, RunState, ServerDraft } from '../store/types';
import { draftToPartial as partialSettings } from './device-settings';

/** Largest run list a CaseRecord accepts (shared/models/case.ts). */
const MAX_RUNS = 20;

export function toCaseRecord(
  c: Pick<CaseState, 'caseId' | 'createdAt' | 'email' | 'ticket' | 'customer' | 'device' | 'errorText' | 'deviceSettings' | 'incoming' | 'notes'>,
  r: Pick<RunState, 'runs'>,
  checklist: Record<string, ChecklistEntryState>,
  now: string,
  outcome?: CaseRecord['outcome'],
): CaseRecord {
  const inc = partialSettings(c.deviceSettings.incoming);
  const smtp = partialSettings(c.deviceSettings.smtp);
  const user = c.deviceSettings.user.trim();
  const deviceSettings = {
    ...(inc ? { [c.incoming]: inc } : {}),
    ...(smtp ? { smtp } : {}),
    ...(user ? { user } : {}),
  };
  return {
    id: c.caseId,
    createdAt: c.createdAt,
    updatedAt: now,
    email: c.email.trim(),
    ...(c.ticket.trim() ? { ticket: c.ticket.trim().slice(0, 50) } : {}),
    ...(c.customer.trim() ? { customer: c.customer.trim().slice(0, 100) } : {}),
    ...(c.device ? { device: c.device } : {}),
    ...(c.errorText.trim() ? { errorText: c.errorText.trim().slice(0, 5000) } : {}),
    ...(Object.keys(deviceSettings).length ? { deviceSettings } : {}),
    runs: r.runs.slice(-MAX_RUNS).map((run) => ({
      label: run.label.slice(0, 100),
      report: run.report,
      ...(run.sources ? { sources: run.sources } : {}),
      ...(run.user ? { user: run.user.slice(0, 320) } : {}),
    })),
    checklist: Object.fromEntries(
      Object.entries(checklist).map(([k, v]) => [k, v.note ? { status: v.status, note: v.note.slice(0, 2000) } : { status: v.status }]),
    ),
    ...(c.notes.trim() ? { notes: c.notes.slice(0, 20_000) } : {}),
    ...(outcome ? { outcome } : {}),
  };
}

function draftFrom(s: Partial<ServerSettings> | undefined): DeviceDraft {
  return { host: s?.host ?? '', port: s?.port !== undefined ? String(s.port) : '', security: s?.security ?? '' };
}

/** The settings a report was run with, recovered from its configured probes. */
export function serversFromReport(report: DiagnoseReport | undefined): Partial<Record<Protocol, ServerDraft>> {
  const out: Partial<Record<Protocol, ServerDraft>> = {};
  for (const p of report?.probes ?? []) {
    if (p.role !== 'configured' || out[p.protocol]) continue;
    out[p.protocol] = { host: p.host, port: String(p.port), security: p.security, source: 'manual' };
  }
  return out;
}

export interface RestoredCase {
  caseFields: Partial<CaseState>;
  runFields: Partial<RunState>;
  checklist: Record<string, ChecklistEntryState>;
}

export function fromCaseRecord(rec: CaseRecord, base: Pick<CaseState, 'servers'>): RestoredCase {
  const ds = rec.deviceSettings;
  const incoming = ds?.pop3 && !ds.imap ? 'pop3' : 'imap';
  const last = rec.runs[rec.runs.length - 1]?.report;
  const recovered = serversFromReport(last);
  const incomingFromRun = recovered.imap ? 'imap' : recovered.pop3 ? 'pop3' : incoming;
  return {
    caseFields: {
      caseId: rec.id,
      createdAt: rec.createdAt,
      email: rec.email,
      ticket: rec.ticket ?? '',
      customer: rec.customer ?? '',
      device: rec.device,
      errorText: rec.errorText ?? '',
      password: '',
      notes: rec.notes ?? '',
      incoming: incomingFromRun,
      servers: { ...base.servers, ...recovered },
      deviceSettings: { incoming: draftFrom(ds?.[incomingFromRun]), smtp: draftFrom(ds?.smtp), user: ds?.user ?? '' },
    },
    runFields: {
      runs: rec.runs,
      report: last,
      run: undefined,
      compare: [Math.max(0, rec.runs.length - 2), Math.max(0, rec.runs.length - 1)],
    },
    checklist: rec.checklist,
  };
}
