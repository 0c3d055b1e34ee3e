/** The dialect of each protocol the probes speak. */
import type { Protocol } from '../../../shared/models/account';
import type { ProtocolDialect } from './dialect';
import { imapDialect } from './imap';
import { pop3Dialect } from './pop3';
import { smtpDialect } from './smtp';

const DIALECTS: Record<Protocol, ProtocolDialect> = { imap: imapDialect, pop3: pop3Dialect, smtp: smtpDialect };

export function dialectFor(protocol: Protocol): ProtocolDialect {
  return DIALECTS[protocol];
}
