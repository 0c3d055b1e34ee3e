import { z } from 'zod';

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

/** RFC 1035 host name or an IPv4/IPv6 literal; length limits from RFC 1035 §2.3.4. */
export const HostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:[\]-]+$/, 'host may contain only letters, digits, dots, hyphens (or an IP literal)');

export const Port = z.number().int().min(1).max(65535);

export const ServerSettings = z.object({
  host: HostName,
  port: Port,
  security: Security,
});
export type ServerSettings = z.infer<typeof ServerSettings>;

/** Loose enough for real-world addresses, strict enough to refuse obvious typos. */
export const EmailAddress = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'not an e-mail address');

export const AccountInput = z.object({
  email: EmailAddress,
  /** Login name when it differs from the address (local part, docomo dアカウント ID, ...). */
  user: z.string().max(320).optional(),
  /** Used for one run only; never persisted, logged or reported. */
  password: z.string().max(1024).optional(),
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
