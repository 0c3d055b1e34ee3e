/**
 * The helpdesk cases of the provider-like lab host, as a table: what the helpdesk types
 * (servers, password, the customer's message, what the device is set to) and what the answer
 * must be (top cause, headline, correct settings with their source).
 *
 * One table, two readers: the real-server answer test (electron/probes/answer-table.lab.test.ts)
 * probes each case once and composes it for every device and language; `npm run lab:web`
 * prints the same cases so a person can walk them in the browser.
 */
import type { AccountInput, Protocol, Security } from '../../shared/models/account';
import type { ConfiguredSource, HeadlineKind, SettingSource } from '../../shared/knowledge/composer/composer-types';
import type { AccountSettings } from '../../shared/knowledge/findings/fix-types';
import type { LabInfo } from './lab';

export interface CaseServer {
  host: string;
  port: number;
  security: Security;
}

export interface ExpectedServer extends CaseServer {
  source: SettingSource;
}

export interface AnswerCase {
  id: string;
  /** What a person sees, one line per language. */
  title: { ja: string; en: string };
  account: { email: string; user?: string; password?: string; imap?: CaseServer; pop3?: CaseServer; smtp?: CaseServer };
  /** Try the other standard ports too (the app's default). */
  alternatives: boolean;
  /** The customer's message, as the helpdesk types it on the Start screen. */
  errorText?: string;
  /** Where the servers came from (default: typed by hand). */
  sources?: Partial<Record<Protocol, ConfiguredSource>>;
  /** What the customer's device is set to, when the helpdesk typed it in. */
  device?: AccountSettings;
  expect: {
    /** Id of the top cause (`finding:<CODE>` or a triage id). */
    top: string;
    headline: HeadlineKind;
    /** Per protocol: the value the table must show with its source, or null when nothing trustworthy is known. */
    correct: Partial<Record<Protocol, ExpectedServer | null>>;
    /** Cause ids that must not be there at all. */
    absent?: string[];
    /**
     * Causes guessed from the customer's message stay only where the run did not reach (e.g. no
     * password given); otherwise the test explained the message and none may be listed.
     */
    lookupStays?: boolean;
  };
}

