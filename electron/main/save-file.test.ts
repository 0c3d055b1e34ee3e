import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/result';
import { FILE_STEM_MAX_CHARS, PDF_OPTIONS, type SaveDialogOptions, createSaveFile, ensureExtension, safeFileName } from './save-file';

describe('safeFileName', () => {
  it('keeps Japanese names and adds the extension once', () => {
    expect(safeFileName('診断レポート 2026-11-28', 'pdf')).toBe('診断レポート 2026-11-28.pdf');
    expect(safeFileName('report.md', 'markdown')).toBe('report.md');
    expect(safeFileName('report.MD', 'markdown')).toBe('report.md');
  });

  it('drops folders and characters Windows refuses', () => {
    expect(safeFileName('../../etc/passwd', 'text')).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\x\\a<b>:c"d|e?f*g', 'text')).toBe('a_b__c_d_e_f_g.txt');
    expect(safeFileName('tab\tnew\nline', 'text')).toBe('tab_new_line.txt');
    expect(safeFileName('CON', 'text')).toBe('CON_.txt');
    expect(safeFileName('trailing dots...', 'json')).toBe('trailing dots.json');
    expect(safeFileName('...', 'json')).toBe('mail-doctor-report.json');
    expect(safeFileName('   ', 'pdf')).toBe('mail-doctor-report.pdf');
  });

  it('caps long names by characters, not bytes', () => {
    const name = safeFileName('あ'.repeat(300), 'pdf');
    expect([...name.replace(/\.pdf$/, '')].length).toBe(FILE_STEM_MAX_CHARS);
  });

  it('ensureExtension adds a missing extension only', () => {
    expect(ensureExtension('/tmp/a', 'pdf')).toBe('/tmp/a.pdf');
    expect(ensureExtension('/tmp/a.PDF', 'pdf')).toBe('/tmp/a.PDF');
    expect(ensureExtension('/tmp/a.txt', 'markdown')).toBe('/tmp/a.txt.md');
  });
});

describe('createSaveFile with real files', () => {
  let dir: string;
  let dialogs: SaveDialogOptions[];
  let answer: { canceled: boolean; filePath?: string };
  let printed = 0;
  // Bytes of a minimal PDF header: what printToPDF returns starts like this.
  const pdfBytes = Buffer.from('%PDF-1.7\n%…\n');
  const save = () =>
    createSaveFile({
      showSaveDialog: async (o) => {
        dialogs.push(o);
        return answer;
      },
      printToPDF: async () => {
        printed++;
        return pdfBytes;
      },
      defaultDir: () => dir,
      lang: () => 'ja',
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'md-save-'));
    dialogs = [];
    printed = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes markdown where the user chose, after a dialog in the user language with a safe default name', async () => {
    answer = { canceled: false, filePath: join(dir, 'chosen') };
    const r = await save()({ suggestedName: 'report/../x: 田中様', kind: 'markdown', content: '# 診断結果\n' });
    expect(r).toEqual({ saved: true, path: join(dir, 'chosen.md') });
    expect(await readFile(join(dir, 'chosen.md'), 'utf8')).toBe('# 診断結果\n');
    expect(dialogs[0]).toEqual({
      title: 'レポートを保存',
      defaultPath: join(dir, 'x_ 田中様.md'),
      filters: [{ name: 'Markdown 文書', extensions: ['md'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('plain text starts with a UTF-8 BOM so old Notepad reads Japanese right', async () => {
    answer = { canceled: false, filePath: join(dir, 'r.txt') };
    await save()({ suggestedName: 'r', kind: 'text', content: '接続できません' });
    const bytes = await readFile(join(dir, 'r.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('接続できません');
  });

  it('PDF: renders only after the user picked a path, and writes those bytes', async () => {
    answer = { canceled: false, filePath: join(dir, 'report.pdf') };
    const r = await save()({ suggestedName: 'report', kind: 'pdf' });
    expect(r.saved).toBe(true);
    expect(printed).toBe(1);
    expect((await readFile(join(dir, 'report.pdf'))).equals(pdfBytes)).toBe(true);
    expect(PDF_OPTIONS.pageSize).toBe('A4');
  });

  it('never replaces name.md when the dialog confirmed "name": asks again with name.md, then writes on a confirmed answer', async () => {
    await writeFile(join(dir, 'chosen.md'), 'the older report');
    const answers = [{ canceled: false, filePath: join(dir, 'chosen') }, { canceled: false, filePath: join(dir, 'chosen.md') }];
    const r = await createSaveFile({
      showSaveDialog: async (o) => (dialogs.push(o), answers.shift()!),
      printToPDF: async () => pdfBytes,
      defaultDir: () => dir,
      lang: () => 'en',
    })({ suggestedName: 'r', kind: 'markdown', content: 'new' });
    expect(dialogs.map((d) => d.defaultPath)).toEqual([join(dir, 'r.md'), join(dir, 'chosen.md')]);
    expect(r).toEqual({ saved: true, path: join(dir, 'chosen.md') });
    expect(await readFile(join(dir, 'chosen.md'), 'utf8')).toBe('new');
  });

  it('a second dialog cancelled keeps the existing name.md untouched', async () => {
    await writeFile(join(dir, 'chosen.md'), 'the older report');
    const answers = [{ canceled: false, filePath: join(dir, 'chosen') }, { canceled: true }];
    const r = await createSaveFile({
      showSaveDialog: async (o) => (dialogs.push(o), answers.shift()!),
      printToPDF: async () => pdfBytes,
      defaultDir: () => dir,
      lang: () => 'ja',
    })({ suggestedName: 'r', kind: 'markdown', content: 'new' });
    expect(r).toEqual({ saved: false });
    expect(await readFile(join(dir, 'chosen.md'), 'utf8')).toBe('the older report');
  });

  it('cancel writes nothing and renders nothing', async () => {
    answer = { canceled: true };
    expect(await save()({ suggestedName: 'report', kind: 'pdf' })).toEqual({ saved: false });
    expect(printed).toBe(0);
    await expect(stat(join(dir, 'report.pdf'))).rejects.toThrow();
  });

  it('text kinds without content are a bad request, before any dialog', async () => {
    answer = { canceled: false, filePath: join(dir, 'x.json') };
    await expect(save()({ suggestedName: 'x', kind: 'json' })).rejects.toBeInstanceOf(AppFailure);
    expect(dialogs).toEqual([]);
  });

  it('a folder that cannot be written surfaces as an error, not a false "saved"', async () => {
    answer = { canceled: false, filePath: join(dir, 'no-such-folder', 'r.md') };
    await expect(save()({ suggestedName: 'r', kind: 'markdown', content: 'x' })).rejects.toThrow(/ENOENT/);
  });
});
