/**
 * Every screen in both languages, light and dark, at 1280×800 and 1920×1080:
 * screenshots under test-results/screenshots/ (for people to look at) and an axe-core
 * accessibility check on each with no serious or critical violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';
import { asciiProse } from './fixtures/ascii-prose';

const shots = join(__dirname, '../test-results/screenshots');
const SCREENS = ['start', 'account', 'probe', 'diagnosis', 'checklist', 'compare', 'report', 'history'] as const;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** DevTools evaluation is exempt from the page's CSP, so axe runs without loosening it. */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A sticky status bar would sit in the middle of a full-page screenshot. */
async function dismissNotice(page: Page): Promise<void> {
  const button = page.locator('.notice-bar button');
  if (await button.isVisible()) await button.click();
}

async function setLang(page: Page, lang: 'ja' | 'en'): Promise<void> {
  await page.locator('.header-tools select').first().selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function prepareCase(page: Page): Promise<void> {
  const { lab } = e2eEnv();
  const alice = lab.users.alice;
  await page.goto(e2eEnv().url);
  await setLang(page, 'ja');
  await page.locator('input[name="device"][value="iphone"]').check();
  await page.locator('#error-text').fill('送信サーバへの接続に失敗しました');
  await page.locator('#case-ticket').fill('HD-2026-1201');
  await page.locator('#case-customer').fill('山田 花子');
  await page.locator('.nav-item[data-screen="account"]').click();
  await page.locator('#advanced summary').click();
  await page.locator('#opt-timeout').fill('4');
  await page.locator('#srv-in-sec').selectOption('tls');
  await page.locator('#srv-in-host').fill(lab.hosts.mail.name);
  await page.locator('#srv-in-port').fill('993');
  await page.locator('#srv-out-sec').selectOption('starttls');
  await page.locator('#srv-out-host').fill(lab.hosts.mail.name);
  await page.locator('#srv-out-port').fill('25');
  // The address last: its discovery leaves the rows typed above alone.
  await page.locator('#email').fill(alice.email);
  await page.locator('#password').fill(alice.password);
  // What the customer's iPhone is set to, in its own words (「SSLを使用」 オン): SMTP on port 25, the user name without the domain.
  await page.locator('#device-settings summary').click();
  await page.locator('#dev-in-host').fill(lab.hosts.mail.name);
  await page.locator('#dev-in-port').fill('993');
  await page.locator('#dev-in-sec').selectOption('on');
  await page.locator('#dev-out-host').fill(lab.hosts.mail.name);
  await page.locator('#dev-out-port').fill('25');
  await page.locator('#dev-out-sec').selectOption('on');
  await page.locator('#dev-user').fill('alice');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.nav-item[data-screen="diagnosis"]')).toBeEnabled({ timeout: 60_000 });
  // A second, labelled run for the comparison screen.
  await page.locator('.nav-item[data-screen="compare"]').click();
  await page.locator('#run-label-0').fill('会社の Wi-Fi');
  await page.locator('#next-label').fill('スマホのテザリング');
  await page.locator('.panel .btn-primary').click();
  await expect(page.locator('#run-label-1')).toHaveValue('スマホのテザリング', { timeout: 60_000 });
  // Port 25 is dropped on both "networks" here: that is still the line (OP25B), never "not the network".
  await expect(page.locator('.conclusion p')).toContainText('ポート25番');
  await page.locator('.nav-item[data-screen="checklist"]').click();
  await page.locator('ol.steps > li').first().locator('button.choice-done').click();
}

/** A helpdesk laptop and a large desktop screen. */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

/** What must hold on a 1024×700 window (the viewport at the top of the page, before any scrolling). */
async function layoutProblems(page: Page, screen: string): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate((screen) => {
    const out: string[] = [];
    const header = document.querySelector('.app-header')!;
    const rowTops = new Set([...header.children].map((c) => Math.round((c as HTMLElement).getBoundingClientRect().top / 10)));
    if (rowTops.size > 1 || header.getBoundingClientRect().height > 72) out.push(`header is not one row (${Math.round(header.getBoundingClientRect().height)} px)`);
    const pill = document.querySelector<HTMLElement>('.case-pill');
    if (pill && pill.scrollWidth > pill.clientWidth + 1) out.push('case pill is cut off');
    if (screen === 'account') {
      const pw = document.querySelector<HTMLElement>('#password')!.getBoundingClientRect();
      if (pw.width < 180) out.push(`password field only ${Math.round(pw.width)} px wide`);
      const run = document.querySelector<HTMLElement>('form button[type="submit"]')!.getBoundingClientRect();
      if (run.bottom > window.innerHeight || run.top < 0) out.push('run button is not visible without scrolling');
    }
    if (screen === 'probe') {
      // Every column of the matrix beside the sidebar: nothing hidden behind a sideways scroll.
      const wrap = document.querySelector<HTMLElement>('table.matrix')?.parentElement;
      if (!wrap) out.push('no probe matrix');
      else if (wrap.scrollWidth > wrap.clientWidth + 1) out.push(`probe matrix scrolls sideways (${wrap.scrollWidth} px in ${wrap.clientWidth} px)`);
    }
    if (screen === 'diagnosis') {
      // Fix first: the agent reads the first step out without scrolling.
      const step = document.querySelector<HTMLElement>('.cause-first ol.fix-steps > li');
      if (!step) out.push('no first fix step');
      else if (step.getBoundingClientRect().bottom > window.innerHeight) out.push(`first fix step ends at ${Math.round(step.getBoundingClientRect().bottom)} px, below the first ${window.innerHeight} px`);
      const evidence = document.querySelector<HTMLDetailsElement>('.cause-first details.tech-details');
      if (!evidence || evidence.open) out.push('the evidence is not folded behind the technical details');
    }
    return out;
  }, screen);
}

