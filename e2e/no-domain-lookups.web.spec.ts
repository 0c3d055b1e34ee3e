/**
 * 「ドメインを照会しない」 / "Do not look up the domain" (Advanced, Account screen): ticked, with the
 * servers given as IP addresses and a DNS server of this test's own named, the run makes no DNS
 * query at all — that server counts what it is asked and must be asked nothing — and the probe
 * screen's DNS line says MX/SRV were not looked up and why, in Japanese and English. The same run
 * with the box unticked does query that server, so the count is a real measurement.
 * Screenshots at 1024×700 of the ticked box and of the evidence.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../shared/i18n/messages';
import { startLabDns, type LabDns } from '../test/lab/lab-dns';
import { asciiProse } from './fixtures/ascii-prose';
import { e2eEnv } from './fixtures/e2e-env';
import { diagnose, go, labAccount, open, type Account, type Lang } from './fixtures/helpdesk-flow';

const shots = join(__dirname, '../test-results/screenshots');

let dns: LabDns;
test.beforeAll(async () => {
  // The account's domain has an MX record here, so a run that looks the domain up asks this server.
  dns = await startLabDns({ a: {}, aaaa: {}, mx: { 'lab.test': [{ exchange: 'mail.lab.test', priority: 10 }] }, srv: {}, servfail: [] });
});
test.afterAll(async () => {
  await dns?.close();
});

function account(lang: Lang, noDomainLookups: boolean): Account {
  const { lab } = e2eEnv();
  return labAccount({
    imap: { host: lab.hosts.mail.ip, port: 993, security: 'tls' },
    smtp: { host: lab.hosts.mail.ip, port: 465, security: 'tls' },
    errorText: lang === 'ja' ? '受信できません' : 'Cannot get mail',
    noDomainLookups,
    dnsServer: dns.server,
  });
}

async function dnsLine(page: Page): Promise<string> {
  await go(page, 'probe');
  return page.locator('.dns-line').innerText();
}

for (const lang of ['ja', 'en'] as const) {
  test(`no domain lookups (${lang}): not one DNS query, and the evidence says so`, async ({ page }) => {
    test.setTimeout(120_000);
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    dns.queries.clear();
    await open(page, lang);
    await diagnose(page, account(lang, true));
    expect([...dns.queries.entries()], 'DNS queries made with domain lookups switched off').toEqual([]);

    const line = await dnsLine(page);
    expect(line).toContain(`lab.test → ${t(lang, 'probe.dns.skipped.no-domain-lookups')}`);
    if (lang === 'ja') expect(await asciiProse(page)).toEqual([]);
    await page.locator('.dns-line').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `no-domain-lookups-probe-${lang}.png`) });

    // The switch as the helpdesk sees it, still ticked for the next run.
    await go(page, 'account');
    const box = page.locator('#opt-no-domain-lookups');
    if (!(await box.isVisible())) await page.locator('#advanced summary').click();
    await expect(box).toBeChecked();
    await expect(page.locator('label[for="opt-no-domain-lookups"]')).toHaveText(t(lang, 'account.noDomainLookups'));
    // Centred: the sticky run button covers the bottom of the screen.
    await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(shots, `no-domain-lookups-account-${lang}.png`) });
  });
}

test('control: unticked, the same run asks the named DNS server for the domain', async ({ page }) => {
  test.setTimeout(120_000);
  dns.queries.clear();
  await open(page, 'en');
  await diagnose(page, account('en', false));
  expect(dns.queries.get('lab.test') ?? 0).toBeGreaterThan(0);
  expect(await dnsLine(page)).not.toContain(t('en', 'probe.dns.skipped.no-domain-lookups'));
});
