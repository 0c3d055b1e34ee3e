import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** package.json sits two levels above both the TS source and the compiled dist-electron/electron/main. */
export function readPackageJson(): { name: string; productName?: string; version: string } {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      return JSON.parse(readFileSync(join(__dirname, up), 'utf8'));
    } catch {
      // try the next layout
    }
  }
  return { name: 'mail-doctor', version: '0.0.0' };
}

export function osLocale(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return fromEnv.split('.')[0]!.replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
