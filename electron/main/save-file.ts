/**
 * "Save report" in the desktop app: a native save dialog, then the file — text/markdown/JSON
 * from the renderer, or a PDF of the current window (webContents.printToPDF).
 *
 * The renderer only suggests a file name; the path always comes from the dialog the user
 * answered, so a compromised page cannot write anywhere by itself. Electron's dialog and
 * printToPDF come in as functions, so this runs under Vitest with real files.
 */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Lang } from '../../shared/models/device';
import type { SaveFileRequest, SaveFileResult } from '../../shared/models/app';
import { AppFailure } from '../../shared/result';

type Kind = SaveFileRequest['kind'];

export const SAVE_KINDS = {
  markdown: { ext: 'md', filter: { ja: 'Markdown 文書', en: 'Markdown document' } },
  text: { ext: 'txt', filter: { ja: 'テキスト', en: 'Plain text' } },
  json: { ext: 'json', filter: { ja: 'JSON データ', en: 'JSON data' } },
  pdf: { ext: 'pdf', filter: { ja: 'PDF 文書', en: 'PDF document' } },
  mobileconfig: { ext: 'mobileconfig', filter: { ja: 'Apple 構成プロファイル', en: 'Apple configuration profile' } },
  autoconfig: { ext: 'xml', filter: { ja: 'Thunderbird 自動設定ファイル', en: 'Thunderbird autoconfig file' } },
} as const satisfies Record<Kind, { ext: string; filter: Record<Lang, string> }>;

const DIALOG_TITLE = { ja: 'レポートを保存', en: 'Save report' } as const satisfies Record<Lang, string>;
const SETTINGS_DIALOG_TITLE = { ja: '設定ファイルを保存', en: 'Save settings file' } as const satisfies Record<Lang, string>;
/** A profile may carry the password (when the helpdesk asked for it): readable by its owner only. */
const PRIVATE_KINDS: ReadonlySet<Kind> = new Set(['mobileconfig']);

/**
 * Longest file name stem we suggest. Windows allows 255 UTF-16 units per name but the whole
 * path (Documents folder included) hits MAX_PATH at 260 in many tools, and Japanese names are
 * long in bytes on macOS/Linux (3 per character): 100 characters keeps every case safe.
 */
export const FILE_STEM_MAX_CHARS = 100;

/** A4 is the paper every Japanese office prints on; backgrounds keep the severity colours. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, landscape: false } as const;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** A file name safe on Windows, macOS and Linux, derived from the renderer's suggestion, with the kind's extension. */
export function safeFileName(suggested: string, kind: Kind): string {
  const { ext } = SAVE_KINDS[kind];
  const base = suggested.split(/[\\/]/).pop() ?? '';
  let stem = [...base]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (stem.toLowerCase().endsWith(`.${ext}`)) stem = stem.slice(0, -ext.length - 1);
  stem = stem.replace(/[. ]+$/g, '').replace(/^\.+/, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  stem = [...stem].slice(0, FILE_STEM_MAX_CHARS).join('');
  return `${stem || 'mail-doctor-report'}.${ext}`;
}

/** Linux file choosers do not always append the filter's extension; add it when missing. */
export function ensureExtension(filePath: string, kind: Kind): string {
  const { ext } = SAVE_KINDS[kind];
  return extname(filePath).toLowerCase() === `.${ext}` ? filePath : `${filePath}.${ext}`;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export interface SaveFileDeps {
  /** `dialog.showSaveDialog(window, options)`. */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** `webContents.printToPDF(PDF_OPTIONS)` of the window that asked. */
  printToPDF(): Promise<Uint8Array>;
  /** Folder the dialog opens in (the user's Documents). */
  defaultDir(): string;
  lang(): Lang;
}

const UTF8_BOM = '\ufeff';

export function createSaveFile(deps: SaveFileDeps): (req: SaveFileRequest) => Promise<SaveFileResult> {
  return async (req) => {
    if (req.kind !== 'pdf' && req.content === undefined) throw new AppFailure('E_BAD_REQUEST', `content is required for ${req.kind}`);
    const lang = deps.lang();
    const kind = SAVE_KINDS[req.kind];
    let defaultPath = join(deps.defaultDir(), safeFileName(req.suggestedName, req.kind));
    // Each round is one answer from the user, who can always cancel.
    for (;;) {
      const answer = await deps.showSaveDialog({
        title: (req.kind === 'mobileconfig' || req.kind === 'autoconfig' ? SETTINGS_DIALOG_TITLE : DIALOG_TITLE)[lang],
        defaultPath,
        filters: [{ name: kind.filter[lang], extensions: [kind.ext] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { saved: false };
      const path = ensureExtension(answer.filePath, req.kind);
      // The dialog asked "replace?" only about the name it returned. When we add the extension,
      // the file written is another one: never replace it unasked (flag 'wx' fails if it exists,
      // also if it appeared meanwhile); ask again with that exact name, so the dialog asks about it.
      const confirmed = path === answer.filePath;
      const data = req.kind === 'pdf' ? await deps.printToPDF() : req.kind === 'text' ? UTF8_BOM + req.content! : req.content!;
      try {
        // Plain text gets a BOM: older Windows Notepad and Excel otherwise read Japanese UTF-8 as Shift_JIS.
        await writeFile(path, data, { encoding: typeof data === 'string' ? 'utf8' : undefined, flag: confirmed ? 'w' : 'wx', ...(PRIVATE_KINDS.has(req.kind) ? { mode: 0o600 } : {}) });
      } catch (e) {
        if (!confirmed && (e as NodeJS.ErrnoException).code === 'EEXIST') {
          defaultPath = path;
          continue;
        }
        throw e;
      }
      return { saved: true, path };
    }
  };
}
