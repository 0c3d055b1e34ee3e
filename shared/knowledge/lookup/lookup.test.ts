import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../findings/codes';
import { LookupResult } from '../../models/lookup';
import { ERROR_KIND_INFO } from './error-kinds';
import { ERROR_REFERENCES } from './error-references';
import { lookupError, RECOGNISED_MIN_SCORE } from './lookup';
import { extractCodes, normalizeText } from './normalize';

// The collected reference list, kept in the repository as test data.
const JSON_PATH = join(__dirname, '../../../test/fixtures/reference-error-messages.json');
interface JsonEntry { platform: string; lang: string; text: string; stage: string }

describe('reference data', () => {
  it('mirrors error-messages.json entry for entry', () => {
    const json = JSON.parse(readFileSync(JSON_PATH, 'utf8')) as JsonEntry[];
    expect(ERROR_REFERENCES.length).toBe(json.length);
    json.forEach((j, i) => {
      expect(ERROR_REFERENCES[i]!.text).toBe(j.text);
      expect(ERROR_REFERENCES[i]!.platform).toBe(j.platform);
      expect(j.stage.startsWith(ERROR_REFERENCES[i]!.stage) || ERROR_REFERENCES[i]!.stage === 'unknown').toBe(true);
    });
  });

  it('only names real finding codes', () => {
    for (const info of Object.values(ERROR_KIND_INFO)) for (const c of info.codes) expect(FINDING_CODES).toContain(c);
  });
});

describe('normalisation', () => {
  it('folds width, long vowels, quotes, case and spacing', () => {
    expect(normalizeText('サーバー')).toBe(normalizeText('サーバ'));
    expect(normalizeText('ｻｰﾊﾞｰ')).toBe(normalizeText('サーバ'));
    expect(normalizeText('サーバ－')).toBe(normalizeText('サーバ'));
    expect(normalizeText('“imap.example.jp”のパスワード')).toBe(normalizeText('imap.example.jp のパスワード'));
    expect(normalizeText('Cannot  GET\tmail!')).toBe('can not get mail');
    expect(normalizeText('送信 (SMTP) サーバー')).toBe(normalizeText('送信(SMTP)サーバ'));
    const once = normalizeText('ユーザー名 または パスワード');
    expect(normalizeText(once)).toBe(once);
  });

  it('extracts Outlook codes in any spelling and enhanced status codes', () => {
    expect(extractCodes('error (0x800CCC0E)').hex).toEqual(['0x800ccc0e']);
    expect(extractCodes('０ｘ８００ＣＣＣ０Ｅ').hex).toEqual(['0x800ccc0e']);
    expect(extractCodes('800ccc0e').hex).toEqual(['0x800ccc0e']);
    expect(extractCodes('0x800CCCOE').hex).toEqual(['0x800ccc0e']);
    expect(extractCodes('535 5.7.139 Authentication unsuccessful').enhanced).toEqual(['5.7.139']);
    expect(extractCodes('535 5.7.139 Authentication unsuccessful').reply).toEqual(['535']);
    expect(extractCodes('version 15.7.1394').enhanced).toEqual([]);
  });
});

describe('every reference message is recognised', () => {
  // Coverage numbers for the report: the entry itself / its stage / its first code.
  const tally = { total: 0, self: 0, stage: 0, code: 0, partialStage: 0 };

  it.each(ERROR_REFERENCES.map((r) => [r.ref, r] as const))('#%i', (_ref, r) => {
    const res = lookupError(r.text, r.lang);
    expect(LookupResult.safeParse(res).success).toBe(true);
    expect(res.recognised).toBe(true);
    const top = res.matches[0]!;
    tally.total++;
    if (top.text === r.text) tally.self++;
    if (top.codes[0] === ERROR_KIND_INFO[r.kind].codes[0]) tally.code++;
    expect(top.text === r.text || top.stage === r.stage).toBe(true);
    if (top.stage === r.stage) tally.stage++;
    // Half the message (the way it is read aloud or cut off in a screenshot).
    const half = r.text.slice(0, Math.max(12, Math.ceil(r.text.length / 2)));
    const partial = lookupError(half, r.lang);
    if (partial.matches[0]?.stage === r.stage) tally.partialStage++;
  });

  it('reports coverage', () => {
    console.log(`lookup coverage: ${JSON.stringify(tally)}`);
    expect(tally.total).toBe(ERROR_REFERENCES.length);
    expect(tally.stage).toBe(tally.total);
    expect(tally.partialStage / tally.total).toBeGreaterThan(0.85);
  });
});

