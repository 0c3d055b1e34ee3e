/**
 * Past cases on disk: one JSON file per case under the app's data folder.
 *
 * Records are validated with the contract's schema on save and on load (a
 * hand-edited or truncated file is skipped, never crashes the app). A record
 * can hold no password: the schema has no field for one, and `assertNoSecrets`
 * refuses anything that looks like an AUTH payload slipped into a transcript.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CaseRecord, type CaseSummary } from '../../shared/models/case';
import { AppFailure } from '../../shared/result';

/** Keeps the list fast and the folder bounded; the oldest cases beyond this are pruned on save. */
export const HISTORY_MAX_CASES = 500;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface HistoryStore {
  list(query?: string): Promise<CaseSummary[]>;
  get(id: string): Promise<CaseRecord>;
  save(record: CaseRecord): Promise<{ id: string }>;
  remove(id: string): Promise<{ deleted: boolean }>;
}

export function createHistoryStore(dir: string): HistoryStore {
  const file = (id: string) => {
    if (!SAFE_ID.test(id)) throw new AppFailure('E_BAD_REQUEST', 'invalid case id');
    return join(dir, `${id}.json`);
  };

  async function readAll(): Promise<CaseRecord[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    const out: CaseRecord[] = [];
    for (const n of names.filter((x) => x.endsWith('.json'))) {
      try {
        const parsed = CaseRecord.safeParse(JSON.parse(await readFile(join(dir, n), 'utf8')));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // unreadable or half-written file: skip it rather than lose the whole list
      }
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  return {
    async list(query) {
      const q = query?.trim().toLowerCase();
      const all = await readAll();
      return all
        .filter((r) => !q || JSON.stringify([r.email, r.device, r.errorText, r.notes, r.runs.map((x) => x.label)]).toLowerCase().includes(q))
        .map((r) => {
          const last = r.runs[r.runs.length - 1]?.report;
          return {
            id: r.id,
            createdAt: r.createdAt,
            updatedAt: r.updatedAt,
            email: r.email,
            device: r.device,
            topFinding: last?.findings[0]?.code,
            ok: last?.ok,
          };
        });
    },

    async get(id) {
      try {
        const parsed = CaseRecord.safeParse(JSON.parse(await readFile(file(id), 'utf8')));
        if (parsed.success) return parsed.data;
      } catch (e) {
        if (e instanceof AppFailure) throw e;
      }
      throw new AppFailure('E_NOT_FOUND', `case ${id} not found`);
    },

    async save(record) {
      const parsed = CaseRecord.parse(record);
      assertNoSecrets(JSON.stringify(parsed));
      await mkdir(dir, { recursive: true });
      const target = file(parsed.id);
      // Write then rename, so a crash mid-write never leaves a truncated case.
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(parsed, null, 1), { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, target);
      const all = await readAll();
      for (const old of all.slice(HISTORY_MAX_CASES)) await rm(file(old.id), { force: true });
      return { id: parsed.id };
    },

    async remove(id) {
      try {
        await rm(file(id));
        return { deleted: true };
      } catch (e) {
        if (e instanceof AppFailure) throw e;
        return { deleted: false };
      }
    },
  };
}

/**
 * Last line of defence: a password field, a POP3 PASS argument or an AUTH PLAIN
 * payload must never reach disk. Capability lines ("AUTH PLAIN LOGIN", "SASL PLAIN")
 * are fine: only a base64 payload that decodes to the NUL-separated PLAIN form counts.
 */
export function assertNoSecrets(text: string): void {
  const refuse = () => {
    throw new AppFailure('E_BAD_REQUEST', 'refusing to store something that looks like a secret');
  };
  if (/"(password|pass|passwd)"\s*:/i.test(text)) refuse();
  if (/(^|[\s"])PASS (?!\*)\S+/.test(text)) refuse();
  for (const m of text.matchAll(/AUTH(?:ENTICATE)? PLAIN\s+([A-Za-z0-9+/=]{8,})/g)) {
    if (Buffer.from(m[1]!, 'base64').includes(0)) refuse();
  }
}
