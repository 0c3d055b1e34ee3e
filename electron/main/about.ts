/**
 * Help → About: version facts in a native message box (the helpdesk reads them out on the
 * phone), and a "Licences" button that opens the third-party notices in a small locked-down
 * window. Pure builders plus a thin `showAbout` that takes Electron's pieces as parameters.
 */
import type { BrowserWindowConstructorOptions, MessageBoxOptions } from 'electron';
import type { Lang } from '../../shared/models/device';
import type { LicenseList } from './licenses';

export interface AboutFacts {
  productName: string;
  version: string;
  versions: { electron?: string; chrome?: string; node?: string };
  platform: string;
  arch: string;
}

const TEXT = {
  ja: {
    title: 'メールドクターについて',
    message: 'メールドクター (Mail Doctor) {version}',
    tagline: 'メールがつながらない理由を見つけて、直し方を案内します。',
    runtime: 'Electron {electron} / Chromium {chrome} / Node.js {node}',
    os: 'OS: {platform} ({arch})',
    licenseCount: 'このアプリは {n} 個のオープンソース ライブラリを使っています。',
    ok: 'OK',
    licenses: 'ライセンス…',
    licensesTitle: 'サードパーティ ライセンス',
    licensesIntro: 'メールドクター {version} に含まれるオープンソース ソフトウェアとそのライセンスです。',
    usedByMain: 'アプリ本体',
    usedByRenderer: '画面 (UI)',
    noLicenses: 'ライセンス一覧はパッケージ版でのみ表示されます (開発中のビルドには含まれていません)。',
    noText: '(ライセンス本文はパッケージに含まれていません)',
  },
  en: {
    title: 'About Mail Doctor',
    message: 'Mail Doctor (メールドクター) {version}',
    tagline: 'Finds out why a mail account cannot connect and walks you through the fix.',
    runtime: 'Electron {electron} / Chromium {chrome} / Node.js {node}',
    os: 'OS: {platform} ({arch})',
    licenseCount: 'This app uses {n} open-source libraries.',
    ok: 'OK',
    licenses: 'Licences…',
    licensesTitle: 'Third-party licences',
    licensesIntro: 'Open-source software included in Mail Doctor {version}, with its licences.',
    usedByMain: 'app core',
    usedByRenderer: 'user interface',
    noLicenses: 'The licence list is shown in packaged builds only (this development build has none).',
    noText: '(the package ships no licence text)',
  },
} as const satisfies Record<Lang, Record<string, string>>;

function fill(t: string, p: Record<string, string | number | undefined>): string {
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (p[k] !== undefined ? String(p[k]) : '?'));
}

export const ABOUT_BUTTON = { ok: 0, licenses: 1 } as const;

export function aboutDialogOptions(facts: AboutFacts, lang: Lang, licenses: LicenseList | undefined): MessageBoxOptions {
  const t = TEXT[lang];
  const detail = [
    t.tagline,
    '',
    fill(t.runtime, facts.versions),
    fill(t.os, { platform: facts.platform, arch: facts.arch }),
    ...(licenses ? ['', fill(t.licenseCount, { n: licenses.packages.length })] : []),
    '',
    '© 2026 Mail Doctor team',
  ].join('\n');
  return {
    type: 'info',
    title: t.title,
    message: fill(t.message, { version: facts.version }),
    detail,
    buttons: [t.ok, t.licenses],
    defaultId: ABOUT_BUTTON.ok,
    cancelId: ABOUT_BUTTON.ok,
    noLink: true,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** No script, no network, no frames: the page is static text. */
export const LICENSES_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The notices as a self-contained HTML page (every value escaped: licence texts are third-party input). */
export function renderLicensesHtml(list: LicenseList | undefined, lang: Lang, appVersion: string): string {
  const t = TEXT[lang];
  const body = !list
    ? `<p>${escapeHtml(t.noLicenses)}</p>`
    : list.packages
        .map((p) => {
          const where = p.usedBy === 'main' ? t.usedByMain : t.usedByRenderer;
          const repo = p.repository ? `<div class="repo">${escapeHtml(p.repository)}</div>` : '';
          const text = p.text ? `<pre>${escapeHtml(p.text)}</pre>` : `<p class="muted">${escapeHtml(t.noText)}</p>`;
          return `<section><h2>${escapeHtml(p.name)} <span class="v">${escapeHtml(p.version)}</span></h2><div class="meta">${escapeHtml(p.license)} · ${escapeHtml(where)}</div>${repo}${text}</section>`;
        })
        .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${LICENSES_CSP}">
<title>${escapeHtml(t.licensesTitle)}</title>
<style>
body{font:13px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif;margin:16px 20px;color:#1b1d21;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#1b1d21}pre{background:#25282d!important}}
h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:18px 0 2px}.v,.meta,.repo,.muted{color:#6b7280;font-weight:normal}
pre{white-space:pre-wrap;word-break:break-word;background:#f4f5f7;padding:8px;border-radius:6px;font-size:11.5px;max-height:240px;overflow:auto}
</style></head><body>
<h1>${escapeHtml(t.licensesTitle)}</h1>
<p>${escapeHtml(fill(t.licensesIntro, { version: appVersion }))}</p>
${body}
</body></html>`;
}

/** The licences window: no preload, no script, sandboxed; a child of the main window. */
export function licensesWindowOptions(lang: Lang): BrowserWindowConstructorOptions {
  return {
    width: 720,
    height: 640,
    minWidth: 480,
    minHeight: 360,
    title: TEXT[lang].licensesTitle,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

export function licensesDataUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export interface AboutDeps {
  facts: AboutFacts;
  lang: Lang;
  licenses(): LicenseList | undefined;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  /** Open (or focus) the licences window with this page. */
  openLicensesWindow(url: string, options: BrowserWindowConstructorOptions): void;
}

export async function showAbout(deps: AboutDeps): Promise<void> {
  const list = deps.licenses();
  const { response } = await deps.showMessageBox(aboutDialogOptions(deps.facts, deps.lang, list));
  if (response === ABOUT_BUTTON.licenses) {
    deps.openLicensesWindow(licensesDataUrl(renderLicensesHtml(list, deps.lang, deps.facts.version)), licensesWindowOptions(deps.lang));
  }
}
