/**
 * The ticket report and the customer's text through the web host against the lab: 症状 / 原因 /
 * 対処 / 結果 / 担当メモ without finding codes, a step and a value copied one at a time, the short
 * text for SMS or mail, in Japanese and English, with screenshots.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from './fixtures/e2e-env';
import { diagnose, go, labAccount, open, type Lang } from './fixtures/helpdesk-flow';
import { asciiProse } from './fixtures/ascii-prose';

const shots = join(__dirname, '../test-results/screenshots');
/** Finding codes are SCREAMING_SNAKE words; a ticket report must contain none. */
const FINDING_CODE = /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/;

async function port25Case(page: Page, lang: Lang): Promise<void> {
  const { lab } = e2eEnv();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2eEnv().origin });
  await open(page, lang);
  await diagnose(page, labAccount({ smtp: { host: lab.hosts.mail.name, port: 25, security: 'starttls' }, errorText: lang === 'ja' ? '送信できません' : 'Cannot send mail' }));
  await go(page, 'report');
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** Clicks a copy button and waits until the clipboard holds something new (the copy goes through the host first). */
async function copied(page: Page, testId: string, before: string): Promise<string> {
  await page.locator(`[data-testid="${testId}"]`).first().click();
  await expect.poll(() => clipboard(page)).not.toBe(before);
  return clipboard(page);
}

for (const lang of ['ja', 'en'] as const) {
  test(`report (${lang}): sections in words, copy one step / one value / the customer text`, async ({ page }) => {
    const { lab } = e2eEnv();
    await port25Case(page, lang);
    const report = page.getByTestId('report-text');
    const heads = lang === 'ja' ? ['症状', '原因', '対処', '結果', '担当メモ'] : ['Symptom', 'Cause', 'What to do', 'Result', 'Agent notes'];
    const text = await report.innerText();
    for (const h of heads) expect(text).toContain(`\n${h}\n`);
    expect(text).not.toMatch(FINDING_CODE);
    expect(text).not.toContain(lab.users.alice.password);

    // The agent's note goes into the report; the technical section only when ticked.
    await page.locator('#case-notes').fill(lang === 'ja' ? '15時に折り返し' : 'call back at 3 pm');
    await expect(report).toContainText(lang === 'ja' ? '15時に折り返し' : 'call back at 3 pm');
    await expect(report).not.toContainText(lang === 'ja' ? '技術的な詳細' : 'Technical details');
    await page.locator('#rep-technical').check();
    await expect(report).toContainText(lang === 'ja' ? '技術的な詳細' : 'Technical details');
    expect(await report.innerText()).not.toMatch(FINDING_CODE);

    // One step, then one value, then the whole customer text, each on the clipboard alone.
    const steps = page.getByTestId('copy-steps').locator('li');
    expect(await steps.count()).toBeGreaterThan(0);
    const step1 = await copied(page, 'copy-step-1', await clipboard(page));
    expect(step1.length).toBeGreaterThan(3);
    expect(await steps.first().innerText()).toContain(step1.split('\n')[0]!);
    const valueId = await page.locator('[data-testid^="copy-value-"]').first().getAttribute('data-testid');
    const value = await copied(page, valueId!, step1);
    expect(value).not.toContain('\n');
    expect(value.length).toBeGreaterThan(0);
    const sms = await copied(page, 'copy-sms', value);
    expect(sms).toBe(await page.getByTestId('sms-text').innerText());
    expect(sms).toContain(lab.users.alice.email);
    expect(sms).not.toContain(lab.users.alice.password);
    expect(sms).not.toMatch(FINDING_CODE);
    if (lang === 'ja') expect(await asciiProse(page)).toEqual([]);
    await page.screenshot({ path: join(shots, `report-ticket-${lang}.png`), fullPage: true });
  });
}

for (const lang of ['ja', 'en'] as const) {
  test(`delivery (${lang}): profile and autoconfig download, 「未署名」 note, customer text and QR, the password only when ticked`, async ({ page }) => {
    const { lab } = e2eEnv();
    const password = lab.users.alice.password;
    await port25Case(page, lang);
    const panel = page.getByTestId('delivery');
    await expect(panel.getByTestId('delivery-warnings')).toContainText('未署名');
    await expect(panel.getByTestId('delivery-qr')).toBeVisible();
    await expect(panel.getByTestId('delivery-text')).toContainText(lab.users.alice.email);
    const save = async (testId: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(testId).click()]);
      return { name: d.suggestedFilename(), content: readFileSync((await d.path())!, 'utf8') };
    };
    const profileButton = 'save-profile';
    const plain = await save(profileButton);
    expect(plain.name).toMatch(/\.mobileconfig$/);
    expect(plain.content).toContain('com.apple.mail.managed');
    expect(plain.content).not.toContain(password);
    await page.locator('#delivery-password').check();
    const withPassword = await save(profileButton);
    expect(withPassword.content).toContain(password);
    // One file per tick.
    await expect(page.locator('#delivery-password')).not.toBeChecked();
    const xml = await save('save-autoconfig');
    expect(xml.name).toBe(`${lab.domain}.xml`);
    expect(xml.content).not.toContain(password);
    await page.locator('#delivery-url').fill('http://example.invalid/p');
    await expect(page.locator('#delivery-url-hint')).toContainText(lang === 'ja' ? 'https:// で始まるリンクを入力してください。' : 'Enter a link that starts with https://');
    await page.locator('#delivery-url').fill('');
    if (lang === 'ja') expect(await asciiProse(page)).toEqual([]);
    await panel.screenshot({ path: join(shots, `report-delivery-${lang}.png`) });
  });
}
