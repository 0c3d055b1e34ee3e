import { z } from 'zod';
import { FindingCode } from './probe';
import { Lang, Localized } from './device';

export const LookupStage = z.enum(['dns', 'tcp', 'tls', 'auth', 'server', 'smtp-policy', 'config', 'unknown']);
export type LookupStage = z.infer<typeof LookupStage>;

export const LookupRequest = z.object({
  text: z.string().max(5000),
  lang: Lang.optional(),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupMatch = z.object({
  /** Which client or server says this, e.g. "iOS Mail", "Outlook (classic, Windows)". */
  platform: z.string(),
  stage: LookupStage,
  /** Candidate finding codes, most likely first. */
  codes: z.array(FindingCode),
  /** The reference text matched. */
  text: z.string(),
  /** 0..1 */
  score: z.number(),
  /** Confidence grade of the reference entry. */
  grade: z.enum(['A', 'B', 'C', 'U']).optional(),
  /** What it usually means, in the requested language. */
  meaning: z.string().optional(),
  /** What to check first. */
  firstChecks: z.array(z.string()).optional(),
});
export type LookupMatch = z.infer<typeof LookupMatch>;

export const LookupResult = z.object({
  recognised: z.boolean(),
  matches: z.array(LookupMatch),
  /** Generic first checks for unrecognised text (and as a fallback). */
  genericChecks: z.array(Localized).optional(),
  /** A catalog provider named in the text (host name or address); its own checks lead the matches' firstChecks. */
  providerId: z.string().optional(),
});
export type LookupResult = z.infer<typeof LookupResult>;
