import type { useT } from '../hooks/use-t';
import type { MatrixRow } from '../view/matrix';

/** "IMAP 993 SSL/TLS": one connection's protocol, port and security, in the UI language. */
export function targetLabel(r: Pick<MatrixRow['target'], 'protocol' | 'host' | 'port' | 'security'>, t: ReturnType<typeof useT>): string {
  return `${t(`protocol.${r.protocol}`)} ${r.port} ${t(`security.${r.security}`)}`;
}
