import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDING_META, type FindingCode } from '../../findings/codes';
import { DEVICES, LANGS, type Device, type Lang } from '../../models/device';
import type { Finding } from '../../models/probe';
import { getProvider } from '../providers/catalog';
import type { ProviderEntry } from '../providers/catalog-types';
import { explainFinding } from './finding-text';
import type { Explanation } from './fix-types';

function finding(code: FindingCode, over: Partial<Finding> = {}): Finding {
  const meta = FINDING_META[code];
  return {
    code,
    severity: meta.severity,
    stage: meta.stage,
    protocol: code.startsWith('SMTP') || code === 'PORT25_BLOCKED' ? 'smtp' : 'imap',
    host: 'mail.example.jp',
    port: code === 'PORT25_BLOCKED' ? 25 : 993,
    security: 'tls',
    evidence: { serverReply: 'NO [AUTHENTICATIONFAILED] Invalid credentials', durationMs: 120 },
    ...over,
  };
}

function provider(id: Parameters<typeof getProvider>[0]): ProviderEntry {
  const p = getProvider(id);
  if (!p) throw new Error(`catalog has no ${id}`);
  return p;
}

/** Every user-visible string of an explanation, for the placeholder/emptiness checks. */
function texts(x: Explanation): string[] {
  return [
    x.title,
    x.summary,
    ...x.evidence.flatMap((e) => [e.label, e.value]),
    ...x.steps.flatMap((s) => [s.text, ...(s.path ?? []), ...(s.setting ? [s.setting.label, s.setting.value] : []), ...(s.note ? [s.note] : [])]),
  ];
}

