/**
 * Japanese that reads well aloud: one word for each thing, and the rewrites of
 * the sentences that were hard to say on the phone.
 *
 * Terms: the customer's phone or PC is 「端末」 (never 「機器」; network
 * appliances are 「ネットワーク装置」), the mail company is 「プロバイダー」
 * (never 「事業者」). The two "not known for sure" states of a discovered setting
 * have two different words: 「要注意」 (fetched over an unencrypted connection)
 * and 「推測」 (not checked yet); 「未確認」 is kept for unverified knowledge (grade U).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_META } from '../findings/codes';
import { ja } from '../i18n/messages';
import type { Finding } from '../models/probe';
import { DEVICES } from '../models/device';
import { buildChecklist } from './devices/checklist';
import { explainFinding } from './findings/finding-text';
import { findingTitle } from './findings/finding-title';
import { CATALOG } from './providers/catalog';

const SHARED = path.join(__dirname, '..');

/** Every product source file whose strings a helpdesk user reads (tests and their helpers left out). */
function textSources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const dir of ['knowledge', 'i18n', 'delivery', 'watch']) {
    for (const entry of readdirSync(path.join(SHARED, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || /\.test(-util)?\.ts$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      out.push({ file: path.relative(SHARED, file), text: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

const finding = (code: keyof typeof FINDING_META): Finding =>
  ({ code, severity: FINDING_META[code].severity, stage: FINDING_META[code].stage, protocol: 'imap', host: 'mail.example.jp', port: 143, security: 'tls', role: 'configured', evidence: {} }) as Finding;

describe('one word for each thing in the Japanese text', () => {
  const sources = textSources();

  it('reads the knowledge, the UI messages, the delivery and the watch text', () => {
    expect(sources.some((s) => s.file.endsWith('messages.ts'))).toBe(true);
    expect(sources.some((s) => s.file.endsWith('catalog.ts'))).toBe(true);
    expect(sources.some((s) => s.file.endsWith('watch-text.ts'))).toBe(true);
    expect(sources.length).toBeGreaterThan(30);
  });

  it.each([
    ['機器', '端末'],
    ['事業者', 'プロバイダー'],
  ])('「%s」 never appears (the word is 「%s」)', (banned, word) => {
    const hits = sources.filter((s) => s.text.includes(banned)).map((s) => s.file);
    expect(hits).toEqual([]);
    expect(sources.some((s) => s.text.includes(word))).toBe(true);
    expect(Object.values(ja).join('\n')).not.toContain(banned);
  });

  it('Samsung Email has one name on screen and in the steps (the app’s own label)', () => {
    expect(ja['device.samsung-email']).toBe('Samsung Email（Galaxy）');
    expect(Object.values(ja).join('\n')).not.toContain('Samsung メール');
  });

  it('the two unsure states of a setting have two different words, neither of them 「未確認」', () => {
    expect(ja['trust.untrusted']).toMatch(/^要注意/);
    expect(ja['trust.unconfirmed']).toMatch(/^推測/);
    expect(ja['trust.untrusted']).not.toContain('未確認');
    expect(ja['trust.unconfirmed']).not.toContain('未確認');
  });
});

describe('the rewritten sentences', () => {
  it('say what to do, in words a customer can follow', () => {
    expect(ja['account.oauthOnly']).toContain('「Microsoft」や「Google」を選び');
    expect(ja['account.settings.hint']).toContain('お客様の契約内容と違うときは書き換えてください');
    expect(ja['account.password.empty']).toContain('接続と暗号化だけを確かめます');
    expect(ja['probe.evidence.greeting']).toBe('サーバーの最初の応答');
    expect(ja['tls.handshake-failed']).toBe('暗号化の開始に失敗');

    const basic = explainFinding(finding('AUTH_BASIC_DISABLED'), { device: 'iphone', lang: 'ja' }).summary;
    expect(basic).toMatch(/^このアカウントは、メールアプリにパスワードを入れてログインする方法が使えなくなっています/);
    expect(basic).toContain('「Microsoft」（または「Google」）を選んで');

    expect(findingTitle('TLS_ON_PLAIN_PORT', 'ja')).toBe('ポート番号と暗号化（SSL）の設定が合っていません');
    const plain = explainFinding(finding('TLS_ON_PLAIN_PORT'), { device: 'iphone', lang: 'ja' }).summary;
    expect(plain).toContain('ポートが 143 番なら暗号化は「STARTTLS」、993 番なら「SSL/TLS」です。');
    expect(plain).toContain('この端末では「SSLを使用」はオンのままにして、ポート番号を直します。');

    const greeting = explainFinding(finding('GREETING_TIMEOUT'), { device: 'iphone', lang: 'ja' }).summary;
    expect(greeting).toContain('その後サーバーから返事がありません');
    expect(greeting + findingTitle('GREETING_TIMEOUT', 'ja')).not.toContain('あいさつ');

    const reenter = buildChecklist({ device: 'outlook-classic', lang: 'ja' }).find((s) => s.id === 'reenter-password');
    expect(reenter?.lookFor).toBe('パスワードを求める画面や「パスワードが違う」というエラーが出なくなるか確かめます。');

    const ocn = CATALOG.find((p) => p.id === 'ocn')?.restrictions.map((r) => r.text.ja).join(' ');
    expect(ocn).toContain('2009年11月24日以降に作成・変更したアドレス');
    expect(ocn).not.toContain('2010年11月25日以降');
  });

  it('the POP "keep a copy" setting is named only on the device that has that name', () => {
    const steps = (device: (typeof DEVICES)[number]) => explainFinding(finding('MAILBOX_OVER_QUOTA'), { device, lang: 'ja' }).steps.map((s) => s.text).join(' ');
    expect(steps('outlook-classic')).toContain('「サーバーにメッセージのコピーを置く」');
    expect(steps('iphone')).toContain('「サーバから削除」');
    expect(steps('android-gmail')).not.toMatch(/サーバーにメッセージのコピーを置く|サーバから削除/);
  });

  it('device-neutral sentences use サーバー/ユーザー (Apple spelling only on Apple screens)', () => {
    for (const device of DEVICES.filter((d) => d !== 'iphone' && d !== 'mac-mail')) {
      for (const s of buildChecklist({ device, lang: 'ja' })) {
        // Quoted on-screen messages (「…」) are the device's words, not ours.
        const own = `${s.title} ${s.action} ${s.lookFor}`.replace(/「[^」]*」/g, '');
        expect(own, `${device} ${s.id}`).not.toMatch(/ユーザ(?!ー)|サーバ(?!ー)/);
      }
    }
  });
});
