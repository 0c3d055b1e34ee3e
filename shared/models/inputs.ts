/**
 * The rules for what a person types, in one place: the Account screen, the IPC contract and the
 * CLI all use these (the UI to show the message at the field before sending, the contract to refuse
 * what a caller sends anyway, the CLI for its flags). Each refusal's zod message is the i18n key of
 * a translated sentence that names the field (shared/i18n/messages.ts, `input.*`).
 *
 * Pure: IP literals are checked here rather than with node:net so the renderer can use the same code.
 */

/**
 * Full-width letters and digits from a Japanese IME (`ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｊｐ`, `９９３`) are
 * the same characters to a person; NFKC makes them ASCII. Never applied to a password: there every
 * code point counts.
 */
export function normalizeTyped(text: string): string {
  return text.normalize('NFKC').trim();
}

/** CR, LF and NUL end a command line in IMAP, POP3 and SMTP: in a user name or password they would inject commands. */
export const LINE_BREAKING = /[\r\n\0]/;
/** Any C0/C1 control character or DEL: never part of an address, a host name or a user name. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

/** Per-field limits: RFC 5321 §4.5.3.1 (address 320 = 64 + 1 + 255), RFC 1035 (host 253). */
export const LIMITS = {
  email: 320,
  user: 320,
  /** Longer than any password manager's output; a 10 KB "password" is a paste accident. */
  password: 1024,
  host: 253,
  dnsServer: 300,
  /** A CA bundle of a few dozen certificates; anything bigger is not what the field is for. */
  caPemBytes: 200_000,
} as const;

/** Each probe's budget: 0.5 s is the shortest that still lets a loopback server answer; 120 s the longest a person waits. */
export const TIMEOUT_MS = { min: 500, max: 120_000 } as const;

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** RFC 4291 §2.2 text forms: eight groups, one `::`, an IPv4 tail. No zone ids (`%eth0`). */
export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split('::').length > 2) return false;
  let groups = 0;
  const count = (part: string, last: boolean): boolean => {
    if (part === '') return true;
    const g = part.split(':');
    for (let i = 0; i < g.length; i++) {
      const x = g[i]!;
      if (last && i === g.length - 1 && x.includes('.')) {
        if (!isIPv4(x)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(x)) groups += 1;
      else return false;
    }
    return true;
  };
  const [head, tail] = s.split('::') as [string, string | undefined];
  if (tail === undefined) return count(head, true) && groups === 8;
  return count(head, false) && count(tail, true) && groups <= 7;
}

/** Why a host name was refused, as the i18n key of its message; undefined when it is fine. */
export function hostProblem(raw: string): 'input.host.empty' | 'input.host.tooLong' | 'input.host.typo' | 'input.host.badIp' | undefined {
  const h = raw.trim();
  if (!h) return 'input.host.empty';
  if (h.length > LIMITS.host) return 'input.host.tooLong';
  if (h.startsWith('[') || h.endsWith(']')) return /^\[[^\]]*\]$/.test(h) && isIPv6(h.slice(1, -1)) ? undefined : 'input.host.badIp';
  if (h.includes(':')) return isIPv6(h) ? undefined : 'input.host.badIp';
  if (/^[0-9.]+$/.test(h)) return isIPv4(h) ? undefined : 'input.host.badIp';
  // Letters, digits, hyphens and underscores (seen in real SRV targets) between single dots; one trailing root dot.
  const labels = h.replace(/\.$/, '').split('.');
  if (labels.some((l) => !l || l.length > 63 || !/^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/.test(l))) return 'input.host.typo';
  return undefined;
}

export interface DnsServerSpec {
  host: string;
  family: 4 | 6;
  port?: number;
}

/** `192.0.2.53`, `192.0.2.53:5353`, `2001:db8::53`, `[2001:db8::53]:5353`; a name is refused (it would need DNS to find DNS). */
export function parseDnsServer(raw: string): DnsServerSpec | null {
  const s = normalizeTyped(raw);
  const port = (p: string | undefined): number | undefined | null => {
    if (p === undefined) return undefined;
    return /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535 ? Number(p) : null;
  };
  const v6 = /^\[([^\]]+)\](?::(\d*))?$/.exec(s);
  if (v6) {
    const p = port(v6[2]);
    if (!isIPv6(v6[1]!) || p === null) return null;
    return { host: v6[1]!, family: 6, ...(p !== undefined ? { port: p } : {}) };
  }
  if (isIPv6(s)) return { host: s, family: 6 };
  const v4 = /^([0-9.]+)(?::(\d*))?$/.exec(s);
  if (v4) {
    const p = port(v4[2]);
    if (!isIPv4(v4[1]!) || p === null) return null;
    return { host: v4[1]!, family: 4, ...(p !== undefined ? { port: p } : {}) };
  }
  return null;
}

/** The resolver option text Node's dns.Resolver#setServers takes. */
export function dnsServerText(d: DnsServerSpec): string {
  if (d.port === undefined) return d.host;
  return d.family === 6 ? `[${d.host}]:${d.port}` : `${d.host}:${d.port}`;
}

/** A port typed by a person (`９９３` included); undefined when not 1–65535. */
export function parsePortText(text: string): number | undefined {
  const t = normalizeTyped(text);
  if (!/^\d{1,5}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : undefined;
}
