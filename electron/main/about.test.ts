import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABOUT_BUTTON, LICENSES_CSP, aboutDialogOptions, licensesWindowOptions, renderLicensesHtml, showAbout, type AboutFacts } from './about';
import { collectLicenses, type LicenseList } from './licenses';

const facts: AboutFacts = { productName: 'Mail Doctor', version: '0.1.0', versions: { electron: '45.5.0', chrome: '140.0', node: '22.19.0' }, platform: 'win32', arch: 'x64' };
const list: LicenseList = {
  app: { name: 'mail-doctor', version: '0.1.0' },
  packages: [
    { name: 'imapflow', version: '2.10.2', license: 'MIT', usedBy: 'main', repository: 'https://github.com/postalsys/imapflow', text: 'MIT License <script>alert(1)</script>' },
    { name: 'react', version: '19.3.1', license: 'MIT', usedBy: 'renderer' },
  ],
};

describe('About dialog', () => {
  it('shows version, runtime and OS in the chosen language, with a Licences button', () => {
    const ja = aboutDialogOptions(facts, 'ja', list);
    expect(ja.message).toBe('メールドクター (Mail Doctor) 0.1.0');
    expect(ja.detail).toContain('Electron 45.5.0 / Chromium 140.0 / Node.js 22.19.0');
    expect(ja.detail).toContain('win32 (x64)');
    expect(ja.detail).toContain('2 個のオープンソース');
    expect(ja.buttons).toEqual(['OK', 'ライセンス…']);
    expect(ja.cancelId).toBe(ABOUT_BUTTON.ok);
    const en = aboutDialogOptions({ ...facts, versions: {} }, 'en', undefined);
    expect(en.message).toBe('Mail Doctor (メールドクター) 0.1.0');
    expect(en.detail).toContain('Electron ? / Chromium ?');
    expect(en.detail).not.toContain('open-source libraries');
  });

  it('opens the licences window only when that button is pressed', async () => {
    const opened: Array<{ url: string; webPreferences: unknown }> = [];
    const run = (response: number) =>
      showAbout({
        facts,
        lang: 'en',
        licenses: () => list,
        showMessageBox: async () => ({ response }),
        openLicensesWindow: (url, o) => opened.push({ url, webPreferences: o.webPreferences }),
      });
    await run(ABOUT_BUTTON.ok);
    expect(opened).toEqual([]);
    await run(ABOUT_BUTTON.licenses);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(opened[0]!.url)).toContain('imapflow');
  });
});

describe('licences page', () => {
  it('escapes third-party text and allows no script or network', () => {
    const html = renderLicensesHtml(list, 'ja', '0.1.0');
    expect(html).toContain(`content="${LICENSES_CSP}"`);
    expect(LICENSES_CSP).toContain("default-src 'none'");
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('アプリ本体');
    expect(html).toContain('画面 (UI)');
    expect(html).toContain('(ライセンス本文はパッケージに含まれていません)');
  });

  it('says why the list is missing in a development build', () => {
    expect(renderLicensesHtml(undefined, 'en', '0.1.0')).toContain('packaged builds only');
  });

  it('renders the real notice list of this repository', () => {
    const real = collectLicenses(resolve(__dirname, '../..'));
    const html = renderLicensesHtml(real, 'en', real.app.version);
    for (const p of real.packages) expect(html).toContain(`<h2>${p.name.replace(/&/g, '&amp;')} `);
  });

  it('the window is sandboxed, isolated, scriptless and has no preload', () => {
    const o = licensesWindowOptions('ja');
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false });
    expect(o.webPreferences?.preload).toBeUndefined();
    expect(o.title).toBe('サードパーティ ライセンス');
  });
});
