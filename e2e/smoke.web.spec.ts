/**
 * Foundation smoke test through the real web host: the UI loads with no console
 * errors under the strict CSP, and a request/response round trip through the
 * typed contract (lookup:error) reaches the screen.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';

const shots = join(__dirname, '../test-results/screenshots');

test('the app loads with no console errors and answers through the contract', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(e2eEnv().url);
  await expect(page).toHaveTitle(/Mail Doctor/);
  // The token left the address bar once it was read.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.locator('#error-text').fill('0x800CCC0E');
  await expect(page.locator('.lookup-panel')).toContainText(/0x800CCC0E/i);
  await page.screenshot({ path: join(shots, 'smoke-start.png'), fullPage: true });

  expect(errors).toEqual([]);
});

test('the page refuses to run scripts the CSP does not allow', async ({ page }) => {
  await page.goto(e2eEnv().url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  // DevTools' own evaluate is exempt from CSP, so plant an inline script the way an injection would.
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violation: string | null }>((resolve) => {
        let violation: string | null = null;
        document.addEventListener('securitypolicyviolation', (e) => (violation = e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.appendChild(s);
        setTimeout(() => resolve({ ran: (window as unknown as { __injected?: boolean }).__injected === true, violation }), 200);
      }),
  );
  expect(outcome.ran).toBe(false);
  expect(outcome.violation).toMatch(/script-src/);
});