test.describe.configure({ mode: 'serial' });

test('every screen in Japanese and English: screenshots and no serious accessibility violations', async ({ page }) => {
  test.setTimeout(360_000);
  mkdirSync(shots, { recursive: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await prepareCase(page);
  const failures: string[] = [];
  const prose: string[] = [];
  for (const size of SIZES) {
  await page.setViewportSize(size);
  const suffix = size.width === 1024 ? '' : `-${size.width}`;
  for (const lang of ['ja', 'en'] as const) {
    await setLang(page, lang);
    for (const screen of SCREENS) {
      await page.locator(`.nav-item[data-screen="${screen}"]`).click();
      await expect(page.locator(`.nav-item[data-screen="${screen}"]`)).toHaveAttribute('aria-current', 'step');
      if (screen === 'probe') await page.locator('table.matrix tbody tr').first().locator('.target-btn').click();
      if (screen === 'account') {
        // Show the collapsed parts too: what the device is set to, and the advanced options.
        await page.locator('details.panel summary').first().click();
        await page.locator('#advanced summary').click();
        await expect(page.locator('#opt-timeout')).toBeVisible();
      }
      if (screen === 'history') {
        // Found by the ticket number; the row says what was wrong and the final state.
        await page.locator('#hist-q').fill('HD-2026');
        await expect(page.locator('table.history tbody tr')).toHaveCount(1);
        await expect(page.locator('table.history tbody tr').first()).toContainText('山田 花子');
        await expect(page.locator('table.history tbody tr').first()).toContainText(lang === 'ja' ? '未解決' : 'not fixed');
      }
      if (screen === 'checklist') {
        // A short checklist: at most five open steps, no step twice, no carrier/Microsoft step for lab.test.
        const open = await page.locator('.checklist-layout > div > ol.steps > li').count();
        if (open < 1 || open > 5) failures.push(`${lang}/checklist: ${open} open steps`);
        const every = await page.locator('li[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step') ?? ''));
        if (new Set(every).size !== every.length) failures.push(`${lang}/checklist: a step is listed twice`);
        for (const id of every.filter((x) => /docomo|au-mail|softbank|microsoft|carrier|yahoo/.test(x))) failures.push(`${lang}/checklist: provider step ${id} for lab.test`);
      }
      await dismissNotice(page);
      await page.screenshot({ path: join(shots, `${screen}-${lang}${suffix}.png`), fullPage: true });
      if (size.width === 1024) failures.push(...(await layoutProblems(page, screen)).map((p) => `${lang}/${screen}@1024: ${p}`));
      for (const v of await axe(page)) failures.push(`${lang}/${screen}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      if (lang === 'ja' && size.width === 1024) {
        // Folded parts too: everything a person can open must be Japanese.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        for (const h of await asciiProse(page)) prose.push(`${screen}: ${h.where}: ${h.words.join(' ')} ← “${h.text}”`);
      }
    }
  }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(prose, 'English words on Japanese screens').toEqual([]);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);

  // Print / "save as PDF" from the browser: only the report is on the page.
  await page.locator('.nav-item[data-screen="report"]').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.step-nav')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('report-text')).toBeVisible();
  await page.screenshot({ path: join(shots, 'report-print-en.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('dark theme and a large window', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(e2eEnv().url);
  await setLang(page, 'ja');
  await page.locator('.header-tools select').nth(1).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The last case is reopened after the reload: go through its screens in the dark.
  await page.locator('.nav-item[data-screen="history"]').click();
  await page.locator('table.history tbody tr').first().getByRole('button').first().click();
  const failures: string[] = [];
  for (const screen of ['start', 'probe', 'diagnosis', 'checklist', 'compare'] as const) {
    await page.locator(`.nav-item[data-screen="${screen}"]`).click();
    await dismissNotice(page);
    await page.screenshot({ path: join(shots, `dark-${screen}-ja-1920.png`), fullPage: true });
    for (const v of await axe(page)) failures.push(`dark/${screen}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  expect(failures).toEqual([]);
  // The theme choice is a UI preference and survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('keyboard only: skip link, device choice with arrow keys, visible focus', async ({ page }) => {
  await page.goto(e2eEnv().url);
  await setLang(page, 'en');
  await page.locator('.nav-item[data-screen="start"]').click();
  // A fresh load starts keyboard navigation at the top of the document.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await expect(page.locator('.skip-link')).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
  expect(await focusedName()).toBe('device');
  const checked = () => page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="device"]:checked')?.value ?? null);
  const before = await checked();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  const after = await checked();
  expect(after).not.toBeNull();
  expect(after).not.toBe(before);
  // The focus ring is drawn around the whole tile, not only a colour change.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
  expect(outline).toBe('solid');
  // Tab onwards reaches the error text and the continue button.
  await page.keyboard.press('Tab');
  await expect(page.locator('#error-text')).toBeFocused();
});
