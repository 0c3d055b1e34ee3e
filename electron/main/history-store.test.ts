import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/models/case';
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

  it('never writes something that looks like a secret', async () => {
    const s = createHistoryStore(dir);
    const bad = { ...record('s1', 'a@b.jp', '2026-11-01T10:00:00Z'), notes: 'AUTH PLAIN AGFsaWNlAGh1bnRlcjI=' };
    await expect(s.save(bad)).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
    expect(await readdir(dir).catch(() => [])).toEqual([]);
    await expect(s.save({ ...bad, notes: 'PASS hunter2' })).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
  });

  it('keeps capability lines and redacted transcripts, which are not secrets', async () => {
    const s = createHistoryStore(dir);
    const ok = { ...record('c1', 'a@b.jp', '2026-11-01T10:00:00Z'), notes: '250-AUTH PLAIN LOGIN\n+OK SASL PLAIN LOGIN\nAUTH PLAIN ****\nPASS ****\na1 LOGIN alice ****' };
    await expect(s.save(ok)).resolves.toEqual({ id: 'c1' });
  });
});
