/**
 * The device's own words, on the real lab: the Account screen's "what the device is set to"
 * panel and the settings comparison use each device's labels and values (an iPhone shows
 * 「SSLを使用」 オン/オフ, never STARTTLS), for all six devices in ja and en, with a screenshot of
 * each. Also the rows that read wrong before: a user name that differs only in form is a
 * caution, a server that never answers leaves one clear sentence in the correct cell, and the
 * source of a value opens from the keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';
import { deviceServerForm } from '../shared/knowledge/devices/device-form';
import { go, open, PROBE_TIMEOUT_SEC, RUN_TIMEOUT_MS, type Lang } from './fixtures/helpdesk-flow';

const shots = join(__dirname, '../test-results/screenshots');

type Device = 'iphone' | 'mac-mail' | 'outlook-classic' | 'outlook-new' | 'android-gmail' | 'samsung-email';

/** The outgoing server's words on each device's own settings screen. */
const WORDS: Record<Device, Record<Lang, { section: string; port: string; security: string; choices: string[] }>> = {
  iphone: {
    ja: { section: '送信メールサーバ', port: 'サーバポート', security: 'SSLを使用', choices: ['オン', 'オフ'] },
    en: { section: 'Outgoing Mail Server', port: 'Server Port', security: 'Use SSL', choices: ['ON', 'OFF'] },
  },
  'mac-mail': {
    ja: { section: '送信用メールサーバ', port: 'ポート', security: 'TLS/SSLを使用', choices: ['オン', 'オフ'] },
    en: { section: 'Outgoing Mail Server', port: 'Port', security: 'Use TLS/SSL', choices: ['ON', 'OFF'] },
  },
  'outlook-classic': {
    ja: { section: '送信サーバー (SMTP)', port: 'サーバーのポート番号 > 送信サーバー (SMTP)', security: '使用する暗号化接続の種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'] },
    en: { section: 'Outgoing server (SMTP)', port: 'Server Port Numbers > Outgoing server (SMTP)', security: 'Use the following type of encrypted connection', choices: ['SSL/TLS', 'STARTTLS', 'None'] },
  },
  'outlook-new': {
    ja: { section: 'SMTP 送信サーバー', port: 'ポート', security: 'セキュリティで保護された接続の種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'] },
    en: { section: 'SMTP outgoing server', port: 'Port', security: 'Secure connection type', choices: ['SSL/TLS', 'STARTTLS', 'None'] },
  },
  'android-gmail': {
    ja: { section: '送信サーバーの設定', port: 'ポート', security: 'セキュリティの種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'] },
    en: { section: 'Outgoing server settings', port: 'Port', security: 'Security type', choices: ['SSL/TLS', 'STARTTLS', 'None'] },
  },
  'samsung-email': {
    ja: { section: '送信サーバーの設定', port: 'ポート', security: 'セキュリティの種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'] },
    en: { section: 'Outgoing server settings', port: 'Port', security: 'Security type', choices: ['SSL/TLS', 'STARTTLS', 'None'] },
  },
};

async function pickDevice(page: Page, device: Device): Promise<void> {
  await go(page, 'start');
  await page.locator(`input[name="device"][value="${device}"]`).check();
}

/** Start → Account with the test servers and what an iPhone is set to, then run. */
async function runCase(page: Page, servers: { host: string; imapPort: number; smtpPort: number }, user: string): Promise<void> {
  const { lab } = e2eEnv();
  await pickDevice(page, 'iphone');
  await go(page, 'account');
  await page.locator('#advanced summary').click();
  await page.locator('#opt-timeout').fill(PROBE_TIMEOUT_SEC);
  await page.locator('#srv-in-sec').selectOption('tls');
  await page.locator('#srv-in-host').fill(servers.host);
  await page.locator('#srv-in-port').fill(String(servers.imapPort));
  await page.locator('#srv-out-sec').selectOption('tls');
  await page.locator('#srv-out-host').fill(servers.host);
  await page.locator('#srv-out-port').fill(String(servers.smtpPort));
  await page.locator('#email').fill(lab.users.alice.email);
  await page.locator('#user').fill(user);
  await page.locator('#password').fill(lab.users.alice.password);
  // What the customer reads off the iPhone: SSL on for both, SMTP on 587, the user name without @lab.test.
  await page.locator('#device-settings summary').click();
  await page.locator('#dev-in-host').fill(servers.host);
  await page.locator('#dev-in-port').fill('993');
  await page.locator('#dev-in-sec').selectOption('on');
  await page.locator('#dev-out-host').fill(servers.host);
  await page.locator('#dev-out-port').fill('587');
  await page.locator('#dev-out-sec').selectOption('on');
  await page.locator('#dev-user').fill('alice');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.nav-item[data-screen="diagnosis"]')).toBeEnabled({ timeout: RUN_TIMEOUT_MS });
  await expect(page.locator('table.matrix tbody tr.row-running, table.matrix tbody tr.row-pending')).toHaveCount(0, { timeout: RUN_TIMEOUT_MS });
}

