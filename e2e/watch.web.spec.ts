/**
 * The 「定期的に再診断」 switch on the Connection test screen, through the web host against the lab,
 * in Japanese and English: the switch and its fields, the bounds at the fields (the CLI's: at
 * least a minute apart, 2–288 tests), the first test of a watch and its timeline on screen, a page
 * reload that picks the host's watch up again, and stop. The interval is the product's (minutes):
 * the later tests and what changes between them are tested with an injected clock in unit tests
 * (electron/main/watch-manager.test.ts, electron/probes/watch.lab.test.ts), never by a shorter
 * interval here.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { diagnose, go, labAccount, open, RUN_TIMEOUT_MS, type Lang } from './fixtures/helpdesk-flow';
import { asciiProse } from './fixtures/ascii-prose';

const shots = join(__dirname, '../test-results/screenshots');
const FINDING_CODE = /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/;

const TEXT = {
  ja: { switch: '定期的に再診断', start: '定期診断を開始', stop: '定期診断を止める', min: '1分以上', range: '2〜288回', first: /1回目 \d\d:\d\d: 問題なし/, waiting: /定期診断中: 3 回中 1 回終了。次は \d\d:\d\d です。/, stopped: '定期診断は 3 回中 1 回で終わりました。', why: '担当者が途中で止めました。', title: '経過の記録（定期診断）' },
  en: { switch: 'Re-test regularly (watch)', start: 'Start watching', stop: 'Stop watching', min: 'At least 1 minute', range: 'From 2 to 288 tests', first: /#1 \d\d:\d\d: OK/, waiting: /Watching: 1 of 3 tests done; next test at \d\d:\d\d\./, stopped: 'Watch ended after 1 of 3 tests.', why: 'Stopped by the agent.', title: 'Watch timeline' },
} as const;

async function healthyCase(page: Page, lang: Lang): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  await open(page, lang);
  await diagnose(page, labAccount());
}

for (const lang of ['ja', 'en'] as const) {
  test(`watch (${lang}): the switch, its bounds, the first test on screen, reload, stop`, async ({ page }) => {
    const T = TEXT[lang];
    await healthyCase(page, lang);
    const panel = page.getByTestId('watch');
    const sw = page.getByRole('switch', { name: T.switch });
    await expect(sw).not.toBeChecked();
    await sw.check();

    // The bounds, at the fields, in words.
    await page.locator('#watch-interval').fill('0');
    await page.locator('#watch-count').fill('1000');
    await panel.getByRole('button', { name: T.start }).click();
    await expect(page.locator('#watch-interval-err')).toContainText(T.min);
    await expect(page.locator('#watch-count-err')).toContainText(T.range);
    await expect(page.locator('#watch-interval')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#watch-interval')).toBeFocused();
    await expect(page.getByTestId('watch-timeline')).toHaveCount(0);

    // A real watch: a test now, the next one a minute later.
    await page.locator('#watch-interval').fill('1');
    await page.locator('#watch-count').fill('3');
    await panel.getByRole('button', { name: T.start }).click();
    await expect(page.locator('#watch-interval-err')).toHaveCount(0);
    const timeline = page.getByTestId('watch-timeline');
    await expect(timeline).toContainText(T.first, { timeout: RUN_TIMEOUT_MS });
    await expect(page.getByTestId('watch-status')).toHaveText(T.waiting);
    await expect(page.locator('#watch-interval')).toBeDisabled();
    expect(await timeline.innerText()).not.toMatch(FINDING_CODE);
    if (lang === 'ja') expect(await asciiProse(page)).toEqual([]);
    await panel.screenshot({ path: join(shots, `watch-running-${lang}.png`) });
    await page.screenshot({ path: join(shots, `watch-screen-${lang}.png`) });

    // The loop is the host's: a reloaded page finds the same watch, still waiting.
    await page.reload();
    await go(page, 'probe');
    await expect(page.getByTestId('watch-status')).toHaveText(T.waiting, { timeout: 15_000 });
    await expect(page.getByRole('switch', { name: T.switch })).toBeChecked();
    await expect(page.locator('#watch-interval')).toHaveValue('1');
    await expect(page.locator('#watch-count')).toHaveValue('3');

    // Stop: the watch ends at once, says why, and its timeline goes into the report.
    await page.getByTestId('watch').getByRole('button', { name: T.stop }).click();
    await expect(page.getByTestId('watch-status')).toHaveText(T.stopped);
    await expect(page.getByTestId('watch-timeline')).toContainText(T.why);
    await expect(page.getByTestId('watch').getByRole('button', { name: T.start })).toBeEnabled();
    if (lang === 'ja') expect(await asciiProse(page)).toEqual([]);
    await page.getByTestId('watch').screenshot({ path: join(shots, `watch-stopped-${lang}.png`) });
    await go(page, 'report');
    await expect(page.getByTestId('report-text')).toContainText(T.title);
    await expect(page.getByTestId('report-text')).toContainText(T.why);
  });
}
