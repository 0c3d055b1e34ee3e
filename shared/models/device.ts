import { z } from 'zod';

/** Device families we write fix steps for. */
export const DEVICES = ['iphone', 'outlook-classic', 'outlook-new', 'android-gmail', 'samsung-email', 'mac-mail'] as const;
export const Device = z.enum(DEVICES);
export type Device = z.infer<typeof Device>;

export const LANGS = ['ja', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** A piece of user-facing text in both languages. */
export const Localized = z.object({ ja: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

/**
 * Confidence grade of a fact: A = the vendor's own documentation, source or an RFC; B = several
 * independent consistent observations (or one official page seen only in an excerpt); C = one
 * third-party, old or inferred source; U = not verified. U must never be shown as certain.
 */
export const Grade = z.enum(['A', 'B', 'C', 'U']);
export type Grade = z.infer<typeof Grade>;
