/**
 * The printed report holds no password. The desktop app's PDF is Electron's printToPDF of the
 * Report screen with PDF_OPTIONS; Electron cannot run here, and Chromium's print pipeline is the
 * same one, so the web host's Report screen is printed with page.pdf() and those options (print
 * media), after real diagnoses against the lab over IMAP, POP3 and SMTP (implicit TLS and
 * STARTTLS) with an accepted and a refused password, and against the scripted servers the
 * Electron spec uses. pdftotext gives the text layer, searched for the password in every form
 * the other secrets tests search (test/secret-forms.ts); the address must be found in the same
 * text. (The Electron path itself: report-pdf-secrets.electron.spec.ts.)
 */
import { test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { PDF_OPTIONS } from '../electron/main/save-file';
import { DISTINCT_PASSWORD } from '../test/secret-forms';
import { e2eEnv } from './fixtures/e2e-env';
import { expectLogins, printAndSearch, scriptedPdfCase, SCRIPTED_CASES } from './fixtures/pdf-secrets';
import { diagnose, open, type Account, type Lang } from './fixtures/helpdesk-flow';

/** Electron's printToPDF options as Playwright's page.pdf() spells them, in print media as printToPDF uses. */
async function printLikeElectron(page: Page, file: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  writeFileSync(file, await page.pdf({ format: PDF_OPTIONS.pageSize, printBackground: PDF_OPTIONS.printBackground, landscape: PDF_OPTIONS.landscape }));
  await page.emulateMedia({ media: 'screen' });
}

interface LabCase {
  label: string;
  lang: Lang;
  incoming: 'imap' | 'pop3';
  accepted: boolean;
}

const LAB_CASES: LabCase[] = [
  { label: 'accepted password, IMAP + SMTP', lang: 'ja', incoming: 'imap', accepted: true },
  { label: 'accepted password, POP3 + SMTP', lang: 'en', incoming: 'pop3', accepted: true },
  { label: 'refused password, IMAP + SMTP', lang: 'en', incoming: 'imap', accepted: false },
  { label: 'refused password, POP3 + SMTP', lang: 'ja', incoming: 'pop3', accepted: false },
];

for (const c of LAB_CASES) {
  test(`report PDF (${c.lang}, lab, ${c.label}): no form of the password, the address present`, async ({ page }) => {
    test.setTimeout(120_000);
    const { lab } = e2eEnv();
    const pw = c.accepted ? lab.users.alice.password : DISTINCT_PASSWORD;
    const user = lab.users.alice.email;
    const mail = lab.hosts.mail.name;
    const account: Account = {
      device: 'iphone',
      email: user,
      password: pw,
      incoming: c.incoming,
      // Implicit TLS on one side and STARTTLS on the other: both ways a password is sent.
      imap: c.incoming === 'imap' ? { host: mail, port: 993, security: 'tls' } : { host: mail, port: 110, security: 'starttls' },
      smtp: c.incoming === 'imap' ? { host: mail, port: 587, security: 'starttls' } : { host: mail, port: 465, security: 'tls' },
      errorText: c.lang === 'ja' ? 'パスワードが違います' : 'Password incorrect',
    };
    await open(page, c.lang);
    await diagnose(page, account);
    await expectLogins(page, c.accepted ? 'ok' : 'failed', 2);
    await printAndSearch(page, (file) => printLikeElectron(page, file), `lab-${c.lang}-${c.incoming}-${c.accepted ? 'ok' : 'failed'}`, user, pw, [mail]);
  });
}

for (const c of SCRIPTED_CASES) {
  test(`report PDF (${c.lang}, scripted servers, ${c.incoming} login ${c.login}): the Electron spec's flow, printed by Chromium`, async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, c.lang);
    await scriptedPdfCase(page, c, (file) => printLikeElectron(page, file));
  });
}
