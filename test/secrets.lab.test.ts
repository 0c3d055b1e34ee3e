/**
 * The password never leaves in any artefact. Real diagnoses against the lab's Dovecot and
 * Postfix (IMAP, POP3 and SMTP; implicit TLS and STARTTLS; an accepted login and a refused one
 * with a distinctive password), then every artefact a helpdesk user can produce is searched for
 * the password in plain, in any letter case, URL-encoded, and in the base64 forms AUTH LOGIN
 * and AUTH PLAIN send: the CLI's human output (ja, en) and stderr, its JSON (which holds the
 * transcripts), the ticket report as text and Markdown, the saved case files of History, and
 * the web host's every WebSocket frame (progress, results, history answers), logs and files.
 * The PDF (the report screen printed by Chromium) is searched the same way by
 * e2e/report-pdf-secrets.web.spec.ts, with the forms from secret-forms.ts.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labOrNull, labSkipReason } from './lab/lab-context';
import type { DiagnoseReport } from '../shared/models/probe';
import { composeDiagnosis } from '../shared/knowledge/composer/composer';
import { caseStory } from '../shared/knowledge/composer/case-story';
import { buildReportText } from '../renderer/view/report-text';
import { createHistoryStore } from '../electron/main/history-store';
import type { CliIo } from '../electron/cli/command';
import { main } from '../electron/cli/main';
import { invoke, startWebHostChild } from './lab/hostile/web-host-child-process';
import { DISTINCT_PASSWORD, secretHits } from './secret-forms';

const lab = labOrNull();

const DISTINCT = DISTINCT_PASSWORD;

function io(env: Record<string, string>): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), readStdin: async () => '', env: { LANG: 'en_US.UTF-8', ...env }, color: false };
  return o;
}

async function filesUnder(dir: string): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push({ name: join(e.parentPath, e.name), text: await readFile(join(e.parentPath, e.name), 'utf8') });
  }
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.skipIf(lab?.mode !== 'full')(`secrets in every artefact${lab?.mode === 'full' ? '' : ` (${lab?.limitedReason ?? labSkipReason()})`}`, () => {
  const L = lab!;
  const user = 'alice@lab.test';
  const serverSets = [
    ['--imap', 'mail.lab.test:993', '--pop3', 'mail.lab.test:995', '--smtp', 'mail.lab.test:465'],
    ['--imap', 'mail.lab.test:143:starttls', '--pop3', 'mail.lab.test:110:starttls', '--smtp', 'mail.lab.test:587:starttls'],
  ];
  const passwords = [
    { label: 'accepted', pw: L?.users.alice.password ?? '' },
    { label: 'refused', pw: DISTINCT },
  ];

  it.each(passwords.flatMap((p) => serverSets.map((s, i) => ({ ...p, servers: s, set: i === 0 ? 'implicit TLS' : 'STARTTLS' }))))(
    '$label password over $set: zero hits in CLI output, JSON, transcripts, reports and history',
    async ({ pw, servers, label }) => {
      const base = ['diagnose', user, ...servers, '--password-env', 'MD_PW', '--dns-server', L.dnsServer, '--ca', L.caFile, '--timeout', '8000', '--no-alternatives'];
      const artefacts: Array<{ name: string; text: string }> = [];
      for (const lang of ['ja', 'en']) {
        const h = io({ MD_PW: pw });
        await main([...base, '--lang', lang], h);
        artefacts.push({ name: `human ${lang} stdout`, text: h.out }, { name: `human ${lang} stderr`, text: h.err });
      }
      const j = io({ MD_PW: pw });
      await main([...base, '--json', '--device', 'iphone', '--error-text', 'Cannot get mail'], j);
      artefacts.push({ name: 'json stdout', text: j.out }, { name: 'json stderr', text: j.err });
      const report = JSON.parse(j.out) as DiagnoseReport;

      // The run really got as far as sending credentials, so the test proves something.
      const logins = report.probes.filter((p) => p.role === 'configured').map((p) => p.login);
      expect(logins).toEqual(label === 'accepted' ? ['ok', 'ok', 'ok'] : ['failed', 'failed', 'failed']);
      expect(j.out).toContain('****');

      for (const lang of ['ja', 'en'] as const) {
        const d = composeDiagnosis({ report, device: 'iphone', lang });
        for (const format of ['text', 'markdown'] as const) {
          // No secrets handed to the scrubber: the report must be clean from the engine on.
          const text = buildReportText(
            { createdAt: '2026-12-01 10:00', email: user, device: 'iphone', deviceLabel: 'iPhone', errorText: 'Cannot get mail', report, headline: d.headline, causes: d.causes, story: caseStory({ device: 'iphone', errorText: 'Cannot get mail' }, [{ label: 'office Wi-Fi', report }], lang), deviceSettings: {}, checklist: [], progress: {} },
            lang,
            format,
            [],
          );
          artefacts.push({ name: `report ${lang} ${format}`, text });
        }
      }

      const dir = await mkdtemp(join(tmpdir(), 'md-secrets-'));
      dirs.push(dir);
      const store = createHistoryStore(join(dir, 'history'));
      store.noteSecret?.(pw);
      await store.save({
        id: `case-${label}-${Date.now()}`,
        createdAt: '2026-12-01T10:00:00.000Z',
        updatedAt: '2026-12-01T10:05:00.000Z',
        email: user,
        device: 'iphone',
        errorText: 'Cannot get mail',
        runs: [{ label: 'office Wi-Fi', report }],
        checklist: {},
        notes: 'customer says: "-ERR PASS command failed"',
      });
      const saved = await filesUnder(dir);
      expect(saved.length).toBeGreaterThan(0);
      artefacts.push(...saved);

      // The search itself works: the address, which is not secret, is found in the outputs, the reports and the saved case.
      const withAddress = artefacts.filter((a) => a.text.includes(user)).map((a) => a.name);
      expect(withAddress).toEqual(expect.arrayContaining(['human ja stdout', 'human en stdout', 'json stdout', 'report ja text', 'report en markdown']));
      expect(withAddress.some((n) => n.endsWith('.json') && n.includes('history'))).toBe(true);
      const hits = artefacts.flatMap((a) => secretHits(a.name, a.text, user, pw));
      expect(hits).toEqual([]);
    },
    60_000,
  );

  it('through the web host: every frame it sends, its log output and its history files', async () => {
    const host = await startWebHostChild();
    try {
      const ws = await host.open();
      const frames: string[] = [];
      let id = 0;
      for (const { pw } of passwords) {
        const r = await invoke(
          ws,
          ++id,
          'diagnose:run',
          {
            runId: `web-${id}`,
            account: { email: user, password: pw, imap: { host: 'mail.lab.test', port: 993, security: 'tls' }, pop3: { host: 'mail.lab.test', port: 110, security: 'starttls' }, smtp: { host: 'mail.lab.test', port: 587, security: 'starttls' } },
            options: { dnsServer: L.dnsServer, caPem: L.caPem, timeoutMs: 8000, tryAlternatives: false },
          },
          frames,
        );
        expect(r.ok).toBe(true);
        const report = r.value as DiagnoseReport;
        expect(report.probes.map((p) => p.login)).toEqual(pw === DISTINCT ? ['failed', 'failed', 'failed'] : ['ok', 'ok', 'ok']);
        const saved = await invoke(ws, ++id, 'history:save', { id: `web-case-${id}`, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:05:00.000Z', email: user, runs: [{ label: 'web', report }], checklist: {} }, frames);
        expect(saved.ok).toBe(true);
        await invoke(ws, ++id, 'history:get', { id: `web-case-${id - 1}` }, frames);
      }
      await invoke(ws, ++id, 'history:list', {}, frames);
      ws.close();
      expect(frames.some((f) => f.includes('"diagnose:progress"') || f.includes('"event"'))).toBe(true);
      const files = await filesUnder(host.dataDir);
      expect(files.some((f) => f.name.endsWith('.json'))).toBe(true);
      const artefacts = [{ name: 'frames', text: frames.join('\n') }, { name: 'host output', text: host.output() }, ...files];
      const hits = passwords.flatMap(({ pw }) => artefacts.flatMap((a) => secretHits(a.name, a.text, user, pw)));
      expect(hits).toEqual([]);
    } finally {
      await host.stop();
    }
  }, 120_000);
});
