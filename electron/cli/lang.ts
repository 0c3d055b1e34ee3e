import type { Lang } from '../../shared/models/device';
import type { CliIo } from './command';

/** LANG=ja_JP.UTF-8 → ja; anything else → en. LC_ALL and LC_MESSAGES win over LANG as in POSIX. */
export function langFromEnv(env: CliIo['env']): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja([_.\-@]|$)/i.test(loc) ? 'ja' : 'en';
}
