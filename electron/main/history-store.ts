/**
 * Past cases on disk: one JSON file per case under the app's data folder (0700, files 0600), plus
 * an index of summaries so the list and its search never parse every case.
 *
 * Records are validated with the contract's schema on save and on load (a hand-edited or truncated
 * file is skipped, never crashes the app). A record can hold no password: the schema has no field
 * for one, and `assertNoSecrets` refuses the actual secret of a recent run in any of its forms and
 * any client-direction LOGIN/PASS/AUTH payload in a transcript that is not masked. Free text (a
 * pasted "-ERR PASS command failed", a note) is never refused for its wording.
 */
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CaseRecord, CaseSummary, type CaseProgress } from '../../shared/models/case';
import { AppFailure } from '../../shared/result';
import { containsSecret, secretForms } from '../../shared/security/secret-mask';
import { newRedactState, redactLine } from '../probes/redact';

/** Keeps the folder bounded; the oldest cases beyond this are pruned on save. */
export const HISTORY_MAX_CASES = 500;
/**
 * One case: up to 20 runs of a few probes; a real run's report is 20–150 KB (transcripts are capped
 * at 400 lines of 1 000 characters per probe), so 2 MB is ten full runs of headroom, and a case
 * bigger than that is a bug or an attack, not a helpdesk call.
 */
export const HISTORY_MAX_CASE_BYTES = 2 * 1024 * 1024;
/** The whole folder: oldest cases are pruned beyond this, whatever their count (500 × 2 MB would be 1 GB). */
export const HISTORY_MAX_TOTAL_BYTES = 200 * 1024 * 1024;
/** Secrets of this many recent runs are remembered (in memory only) for the save guard. */
const RECENT_SECRETS = 8;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** Starts with a dot, so no case id (SAFE_ID) can ever name it. */
const INDEX_FILE = '.index.json';

export interface HistoryStore {
  list(query?: string): Promise<CaseSummary[]>;
  get(id: string): Promise<CaseRecord>;
  save(record: CaseRecord): Promise<{ id: string }>;
  /** Update only the checklist, notes and outcome of a saved case (a checklist tick sends no reports). */
  saveProgress(progress: CaseProgress): Promise<{ id: string }>;
  remove(id: string): Promise<{ deleted: boolean }>;
  /**
   * The password of a run that just started: a case saved later must not contain it. Kept in
   * this process's memory only (it is already there for the run), for the last few runs.
   */
  noteSecret?(user: string | undefined, password: string | undefined): void;
}

interface IndexEntry {
  summary: CaseSummary;
  /** Lower-cased text the search looks in (ticket, customer name, address, device, error text, notes, run labels). */
  search: string;
  bytes: number;
}

function summaryOf(r: CaseRecord): CaseSummary {
  // A cancelled run says nothing about the case: the row shows the last finished one.
  const done = r.runs.filter((x) => !x.report.cancelled);
  const last = (done[done.length - 1] ?? r.runs[r.runs.length - 1])?.report;
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    email: r.email,
    ...(r.ticket ? { ticket: r.ticket } : {}),
    ...(r.customer ? { customer: r.customer } : {}),
    ...(r.device ? { device: r.device } : {}),
    ...(last?.findings[0] ? { topFinding: last.findings[0].code } : {}),
    ...(last ? { ok: last.ok } : {}),
    ...(r.outcome?.problem ? { problem: r.outcome.problem } : {}),
    ...(r.outcome ? { final: r.outcome.final } : {}),
    runs: done.length,
  };
}

function entryOf(r: CaseRecord, bytes: number): IndexEntry {
  return { summary: summaryOf(r), search: JSON.stringify([r.ticket, r.customer, r.email, r.device, r.errorText, r.notes, r.runs.map((x) => x.label), r.outcome?.problem]).toLowerCase(), bytes };
}

function isEntry(x: unknown): x is IndexEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<IndexEntry>;
  return CaseSummary.safeParse(e.summary).success && typeof e.search === 'string' && typeof e.bytes === 'number';
}

