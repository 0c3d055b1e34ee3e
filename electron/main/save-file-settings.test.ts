/**
 * Saving fix-delivery files through the contract's file:save: the `mobileconfig` and
 * `autoconfig` kinds accept only what shared/delivery builds (validated in the request schema,
 * before any dialog), get their own extension and dialog title, and a profile is written
 * readable by its owner only (it may carry the password when the helpdesk asked for it).
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAutoconfig } from '../../shared/delivery/autoconfig-doc';
import type { SourcedSettings } from '../../shared/delivery/delivery-types';
import { buildMobileconfig } from '../../shared/delivery/mobileconfig';
import { contract } from '../../shared/ipc/contract';
import { createSaveFile, safeFileName, type SaveDialogOptions } from './save-file';

const SETTINGS: SourcedSettings = {
  imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' },
  smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'logged-in' },
  user: { value: 'alice@example.jp', source: 'logged-in' },
};
const profile = buildMobileconfig({ email: 'alice@example.jp' }, SETTINGS, { lang: 'ja' });
const autoconfig = buildAutoconfig({ email: 'alice@example.jp' }, SETTINGS, 'ja');
const schema = contract['file:save'].request;

describe('file:save settings kinds', () => {
  let dir: string;
  let dialogs: SaveDialogOptions[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'md-save-settings-'));
    dialogs = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const save = (name: string) =>
    createSaveFile({
      showSaveDialog: async (o) => {
        dialogs.push(o);
        return { canceled: false, filePath: join(dir, name) };
      },
      printToPDF: async () => new Uint8Array(),
      defaultDir: () => dir,
      lang: () => 'ja',
    });

  it('the contract accepts the files shared/delivery builds and refuses anything else under those kinds', () => {
    if (!profile.ok || !autoconfig.ok) throw new Error('fixture settings did not build');
    expect(schema.safeParse({ suggestedName: 'a', kind: 'mobileconfig', content: profile.xml }).success).toBe(true);
    expect(schema.safeParse({ suggestedName: 'a', kind: 'autoconfig', content: autoconfig.xml }).success).toBe(true);
    expect(schema.safeParse({ suggestedName: 'a', kind: 'mobileconfig', content: autoconfig.xml }).success).toBe(false);
    expect(schema.safeParse({ suggestedName: 'a', kind: 'autoconfig', content: '<html><script>x</script></html>' }).success).toBe(false);
    expect(schema.safeParse({ suggestedName: 'a', kind: 'mobileconfig' }).success).toBe(false);
    expect(safeFileName('alice', 'mobileconfig')).toBe('alice.mobileconfig');
    expect(safeFileName('example.jp', 'autoconfig')).toBe('example.jp.xml');
  });

  it('writes a profile 0600 with its own title and filter, and an autoconfig .xml as given', async () => {
    if (!profile.ok || !autoconfig.ok) throw new Error('fixture settings did not build');
    const p = await save('alice.mobileconfig')(schema.parse({ suggestedName: profile.fileName, kind: 'mobileconfig', content: profile.xml }));
    expect(p).toEqual({ saved: true, path: join(dir, 'alice.mobileconfig') });
    expect(await readFile(p.path!, 'utf8')).toBe(profile.xml);
    if (process.platform !== 'win32') expect((await stat(p.path!)).mode & 0o777).toBe(0o600);
    expect(dialogs[0]).toMatchObject({ title: '設定ファイルを保存', filters: [{ name: 'Apple 構成プロファイル', extensions: ['mobileconfig'] }] });
    const a = await save('config-v1.1')(schema.parse({ suggestedName: autoconfig.fileName, kind: 'autoconfig', content: autoconfig.xml }));
    expect(a.path).toBe(join(dir, 'config-v1.1.xml'));
    expect(await readFile(a.path!, 'utf8')).toBe(autoconfig.xml);
  });
});
