import { z } from 'zod';
import { DiagnoseReport } from './probe';
import { Device } from './device';
import { ServerSettings } from './account';

/**
 * A helpdesk case as persisted in history. Holds no secrets: the account part
 * has no password, and probe transcripts are redacted before they leave the engine.
 */
export const ChecklistEntry = z.object({
  status: z.enum(['todo', 'done', 'skipped', 'fixed']),
  note: z.string().max(2000).optional(),
});

export const NetworkRun = z.object({
  label: z.string().max(100),
  report: DiagnoseReport,
});

export const CaseRecord = z.object({
  id: z.string().min(1).max(100),
  createdAt: z.string(),
  updatedAt: z.string(),
  email: z.string().max(320),
  device: Device.optional(),
  errorText: z.string().max(5000).optional(),
  /** What the device is set to, for the settings diff. */
  deviceSettings: z
    .object({ imap: ServerSettings.partial().optional(), pop3: ServerSettings.partial().optional(), smtp: ServerSettings.partial().optional(), user: z.string().optional() })
    .optional(),
  runs: z.array(NetworkRun).max(20),
  checklist: z.record(z.string(), ChecklistEntry),
  notes: z.string().max(20_000).optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  email: z.string(),
  device: Device.optional(),
  topFinding: z.string().optional(),
  ok: z.boolean().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
