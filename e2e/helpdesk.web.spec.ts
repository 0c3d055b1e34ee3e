/**
 * The helpdesk flow end to end: real web host, real loopback mail servers of the lab
 * (Dovecot, Postfix, scripted fault listeners), Debian Chromium.
 *
 * Scenarios: (a) healthy account on iPhone, (b) app-password reply in Japanese,
 * (c) port 25 blocked with 587 open on Outlook, (d) checklist progress across a reload,
 * (e) network comparison of two runs.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';
import { RUN_TIMEOUT_MS, diagnose, go, open } from './fixtures/helpdesk-flow';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

// Each test has its own browser context (fresh storage) and its own case: a failure does not stop the others.

test('(a) a healthy account on iPhone: every configured connection is green and the report holds no password', async ({ page }) => {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await open(page, 'en');
  await diagnose(page, {
    device: 'iphone',
    email: alice.email,
    password: alice.password,
    imap: { host: lab.hosts.mail.name, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.name, port: 587, security: 'starttls' },
  });
  // The row header names the role; an alternative's cell note also mentions "the configured connection".
  const configured = page.locator('table.matrix tbody tr', { has: page.locator('th', { hasText: '· configured' }) });
  await expect(configured).toHaveCount(2);
  for (const row of await configured.all()) {
    await expect(row).toHaveClass(/row-ok/);
    await expect(row.locator('td.cell-failed')).toHaveCount(0);
    await expect(row.locator('td').nth(4)).toContainText('OK'); // login column
  }
  // Evidence of a cell: the redacted transcript never shows the password.
  await configured.first().locator('.target-btn').click();
  await expect(page.locator('#evidence-panel .transcript')).toBeVisible();
  await expect(page.locator('#evidence-panel')).not.toContainText(alice.password);

  await go(page, 'diagnosis');
  // Green only because the login worked too: the composer's "ok" headline.
  await expect(page.locator('[data-headline="ok"]')).toContainText('work with these settings and this password');

  await go(page, 'report');
  const report = await page.getByTestId('report-text').innerText();
  expect(report).toContain(alice.email);
  expect(report).toContain('iPhone');
  expect(report).not.toContain(alice.password);
  await page.getByLabel('Markdown').check();
  expect(await page.getByTestId('report-text').innerText()).not.toContain(alice.password);

  // Nothing persisted holds the password: not the page's storage, not the history files.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(alice.password);
  const { dataDir } = e2eEnv();
  await expect.poll(() => filesUnder(dataDir).some((f) => readFileSync(f, 'utf8').includes(alice.email))).toBe(true);
  for (const f of filesUnder(dataDir)) expect(readFileSync(f, 'utf8'), f).not.toContain(alice.password);
});

test('(b) an app-password reply: the diagnosis says app password and shows iPhone steps in Japanese', async ({ page }) => {
  const { lab } = e2eEnv();
  await open(page, 'ja');
  await diagnose(page, {
    device: 'iphone',
    email: `app-password@${lab.domain}`,
    password: 'my-normal-password',
    // Receiving only: the customer's complaint is that mail does not arrive.
    imap: { host: lab.hosts.cloud.name, port: 993, security: 'tls' },
    errorText: 'パスワードが正しくありません',
  });
  await go(page, 'diagnosis');
  const first = page.locator('.cause').first();
  await expect(first.locator('h3')).toContainText('アプリ用パスワード');
  await expect(first).toContainText('Application-specific password required');
  // The fix is for the iPhone, in Japanese, with the menu path.
  await expect(first).toContainText('iPhone');
  await expect(first.locator('.menu-path').first()).toContainText('設定');

  await go(page, 'checklist');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('iPhone / iPad のチェックリスト');
  const steps = page.locator('ol.steps > li');
  await expect(steps.first()).toBeVisible();
  await expect(page.locator('ol.steps').first()).toContainText('パスワード');
  await expect(page.locator('.step-relevant').first()).toContainText('パスワード');
});

test('(c) port 25 blocked with 587/465 open on Outlook: the fix and the table name the same value (465 SSL/TLS)', async ({ page }) => {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await open(page, 'en');
  await diagnose(page, {
    device: 'outlook-classic',
    email: alice.email,
    password: alice.password,
    imap: { host: lab.hosts.mail.name, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.name, port: 25, security: 'starttls' },
    errorText: '0x800CCC0E',
  });
  const row25 = page.locator('table.matrix tbody tr', { hasText: 'SMTP 25' });
  await expect(row25).toHaveClass(/row-failed/);
  await expect(row25.locator('td.cell-failed')).toHaveCount(1);

  await go(page, 'diagnosis');
  const first = page.locator('.cause').first();
  await expect(first).toContainText(/port 25|Port 25|25/);
  const fix = first.locator('.fix-steps');
  await expect(fix).toContainText('465');
  await expect(fix).toContainText('SSL/TLS');
  await expect(page.locator('[data-headline="problem"]')).toBeVisible();

  // The drawn Outlook settings window shows 465 as the value to enter.
  await go(page, 'checklist');
  const outgoing = page.locator('.settings-picture').last();
  await expect(outgoing.locator('.frame-field', { hasText: '465' })).toHaveCount(1);
  await page.screenshot({ path: join(__dirname, '../test-results/screenshots/checklist-outlook-en.png'), fullPage: true });
});

test('(d) checklist progress survives a reload', async ({ page }) => {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await open(page, 'en');
  await diagnose(page, {
    device: 'outlook-classic',
    email: alice.email,
    password: alice.password,
    imap: { host: lab.hosts.mail.name, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.name, port: 25, security: 'starttls' },
  });
  await go(page, 'checklist');
  const steps = page.locator('ol.steps > li');
  const firstId = await steps.nth(0).getAttribute('data-step');
  const secondId = await steps.nth(1).getAttribute('data-step');
  await steps.nth(0).getByRole('button', { name: 'Done' }).click();
  await steps.nth(1).getByRole('button', { name: 'This fixed it' }).click();
  await steps.nth(1).getByRole('textbox').fill('changed the port to 587');
  await expect(page.locator('.progress-line')).toContainText('2 of');

  await page.reload();
  await expect(page.locator('.nav-item[data-screen="checklist"]')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator(`li[data-step="${firstId}"]`)).toHaveClass(/step-done/);
  await expect(page.locator(`li[data-step="${secondId}"]`)).toHaveClass(/step-fixed/);
  await expect(page.locator(`li[data-step="${secondId}"]`).getByRole('textbox')).toHaveValue('changed the port to 587');
  await expect(page.locator('.card-ok')).toContainText('fixed it');
  // The password was not kept across the reload.
  await go(page, 'account');
  await expect(page.locator('#password')).toHaveValue('');
});

test('(e) network comparison of two labelled runs', async ({ page }) => {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await open(page, 'en');
  await diagnose(page, {
    device: 'iphone',
    email: alice.email,
    password: alice.password,
    imap: { host: lab.hosts.mail.name, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.name, port: 587, security: 'starttls' },
  });
  await go(page, 'compare');
  await page.locator('#run-label-0').fill('office Wi-Fi');
  await expect(page.locator('.card-info')).toContainText('at least two');
  await page.getByRole('button', { name: 'phone tethering' }).click();
  await expect(page.locator('#next-label')).toHaveValue('phone tethering');
  await page.getByRole('button', { name: 'Run again on this network' }).click();
  // Re-running stays on the comparison; the new run joins it when it ends.
  await expect(page.locator('.nav-item[data-screen="compare"]')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('#run-label-1')).toHaveValue('phone tethering', { timeout: RUN_TIMEOUT_MS });
  const table = page.locator('table.compare');
  await expect(table.locator('thead')).toContainText('office Wi-Fi');
  await expect(table.locator('thead')).toContainText('phone tethering');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('.conclusion')).toBeVisible();
  await expect(page.locator('.conclusion p')).not.toBeEmpty();
  // Unnamed runs get a default name, so a conclusion never quotes an empty label.
  await page.locator('#run-label-0').fill('');
  await expect(table.locator('thead')).toContainText('Network 1');
  await expect(page.locator('.conclusion p')).not.toContainText('""');
});

test('a run against a silent server can be cancelled at once, and bad input gets a translated message', async ({ page }) => {
  const { lab } = e2eEnv();
  await open(page, 'ja');
  await page.locator('input[name="device"][value="android-gmail"]').check();
  await page.locator('.nav-item[data-screen="account"]').click();
  // Bad input first: nothing is sent, every wrong field says why, in Japanese.
  await page.locator('#email').fill('not-an-address');
  await page.locator('#srv-in-host').fill('bad host!');
  await page.locator('#srv-in-port').fill('99999');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#email-err')).toContainText('アドレスの形式ではありません');
  await expect(page.locator('#srv-in-host-err')).toContainText('サーバー名');
  await expect(page.locator('#srv-in-port-err')).toContainText('1〜65535');
  await expect(page.locator('#email')).toBeFocused();
  await expect(page.locator('.nav-item[data-screen="probe"]')).toBeDisabled();

  // A server that accepts and never greets, with a long budget: cancel must not wait for it.
  await page.locator('#advanced summary').click();
  await page.locator('#opt-timeout').fill('60');
  await page.locator('#email').fill(`bob@${lab.domain}`);
  await page.locator('#srv-in-sec').selectOption('starttls');
  await page.locator('#srv-in-host').fill(lab.hosts.silent.name);
  await page.locator('#srv-in-port').fill('143');
  await page.locator('#srv-out-host').fill('');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.probe-head .spinner')).toBeVisible();
  const started = Date.now();
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.locator('.probe-head')).toContainText('キャンセルしました', { timeout: 15_000 });
  expect(Date.now() - started).toBeLessThan(15_000);
  await expect(page.getByRole('button', { name: 'もう一度実行' })).toBeEnabled();
});

test('the report downloads as a file without the password, and the case is in History: searchable, reopenable, deletable', async ({ page }) => {
  const { lab } = e2eEnv();
  // History is shared by every test of the run: a unique address keeps this case apart.
  const bob = { email: `case-${Date.now()}@${lab.domain}`, password: 'a-secret-that-is-wrong-7' };
  await open(page, 'en');
  await diagnose(page, {
    device: 'mac-mail',
    email: bob.email,
    password: bob.password,
    imap: { host: lab.hosts.mail.name, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.name, port: 465, security: 'tls' },
  });
  await go(page, 'report');
  await page.getByLabel('Markdown').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mail-doctor-.*\.md$/);
  const content = readFileSync((await download.path())!, 'utf8');
  expect(content).toContain('# Mail Doctor report');
  expect(content).toContain(bob.email);
  expect(content).not.toContain(bob.password);

  await go(page, 'history');
  await page.locator('#hist-q').fill(bob.email.slice(0, 12));
  const row = page.locator('table.history tbody tr', { hasText: bob.email });
  await expect(row).toHaveCount(1);
  await page.locator('#hist-q').fill('nobody-like-this');
  await expect(page.locator('table.history')).toHaveCount(0);
  await expect(page.getByText('No case matches')).toBeVisible();
  await page.locator('#hist-q').fill('');
  // A new case, then reopen the old one from History.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.locator('.case-pill')).toContainText('No case yet');
  await go(page, 'history');
  await page.getByRole('button', { name: `Open: ${bob.email}` }).click();
  await expect(page.locator('.nav-item[data-screen="diagnosis"]')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('.case-pill')).toContainText(bob.email);
  await expect(page.locator('.case-pill')).toContainText('Mac Mail');
  await go(page, 'account');
  await expect(page.locator('#password')).toHaveValue('');
  await go(page, 'history');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Delete: ${bob.email}` }).click();
  await expect(page.locator('table.history tbody tr', { hasText: bob.email })).toHaveCount(0);
});

test('(f) an expired certificate on iPhone: the expiry date in words and what to do with the 信頼/詳細 dialog, first', async ({ page }) => {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await open(page, 'ja');
  await page.setViewportSize({ width: 1024, height: 700 });
  await diagnose(page, { device: 'iphone', email: alice.email, password: alice.password, imap: { host: lab.hosts.expired.name, port: 993, security: 'tls' } });
  await go(page, 'diagnosis');
  await expect(page.locator('[data-headline="problem"]')).toContainText('証明書の期限が切れています');
  const fix = page.locator('.cause-first .fix-steps');
  // The lab's expired certificate ended in 2021: a date in words, never ISO.
  await expect(fix.locator('li').first()).toContainText(/20\d\d年\d+月\d+日に期限切れ（\d+日前）/);
  await expect(fix).toContainText('「信頼」は押さない');
  await expect(fix).toContainText('「詳細」');
  await expect(fix).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(fix.locator('li').first()).toBeInViewport();
  await page.screenshot({ path: join(__dirname, '../test-results/screenshots/diagnosis-cert-iphone-ja.png') });
});
