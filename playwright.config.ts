import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright's own browser download is not reachable here). */
export const CHROMIUM = process.env.MAIL_DOCTOR_CHROMIUM ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialling Google on a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  // One worker: the specs share one lab of real mail servers and the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  // A full diagnosis against black-holed ports takes its probe budget; leave room for it.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'web',
      testMatch: /.*\.web\.spec\.ts/,
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 }, launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
});