describe('what helpdesk staff actually type', () => {
  const cases: Array<[string, string, string]> = [
    // [typed text, expected stage, expected code among the top match's codes]
    ['サーバに接続できません', 'tcp', 'TCP_TIMEOUT'],
    ['サーバーに接続できない', 'tcp', 'TCP_TIMEOUT'],
    ['サーバへの接続に失敗', 'tcp', 'TCP_TIMEOUT'],
    ['メールを取得できません', 'unknown', 'AUTH_FAILED'],
    ['メール取得できない', 'unknown', 'AUTH_FAILED'],
    ['パスワードが違う', 'auth', 'AUTH_FAILED'],
    ['パスワードが正しくありません', 'auth', 'AUTH_FAILED'],
    ['ユーザー名またはパスワードが違います', 'auth', 'AUTH_FAILED'],
    ['IMAPアカウント"docomo"のパスワードを入力', 'auth', 'AUTH_FAILED'],
    ['サーバーの識別情報を検証できません', 'tls', 'TLS_CERT_HOSTNAME_MISMATCH'],
    ['サーバの識別情報を検証出来ません', 'tls', 'TLS_CERT_HOSTNAME_MISMATCH'],
    ['送信サーバへの接続に失敗しました', 'tcp', 'PORT25_BLOCKED'],
    ['０ｘ８００ＣＣＣ０Ｅ', 'tcp', 'TCP_TIMEOUT'],
    ['0x800ccc0e', 'tcp', 'TCP_TIMEOUT'],
    ['800CCC0E', 'tcp', 'TCP_TIMEOUT'],
    ['エラー 0x800CCCOE が出る', 'tcp', 'TCP_TIMEOUT'],
    ['0x800ccc92', 'auth', 'AUTH_FAILED'],
    ['エラー(0x8004210B)', 'tcp', 'TCP_TIMEOUT'],
    ['0x80042109 送信できない', 'tcp', 'PORT25_BLOCKED'],
    ['535 5.7.139', 'auth', 'AUTH_BASIC_DISABLED'],
    ['5.7.139', 'auth', 'AUTH_BASIC_DISABLED'],
    ['535-5.7.8 Username and Password not accepted', 'auth', 'AUTH_FAILED'],
    ['[ALERT] Application-specific password required', 'auth', 'AUTH_APP_PASSWORD_REQUIRED'],
    ['application specific password required', 'auth', 'AUTH_APP_PASSWORD_REQUIRED'],
    ['Cannot Get Mail', 'unknown', 'AUTH_FAILED'],
    ['cannot get mial', 'unknown', 'AUTH_FAILED'],
    ['The conection to the server faild', 'tcp', 'TCP_TIMEOUT'],
    ['the user name or password for “imap.gmail.com” is incorrect', 'auth', 'AUTH_FAILED'],
    ['Cannot Verify Server Identity', 'tls', 'TLS_CERT_HOSTNAME_MISMATCH'],
    ['does not allow relaying', 'smtp-policy', 'SMTP_RELAY_DENIED'],
    ['Relay access denied', 'smtp-policy', 'SMTP_RELAY_DENIED'],
    ['NO Basic authentication is disabled', 'auth', 'AUTH_BASIC_DISABLED'],
    ['Too many simultaneous connections', 'server', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['mail_max_userip_connections', 'server', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['[OVERQUOTA]', 'smtp-policy', 'MAILBOX_OVER_QUOTA'],
    ['over quota', 'smtp-policy', 'MAILBOX_OVER_QUOTA'],
    ['証明書エラー', 'tls', 'TLS_CERT_HOSTNAME_MISMATCH'],
    ['認証に失敗しました', 'auth', 'AUTH_FAILED'],
    ['ログインできませんでした', 'auth', 'AUTH_FAILED'],
    ['セキュリティエラーのためサーバに接続できない', 'tls', 'TLS_ON_PLAIN_PORT'],
    ['送信(SMTP)サーバーが見つかりません', 'dns', 'DNS_NOT_FOUND'],
    ['Outgoing server (SMTP) smtp.example.jp is unknown', 'dns', 'DNS_NOT_FOUND'],
    ['TLSが必要ですがサーバが対応していません', 'tls', 'STARTTLS_NOT_OFFERED'],
    ['タイムアウトしました', 'tcp', 'TCP_TIMEOUT'],
    ['メールが送れない', 'unknown', 'PORT25_BLOCKED'],
    ['wrong password', 'auth', 'AUTH_FAILED'],
    ['ぱすわーどがちがう', 'auth', 'AUTH_FAILED'],
    ['パスワード違います', 'auth', 'AUTH_FAILED'],
    ['IMAPアカウント“Gmail”のパスワード', 'auth', 'AUTH_FAILED'],
    ['The user name or password for “imap.mail.me.com” is incorrect.', 'auth', 'AUTH_FAILED'],
    ['送信サーバ(SMTP)の認証に失敗', 'auth', 'AUTH_FAILED'],
    ['サーバーが応答しません', 'tcp', 'TCP_TIMEOUT'],
    ['0x800CCC0F サーバーへの接続が中断されました', 'tcp', 'TCP_RESET'],
    ['Outlook 送受信エラー 0x800ccc0e', 'tcp', 'TCP_TIMEOUT'],
    ['NO [AUTHENTICATIONFAILED] Authentication failed.', 'auth', 'AUTH_FAILED'],
    ['-ERR Authentication failed.', 'auth', 'AUTH_FAILED'],
    ['554 5.7.1 <taro@example.jp>: Relay access denied', 'smtp-policy', 'SMTP_RELAY_DENIED'],
    ['connect ECONNREFUSED 192.0.2.10:993', 'tcp', 'TCP_REFUSED'],
    ['getaddrinfo ENOTFOUND imap.example.jp', 'dns', 'DNS_NOT_FOUND'],
    ['SSL routines:wrong version number', 'tls', 'TLS_ON_PLAIN_PORT'],
    ['self signed certificate in certificate chain', 'tls', 'TLS_CERT_SELF_SIGNED'],
    ['Your account appears to be offline', 'config', 'TCP_UNREACHABLE'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'tls', 'AUTH_PLAINTEXT_DISABLED'],
    ['421 Too many connections', 'server', 'SERVER_TOO_MANY_CONNECTIONS'],
  ];

  it.each(cases)('%s', (text, stage, code) => {
    const res = lookupError(text, 'ja');
    expect(res.recognised, JSON.stringify(res.matches.slice(0, 2))).toBe(true);
    const top = res.matches[0]!;
    expect(top.stage).toBe(stage);
    expect(top.codes).toContain(code);
    expect(top.meaning).toBeTruthy();
    expect(top.firstChecks!.length).toBeGreaterThan(0);
  });

  it('answers in the requested language', () => {
    const ja = lookupError('0x800CCC0E', 'ja').matches[0]!;
    const en = lookupError('0x800CCC0E', 'en').matches[0]!;
    expect(ja.meaning).toMatch(/[ぁ-んァ-ン]/);
    expect(en.meaning).not.toMatch(/[ぁ-んァ-ン]/);
    expect(en.firstChecks![0]).not.toBe(ja.firstChecks![0]);
  });

  it('lists the ambiguous 5.7.139 replies together, best first', () => {
    const res = lookupError('535 5.7.139', 'en');
    expect(res.matches.length).toBeGreaterThanOrEqual(3);
    expect(res.matches.every((m) => m.text.includes('5.7.139'))).toBe(true);
    for (let i = 1; i < res.matches.length; i++) expect(res.matches[i - 1]!.score).toBeGreaterThanOrEqual(res.matches[i]!.score);
  });

  it('names every app that shows the same wording in one match', () => {
    const res = lookupError("Couldn't sign in", 'en');
    expect(res.matches[0]!.platform).toContain('Android AOSP Email');
    expect(res.matches[0]!.platform).toContain('Gmail app');
    expect(res.matches.filter((m) => m.text === "Couldn't sign in")).toHaveLength(1);
  });

  it('finds a reference text inside a longer pasted log', () => {
    const paste = `Sep 3 10:12:01 client: SMTP error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [BN9PR03CA0123.namprd03.prod.outlook.com]`;
    const top = lookupError(paste, 'en').matches[0]!;
    expect(top.text).toContain('SmtpClientAuthentication is disabled');
    expect(top.codes[0]).toBe('AUTH_BASIC_DISABLED');
  });
});

describe('text that is not an error message', () => {
  it.each([
    'hello world how are you today',
    '今日は天気がいいですね',
    'asdfghjkl',
    'The quick brown fox jumps over the lazy dog',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit',
    '東京都港区六本木',
    'お問い合わせありがとうございます',
    'taro@example.com',
    '12345',
    'server',
    'please try again',
    '   ',
    '',
    '????',
    'x'.repeat(6000),
  ])('%j is not recognised and gets generic checks', (text) => {
    const res = lookupError(text, 'ja');
    expect(res.recognised).toBe(false);
    expect(res.matches).toEqual([]);
    expect(res.genericChecks!.length).toBeGreaterThanOrEqual(5);
    expect(res.genericChecks!.every((c) => c.ja && c.en)).toBe(true);
  });

  it('keeps the threshold meaningful', () => {
    expect(RECOGNISED_MIN_SCORE).toBeGreaterThan(0.3);
  });
});
