/**
 * Watch mode against the lab, with the lab changing between runs: a scripted IMAP server on
 * the lab's `closed` host (nothing else listens there) changes its certificate after the
 * first run and is stopped after the second, so the timeline must say "certificate rotated"
 * and then "port started refusing". The watch's interval is the product's (minutes); the test's
 * clock skips the waits and records them, so the runs happen back to back against the real lab.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnoseReport as DiagnoseReportSchema } from '../../shared/models/probe';
import { WatchTimeline } from '../../shared/watch/watch-timeline';
import { imapSim, type Closable } from '../../test/lab/lab-scripted';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { main } from '../cli/main';
import type { CliIo } from '../cli/command';
import { WATCH_MIN_INTERVAL_MS } from '../../shared/models/watch';
import { runWatch, type WatchClock } from './watch';

/** A clock whose waits take no time: `now` advances by the waited amount, every wait is recorded. */
function skippingClock(): WatchClock & { waits: number[] } {
  let offset = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      waits.push(ms);
      offset += ms;
    },
  };
}

const lab = labOrNull();

describe.skipIf(!lab)(`watch mode (lab) ${lab ? '' : labSkipReason()}`, () => {
  const cert = (name: string) => ({ cert: path.join(lab!.dir, 'certs', `${name}.pem`), key: path.join(lab!.dir, 'certs', `${name}.key`) });

  it('records a rotated certificate, then a port that started refusing, and stops by itself', async () => {
    const address = lab!.hosts.closed.ip;
    const port = lab!.ports.imaps;
    let server: Closable | undefined = await imapSim({ address, port, mode: 'tls', cert: cert('valid') });
    const started = Date.now();
    const clock = skippingClock();
    try {
      const { timeline, last } = await runWatch(
        {
          runId: 'watch-lab',
          account: { email: lab!.users.alice.email, imap: { host: lab!.hosts.closed.name, port, security: 'tls' } },
          options: { dnsServer: lab!.dnsServer, caPem: lab!.caPem, tryAlternatives: false, timeoutMs: 3000 },
        },
        {
          intervalMs: WATCH_MIN_INTERVAL_MS,
          count: 3,
          lang: 'en',
          clock,
          onRun: async (entry) => {
            if (entry.index === 1) {
              await server!.close();
              server = await imapSim({ address, port, mode: 'tls', cert: cert('valid-rsa') });
            } else if (entry.index === 2) {
              await server!.close();
              server = undefined;
            }
          },
        },
      );
      expect(WatchTimeline.safeParse(timeline).success).toBe(true);
      expect(DiagnoseReportSchema.safeParse(last).success).toBe(true);
      expect(timeline.stopped).toBe('done');
      expect(timeline.runs.map((r) => r.ok)).toEqual([true, true, false]);
      expect(timeline.runs[1]!.changes.map((c) => c.kind)).toEqual(['cert-rotated']);
      expect(timeline.runs[2]!.changes).toEqual([expect.objectContaining({ kind: 'port-refusing', key: `imap ${lab!.hosts.closed.name}:${port} tls`, after: 'TCP_REFUSED' })]);
      // Two waits, each the interval minus the run before it (the rhythm runs from each start).
      expect(clock.waits).toHaveLength(2);
      for (const w of clock.waits) expect(w).toBeGreaterThan(WATCH_MIN_INTERVAL_MS - 15_000);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await server?.close();
    }
  });

  it('mail-doctor diagnose --watch 1m --count 2 --json adds the timeline beside the last report', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const clock = skippingClock();
    const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => '', env: {}, color: false, clock };
    const code = await main(
      ['diagnose', lab!.users.alice.email, '--imap', `${lab!.hosts.closed.name}:${lab!.ports.imaps}:tls`, '--no-alternatives', '--timeout', '2000', '--dns-server', lab!.dnsServer, '--ca', lab!.caFile, '--watch', '1m', '--count', '2', '--json'],
      io,
    );
    expect(code).toBe(1); // nothing listens there: TCP_REFUSED on both runs
    const j = JSON.parse(out.join('')) as { watch: unknown; findings: Array<{ code: string }> };
    const t = WatchTimeline.parse(j.watch);
    expect(t.runs).toHaveLength(2);
    expect(t.intervalMs).toBe(60_000);
    expect(clock.waits).toHaveLength(1);
    expect(t.runs.every((r) => r.codes.includes('TCP_REFUSED'))).toBe(true);
    expect(t.runs[1]!.changes).toEqual([]);
    expect(j.findings[0]!.code).toBe('TCP_REFUSED');
  });
});
