import { z } from 'zod';
import { CONTROL_CHARS, LIMITS, LINE_BREAKING, hostProblem } from './inputs';

/** Mail protocols we probe. */
export const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
export const Protocol = z.enum(PROTOCOLS);
export type Protocol = z.infer<typeof Protocol>;

/**
 * How the connection is secured.
 * - `tls`: implicit TLS from the first byte (IMAP 993, POP3 995, SMTP 465) — "SSL/TLS" in clients
 * - `starttls`: plaintext greeting, then STARTTLS/STLS (IMAP 143, POP3 110, SMTP 587/25)
 * - `none`: no encryption at all
 */
export const SECURITIES = ['tls', 'starttls', 'none'] as const;
export const Security = z.enum(SECURITIES);
export type Security = z.infer<typeof Security>;

/**
 * RFC 1035 host name or an IPv4/IPv6 literal (`[::1]` or `::1`); full-width input made ASCII.
 * `bad..name`, `.x`, `[zz]`, `[1:2:3]` are typos refused here with a message, not blamed on DNS.
 * Messages are i18n keys (shared/models/inputs.ts).
 */
export const HostName = z
  .string()
  .normalize('NFKC')
  .trim()
  // Also stated as plain limits so the CLI's JSON Schema (docs/schemas) keeps them.
  .min(1, 'input.host.empty')
  .max(253, 'input.host.tooLong')
  .superRefine((h, ctx) => {
    const problem = hostProblem(h);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const Port = z.number().int().min(1, 'input.port.invalid').max(65535, 'input.port.invalid');

export const ServerSettings = z.object({
  host: HostName,
  port: Port,
  security: Security,
});
export type ServerSettings = z.infer<typeof ServerSettings>;

/** Loose enough for real-world addresses, strict enough to refuse obvious typos; full-width input made ASCII. */
export const EmailAddress = z
  .string()
  .normalize('NFKC')
  .trim()
  .max(LIMITS.email, 'input.email.tooLong')
  .refine((s) => !CONTROL_CHARS.test(s), 'input.email.control')
  .regex(/^[^\s@]+@[^\s@]+$/, 'input.email.invalid');

/** Full-width ASCII (U+FF01–FF5E) in a login name is an IME left on: named, not silently changed. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/;

/** Login name: never normalised (servers compare it byte for byte), but never a command injection either. */
export const UserName = z
  .string()
  .max(LIMITS.user, 'input.user.tooLong')
  .refine((s) => !LINE_BREAKING.test(s), 'input.user.lineBreak')
  .refine((s) => !CONTROL_CHARS.test(s), 'input.user.lineBreak')
  .refine((s) => !FULL_WIDTH_ASCII.test(s), 'input.user.fullWidth');

/** Every code point of a password counts (no trimming, no normalising); CR, LF and NUL would split the command. */
export const Password = z.string().max(LIMITS.password, 'input.password.tooLong').refine((s) => !LINE_BREAKING.test(s), 'input.password.lineBreak');

export const AccountInput = z.object({
  email: EmailAddress,
  /** Login name when it differs from the address (local part, docomo dアカウント ID, ...). */
  user: UserName.optional(),
  /** Used for one run only; never persisted, logged or reported. */
  password: Password.optional(),
  imap: ServerSettings.optional(),
  pop3: ServerSettings.optional(),
  smtp: ServerSettings.optional(),
});
export type AccountInput = z.infer<typeof AccountInput>;

/** Default ports per protocol and security mode (RFC 8314, RFC 6409). */
export const STANDARD_PORTS = {
  imap: { tls: 993, starttls: 143, none: 143 },
  pop3: { tls: 995, starttls: 110, none: 110 },
  smtp: { tls: 465, starttls: 587, none: 25 },
} as const satisfies Record<Protocol, Record<Security, number>>;

/** Every standard port/security pair for a protocol, most preferred first. */
export const STANDARD_MODES: Record<Protocol, ReadonlyArray<{ port: number; security: Security }>> = {
  imap: [
    { port: 993, security: 'tls' },
    { port: 143, security: 'starttls' },
  ],
  pop3: [
    { port: 995, security: 'tls' },
    { port: 110, security: 'starttls' },
  ],
  smtp: [
    { port: 465, security: 'tls' },
    { port: 587, security: 'starttls' },
    { port: 25, security: 'starttls' },
  ],
};

/**
 * Which working mode to recommend when several do, lower is better: implicit TLS first
 * (RFC 8314), then the protocol's standard order, an unusual port last. Implicit TLS first
 * because every device can say "SSL on, port 993/465/995", whereas iPhone/Mac Mail have one
 * SSL switch for both modes (so "143 with SSL on" cannot tell STARTTLS from what failed). The
 * ONE rule: the engine's fix, the point where it stops alternatives and the composer's correct
 * value all use it, so which port answered first never changes the answer.
 */
export function modePreference(protocol: Protocol, m: { port: number; security: Security }): number {
  const order = STANDARD_MODES[protocol].findIndex((x) => x.port === m.port && x.security === m.security);
  return (m.security === 'tls' ? 0 : 10) + (order < 0 ? 5 : order);
}
