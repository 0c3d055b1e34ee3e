import { describe, expect, it } from 'vitest';
import { createAppStore, PERSIST_KEY } from './create-store';
import { fakeApi, memoryStorage, testEnv, type FakeHandlers } from '../../test/fakes/fake-api';
import { port25Report, report } from '../../test/fixtures/sample-report';
import { err, ok } from '../../shared/result';
import type { CaseRecord } from '../../shared/models/case';
import type { DiagnoseRequest } from '../../shared/models/probe';

const PASSWORD = 'correct-horse-battery';
const appInfo = {
  name: 'Mail Doctor',
  version: '0.1.0',
  platform: 'linux',
  locale: 'en-US',
  transport: 'web' as const,
  capabilities: { saveFile: false, printToPdf: false, openExternal: false },
};

function fillAccount(store: ReturnType<typeof createAppStore>) {
  const s = store.getState();
  s.setDevice('iphone');
  s.setEmail('alice@lab.test');
  s.setServer('imap', { host: 'mail.lab.test', port: '993', security: 'tls' });
  s.setServer('smtp', { host: 'mail.lab.test', port: '587', security: 'starttls' });
  s.setPassword(PASSWORD);
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('app store', () => {
  it('desktop: takes the language from the OS (app:info) until the user picks one', async () => {
    const api = fakeApi({ 'app:info': () => ok({ ...appInfo, transport: 'electron' as const }) });
    const store = createAppStore(api, testEnv(), memoryStorage());
    expect(store.getState().lang).toBe('ja'); // browser locale first
    await store.getState().boot();
    expect(store.getState().lang).toBe('en');
    store.getState().setLang('ja');
    await store.getState().boot();
    expect(store.getState().lang).toBe('ja');
  });

  it("web host: the browser's language wins over the host process's locale, and a choice is remembered", async () => {
    const storage = memoryStorage();
    const api = fakeApi({ 'app:info': () => ok(appInfo) }); // host process says en-US
    const store = createAppStore(api, testEnv(), storage); // browser says ja-JP
    await store.getState().boot();
    expect(store.getState().lang).toBe('ja');
    store.getState().setLang('en');
    const again = createAppStore(api, testEnv(), storage);
    await again.getState().boot();
    expect(again.getState().lang).toBe('en');
  });

  it('shows an engine error as a code, never as the raw message', async () => {
    const api = fakeApi({ 'app:info': () => err('E_INTERNAL', 'TypeError: x is undefined at foo.js:1') });
    const store = createAppStore(api, testEnv(), memoryStorage());
    await store.getState().boot();
    expect(store.getState().notice).toEqual({ kind: 'error', code: 'E_INTERNAL', context: 'err.appInfo' });
    expect(store.getState().booting).toBe(false);
  });

  it('refuses to run with invalid fields and does not call the engine', async () => {
    const api = fakeApi();
    const store = createAppStore(api, testEnv(), memoryStorage());
    store.getState().setEmail('not-an-address');
    await store.getState().runDiagnosis();
    expect(api.calls.filter((c) => c.channel === 'diagnose:run')).toHaveLength(0);
    expect(store.getState().notice).toEqual({ kind: 'info', key: 'account.fixErrors' });
  });

  it('runs a diagnosis, streams progress into the live run and saves the case without the password', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = fakeApi({
      'diagnose:run': async (req) => {
        await gate;
        return ok({ ...report(), runId: req.runId });
      },
    });
    const storage = memoryStorage();
    const store = createAppStore(api, testEnv(), storage);
    fillAccount(store);
    const running = store.getState().runDiagnosis();
    const runId = store.getState().run!.runId;
    expect(store.getState().screen).toBe('probe');

    const req = api.calls.find((c) => c.channel === 'diagnose:run')!.req as DiagnoseRequest;
    expect(req.account).toMatchObject({ email: 'alice@lab.test', password: PASSWORD, imap: { host: 'mail.lab.test', port: 993, security: 'tls' } });
    expect(req.options.protocols).toEqual(['imap', 'smtp']);

    const s = store.getState();
    s.applyProgress({ kind: 'planned', runId, targets: report().probes.map(({ id, protocol, host, port, security, role }) => ({ id, protocol, host, port, security, role })) });
    s.applyProgress({ kind: 'step', runId, probeId: 'imap-993', step: { name: 'tcp', status: 'ok', durationMs: 3 } });
    s.applyProgress({ kind: 'step', runId: 'someone-else', probeId: 'imap-993', step: { name: 'tls', status: 'failed' } });
    expect(store.getState().run!.targets).toHaveLength(2);
    expect(store.getState().run!.steps['imap-993']).toEqual([{ name: 'tcp', status: 'ok', durationMs: 3 }]);

    release();
    await running;
    const st = store.getState();
    expect(st.run!.status).toBe('done');
    expect(st.runs).toHaveLength(1);
    expect(st.report!.ok).toBe(true);
    const saved = api.calls.find((c) => c.channel === 'history:save')!.req as CaseRecord;
    expect(saved.email).toBe('alice@lab.test');
    expect(saved.device).toBe('iphone');
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    // localStorage holds UI prefs and checklist progress only.
    const persisted = storage.data.get(PERSIST_KEY)!;
    expect(persisted).not.toContain(PASSWORD);
    expect(persisted).not.toContain('alice@lab.test');
    expect(Object.keys(JSON.parse(persisted).state).sort()).toEqual(['lang', 'langChosen', 'lastCaseId', 'progress', 'screen', 'theme']);
  });

  it('cancels the running diagnosis through the engine and marks the run', async () => {
    let finish!: (cancelled: boolean) => void;
    const api = fakeApi({
      'diagnose:run': (req) => new Promise((r) => (finish = (c) => r(ok({ ...report(), runId: req.runId, cancelled: c, ok: false })))),
      'diagnose:cancel': () => {
        finish(true);
        return ok({ cancelled: true });
      },
    });
    const store = createAppStore(api, testEnv(), memoryStorage());
    fillAccount(store);
    const running = store.getState().runDiagnosis();
    await tick();
    await store.getState().cancelRun();
    await running;
    expect(api.calls.map((c) => c.channel)).toContain('diagnose:cancel');
    expect(store.getState().run!.status).toBe('cancelled');
  });

  it('reports a failed run with a translated code and keeps the inputs', async () => {
    const api = fakeApi({ 'diagnose:run': () => err('E_TIMEOUT', 'deadline') });
    const store = createAppStore(api, testEnv(), memoryStorage());
    fillAccount(store);
    await store.getState().runDiagnosis();
    expect(store.getState().run!.status).toBe('error');
    expect(store.getState().notice).toEqual({ kind: 'error', code: 'E_TIMEOUT', context: 'err.run' });
    expect(store.getState().email).toBe('alice@lab.test');
  });

  it('a run the engine refuses as bad input is marked so (the screen never reads finished) and re-running from the comparison stays there', async () => {
    const api = fakeApi({ 'diagnose:run': () => err('E_BAD_REQUEST', 'account.email: too long') });
    const store = createAppStore(api, testEnv(), memoryStorage());
    fillAccount(store);
    store.getState().go('compare');
    await store.getState().runDiagnosis({ stay: true });
    expect(store.getState().run).toMatchObject({ status: 'error', refusedBadInput: true });
    expect(store.getState().screen).toBe('compare');
    expect(store.getState().runs).toHaveLength(0);
  });

  it('a refusal that names its field goes back to the Account screen with that field’s message', async () => {
    const api = fakeApi({ 'diagnose:run': () => err('E_BAD_REQUEST', 'invalid domain', { field: 'email', reason: 'empty-label' }) });
    const store = createAppStore(api, testEnv(), memoryStorage());
    fillAccount(store);
    await store.getState().runDiagnosis();
    expect(store.getState().run).toMatchObject({ status: 'error', refusedBadInput: true, refusedField: { field: 'email', key: 'input.email.invalid' } });
    expect(store.getState().screen).toBe('account');
  });

  it('fills the server rows from discovery with source and trust', async () => {
    const api = fakeApi({
      'discover:run': () =>
        ok({
          email: 'alice@lab.test',
          domain: 'lab.test',
          asciiDomain: 'lab.test',
          candidates: [],
          best: {
            imap: { source: 'srv', trust: 'unconfirmed', protocol: 'imap', host: 'mail.lab.test', port: 993, security: 'tls' },
            smtp: { source: 'srv', trust: 'unconfirmed', protocol: 'smtp', host: 'mail.lab.test', port: 587, security: 'starttls' },
          },
          tried: [],
        }),
    });
    const store = createAppStore(api, testEnv(), memoryStorage());
    store.getState().setEmail('alice@lab.test');
    await store.getState().discover();
    const s = store.getState();
    expect(s.discoveryStatus).toBe('done');
    expect(s.servers.imap).toEqual({ host: 'mail.lab.test', port: '993', security: 'tls', source: 'srv', trust: 'unconfirmed' });
    expect(s.servers.smtp.port).toBe('587');
    s.setServer('imap', { port: '143' });
    expect(store.getState().servers.imap.source).toBe('manual');
  });

  it('does not overwrite a server the user typed while discovery was running', async () => {
    let answer!: () => void;
    const api = fakeApi({
      'discover:run': () =>
        new Promise((r) =>
          (answer = () =>
            r(
              ok({
                email: 'a@lab.test',
                domain: 'lab.test',
                asciiDomain: 'lab.test',
                candidates: [],
                best: {
                  imap: { source: 'srv', trust: 'unconfirmed', protocol: 'imap', host: 'mail.lab.test', port: 993, security: 'tls' },
                  smtp: { source: 'srv', trust: 'unconfirmed', protocol: 'smtp', host: 'mail.lab.test', port: 587, security: 'starttls' },
                },
                tried: [],
              }),
            )),
        ),
    });
    const store = createAppStore(api, testEnv(), memoryStorage());
    store.getState().setEmail('a@lab.test');
    const pending = store.getState().discover();
    store.getState().setServer('imap', { host: 'cloud.lab.test' });
    answer();
    await pending;
    expect(store.getState().servers.imap.host).toBe('cloud.lab.test');
    expect(store.getState().servers.smtp.host).toBe('mail.lab.test');
  });

  it('looks up the error text after a pause and ignores answers that arrive late', async () => {
    const answers: Array<() => void> = [];
    const api = fakeApi({
      'lookup:error': (req) =>
        new Promise((r) => answers.push(() => r(ok({ recognised: true, matches: [{ platform: 'x', stage: 'tcp', codes: ['TCP_TIMEOUT'], text: req.text, score: 1 }] })))),
    });
    const store = createAppStore(api, testEnv({ lookupDebounceMs: 10 }), memoryStorage());
    store.getState().setErrorText('0x800');
    store.getState().setErrorText('0x800CCC0E');
    await new Promise((r) => setTimeout(r, 30));
    expect(api.calls.filter((c) => c.channel === 'lookup:error')).toHaveLength(1);
    store.getState().setErrorText('Cannot Get Mail');
    await new Promise((r) => setTimeout(r, 30));
    answers[1]!();
    await tick();
    answers[0]!(); // the stale answer for "0x800CCC0E" must not win
    await tick();
    expect(store.getState().lookup!.matches[0]!.text).toBe('Cannot Get Mail');
  });

  it('asks the lookup again in the new language when the language changes', async () => {
    const api = fakeApi({ 'lookup:error': (req) => ok({ recognised: true, matches: [{ platform: 'x', stage: 'tcp', codes: [], text: 't', score: 1, meaning: req.lang }] }) });
    const store = createAppStore(api, testEnv(), memoryStorage());
    store.getState().setErrorText('Cannot Get Mail');
    await tick();
    store.getState().setLang('en');
    await tick();
    expect(store.getState().lookup!.matches[0]!.meaning).toBe('en');
  });

  it('keeps checklist progress across a reload and reopens the case from history', async () => {
    const records = new Map<string, CaseRecord>();
    const handlers: FakeHandlers = {
      'diagnose:run': (req) => ok({ ...port25Report(), runId: req.runId }),
      'history:save': (r) => {
        records.set(r.id, r);
        return ok({ id: r.id });
      },
      'history:get': ({ id }) => (records.has(id) ? ok(records.get(id)!) : err('E_NOT_FOUND', id)),
      'app:info': () => ok(appInfo),
    };
    const storage = memoryStorage();
    const first = createAppStore(fakeApi(handlers), testEnv(), storage);
    fillAccount(first);
    await first.getState().runDiagnosis();
    first.getState().setStepStatus('outgoing-server', 'fixed');
    first.getState().setStepNote('outgoing-server', 'changed 25 to 587');
    first.getState().go('checklist');

    const second = createAppStore(fakeApi(handlers), testEnv(), storage);
    await second.getState().boot();
    const s = second.getState();
    expect(s.screen).toBe('checklist');
    expect(s.email).toBe('alice@lab.test');
    expect(s.device).toBe('iphone');
    expect(s.password).toBe('');
    expect(s.report!.ok).toBe(false);
    expect(s.progress[s.caseId]!['outgoing-server']).toEqual({ status: 'fixed', note: 'changed 25 to 587' });
  });

  it('starts fresh when the remembered case is gone', async () => {
    const storage = memoryStorage();
    storage.setItem(PERSIST_KEY, JSON.stringify({ state: { lastCaseId: 'gone', screen: 'checklist', lang: 'en', theme: 'dark' }, version: 1 }));
    const store = createAppStore(fakeApi({ 'history:get': () => err('E_NOT_FOUND', 'gone'), 'app:info': () => ok(appInfo) }), testEnv(), storage);
    await store.getState().boot();
    expect(store.getState().screen).toBe('start');
    expect(store.getState().theme).toBe('dark');
    expect(store.getState().notice).toBeUndefined();
  });

  it('ignores garbage in localStorage', () => {
    const storage = memoryStorage();
    storage.setItem(PERSIST_KEY, JSON.stringify({ state: { lang: 'xx', screen: 'nowhere', theme: 7, progress: { a: { s: { status: 'bogus' } } } }, version: 1 }));
    const store = createAppStore(fakeApi(), testEnv(), storage);
    const s = store.getState();
    expect(s.lang).toBe('ja');
    expect(s.screen).toBe('start');
    expect(s.theme).toBe('system');
    expect(s.progress).toEqual({ a: {} });
  });

  it('downloads the report when the host has no save dialog', async () => {
    const env = testEnv();
    const store = createAppStore(fakeApi({ 'file:save': () => err('E_UNSUPPORTED', 'web') }), env, memoryStorage());
    const outcome = await store.getState().saveReportFile('hello', 'markdown');
    expect(outcome).toBe('download');
    expect(env.downloads).toEqual([{ name: expect.stringMatching(/\.md$/), content: 'hello' }]);
    await store.getState().printReport();
    expect(env.printed).toBe(1);
  });

  it('prints to PDF through the host where it can, and reports a cancelled save dialog quietly', async () => {
    const env = testEnv();
    const api = fakeApi({
      'app:info': () => ok({ ...appInfo, transport: 'electron', capabilities: { saveFile: true, printToPdf: true, openExternal: true } }),
      'file:save': (req) => ok(req.kind === 'pdf' ? { saved: true, path: '/home/u/report.pdf' } : { saved: false }),
    });
    const store = createAppStore(api, env, memoryStorage());
    await store.getState().boot();
    await store.getState().printReport();
    expect(env.printed).toBe(0);
    expect(api.calls.find((c) => c.channel === 'file:save')!.req).toMatchObject({ kind: 'pdf' });
    expect(store.getState().notice).toEqual({ kind: 'info', key: 'report.saved', params: { path: '/home/u/report.pdf' } });
    expect(await store.getState().saveReportFile('x', 'text')).toBe('cancelled');
    expect(env.downloads).toEqual([]);
  });

  it('opens provider pages through the host, or in a new tab on the web host, and only https', async () => {
    const env = testEnv();
    const api = fakeApi({ 'shell:open-external': () => err('E_UNSUPPORTED', 'web') });
    const store = createAppStore(api, env, memoryStorage());
    await store.getState().openLink('https://support.google.com/accounts/answer/185833');
    await store.getState().openLink('file:///etc/passwd');
    expect(env.opened).toEqual(['https://support.google.com/accounts/answer/185833']);
    expect(api.calls.filter((c) => c.channel === 'shell:open-external')).toHaveLength(1);
  });

  it('tells the user when the host refuses a link', async () => {
    const api = fakeApi({ 'shell:open-external': () => ok({ opened: false }) });
    const store = createAppStore(api, testEnv(), memoryStorage());
    await store.getState().openLink('https://unknown.example/help');
    expect(store.getState().notice).toEqual({ kind: 'info', key: 'app.linkRefused', params: { url: 'https://unknown.example/help' } });
  });

  it('copies through the host clipboard (desktop), else the page clipboard (web host), and says when it failed', async () => {
    const env = testEnv();
    const desktop = createAppStore(fakeApi({ 'clipboard:write-text': () => ok({ written: true }) }), env, memoryStorage());
    expect(await desktop.getState().copyText('# report')).toBe(true);
    expect(env.copied).toEqual([]);
    expect(desktop.getState().notice).toEqual({ kind: 'info', key: 'app.copied' });
    const web = createAppStore(fakeApi({ 'clipboard:write-text': () => ok({ written: false }) }), env, memoryStorage());
    expect(await web.getState().copyText('plain report')).toBe(true);
    expect(env.copied).toEqual(['plain report']);
    const denied = testEnv({ writeClipboard: () => Promise.reject(new Error('NotAllowedError')) });
    const broken = createAppStore(fakeApi({ 'clipboard:write-text': () => ok({ written: false }) }), denied, memoryStorage());
    expect(await broken.getState().copyText('x')).toBe(false);
    expect(broken.getState().notice).toEqual({ kind: 'info', key: 'app.copyFailed' });
  });

  it('a new case cancels the run still going for the old one and ignores its answer', async () => {
    let finish!: () => void;
    const api = fakeApi({
      'diagnose:run': (req) => new Promise((r) => (finish = () => r(ok({ ...report(), runId: req.runId })))),
      'diagnose:cancel': () => ok({ cancelled: true }),
    });
    const store = createAppStore(api, testEnv(), memoryStorage());
    fillAccount(store);
    const running = store.getState().runDiagnosis();
    await tick();
    store.getState().newCase();
    expect(api.calls.map((c) => c.channel)).toContain('diagnose:cancel');
    finish();
    await running;
    expect(store.getState().runs).toEqual([]);
    expect(store.getState().report).toBeUndefined();
  });

  it('new case clears the account and the password but keeps preferences', async () => {
    const store = createAppStore(fakeApi({ 'diagnose:run': (req) => ok({ ...report(), runId: req.runId }) }), testEnv(), memoryStorage());
    fillAccount(store);
    store.getState().setTheme('dark');
    await store.getState().runDiagnosis();
    const before = store.getState().caseId;
    store.getState().newCase();
    const s = store.getState();
    expect(s.caseId).not.toBe(before);
    expect(s.password).toBe('');
    expect(s.email).toBe('');
    expect(s.runs).toEqual([]);
    expect(s.report).toBeUndefined();
    expect(s.theme).toBe('dark');
  });
});