/** Cases whose answer depends only on what the lab host does. */
export function answerCases(lab: LabInfo): AnswerCase[] {
  const mail = lab.hosts.mail.name;
  const alice = lab.users.alice;
  const at = (port: number, security: Security, host = mail): CaseServer => ({ host, port, security });
  const seen = (port: number, security: Security, source: SettingSource, host = mail): ExpectedServer => ({ host, port, security, source });
  const good = { email: alice.email, password: alice.password };
  return [
    {
      id: 'healthy',
      title: { ja: '正常（IMAP 993 SSL/TLS、SMTP 587 STARTTLS、正しいパスワード）', en: 'Healthy (IMAP 993 SSL/TLS, SMTP 587 STARTTLS, right password)' },
      account: { ...good, imap: at(993, 'tls'), smtp: at(587, 'starttls') },
      alternatives: true,
      expect: { top: 'device-side', headline: 'ok', correct: { imap: seen(993, 'tls', 'logged-in'), smtp: seen(587, 'starttls', 'logged-in') }, absent: ['device-settings', 'sending-only'] },
    },
    {
      id: 'user-form',
      title: { ja: '正常だが端末のユーザー名が「alice」（アドレスの前半だけ）', en: 'Healthy, but the device’s user name is "alice" (the part before @)' },
      account: { ...good, imap: at(993, 'tls'), smtp: at(587, 'starttls') },
      alternatives: false,
      device: { imap: at(993, 'tls'), smtp: at(587, 'starttls'), user: 'alice' },
      expect: { top: 'device-settings', headline: 'unverified', correct: { imap: seen(993, 'tls', 'logged-in'), smtp: seen(587, 'starttls', 'logged-in') } },
    },
    {
      id: 'wrong-password',
      title: { ja: 'パスワード違い（受信も送信も）', en: 'Wrong password (receiving and sending)' },
      account: { email: alice.email, password: 'not-the-password', imap: at(993, 'tls'), smtp: at(587, 'starttls') },
      alternatives: true,
      errorText: 'パスワードが正しくありません',
      expect: { top: 'finding:AUTH_FAILED', headline: 'problem', correct: { imap: seen(993, 'tls', 'connected'), smtp: seen(587, 'starttls', 'connected') }, absent: ['sending-only', 'device-side'] },
    },
    {
      id: 'port25',
      title: { ja: '送信ポート25番（回線で遮断）、受信は正常', en: 'Outgoing port 25 (blocked on the line), receiving fine' },
      account: { ...good, imap: at(993, 'tls'), smtp: at(25, 'starttls') },
      alternatives: true,
      errorText: '0x800CCC0E',
      expect: { top: 'finding:PORT25_BLOCKED', headline: 'problem', correct: { imap: seen(993, 'tls', 'logged-in'), smtp: seen(465, 'tls', 'connected') }, absent: ['sending-only', 'server-outage'] },
    },
    {
      id: 'ssl-on-143',
      title: { ja: '受信 143番で SSL/TLS（STARTTLS との取り違え）', en: 'Incoming 143 with SSL/TLS (mixed up with STARTTLS)' },
      account: { ...good, imap: at(143, 'tls'), smtp: at(587, 'starttls') },
      alternatives: true,
      expect: { top: 'finding:TLS_ON_PLAIN_PORT', headline: 'problem', correct: { imap: seen(993, 'tls', 'connected'), smtp: seen(587, 'starttls', 'logged-in') }, absent: ['sending-only'] },
    },
    {
      id: 'starttls-on-993',
      title: { ja: '受信 993番で STARTTLS（SSL/TLS との取り違え）', en: 'Incoming 993 with STARTTLS (mixed up with SSL/TLS)' },
      account: { ...good, imap: at(993, 'starttls'), smtp: at(587, 'starttls') },
      alternatives: true,
      expect: { top: 'finding:PLAIN_ON_TLS_PORT', headline: 'problem', correct: { imap: seen(993, 'tls', 'connected'), smtp: seen(587, 'starttls', 'logged-in') }, absent: ['sending-only'] },
    },
    {
      id: 'smtp-starttls-on-465',
      title: { ja: '送信だけ失敗：465番で STARTTLS', en: 'Only sending fails: 465 with STARTTLS' },
      account: { ...good, imap: at(993, 'tls'), smtp: at(465, 'starttls') },
      alternatives: true,
      expect: { top: 'finding:PLAIN_ON_TLS_PORT', headline: 'problem', correct: { imap: seen(993, 'tls', 'logged-in'), smtp: seen(465, 'tls', 'connected') }, absent: ['server-outage'] },
    },
    {
      id: 'pop3-ssl-on-110',
      title: { ja: 'POP3 110番で SSL/TLS、送信は正常', en: 'POP3 110 with SSL/TLS, sending fine' },
      account: { ...good, pop3: at(110, 'tls'), smtp: at(465, 'tls') },
      alternatives: true,
      expect: { top: 'finding:TLS_ON_PLAIN_PORT', headline: 'problem', correct: { pop3: seen(995, 'tls', 'connected'), smtp: seen(465, 'tls', 'logged-in') }, absent: ['sending-only'] },
    },
    {
      id: 'all-refused',
      title: { ja: 'サーバー停止：すべてのポートが接続を拒否', en: 'Server down: every port refuses' },
      account: { ...good, imap: at(993, 'tls', lab.hosts.closed.name), smtp: at(587, 'starttls', lab.hosts.closed.name) },
      alternatives: true,
      expect: { top: 'server-outage', headline: 'problem', correct: { imap: null, smtp: null }, absent: ['device-side', 'sending-only'] },
    },
    {
      id: 'all-silent',
      title: { ja: 'サーバー停止：すべてのポートが無応答', en: 'Server down: every port is silent' },
      account: { ...good, imap: at(993, 'tls', lab.hosts.down.name), smtp: at(587, 'starttls', lab.hosts.down.name) },
      alternatives: true,
      errorText: 'サーバーに接続できません',
      expect: { top: 'server-outage', headline: 'problem', correct: { imap: null, smtp: null }, absent: ['device-side', 'sending-only'] },
    },
    {
      id: 'no-password',
      title: { ja: 'パスワード未入力、お客様の画面は「パスワードが正しくありません」', en: 'No password given; the customer’s screen says the password is wrong' },
      account: { email: alice.email, imap: at(993, 'tls'), smtp: at(587, 'starttls') },
      alternatives: true,
      errorText: 'パスワードが正しくありません',
      expect: { top: 'finding:AUTH_FAILED', headline: 'unverified', correct: { imap: seen(993, 'tls', 'connected'), smtp: seen(587, 'starttls', 'connected') }, absent: ['device-side'], lookupStays: true },
    },
    {
      id: 'guessed-missing',
      title: { ja: '推測したサーバー名（imap./smtp.）が存在しない', en: 'Guessed server names (imap./smtp.) do not exist' },
      account: { email: `alice@nowhere.${lab.domain}`, password: alice.password, imap: at(993, 'tls', `imap.nowhere.${lab.domain}`), smtp: at(587, 'starttls', `smtp.nowhere.${lab.domain}`) },
      alternatives: true,
      sources: { imap: 'guess', smtp: 'guess' },
      expect: { top: 'guessed-server', headline: 'problem', correct: { imap: null, smtp: null }, absent: ['device-side'] },
    },
  ];
}

/** The account input a case stands for (what the Account screen sends). */
export function caseAccount(c: AnswerCase): AccountInput {
  const a = c.account;
  return {
    email: a.email,
    ...(a.user ? { user: a.user } : {}),
    ...(a.password ? { password: a.password } : {}),
    ...(a.imap ? { imap: a.imap } : {}),
    ...(a.pop3 ? { pop3: a.pop3 } : {}),
    ...(a.smtp ? { smtp: a.smtp } : {}),
  } as AccountInput;
}
