import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/models/case';
import type { TranscriptLine } from '../../shared/models/probe';
import { port25Report } from '../../test/fixtures/sample-report';
import { createHistoryStore } from './history-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'md-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function record(id: string, email: string, updatedAt: string): CaseRecord {
  return { id, createdAt: updatedAt, updatedAt, email, device: 'iphone', errorText: 'Cannot Get Mail', runs: [], checklist: { airplane: { status: 'done' } }, notes: 'called back' };
}

function withTranscript(r: CaseRecord, transcript: TranscriptLine[]): CaseRecord {
  const report = port25Report();
  return { ...r, runs: [{ label: 'office', report: { ...report, probes: [{ ...report.probes[0]!, transcript }] } }] };
}

describe('history store', () => {
  it('saves, lists newest first, searches, reopens and deletes cases', async () => {
    const s = createHistoryStore(dir);
    await s.save(record('a1', 'taro@example.jp', '2026-11-01T10:00:00Z'));
    await s.save(record('b2', 'hanako@example.jp', '2026-11-02T10:00:00Z'));
    expect((await s.list()).map((c) => c.id)).toEqual(['b2', 'a1']);
    expect((await s.list('taro')).map((c) => c.id)).toEqual(['a1']);
    expect((await s.get('a1')).checklist.airplane?.status).toBe('done');
    expect(await s.remove('a1')).toEqual({ deleted: true });
    expect(await s.remove('a1')).toEqual({ deleted: false });
    await expect(s.get('a1')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('a checklist tick updates only the progress of a saved case; a row shows what was wrong and the final state', async () => {
    const s = createHistoryStore(dir);
    await s.save({ ...record('p1', 'taro@example.jp', '2026-11-01T10:00:00Z'), outcome: { problem: { ja: 'ポート25番', en: 'Port 25' }, final: 'ok' } });
    await s.saveProgress({ id: 'p1', checklist: { 'smtp-port': { status: 'fixed', note: '25 → 465' } } });
    const rec = await s.get('p1');
    expect(rec.checklist).toEqual({ 'smtp-port': { status: 'fixed', note: '25 → 465' } });
    expect(rec.notes).toBe('called back');
    const [row] = await s.list('port 25');
    expect(row).toMatchObject({ id: 'p1', problem: { en: 'Port 25' }, final: 'ok', runs: 0 });
    await expect(s.saveProgress({ id: 'nope', checklist: {} })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('finds a case by its ticket number or customer name; the summary says what was wrong first and the final state', async () => {
    const s = createHistoryStore(dir);
    const healthy = { ...port25Report(), ok: true, findings: [] };
    await s.save({ ...record('t1', 'taro@example.jp', '2026-11-01T10:00:00Z'), ticket: 'HD-1201', customer: '山田 太郎', runs: [{ label: '', report: port25Report() }, { label: '', report: healthy }] });
    await s.save(record('t2', 'hanako@example.jp', '2026-11-02T10:00:00Z'));
    expect((await s.list('hd-1201')).map((c) => c.id)).toEqual(['t1']);
    expect((await s.list('山田')).map((c) => c.id)).toEqual(['t1']);
    const [summary] = await s.list('HD-1201');
    expect(summary).toMatchObject({ ticket: 'HD-1201', customer: '山田 太郎', ok: true });
  });

  it('refuses ids that could escape the folder', async () => {
    const s = createHistoryStore(dir);
    await expect(s.get('../etc/passwd')).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
  });

  it('skips corrupt files instead of failing the whole list', async () => {
    const s = createHistoryStore(dir);
    await s.save(record('ok1', 'a@b.jp', '2026-11-01T10:00:00Z'));
    await writeFile(join(dir, 'history-garbage.json'), '{"id": "x", trunc');
    expect((await s.list()).map((c) => c.id)).toEqual(['ok1']);
  });

  it('never writes the password of a recent run, in any of its forms', async () => {
    const s = createHistoryStore(dir);
    s.noteSecret?.('alice', 'hunter2-Secret');
    const base = record('s1', 'a@b.jp', '2026-11-01T10:00:00Z');
    for (const notes of ['customer said hunter2-Secret', 'HUNTER2-SECRET', encodeURIComponent('hunter2-Secret'), Buffer.from('\0alice\0hunter2-Secret').toString('base64')]) {
      await expect(s.save({ ...base, notes })).rejects.toMatchObject({ code: 'E_BAD_REQUEST', details: { reason: 'secret' } });
    }
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('refuses an unmasked client LOGIN/PASS/AUTH line in a transcript', async () => {
    const s = createHistoryStore(dir);
    for (const lines of [
      [{ t: 1, dir: 'c' as const, text: 'PASS hunter2' }],
      [{ t: 1, dir: 'c' as const, text: 'a1 LOGIN alice hunter2' }],
      [{ t: 1, dir: 'c' as const, text: 'AUTH LOGIN' }, { t: 2, dir: 's' as const, text: '334 UGFzc3dvcmQ6' }, { t: 3, dir: 'c' as const, text: 'aHVudGVyMg==' }],
    ]) {
      await expect(s.save(withTranscript(record('t1', 'a@b.jp', '2026-11-01T10:00:00Z'), lines))).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
    }
  });

  it('keeps free text, server replies, capability lines and redacted transcripts', async () => {
    const s = createHistoryStore(dir);
    s.noteSecret?.('alice', 'correct-horse');
    const notes = '-ERR PASS command failed\nPASS hunter2 (what the customer typed, pasted by the agent)\nAUTH PLAIN AGFsaWNlAGh1bnRlcjI=\n250-AUTH PLAIN LOGIN';
    const lines = [
      { t: 1, dir: 's' as const, text: '+OK POP3 ready' },
      { t: 2, dir: 'c' as const, text: 'USER alice' },
      { t: 3, dir: 'c' as const, text: 'PASS ****' },
      { t: 4, dir: 's' as const, text: '-ERR [AUTH] PASS rejected' },
      { t: 5, dir: 'c' as const, text: 'a1 LOGIN alice ****' },
      { t: 6, dir: 'c' as const, text: 'AUTH PLAIN ****' },
    ];
    await expect(s.save({ ...withTranscript(record('c1', 'a@b.jp', '2026-11-01T10:00:00Z'), lines), notes })).resolves.toEqual({ id: 'c1' });
  });

  it('refuses a case above the size cap, and keeps the folder private', async () => {
    const s = createHistoryStore(dir);
    const big = withTranscript(record('big', 'a@b.jp', '2026-11-01T10:00:00Z'), Array.from({ length: 400 }, (_, i) => ({ t: i, dir: 's' as const, text: 'x'.repeat(1000) })));
    const huge = { ...big, runs: Array.from({ length: 8 }, () => big.runs[0]!) };
    await expect(s.save(huge)).rejects.toMatchObject({ code: 'E_BAD_REQUEST', details: { reason: 'too-large' } });
    await s.save(record('small', 'a@b.jp', '2026-11-01T10:00:00Z'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'small.json'))).mode & 0o777).toBe(0o600);
  });

  it('lists from the index without reading the cases; rebuilds a missing index once', async () => {
    const s = createHistoryStore(dir);
    await s.save(record('a1', 'taro@example.jp', '2026-11-01T10:00:00Z'));
    await s.save({ ...record('b2', 'hanako@example.jp', '2026-11-02T10:00:00Z'), notes: 'Wi-Fi at the office' });
    // A damaged case file does not change the list: the index answers.
    await writeFile(join(dir, 'a1.json'), 'garbage');
    expect((await s.list('office')).map((c) => c.id)).toEqual(['b2']);
    expect((await s.list()).map((c) => c.id)).toEqual(['b2', 'a1']);
    // A fresh store over a folder without its index rebuilds it from the files that parse.
    await rm(join(dir, '.index.json'));
    expect((await createHistoryStore(dir).list()).map((c) => c.id)).toEqual(['b2']);
  });

  it('a folder named like a case is "not found", not a crash', async () => {
    const s = createHistoryStore(dir);
    await mkdir(join(dir, 'd1.json'), { recursive: true });
    await expect(s.get('d1')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(await s.list()).toEqual([]);
  });
});