const JA_CHARS = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('explainFinding: every code × device × language', () => {
  for (const code of FINDING_CODES) {
    for (const device of DEVICES) {
      for (const lang of LANGS) {
        it(`${code} / ${device} / ${lang}`, () => {
          const x = explainFinding(finding(code), { device, lang });
          expect(x.code).toBe(code);
          expect(x.title.length).toBeGreaterThan(3);
          expect(x.summary.length).toBeGreaterThan(20);
          expect(x.steps.length).toBeGreaterThan(0);
          for (const s of x.steps) {
            expect(s.text.trim().length).toBeGreaterThan(5);
            expect(['A', 'B', 'C', 'U']).toContain(s.grade);
            if (s.path) expect(s.path.every((seg) => seg.trim().length > 0)).toBe(true);
          }
          for (const t of texts(x)) {
            expect(t).not.toMatch(/\{\w+\}/); // no unfilled template placeholder
            expect(t).not.toMatch(/undefined|NaN|\[object/);
          }
          if (lang === 'ja') expect(x.summary).toMatch(JA_CHARS);
          // No sentence left untranslated: Japanese steps read Japanese; English steps have no
          // Japanese sentence (kana particles) — only labels quoted from Japanese-only screens.
          for (const s of x.steps) {
            if (lang === 'ja') expect(s.text).toMatch(JA_CHARS);
            else expect(s.text).not.toMatch(/[\u3040-\u309f]/);
          }
          // English text has no Japanese except for labels the customer must find on a Japanese-only screen.
          if (lang === 'en') expect(x.summary).not.toMatch(JA_CHARS);
          // The explanation's grade is the weakest of its steps.
          if (x.steps.some((s) => s.grade === 'U')) expect(x.grade).toBe('U');
        });
      }
    }
  }
});

const allText = (x: Explanation) => texts(x).join('\n');

describe('provider-aware password fixes', () => {
  const auth = finding('AUTH_FAILED');

  it('docomo: IMAP専用パスワード, where to check it, Wi-Fi off', () => {
    const x = explainFinding(auth, { device: 'iphone', lang: 'ja', provider: provider('docomo') });
    const t = allText(x);
    expect(t).toContain('IMAP専用パスワード');
    expect(x.steps.some((s) => s.path?.join(' > ') === 'My docomo > メール設定 > IMAP専用ID・パスワードの確認')).toBe(true);
    expect(t).toMatch(/Wi-Fi をオフ/);
    expect(t).toContain('IMAP用ID');
    const en = allText(explainFinding(auth, { device: 'iphone', lang: 'en', provider: provider('docomo') }));
    expect(en).toMatch(/Wi-Fi off/);
    expect(en).toContain('IMAP');
  });

  it('Gmail / iCloud / Yahoo: app password and where to make it', () => {
    for (const [id, where] of [
      ['gmail', 'https://support.google.com/accounts/answer/185833'],
      ['icloud', 'account.apple.com'],
      ['yahoo', 'Generate app password'],
    ] as const) {
      const x = explainFinding(auth, { device: 'android-gmail', lang: 'en', provider: provider(id) });
      const t = allText(x) + x.steps.map((s) => s.url ?? '').join('\n');
      expect(t, id).toMatch(/app(-specific)? password/i);
      expect(t, id).toContain(where);
      const ja = allText(explainFinding(auth, { device: 'iphone', lang: 'ja', provider: provider(id) }));
      expect(ja, id).toMatch(/アプリ ?パスワード|App 用パスワード|アプリ用パスワード/);
    }
  });

  it('Outlook.com / Microsoft 365: a password cannot work, use Microsoft sign-in', () => {
    for (const id of ['outlook-com', 'microsoft-365'] as const) {
      const x = explainFinding(auth, { device: 'iphone', lang: 'en', provider: provider(id) });
      const t = allText(x);
      expect(t).toMatch(/Re-entering the password will not help/);
      expect(t).toMatch(/Microsoft sign-in/);
      expect(t).toMatch(/Outlook app/);
      expect(x.steps.some((s) => s.path?.includes('Outlook.com'))).toBe(true);
      const ja = allText(explainFinding(auth, { device: 'outlook-classic', lang: 'ja', provider: provider(id) }));
      expect(ja).toContain('Microsoft のサインイン画面');
    }
    const m365 = allText(explainFinding(auth, { device: 'iphone', lang: 'en', provider: provider('microsoft-365') }));
    expect(m365).toContain('Authenticated SMTP');
  });

  it('SoftBank: Eメール(i) password, reset in My SoftBank', () => {
    const x = explainFinding(auth, { device: 'iphone', lang: 'ja', provider: provider('softbank') });
    const t = allText(x);
    expect(t).toContain('Eメール(i) のパスワード');
    expect(t).toContain('My SoftBank');
    expect(x.steps.find((s) => s.text.includes('My SoftBank'))?.grade).toBe('A');
  });

  it('Yahoo! JAPAN: enable IMAP/POP/SMTP access and the ID needs a password', () => {
    const x = explainFinding(auth, { device: 'mac-mail', lang: 'ja', provider: provider('yahoo-japan') });
    const t = allText(x);
    expect(t).toContain('Yahoo! JAPAN公式サービス以外からのアクセスも有効にする');
    expect(t).toContain('IMAP/POP/SMTPアクセスとメール転送');
    expect(t).toMatch(/パスワードが設定されているか/);
  });

  it('unknown provider: generic re-enter wording, no provider names', () => {
    const t = allText(explainFinding(auth, { device: 'iphone', lang: 'ja' }));
    expect(t).toContain('パスワード');
    expect(t).not.toMatch(/docomo|ドコモ|Microsoft|Google/);
  });

  it('user name step uses the address in the form the provider wants', () => {
    const x = explainFinding(auth, { device: 'iphone', lang: 'ja', provider: provider('icloud'), email: 'taro@icloud.com' });
    expect(x.steps.some((s) => s.setting?.label === 'ユーザ名' && s.setting.value === 'taro')).toBe(true);
  });
});

describe('setting fixes carry exact values from data', () => {
  it('PORT25_BLOCKED on iPhone: port 587, SSL on, SMTP auth, from the provider catalog', () => {
    const x = explainFinding(finding('PORT25_BLOCKED', { fix: undefined }), { device: 'iphone', lang: 'ja', provider: provider('so-net') });
    const settings = x.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(settings).toContain('サーバポート: 587');
    expect(settings).toContain('SSLを使用: オン');
    expect(settings).toContain('ホスト名: mail.so-net.ne.jp');
    expect(settings.some((s) => s.startsWith('認証:'))).toBe(true);
  });

  it('PORT25_BLOCKED with a seen-working fix on Outlook classic uses the fix values and Outlook labels', () => {
    const x = explainFinding(finding('PORT25_BLOCKED', { fix: { host: 'smtp.example.jp', port: 465, security: 'tls' } }), { device: 'outlook-classic', lang: 'ja' });
    const settings = x.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(settings).toContain('サーバーのポート番号 > 送信サーバー (SMTP): 465');
    expect(settings).toContain('使用する暗号化接続の種類: SSL/TLS');
    expect(settings.some((s) => s.startsWith('送信サーバー (SMTP) は認証が必要'))).toBe(true);
  });

  it('PORT25_BLOCKED without fix or provider falls back to the standard submission port (587 STARTTLS)', () => {
    const x = explainFinding(finding('PORT25_BLOCKED', { fix: undefined }), { device: 'android-gmail', lang: 'en' });
    const settings = x.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(settings).toContain('Port: 587');
    expect(settings).toContain('Security type: STARTTLS');
  });

  it('TLS_ON_PLAIN_PORT moves to the implicit-TLS port', () => {
    const x = explainFinding(finding('TLS_ON_PLAIN_PORT', { port: 143, security: 'tls' }), { device: 'mac-mail', lang: 'en' });
    const settings = x.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(settings).toEqual(['Port: 993', 'Use TLS/SSL: ON']);
  });

  it('TLS_ON_PLAIN_PORT with a STARTTLS fix: Outlook gets 143/STARTTLS, an iPhone (one SSL switch) gets 993/SSL on', () => {
    const f = finding('TLS_ON_PLAIN_PORT', { port: 143, security: 'tls', fix: { host: 'mail.example.jp', port: 143, security: 'starttls' } });
    const olk = explainFinding(f, { device: 'outlook-classic', lang: 'en' }).steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(olk).toEqual(['Server Port Numbers > Incoming server (IMAP): 143', 'Use the following type of encrypted connection: STARTTLS']);
    const ios = explainFinding(f, { device: 'iphone', lang: 'ja' }).steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(ios).toEqual(['サーバポート: 993', 'SSLを使用: オン']);
  });

  it('ALTERNATIVE_WORKS uses the alternative seen working, not the catalog', () => {
    const f = finding('ALTERNATIVE_WORKS', { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 465, security: 'tls', role: 'alternative' });
    const x = explainFinding(f, { device: 'iphone', lang: 'ja', provider: provider('so-net') });
    const settings = x.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
    expect(settings).toContain('サーバポート: 465');
  });

  it('U-graded labels stay marked unconfirmed (iPhone Japanese SMTP labels)', () => {
    const x = explainFinding(finding('SMTP_AUTH_REQUIRED'), { device: 'iphone', lang: 'ja' });
    expect(x.steps.find((s) => s.setting)?.grade).toBe('U');
    expect(x.grade).toBe('U');
    const en = explainFinding(finding('SMTP_AUTH_REQUIRED'), { device: 'iphone', lang: 'en' });
    expect(en.steps[0]?.grade).toBe('B');
  });
});

describe('provider restrictions as notes', () => {
  it('a POP failure on iCloud says iCloud has no POP; a TLS failure on docomo says TLS 1.2', () => {
    const pop = explainFinding(finding('DNS_NOT_FOUND', { protocol: 'pop3', host: 'pop.mail.me.com', port: 995 }), { device: 'iphone', lang: 'ja', provider: provider('icloud') });
    expect(pop.steps.at(-1)?.text).toBe('iCloud メールの注意: POP には対応していません（IMAP のみ）。');
    expect(pop.steps.at(-1)?.grade).toBe('B');
    const tls = explainFinding(finding('TLS_HANDSHAKE_FAILED'), { device: 'android-gmail', lang: 'en', provider: provider('docomo') });
    expect(tls.steps.some((s) => s.text.includes('TLS 1.2'))).toBe(true);
    const imap = explainFinding(finding('DNS_NOT_FOUND'), { device: 'iphone', lang: 'ja', provider: provider('icloud') });
    expect(imap.steps.some((s) => s.text.includes('POP'))).toBe(false);
  });
});

describe('certificate-name mismatch at a rental server', () => {
  const cert = (names: string[]) => ({ subject: `CN=${names[0]}`, subjectAltNames: names.map((n) => `DNS:${n}`), issuer: 'CN=Example CA', validFrom: '2026-01-01', validTo: '2027-01-01', fingerprint256: 'AA', selfSigned: false, chain: [] });

  it('names the hosting server from its certificate instead of generic advice', () => {
    const f = finding('TLS_CERT_HOSTNAME_MISMATCH', { host: 'mail.myshop.jp', evidence: { cert: cert(['sv1234.xserver.jp']) } });
    const text = explainFinding(f, { device: 'iphone', lang: 'ja' }).steps.map((s) => s.text).join('\n');
    expect(text).toContain('sv1234.xserver.jp');
    expect(text).toContain('「sv」');
  });

  it('a wildcard certificate of a host with fixed servers gives that server', () => {
    const f = finding('TLS_CERT_HOSTNAME_MISMATCH', { host: 'mail.myshop.jp', evidence: { cert: cert(['*.lolipop.jp']) } });
    expect(explainFinding(f, { device: 'iphone', lang: 'en' }).steps.map((s) => s.text).join('\n')).toContain('imap.lolipop.jp');
  });

  it('an unknown certificate keeps the general advice', () => {
    const f = finding('TLS_CERT_HOSTNAME_MISMATCH', { host: 'mail.myshop.jp', evidence: { cert: cert(['*.hosting.example']) } });
    expect(explainFinding(f, { device: 'iphone', lang: 'ja' }).steps.map((s) => s.text).join('\n')).toContain('正式なサーバー名');
  });
});

describe('evidence', () => {
  it('shows the server, the reply and certificate fields', () => {
    const f = finding('TLS_CERT_HOSTNAME_MISMATCH', {
      evidence: {
        cert: { subject: 'CN=*.hosting.example', subjectAltNames: ['DNS:*.hosting.example'], issuer: 'CN=Example CA', validFrom: '2026-01-01', validTo: '2027-01-01', fingerprint256: 'AA', selfSigned: false, chain: [] },
      },
    });
    const x = explainFinding(f, { device: 'iphone', lang: 'ja' });
    const labels = x.evidence.map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['サーバー', '証明書の名前', '証明書の発行元']));
    expect(x.evidence.find((e) => e.label === 'サーバー')?.value).toBe('IMAP mail.example.jp:993 SSL/TLS');
  });
});

