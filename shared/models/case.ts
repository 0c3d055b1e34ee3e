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

/** Where a tested server row came from before the run (see shared/knowledge SettingSource). */
export const ConfiguredSource = z.enum(['catalog', 'discovered', 'typed', 'guess']);

export const NetworkRun = z.object({
  label: z.string().max(100),
  report: DiagnoseReport,
  /** Source of each server the run tested, so a guessed name is never blamed on the customer. */
  sources: z.object({ imap: ConfiguredSource, pop3: ConfiguredSource, smtp: ConfiguredSource }).partial().optional(),
  /** The login name the run used (no secret; the password is never kept). */
  user: z.string().max(320).optional(),
});

export const CaseRecord = z.object({
  id: z.string().min(1).max(100),
  createdAt: z.string(),
  updatedAt: z.string(),
  email: z.string().max(320),
  /** The helpdesk's own ticket number and the customer's name: optional, for finding the case again. */
  ticket: z.string().max(50).optional(),
  customer: z.string().max(100).optional(),
  device: Device.optional(),
  errorText: z.string().max(5000).optional(),
  /** What the device is set to, for the settings diff. */
  deviceSettings: z
    .object({ imap: ServerSettings.partial().optional(), pop3: ServerSettings.partial().optional(), smtp: ServerSettings.partial().optional(), user: z.string().optional() })
    .optional(),
  runs: z.array(NetworkRun).max(20),
  checklist: z.record(z.string(), ChecklistEntry),
  notes: z.string().max(20_000).optional(),
  /** What the history row shows, composed by the renderer when it saves (shared/knowledge/composer/case-story.ts). */
  outcome: z
    .object({
      problem: z.object({ ja: z.string().max(300), en: z.string().max(300) }).optional(),
      final: z.enum(['ok', 'problem', 'unverified']),
    })
    .optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  email: z.string(),
  ticket: z.string().optional(),
  customer: z.string().optional(),
  device: Device.optional(),
  /** The last run's top finding and whether it was clean: the final state. */
  topFinding: z.string().optional(),
  ok: z.boolean().optional(),
  /** What was wrong (the first finished run's headline), in both languages. */
  problem: z.object({ ja: z.string().max(300), en: z.string().max(300) }).optional(),
  /** The final state: the last finished run's headline kind. */
  final: z.enum(['ok', 'problem', 'unverified']).optional(),
  /** Finished (not cancelled) runs in the case. */
  runs: z.number().int().min(0).optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** The part of a saved case that changes while the helpdesk works through the checklist. */
export const CaseProgress = z.object({
  id: z.string().min(1).max(100),
  checklist: z.record(z.string(), ChecklistEntry),
  notes: z.string().max(20_000).optional(),
  outcome: CaseRecord.shape.outcome,
});
export type CaseProgress = z.infer<typeof CaseProgress>;
