/**
 * No dead ends on bad input, through the web host and the real engine, in ja and en: a run the
 * engine refuses names its field (message + focus, never 「完了」); too long says so at the field
 * while typing; Enter that confirms an IME conversion never submits; tabbing out of the address
 * while discovery runs keeps the focus on the page; the DNS-server, MAIL FROM / RCPT TO and
 * "no server" errors move the focus to their field.
 */
import { expect, test, type Page } from '@playwright/test';
import { e2eEnv } from './fixtures/e2e-env';
import { go, open, PROBE_TIMEOUT_SEC, RUN_TIMEOUT_MS, type Lang } from './fixtures/helpdesk-flow';

const TEXT = {
  ja: { emailTooLong: 'メールアドレス: 長すぎます（320文字まで）。', userTooLong: 'ユーザー名: 長すぎます（320文字まで）。', dns: 'DNS サーバー: IP アドレスを入力してください', envelope: 'メールアドレス（例: name@example.jp）', noServer: 'テストするサーバー（受信または送信）を1つ以上入力してください。', done: '完了' },
  en: { emailTooLong: 'E-mail address: too long (320 characters at most).', userTooLong: 'User name: too long (320 characters at most).', dns: 'DNS server: enter an IP address', envelope: 'Enter an e-mail address (name@example.jp)', noServer: 'Enter at least one server (incoming or outgoing) to test.', done: 'Finished' },
} as const;

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

async function account(page: Page, lang: Lang): Promise<void> {
  const { lab } = e2eEnv();
  await open(page, lang);
  await go(page, 'start');
  await page.locator('input[name="device"][value="iphone"]').check();
  await go(page, 'account');
  await page.locator('#advanced summary').click();
  await page.locator('#opt-timeout').fill(PROBE_TIMEOUT_SEC);
  await page.locator('#srv-in-host').fill(lab.hosts.mail.name);
  await page.locator('#srv-out-host').fill(lab.hosts.mail.name);
  await page.locator('#email').fill(lab.users.alice.email);
  await page.locator('#password').fill(lab.users.alice.password);
}

for (const lang of ['ja', 'en'] as const) {
  test(`${lang}: a run the engine refuses goes back to the field it names, with its message and the focus; never 完了`, async ({ page }) => {
    // The page's own checks pass; the request is changed on its way so that the real engine refuses it
    // (as a renderer and engine out of step would): the answer is the engine's own.
    await page.routeWebSocket(/\/ipc/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        const frame = JSON.parse(String(m)) as { channel?: string; payload?: { account?: { email?: string } } };
        if (frame.channel === 'diagnose:run' && frame.payload?.account) frame.payload.account.email = `${'a'.repeat(330)}@lab.test`;
        server.send(JSON.stringify(frame));
      });
    });
    await account(page, lang);
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('.nav-item[data-screen="account"]')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('#email-err')).toHaveText(`⚠ ${TEXT[lang].emailTooLong}`);
    await expect(page.locator('#email')).toBeFocused();
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
    await go(page, 'probe');
    await expect(page.locator('.probe-head .card-danger')).toBeVisible();
    await expect(page.locator('.probe-head')).not.toContainText(TEXT[lang].done);
    // Corrected: the refusal was about what was sent, so it goes once the field is edited.
    await go(page, 'account');
    await expect(page.locator('#email-err')).toBeVisible();
    await page.locator('#email').press('End');
    await page.locator('#email').press('Backspace');
    await expect(page.locator('#email-err')).toHaveCount(0);
    await expect(page.locator('#email')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test(`${lang}: too long says so at the field while typing; IME Enter never submits`, async ({ page }) => {
    await account(page, lang);
    await page.locator('#user').fill('u'.repeat(321));
    await expect(page.locator('#user-hint')).toHaveText(`⚠ ${TEXT[lang].userTooLong}`);
    await expect(page.locator('#user')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#user').fill('');
    await expect(page.locator('#user')).not.toHaveAttribute('aria-invalid', 'true');

    // Enter while a Japanese conversion is open confirms the conversion: no run.
    await page.locator('#user').focus();
    await page.locator('#user').dispatchEvent('compositionstart', { data: '' });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await expect(page.locator('.nav-item[data-screen="account"]')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('table.matrix')).toHaveCount(0);
    // The conversion is over: Enter submits as usual.
    await page.locator('#user').dispatchEvent('compositionend', { data: '' });
    await page.keyboard.press('Enter');
    await expect(page.locator('table.matrix')).toBeVisible();
    await expect(page.locator('.nav-item[data-screen="diagnosis"]')).toBeEnabled({ timeout: RUN_TIMEOUT_MS });
  });

  test(`${lang}: tabbing out of the address while discovery runs keeps the focus; DNS server, MAIL FROM/RCPT TO and "no server" take the focus`, async ({ page }) => {
    const { lab } = e2eEnv();
    await open(page, lang);
    await go(page, 'account');
    await page.locator('#email').fill(lab.users.alice.email);
    await page.keyboard.press('Tab');
    // During the discovery and after it the focus is on a control, never the page body.
    for (let i = 0; i < 10; i++) {
      expect(await focusedId(page)).not.toBe('BODY');
      await page.waitForTimeout(50);
    }
    await expect(page.locator('.discovery-status .spinner')).toHaveCount(0, { timeout: 20_000 });
    expect(await focusedId(page)).not.toBe('BODY');

    // "No server": the discovered rows are emptied; the incoming host takes the focus.
    await page.locator('#srv-in-host').fill('');
    await page.locator('#srv-out-host').fill('');
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#srv-in-host')).toBeFocused();
    await expect(page.locator('#servers-err')).toContainText(TEXT[lang].noServer);

    await page.locator('#srv-in-host').fill(lab.hosts.mail.name);
    await page.locator('#advanced summary').click();
    await page.locator('#opt-dns').fill('ns.example.jp');
    await page.locator('#opt-from').fill('not an address');
    await page.locator('#opt-to').fill('also-not');
    await page.locator('#advanced summary').click(); // folded again: the error must open it
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#opt-dns')).toBeFocused();
    await expect(page.locator('#opt-dns-err')).toContainText(TEXT[lang].dns);
    await page.locator('#opt-dns').fill('');
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#opt-from')).toBeFocused();
    await expect(page.locator('#opt-from-err')).toContainText(TEXT[lang].envelope);
    await expect(page.locator('#opt-to-err')).toContainText(TEXT[lang].envelope);
    await page.locator('#opt-from').fill('');
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('#opt-to')).toBeFocused();
  });
}