export type { Device, Lang };

describe('one recommended port in the words', () => {
  it('port 25 blocked names only the port the engine saw work', () => {
    const f = finding('PORT25_BLOCKED', { protocol: 'smtp', port: 25, evidence: { message: 'x', details: { recommendedPort: 465, recommendedSecurity: 'tls' } } });
    for (const lang of LANGS) {
      const s = explainFinding(f, { device: 'iphone', lang }).summary;
      expect(s, lang).toContain('465');
      expect(s, lang).not.toContain('587');
    }
  });

  it('the mix-up remark about the SSL switch is there only for a device whose SSL setting is one switch or box', () => {
    const imap = finding('TLS_ON_PLAIN_PORT', { protocol: 'imap', port: 143, security: 'tls' });
    const pop = finding('TLS_ON_PLAIN_PORT', { protocol: 'pop3', port: 110, security: 'tls' });
    const why = (f: Finding, device: Device, lang: Lang) => explainFinding(f, { device, lang }).summary;
    // Apple: one on/off switch, its own label (the Mac's reads 「TLS/SSLを使用」).
    expect(why(imap, 'iphone', 'ja')).toContain('この端末では「SSLを使用」はオンのままにして、ポート番号を直します。');
    expect(why(imap, 'mac-mail', 'ja')).toContain('「TLS/SSLを使用」はオンのまま');
    expect(why(imap, 'mac-mail', 'en')).toContain('keep "Use TLS/SSL" on and correct the port');
    // Outlook's POP has only a "requires SSL/TLS" box; its IMAP a drop-down with STARTTLS.
    expect(why(pop, 'outlook-classic', 'ja')).toContain('「このサーバーは暗号化された接続 (SSL/TLS) が必要」にはチェックを入れたまま');
    for (const lang of LANGS) {
      for (const device of ['outlook-classic', 'outlook-new', 'android-gmail', 'samsung-email'] as const) {
        const s = why(imap, device, lang);
        expect(s, `${device} ${lang}`).not.toMatch(/iPhone|Mac|SSLを使用|Use SSL|オンのまま|keep/);
        expect(s, `${device} ${lang}`).toMatch(/143[\s\S]*993/);
      }
    }
  });

  it('SSL needed on a port set to STARTTLS: says STARTTLS is the wrong mode, never "turn encryption on"', () => {
    const f = finding('PLAIN_ON_TLS_PORT', { protocol: 'smtp', port: 465, security: 'starttls' });
    expect(explainFinding(f, { device: 'outlook-classic', lang: 'ja' }).summary).toContain('暗号化は「STARTTLS」ではなく「SSL/TLS」にする必要があります。');
    expect(explainFinding(f, { device: 'android-gmail', lang: 'en' }).summary).toContain('must be SSL/TLS, not STARTTLS');
    expect(explainFinding(f, { device: 'iphone', lang: 'ja' }).summary).toContain('「SSLを使用」をオンにする必要があります。');
    expect(explainFinding({ ...f, security: 'none' }, { device: 'outlook-classic', lang: 'ja' }).summary).toContain('暗号化（SSL/TLS）を有効にする必要があります。');
  });

  it('a password refusal read only from the customer’s message says so, never that the server refused it', () => {
    const lookup = finding('AUTH_FAILED', { protocol: 'imap', host: undefined, port: undefined });
    const ja = explainFinding(lookup, { device: 'iphone', lang: 'ja' }).summary;
    expect(ja).toMatch(/^お客様の画面の表示は、受信メールサーバー（IMAP）がユーザー名またはパスワードを受け付けなかったことを示しています（このテストではまだ確かめていません）/);
    expect(explainFinding(lookup, { device: 'iphone', lang: 'en' }).summary).toContain('this check has not confirmed it');
    const app = finding('AUTH_APP_PASSWORD_REQUIRED', { host: undefined, port: undefined });
    expect(explainFinding(app, { device: 'iphone', lang: 'ja' }).summary).toMatch(/^お客様の画面の表示は.*（このテストではまだ確かめていません）。$/);
    expect(explainFinding(finding('AUTH_APP_PASSWORD_REQUIRED'), { device: 'iphone', lang: 'ja' }).summary).toMatch(/^このメールは、普段のパスワードでは/);
  });

  it('the probes’ fixed detail values are in the reader’s words', () => {
    const notTried = finding('LOGIN_NOT_TRIED', { evidence: { message: 'no password was given', details: { reason: 'no-password' } } });
    expect(explainFinding(notTried, { device: 'iphone', lang: 'ja' }).evidence).toContainEqual({ label: '理由', value: 'パスワードが入力されていません' });
    const plain = finding('PLAIN_ON_TLS_PORT', { evidence: { message: 'x', details: { tlsHandshake: 'ok' } } });
    expect(explainFinding(plain, { device: 'iphone', lang: 'ja' }).evidence).toContainEqual({ label: 'TLS の接続', value: 'SSL/TLS で接続できました' });
  });

  it('a port/SSL mix-up on IMAP names IMAP ports, never the SMTP ones', () => {
    const f = finding('TLS_ON_PLAIN_PORT', { protocol: 'imap', port: 143, security: 'tls' });
    for (const lang of LANGS) {
      const s = explainFinding(f, { device: 'outlook-classic', lang }).summary;
      expect(s, lang).toMatch(/143[\s\S]*993/);
      expect(s, lang).not.toMatch(/587|465/);
    }
  });
});
