/**
 * The answer a helpdesk person reads, end to end through the web host and the lab's real
 * Dovecot/Postfix: wrong password, an SSL/STARTTLS mix-up, a server that is down (all refused,
 * all silent), and no password under a password error. Each case is probed once and read in
 * Japanese and English (the language switch recomposes the same run); the Japanese screens go
 * through the no-English-prose check.
 *
 * Cells of the correct-settings table are found by their data-protocol / data-field attributes,
 * never by the row label, which is the device's own word and changes with the device.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';
import { asciiProse } from './fixtures/ascii-prose';
import { englishWords } from '../test/fixtures/ja-allowed-words';
import { diagnose, go, labAccount, open, type Lang } from './fixtures/helpdesk-flow';

const shots = join(__dirname, '../test-results/screenshots');
mkdirSync(shots, { recursive: true });

/** What each language calls the parts the assertions read. */
const WORDS = {
  ja: { connected: '接続成功', loggedIn: 'ログイン成功', unknown: /不明|確かめられませんでした/, sendingOnly: /送信だけ/, ok: /問題なし|問題なく|問題ありません/ },
  en: { connected: 'connected', loggedIn: 'logged in', unknown: /unknown|not confirmed/, sendingOnly: /only sending|sending only/i, ok: /\bOK\b|work with these settings|no problem/i },
} as const;

async function setLang(page: Page, lang: Lang): Promise<void> {
  await page.locator('.header-tools select').first().selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The row of the full correct-settings table (the last diff table on the screen) for one field. */
function row(page: Page, protocol: 'imap' | 'pop3' | 'smtp' | 'account', field: 'host' | 'port' | 'security' | 'user'): Locator {
  return page.locator('table.diff').last().locator(`tbody tr[data-protocol="${protocol}"][data-field="${field}"]`);
}

/** 正しい値 of one field, without its source label. */
async function correctValue(page: Page, protocol: 'imap' | 'smtp', field: 'host' | 'port' | 'security'): Promise<string> {
  return (await row(page, protocol, field).locator('[data-cell="correct"] [data-value="correct"]').innerText()).trim();
}

/** The values the first cause's steps set, in order: [label, value]. */
async function stepValues(page: Page): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const v of await page.locator('.cause-first .fix-steps .setting-value').all()) {
    const value = (await v.locator('strong').innerText()).trim();
    const text = (await v.innerText()).trim();
    out.push([text.slice(0, text.lastIndexOf(value)).replace(/:\s*$/, '').trim(), value]);
  }
  return out;
}

