import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the web host keeps history when there is no Electron `app.getPath('userData')`.
 * Matches Electron's userData folder per platform, so both hosts share one history.
 * MAIL_DOCTOR_DATA_DIR overrides it (tests use a temp folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.MAIL_DOCTOR_DATA_DIR) return env.MAIL_DOCTOR_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Mail Doctor');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Mail Doctor');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Mail Doctor');
}
