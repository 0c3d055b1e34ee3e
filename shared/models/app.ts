import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** OS locale, e.g. "ja-JP"; the UI defaults its language from it. */
  locale: z.string(),
  transport: z.enum(['electron', 'web']),
  /** What this host can do natively. */
  capabilities: z.object({
    saveFile: z.boolean(),
    printToPdf: z.boolean(),
    openExternal: z.boolean(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const UpdateCheck = z.object({
  status: z.enum(['disabled', 'up-to-date', 'available', 'error']),
  current: z.string(),
  latest: z.string().optional(),
  url: z.string().optional(),
  message: z.string().optional(),
});
export type UpdateCheck = z.infer<typeof UpdateCheck>;

/**
 * What a settings file must look like to be saved as one (shared/delivery builds them): an Apple
 * configuration profile (a plist with the com.apple.mail.managed payload) or a Thunderbird
 * autoconfig document (clientConfig). A page cannot save arbitrary content under these kinds.
 */
const SETTINGS_FILE_SHAPE = {
  mobileconfig: (c: string) => /^(\ufeff)?<\?xml[^>]*\?>\s*(<!DOCTYPE plist[^>]*>\s*)?<plist[\s>]/.test(c) && c.includes('<string>com.apple.mail.managed</string>'),
  autoconfig: (c: string) => /^(\ufeff)?<\?xml[^>]*\?>\s*<clientConfig[\s>]/.test(c),
} as const;

export const SaveFileRequest = z
  .object({
    suggestedName: z.string().min(1).max(200),
    // `mobileconfig` (.mobileconfig) and `autoconfig` (.xml): the settings files of fix delivery.
    kind: z.enum(['markdown', 'text', 'json', 'pdf', 'mobileconfig', 'autoconfig']),
    /** Text content; for `pdf` the host renders the current window to PDF and ignores this. */
    content: z.string().max(5_000_000).optional(),
  })
  .refine((r) => !(r.kind === 'mobileconfig' || r.kind === 'autoconfig') || (r.content !== undefined && SETTINGS_FILE_SHAPE[r.kind](r.content)), {
    message: 'content is not a settings file of that kind',
    path: ['content'],
  });
export type SaveFileRequest = z.infer<typeof SaveFileRequest>;
export const SaveFileResult = z.object({ saved: z.boolean(), path: z.string().optional() });
export type SaveFileResult = z.infer<typeof SaveFileResult>;

/**
 * Copy text to the system clipboard through the host (the desktop app writes it with Electron's
 * clipboard; the renderer's own navigator.clipboard needs a permission the app denies to every page).
 * Same size cap as a saved report: the largest thing copied is the report.
 */
export const ClipboardWriteRequest = z.object({ text: z.string().max(5_000_000) });
export type ClipboardWriteRequest = z.infer<typeof ClipboardWriteRequest>;
/** `written: false` = this host has no clipboard of its own (web host): the page copies itself. */
export const ClipboardWriteResult = z.object({ written: z.boolean() });

export const OpenExternalRequest = z.object({ url: z.string().url().max(2000) });
