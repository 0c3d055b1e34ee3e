/**
 * (f) of the benchmark, on the built app (`npm run build`): peak RSS of a CLI diagnosis, CLI
 * start (`--version`, `--help`, `lookup`, first progress line of `diagnose`) against a bare
 * `node -e 0`, the renderer's JavaScript gzipped, and the web host's first paint in Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startWebHostProcess } from '../e2e/fixtures/web-host-process';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'mail-doctor.js');
/** Prints the process's peak RSS (kB) on stderr as it exits: `process.resourceUsage().maxRSS`. */
const RSS_HOOK = path.join(__dirname, 'bench-rss-hook.cjs');

export function built(): boolean {
  return existsSync(path.join(ROOT, 'dist-electron', 'electron', 'cli', 'main.js')) && existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));
}

interface Spawned {
  ms: number;
  /** When the first byte came on stdout or stderr. */
  firstOutputMs: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** 60 s: a CLI run against the lab takes seconds; anything longer is a hang to report, not wait out. */
const SPAWN_TIMEOUT_MS = 60_000;

export function timeSpawn(args: string[], input?: string): Promise<Spawned> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let first: number | null = null;
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    const mark = (): void => void (first ??= performance.now() - t0);
    child.stdout.on('data', (d: Buffer) => (mark(), (stdout += d.toString())));
    child.stderr.on('data', (d: Buffer) => (mark(), (stderr += d.toString())));
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - t0, firstOutputMs: first, status, stdout, stderr });
    });
  });
}

export function cliStartCases(): Array<{ name: string; args: string[] }> {
  return [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'mail-doctor --version', args: [BIN, '--version'] },
    { name: 'mail-doctor --help', args: [BIN, '--help'] },
    { name: 'mail-doctor lookup "535 5.7.8 …"', args: [BIN, 'lookup', '535 5.7.8 Error: authentication failed'] },
  ];
}

/** `diagnose` of a healthy account: the first progress line on stderr, and the process's peak RSS. */
export async function cliDiagnose(o: { email: string; host: string; password: string; dnsServer: string; caFile: string }): Promise<{ run: Spawned; firstProgressMs: number | null; peakRssMB: number | null }> {
  const run = await timeSpawn(
    ['--require', RSS_HOOK, BIN, 'diagnose', o.email, '--imap', `${o.host}:993`, '--pop3', `${o.host}:995`, '--smtp', `${o.host}:587`, '--dns-server', o.dnsServer, '--ca', o.caFile, '--password-stdin', '--lang', 'en'],
    o.password + '\n',
  );
  const kb = /^bench-max-rss-kb (\d+)$/m.exec(run.stderr)?.[1];
  return { run, firstProgressMs: run.firstOutputMs, peakRssMB: kb ? Number(kb) / 1024 : null };
}

/** The renderer's JavaScript as the browser downloads it: every built .js asset, gzipped (level 9). */
export function rendererGzipBytes(): { files: number; rawBytes: number; gzipBytes: number } {
  const dir = path.join(ROOT, 'dist', 'renderer', 'assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of js) {
    const b = readFileSync(path.join(dir, f));
    rawBytes += b.length;
    gzipBytes += gzipSync(b, { level: 9 }).length;
  }
  return { files: js.length, rawBytes, gzipBytes };
}

/** Web host first paint (first-contentful-paint) in Debian's Chromium, from navigation start. */
export async function webHostFirstPaint(runs: number): Promise<number[]> {
  const host = await startWebHostProcess({});
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: no cache, as on first start.
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(host.url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      out.push(fcp);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  return out;
}