export function createHistoryStore(dir: string): HistoryStore {
  const file = (id: string) => {
    if (!SAFE_ID.test(id)) throw new AppFailure('E_BAD_REQUEST', 'invalid case id');
    return join(dir, `${id}.json`);
  };
  const recentSecrets: string[][] = [];
  let index: Map<string, IndexEntry> | undefined;
  // Saves and deletes run one at a time, so the index and the files never disagree.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function ensureDir(): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode does not change a folder that already exists (an older version made it 0755).
    await chmod(dir, 0o700);
  }

  /** From the index file, or rebuilt from the case files once when it is missing or damaged. */
  async function loadIndex(): Promise<Map<string, IndexEntry>> {
    if (index) return index;
    try {
      const raw = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as { entries?: unknown };
      if (Array.isArray(raw.entries) && raw.entries.every(isEntry)) {
        index = new Map(raw.entries.map((e) => [e.summary.id, e]));
        return index;
      }
    } catch {
      /* missing or damaged: rebuild below */
    }
    const rebuilt = new Map<string, IndexEntry>();
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      /* no folder yet: empty history */
    }
    for (const n of names.filter((x) => x.endsWith('.json') && !x.startsWith('.'))) {
      try {
        const text = await readFile(join(dir, n), 'utf8');
        const parsed = CaseRecord.safeParse(JSON.parse(text));
        if (parsed.success && SAFE_ID.test(parsed.data.id)) rebuilt.set(parsed.data.id, entryOf(parsed.data, Buffer.byteLength(text)));
      } catch {
        // unreadable or half-written file (or a folder named x.json): skip it rather than lose the whole list
      }
    }
    index = rebuilt;
    if (names.length) await writeIndex().catch(() => undefined);
    return index;
  }

  async function writeIndex(): Promise<void> {
    if (!index) return;
    await ensureDir();
    const target = join(dir, INDEX_FILE);
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: 1, entries: [...index.values()] }), { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, target);
  }

  const newestFirst = (a: IndexEntry, b: IndexEntry) => b.summary.updatedAt.localeCompare(a.summary.updatedAt);

  async function read(id: string): Promise<CaseRecord> {
    try {
      const parsed = CaseRecord.safeParse(JSON.parse(await readFile(file(id), 'utf8')));
      if (parsed.success) return parsed.data;
    } catch (e) {
      if (e instanceof AppFailure) throw e;
    }
    throw new AppFailure('E_NOT_FOUND', `case ${id} not found`);
  }

  /** Validate, guard and write one case; only ever called inside serial(). */
  async function write(record: CaseRecord): Promise<{ id: string }> {
    const parsed = CaseRecord.parse(record);
    const text = JSON.stringify(parsed, null, 1);
    const bytes = Buffer.byteLength(text);
    if (bytes > HISTORY_MAX_CASE_BYTES) {
      throw new AppFailure('E_BAD_REQUEST', `case too large to save (${bytes} bytes, at most ${HISTORY_MAX_CASE_BYTES})`, { reason: 'too-large', bytes });
    }
    assertNoSecrets(parsed, recentSecrets.flat());
    const idx = await loadIndex();
    await ensureDir();
    const target = file(parsed.id);
    // Write then rename, so a crash mid-write never leaves a truncated case.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, text, { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, target);
    idx.set(parsed.id, entryOf(parsed, bytes));
    let total = 0;
    for (const [i, e] of [...idx.values()].sort(newestFirst).entries()) {
      total += e.bytes;
      if (i >= HISTORY_MAX_CASES || (total > HISTORY_MAX_TOTAL_BYTES && e.summary.id !== parsed.id)) {
        await rm(file(e.summary.id), { force: true });
        idx.delete(e.summary.id);
      }
    }
    await writeIndex();
    return { id: parsed.id };
  }

  return {
    noteSecret(user, password) {
      const forms = secretForms(user, password);
      if (!forms.length) return;
      recentSecrets.unshift(forms);
      recentSecrets.length = Math.min(recentSecrets.length, RECENT_SECRETS);
    },

    async list(query) {
      const q = query?.trim().toLowerCase();
      const all = [...(await loadIndex()).values()].sort(newestFirst);
      return all.filter((e) => !q || e.search.includes(q)).map((e) => e.summary);
    },

    get: read,

    save: (record) => serial(() => write(record)),

    saveProgress: (p) =>
      serial(async () => {
        const current = await read(p.id);
        const next: CaseRecord = { ...current, checklist: p.checklist, updatedAt: new Date().toISOString() };
        if (p.notes !== undefined) next.notes = p.notes;
        if (p.outcome) next.outcome = p.outcome;
        return write(next);
      }),

    remove: (id) =>
      serial(async () => {
        const target = file(id);
        const idx = await loadIndex();
        try {
          await rm(target);
        } catch {
          if (!idx.delete(id)) return { deleted: false };
          await writeIndex();
          return { deleted: false };
        }
        idx.delete(id);
        await writeIndex();
        return { deleted: true };
      }),
  };
}

/** Client lines that carry credentials when unmasked (the redactor's command rules decide what is masked). */
const CREDENTIAL_COMMAND = /^(\S+\s+)?(LOGIN|AUTHENTICATE|AUTH|PASS|APOP)\b/i;

/**
 * Last line of defence before disk. Refuses (1) any form of the actual password of a recent run —
 * exact, each line of it, base64, URL-encoded, any letter case — anywhere in the record, and
 * (2) a client-direction LOGIN/PASS/AUTH line, or the SASL continuation after it, that the
 * transcript redactor would still change (i.e. one that slipped through unmasked).
 * Server lines and free text are never refused for their wording.
 */
export function assertNoSecrets(record: CaseRecord, secrets: readonly string[] = []): void {
  const refuse = (why: string) => {
    throw new AppFailure('E_BAD_REQUEST', `refusing to store a secret (${why})`, { reason: 'secret' });
  };
  if (secrets.length && containsSecret(JSON.stringify(record), secrets)) refuse('the password of a recent run');
  for (const run of record.runs) {
    for (const probe of run.report.probes) {
      const state = newRedactState();
      for (const line of probe.transcript) {
        const inSasl = state.saslContinuation;
        const redacted = redactLine(line.dir, line.text, state, []);
        if (line.dir === 'c' && (inSasl || CREDENTIAL_COMMAND.test(line.text)) && redacted !== line.text) refuse('an unmasked credential in a transcript');
      }
    }
  }
}