/** Every `host:port` the first cause's evidence names (the folded technical details). */
async function evidencePorts(page: Page): Promise<number[]> {
  const details = page.locator('.cause-first .tech-details');
  await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const text = await details.innerText();
  return [...new Set([...text.matchAll(/\b[a-z0-9.-]+\.test:(\d+)\b/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

async function reportText(page: Page, lang: Lang): Promise<string> {
  await go(page, 'report');
  const text = await page.getByTestId('report-text').innerText();
  // The preview is a <pre> (verbatim for the page check), so its text goes through the same word rule on its own.
  if (lang === 'ja') expect(englishWords(text), 'English words in the Japanese report').toEqual([]);
  return text;
}

/** A Japanese screen shows no English prose; folded parts included. */
async function noEnglish(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await asciiProse(page), `English words on the Japanese ${screen} screen`).toEqual([]);
}

/** As the agent first sees it: folded parts folded. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
});

test('wrong password on IMAP and SMTP: the password is the cause, no "sending only", 正しい値 are the ports that connected', async ({ page }) => {
  await open(page, 'ja');
  await diagnose(page, labAccount({ device: 'iphone', password: 'not-the-password', errorText: 'パスワードが正しくありません' }));
  for (const lang of ['ja', 'en'] as const) {
    await setLang(page, lang);
    const w = WORDS[lang];
    await go(page, 'diagnosis');
    const headline = page.locator('[data-headline]');
    await expect(headline).toHaveAttribute('data-headline', 'problem');
    await expect(headline).toContainText(lang === 'ja' ? 'パスワードが違います' : 'password is wrong');
    const first = page.locator('.cause-first');
    await expect(first).toHaveAttribute('data-cause', 'finding:AUTH_FAILED');
    await expect(first.locator('h3')).toContainText(lang === 'ja' ? 'パスワード' : 'password');
    await expect(first.locator('.fix-steps')).toContainText(lang === 'ja' ? 'パスワード' : 'password');
    // Both servers refused the password, and the explanation says so.
    await expect(first.locator('.cause-why')).toContainText(/:993[\s\S]*:587/);
    // Receiving failed too: nothing may send the agent to the outgoing port.
    await expect(page.locator('[data-cause="sending-only"]')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(w.sendingOnly);
    // The ports that connected (the password was the only refusal), never the untested alternatives.
    expect(await correctValue(page, 'imap', 'port')).toBe('993');
    expect(await correctValue(page, 'smtp', 'port')).toBe('587');
    for (const p of ['imap', 'smtp'] as const) {
      for (const f of ['host', 'port', 'security'] as const) {
        await expect(row(page, p, f)).toHaveAttribute('data-source', 'connected');
        await expect(row(page, p, f).locator('.diff-source')).toHaveText(w.connected);
      }
    }
    const table = await page.locator('table.diff').last().innerText();
    expect(table).not.toMatch(/\b(143|465)\b/);
    await shot(page, `answer-wrong-password-${lang}`);
    if (lang === 'ja') await noEnglish(page, 'diagnosis');

    const report = await reportText(page, lang);
    expect(report).toContain(lang === 'ja' ? 'ユーザー名かパスワードが違います' : 'The user name or password is wrong');
    expect(report).not.toMatch(/\b(143|465)\b/);
    expect(report).not.toContain(e2eEnv().lab.users.alice.password);
    expect(report).not.toContain('not-the-password');
    if (lang === 'ja') await noEnglish(page, 'report');
  }
});

/** Per device: the security value the steps and the table show for IMAP 993, in the device's words. */
const MIXUP_SECURITY = {
  iphone: { ja: 'オン', en: 'ON' },
  'outlook-classic': { ja: 'SSL/TLS', en: 'SSL/TLS' },
} as const;

test('SSL on port 143: the first fix step and the table show the same port and security, the evidence names no second port (iPhone, Outlook)', async ({ page }) => {
  await open(page, 'ja');
  // One run; the device switch on the Start screen recomposes it for the other device, as it does for the agent.
  await diagnose(page, labAccount({ device: 'iphone', imap: { host: e2eEnv().lab.hosts.mail.name, port: 143, security: 'tls' } }));
  for (const device of ['iphone', 'outlook-classic'] as const) {
    await go(page, 'start');
    await page.locator(`input[name="device"][value="${device}"]`).check();
    for (const lang of ['ja', 'en'] as const) {
      await setLang(page, lang);
      await go(page, 'diagnosis');
      await expect(page.locator('[data-headline]')).toHaveAttribute('data-headline', 'problem');
      const first = page.locator('.cause-first');
      await expect(first).toHaveAttribute('data-cause', 'finding:TLS_ON_PLAIN_PORT');
      await expect(page.locator('[data-cause="sending-only"]')).toHaveCount(0);

      // The one rule (implicit TLS first): 993 with SSL/TLS, in the steps and in the table alike.
      const steps = await stepValues(page);
      const port = steps.find(([, v]) => /^\d+$/.test(v));
      expect(port?.[1], JSON.stringify(steps)).toBe('993');
      expect(await correctValue(page, 'imap', 'port')).toBe('993');
      const security = MIXUP_SECURITY[device][lang];
      expect(steps.map(([, v]) => v), JSON.stringify(steps)).toContain(security);
      expect(await correctValue(page, 'imap', 'security')).toBe(security);
      // Each step's value is the table's value for the field with that label.
      for (const [label, value] of steps) {
        const cells = page.locator('table.diff').last().locator('tbody tr[data-protocol="imap"]', { has: page.locator('th', { hasText: label }) });
        await expect(cells, label).toHaveCount(1);
        expect((await cells.locator('[data-cell="correct"] [data-value="correct"]').innerText()).trim(), label).toBe(value);
      }
      await expect(row(page, 'imap', 'port')).toHaveAttribute('data-source', 'connected');
      // The configured 143 and the recommended 993, no other port.
      expect(await evidencePorts(page)).toEqual([143, 993]);
      // The explanation names the protocol's own ports, not SMTP's.
      const why = first.locator('.cause-why');
      await expect(why).not.toContainText(/\b(587|465)\b/);
      // "Keep SSL on, correct the port" only where SSL is one switch (iPhone), in its own words.
      if (device === 'iphone') await expect(why).toContainText(lang === 'ja' ? '「SSLを使用」はオンのまま' : 'keep "Use SSL" on');
      else await expect(why).not.toContainText(/iPhone|Mac|オンのまま|keep "/);
      await shot(page, `answer-ssl-143-${device}-${lang}`);
      if (lang === 'ja') await noEnglish(page, 'diagnosis');

      const report = await reportText(page, lang);
      expect(report).toContain('993');
      expect(report).toContain(security);
      expect(report).not.toMatch(/\b(465|995)\b/);
      if (lang === 'ja') await noEnglish(page, 'report');
    }
  }
});

/** What the helpdesk is told for a server that no port answers: the provider's status and another network for this PC. */
const OUTAGE_WORDS = {
  ja: { provider: 'プロバイダーの障害', network: '別の回線', pc: 'このパソコン' },
  en: { provider: 'provider’s outage', network: 'another network', pc: 'this PC' },
} as const;

for (const [id, hostKey, errorText] of [
  ['all refused', 'closed', undefined],
  ['all silent', 'down', 'サーバーに接続できません'],
] as const) {
  test(`server down (${id}): the server side or this PC's network, worded for the helpdesk, never green and no phone advice`, async ({ page }) => {
    const host = e2eEnv().lab.hosts[hostKey].name;
    await open(page, 'ja');
    await diagnose(page, labAccount({ device: 'iphone', imap: { host, port: 993, security: 'tls' }, smtp: { host, port: 587, security: 'starttls' }, ...(errorText ? { errorText } : {}) }));
    for (const lang of ['ja', 'en'] as const) {
      await setLang(page, lang);
      const w = OUTAGE_WORDS[lang];
      await go(page, 'diagnosis');
      await expect(page.locator('[data-headline]')).toHaveAttribute('data-headline', 'problem');
      await expect(page.locator('[data-headline]')).toContainText(w.pc);
      const first = page.locator('.cause-first');
      await expect(first).toHaveAttribute('data-cause', 'server-outage');
      // The steps are the agent's, from this PC: not headed "what to tell the customer".
      await expect(first.locator('#fix-first-h')).toHaveText(lang === 'ja' ? /このパソコンで担当者が確かめること/ : /What you check from this PC/);
      const fix = first.locator('.fix-steps');
      await expect(fix).toContainText(w.provider);
      await expect(fix).toContainText(w.network);
      // The status page once, not again in the wait-and-retry step.
      expect((await fix.locator('li').allInnerTexts()).filter((x) => (lang === 'ja' ? /障害・メンテナンス情報/ : /outage/).test(x))).toHaveLength(1);
      // Nothing for the customer's phone: no Wi-Fi, no mobile data, no iPhone menu to open.
      await expect(first).not.toContainText(/Wi-Fi|モバイルデータ|mobile data/);
      await expect(fix.locator('.menu-path')).toHaveCount(0);
      for (const c of ['device-side', 'sending-only']) await expect(page.locator(`[data-cause="${c}"]`)).toHaveCount(0);
      // Nothing worked here, so nothing is shown as correct.
      for (const p of ['imap', 'smtp'] as const) {
        for (const f of ['host', 'port', 'security'] as const) {
          await expect(row(page, p, f).locator('[data-cell="correct"] [data-value="correct"]')).toHaveCount(0);
          await expect(row(page, p, f).locator('[data-cell="correct"]')).toContainText(WORDS[lang].unknown);
        }
      }
      await shot(page, `answer-down-${hostKey}-${lang}`);
      if (lang === 'ja') await noEnglish(page, 'diagnosis');

      const report = await reportText(page, lang);
      expect(report).toContain(w.provider);
      // Nothing of the agent's checks goes to the customer.
      const sms = await page.getByTestId('sms-text').innerText();
      expect(sms).toContain(lang === 'ja' ? 'お客様の端末で変更していただくことはありません' : 'nothing to change on your device');
      expect(sms).not.toContain(w.pc);
      expect(report).not.toMatch(/Wi-Fi|モバイルデータ|mobile data/);
      if (lang === 'ja') await noEnglish(page, 'report');
    }
  });
}

test('no password given while the customer’s screen says the password is wrong: the headline is unverified, never 問題ありません', async ({ page }) => {
  await open(page, 'ja');
  await diagnose(page, labAccount({ device: 'iphone', password: undefined, errorText: 'パスワードが正しくありません' }));
  for (const lang of ['ja', 'en'] as const) {
    await setLang(page, lang);
    await go(page, 'diagnosis');
    const headline = page.locator('[data-headline]');
    await expect(headline).toHaveAttribute('data-headline', 'unverified');
    await expect(headline).not.toContainText(WORDS[lang].ok);
    await expect(headline).toContainText(lang === 'ja' ? 'パスワードは確かめていません' : 'password was not checked');
    const first = page.locator('.cause-first');
    await expect(first).toHaveAttribute('data-cause', 'finding:AUTH_FAILED');
    // Read from the customer's message, not seen: the explanation says so, never "the server refused".
    await expect(first.locator('.cause-why')).toContainText(lang === 'ja' ? 'お客様の画面の表示は' : 'The message on the customer’s screen says');
    await expect(first.locator('.cause-why')).not.toContainText('受け付けませんでした');
    // The servers answered with these values, but nobody logged in.
    for (const p of ['imap', 'smtp'] as const) await expect(row(page, p, 'port')).toHaveAttribute('data-source', 'connected');
    await expect(page.locator('table.diff').last()).not.toContainText(WORDS[lang].loggedIn);
    await shot(page, `answer-no-password-${lang}`);
    if (lang === 'ja') await noEnglish(page, 'diagnosis');

    const report = await reportText(page, lang);
    expect(report).not.toMatch(WORDS[lang].ok);
    if (lang === 'ja') await noEnglish(page, 'report');
  }
});
