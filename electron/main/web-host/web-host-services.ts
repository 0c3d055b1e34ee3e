import { join } from 'node:path';
import type { HostServices } from '../ipc/handlers';
import { createHistoryStore } from '../history-store';
import { osLocale, readPackageJson } from '../app-version';

/** Host abilities of the browser-served app: no native dialogs; the browser downloads and prints. */
export function createWebHostServices(dataDir: string): HostServices {
  const pkg = readPackageJson();
  return {
    appInfo: () => ({
      name: pkg.productName ?? pkg.name,
      version: pkg.version,
      platform: process.platform,
      locale: osLocale(),
      transport: 'web',
      capabilities: { saveFile: false, printToPdf: false, openExternal: false },
    }),
    history: createHistoryStore(join(dataDir, 'history')),
    checkForUpdates: async () => ({ status: 'disabled', current: pkg.version }),
    defaultDnsServer: process.env.MAIL_DOCTOR_DNS_SERVER || undefined,
  };
}