const fullTable = (page: Page) => page.locator('table.diff').last();
const row = (page: Page, protocol: string, field: string) => fullTable(page).locator(`tr[data-protocol="${protocol}"][data-field="${field}"]`);

test.describe.configure({ mode: 'serial' });

test('every device in its own words: the Account panel and the comparison table (ja and en)', async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await open(page, 'ja');
  const { lab } = e2eEnv();
  // Healthy servers: logs in on 993 and 465, so the correct side is known.
  await runCase(page, { host: lab.hosts.mail.name, imapPort: 993, smtpPort: 465 }, lab.users.alice.email);
  const failures: string[] = [];
  for (const lang of ['ja', 'en'] as const) {
    await page.locator('.header-tools select').first().selectOption(lang);
    for (const device of Object.keys(WORDS) as Device[]) {
      const w = WORDS[device][lang];
      await pickDevice(page, device);
      await go(page, 'account');
      const panel = page.locator('#device-settings');
      if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
      const out = panel.locator('fieldset[data-protocol="smtp"]');
      await expect(out.locator('legend .device-form-section')).toHaveText(w.section);
      // Words graded U are marked as such, never shown as certain (and graded words are not marked).
      await expect(out.locator('legend .device-words-unconfirmed')).toHaveCount(deviceServerForm(device, 'smtp', lang).grade === 'U' ? 1 : 0);
      await expect(out.locator('label[for="dev-out-port"]')).toHaveText(w.port);
      await expect(out.locator('label[for="dev-out-sec"]')).toHaveText(w.security);
      const choices = (await out.locator('#dev-out-sec option').allTextContents()).filter((c) => c !== '—');
      expect(choices, `${device}/${lang} security choices`).toEqual(w.choices);
      await out.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(shots, `account-device-${device}-${lang}.png`) });

      await go(page, 'diagnosis');
      const port = row(page, 'smtp', 'port');
      await expect(port.locator('th')).toContainText(w.port);
      if ((await port.locator('.diff-words-unconfirmed').count()) > 0) await expect(fullTable(page).locator('xpath=..').getByText(lang === 'ja' ? 'お客様の画面では違う名前のことがあります' : 'may word them differently')).toBeVisible();
      await expect(port).toHaveAttribute('data-verdict', 'change');
      await expect(port.locator('[data-cell="correct"] [data-value="correct"]')).toHaveText('465');
      const sec = row(page, 'smtp', 'security');
      await expect(sec.locator('th')).toContainText(w.security);
      const secValues = [await sec.locator('[data-cell="device"]').innerText(), await sec.locator('[data-cell="correct"] [data-value="correct"]').innerText()];
      for (const v of secValues) if (!w.choices.includes(v.trim())) failures.push(`${device}/${lang}: security value “${v}” is not one the device shows`);
      // The user name only without its domain, and the login with the address worked: a caution.
      await expect(row(page, 'account', 'user')).toHaveAttribute('data-verdict', 'check');
      if (device === 'iphone' || device === 'mac-mail') {
        await expect(sec).toHaveAttribute('data-verdict', 'same');
        if (/STARTTLS/i.test(await fullTable(page).innerText())) failures.push(`${device}/${lang}: STARTTLS in the comparison table`);
      }
      await fullTable(page).scrollIntoViewIfNeeded();
      await fullTable(page).screenshot({ path: join(shots, `diff-${device}-${lang}.png`) });
    }
  }
  expect(failures).toEqual([]);
});

test('a server that never answers: the correct cell says one thing; the source opens from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await open(page, 'ja');
  const { lab } = e2eEnv();
  await runCase(page, { host: lab.hosts.down.name, imapPort: 993, smtpPort: 465 }, 'alice@down.lab.test');
  await go(page, 'diagnosis');
  const user = row(page, 'account', 'user');
  await expect(user.locator('[data-cell="correct"]')).toHaveText('確かめられませんでした（入力した値は未検証）');
  await expect(user.locator('.diff-source, .diff-source-more')).toHaveCount(0);
  await fullTable(page).scrollIntoViewIfNeeded();
  await fullTable(page).screenshot({ path: join(shots, 'diff-down-ja.png') });

  // A known value's source: a disclosure reachable by Tab and opened with Enter (not a hover-only title).
  await open(page, 'en');
  await runCase(page, { host: lab.hosts.mail.name, imapPort: 993, smtpPort: 465 }, lab.users.alice.email);
  await go(page, 'diagnosis');
  const source = row(page, 'smtp', 'port').locator('details.diff-source-more');
  await expect(source.locator('summary.diff-source')).toHaveText('logged in');
  await source.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(source).toHaveAttribute('open', '');
  await expect(source.locator('p')).toHaveText('A login succeeded with this value in this check.');
});
