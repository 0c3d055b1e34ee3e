/**
 * What a protocol (IMAP, POP3, SMTP) tells the probe's stage order: how it greets, lists its
 * capabilities, names and starts STARTTLS, logs in (with its post-login checks) and quits.
 * probe.ts only runs the stages; everything protocol-specific sits behind this interface.
 */
import type { Protocol } from '../../../shared/models/account';
import type { MechanismView } from '../../../shared/findings/classify';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import type { TlsOptions } from '../tls-inspect';

export interface Endpoint {
  address: string;
  family: 4 | 6;
  port: number;
}

/** Everything after the pre-login stage needs: a live line connection and what we learned. */
export interface Session {
  conn: LineConn;
  /** The TLS certificate verified (credentials may go out without asking). */
  secure: boolean;
  caps: string[];
  tlsOptions: TlsOptions;
  endpoint: Endpoint;
}

/** A command's answer in the protocol's own success/failure terms. */
export interface CommandReply {
  ok: boolean;
  /** The final (tagged / status) line or the whole SMTP reply. */
  text: string;
  /** IMAP untagged lines, SMTP reply lines. */
  lines: string[];
  /** Set when no reply came: ETIMEDOUT, ECLOSED, ECONNRESET (`text` then says why). */
  errorCode?: string;
  /** With `errorCode`: lines of a multi-line reply that had arrived before it stopped (`lines` holds the first of them). */
  linesSeen?: number;
}

export interface ProtocolDialect {
  readonly protocol: Protocol;
  /** The capability that announces STARTTLS (STLS in POP3) and the command that starts it. */
  readonly starttls: { capability: string; command: string };
  /** The LOGOUT / QUIT line (IMAP with a fresh tag). */
  quitLine(): string;
  /** One command, its answer read in the protocol's syntax; a cancel throws Stop. */
  command(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs?: number): Promise<CommandReply>;
  /** The whole greeting, given its first line (SMTP greetings can be multi-line). */
  completeGreeting(ctx: ProbeContext, conn: LineConn, firstLine: string): Promise<string>;
  /**
   * The capability list on this connection (CAPABILITY / CAPA / EHLO). `afterStarttls`: the
   * list must be asked again (RFC 3207 §4.2, RFC 9051 §6.2.1: what was said in clear is void).
   */
  capabilities(ctx: ProbeContext, conn: LineConn, afterStarttls: boolean): Promise<string[]>;
  /** What must precede STARTTLS on a fresh connection after the greeting (SMTP: EHLO). */
  beforeStarttls(ctx: ProbeContext, conn: LineConn): Promise<void>;
  /** On a plaintext channel: the capabilities say password login needs TLS first. */
  refusesPlaintextLogin(caps: string[], mv: MechanismView): boolean;
  /** Logs in on the session's own connection and runs the post-login checks (quota / mailbox / envelope), then quits. */
  login(ctx: ProbeContext, s: Session, mv: MechanismView): Promise<void>;
}
