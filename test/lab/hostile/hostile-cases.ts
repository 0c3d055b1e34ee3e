/**
 * The hostile-server suite's cases: scripted IMAP, POP3 and SMTP listeners that misbehave the
 * way broken servers, middleboxes and attackers do. Each case names the finding the engine
 * must report; the test (electron/probes/hostile-servers.test.ts) also checks time, memory
 * and leaked handles.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type tls from 'node:tls';
import type { FindingCode } from '../../../shared/findings/codes';
import type { Protocol, Security } from '../../../shared/models/account';
import type { LabCerts } from '../lab-certs';
import { scriptServer, type ScriptApi, type ScriptServer } from './script-server';

export interface HostileCase {
  name: string;
  protocol: Protocol;
  security: Security;
  /** The finding that must be reported. */
  expect: FindingCode;
  /** Findings that must not be reported (the misreadings the suite exists to catch). */
  never?: FindingCode[];
  /** The run's headline; false unless the case is a server that works but says odd things. */
  ok?: boolean;
  /** The probe's budget (options.timeoutMs). */
  budgetMs: number;
  password?: string;
  /** Evidence the expected finding must carry: details[key] contains the text (e.g. the injected bytes). */
  details?: Record<string, string>;
  start(certs: LabCerts): Promise<ScriptServer>;
}

export const HOSTILE_PASSWORD = 'hostile-Secret-77';

const CRLF = '\r\n';

/**
 * What a STARTTLS go-ahead is followed by. 'ok' upgrades; 'inject' sends plaintext in the same
 * write as the go-ahead; 'inject-later' sends it in a separate write after a pause, while the
 * client's TLS hello is on its way (a later TCP packet); 'answer-hello' answers the TLS hello with
 * plaintext; 'no-tls' says go ahead and then stays silent.
 */
type GoAhead = 'ok' | 'inject' | 'inject-later' | 'answer-hello' | 'no-tls';

/** The pause before a later-packet injection: long enough to be its own TCP segment, well inside the handshake deadline. */
const INJECT_LATER_MS = 40;

/** Plaintext after the go-ahead, as `mode` says; true when the script handled the mode. */
function goAheadThen(api: ScriptApi, mode: GoAhead, goAhead: string, injected: string): boolean {
  if (mode === 'ok') return false;
  if (mode === 'inject') {
    api.write(goAhead + injected);
    return true;
  }
  api.write(goAhead);
  // From here the client speaks TLS: its hello is not a command line.
  api.onLine(() => undefined);
  if (mode === 'inject-later') setTimeout(() => api.write(injected), INJECT_LATER_MS);
  if (mode === 'answer-hello') api.sock.once('data', () => api.write(injected));
  return true;
}

/** The plaintext each protocol's injection sends: capabilities a client would believe came over TLS. */
export const INJECTED = { imap: '* CAPABILITY IMAP4rev1 AUTH=PLAIN', pop3: '+OK injected', smtp: '250-injected' } as const;
/** An ESC/OSC/BEL sequence that retitles a terminal, clears it and forges a green line. */
export const ESCAPES = '\x1b]0;pwned\x07\x1b[2J\x1b[32mOK no errors\x1b[0m';

function tlsOf(c: { cert: string; key: string }, extraChain = ''): tls.TlsOptions {
  return { cert: readFileSync(c.cert, 'utf8') + extraChain, key: readFileSync(c.key) };
}

// ---------------------------------------------------------------- protocol dialogues

interface ImapScript {
  greeting?: string;
  caps?: (secure: boolean) => string;
  starttls?: GoAhead;
  capabilityReply?: (tag: string, api: ScriptApi) => void;
  onLogin?: (tag: string, api: ScriptApi) => void;
}

function imap(api: ScriptApi, s: ImapScript, secureAtStart: boolean): void {
  let secure = secureAtStart;
  api.write((s.greeting ?? '* OK hostile IMAP ready') + CRLF);
  api.onLine((line) => {
    const [tag = '*', cmdRaw = ''] = line.split(' ');
    const cmd = cmdRaw.toUpperCase();
    if (cmd === 'CAPABILITY') {
      if (s.capabilityReply) return s.capabilityReply(tag, api);
      api.write(`* CAPABILITY ${s.caps ? s.caps(secure) : `IMAP4rev1 ${secure ? '' : 'STARTTLS '}AUTH=PLAIN`}${CRLF}${tag} OK done${CRLF}`);
    } else if (cmd === 'STARTTLS') {
      if (goAheadThen(api, s.starttls ?? 'ok', `${tag} OK Begin TLS${CRLF}`, `${INJECTED.imap}${CRLF}`)) return;
      api.write(`${tag} OK Begin TLS${CRLF}`);
      api.upgrade();
      secure = true;
    } else if (cmd === 'LOGIN' || cmd === 'AUTHENTICATE') {
      if (s.onLogin) return s.onLogin(tag, api);
      api.write(`${tag} NO [AUTHENTICATIONFAILED] Invalid credentials${CRLF}`);
    } else if (cmd === 'LOGOUT') {
      api.write(`* BYE bye${CRLF}${tag} OK LOGOUT${CRLF}`);
      api.sock.end();
    } else {
      api.write(`${tag} OK ${cmd} done${CRLF}`);
    }
  });
}

interface PopScript {
  greeting?: string;
  capa?: (secure: boolean) => string[];
  capaReply?: (api: ScriptApi) => void;
  stls?: GoAhead;
  onPass?: (api: ScriptApi) => void;
}

function pop3(api: ScriptApi, s: PopScript, secureAtStart: boolean): void {
  let secure = secureAtStart;
  api.write((s.greeting ?? '+OK hostile POP3 ready') + CRLF);
  api.onLine((line) => {
    const verb = (line.split(' ')[0] ?? '').toUpperCase();
    if (verb === 'CAPA') {
      if (s.capaReply) return s.capaReply(api);
      const caps = s.capa ? s.capa(secure) : ['USER', ...(secure ? [] : ['STLS'])];
      api.write(['+OK', ...caps, '.'].join(CRLF) + CRLF);
    } else if (verb === 'STLS') {
      if (goAheadThen(api, s.stls ?? 'ok', `+OK Begin TLS${CRLF}`, `${INJECTED.pop3}${CRLF}`)) return;
      api.write(`+OK Begin TLS${CRLF}`);
      api.upgrade();
      secure = true;
    } else if (verb === 'USER') api.write(`+OK${CRLF}`);
    else if (verb === 'PASS') {
      if (s.onPass) return s.onPass(api);
      api.write(`-ERR [AUTH] Authentication failed${CRLF}`);
    } else if (verb === 'QUIT') {
      api.write(`+OK bye${CRLF}`);
      api.sock.end();
    } else api.write(`-ERR unknown${CRLF}`);
  });
}

interface SmtpScript {
  greeting?: string;
  ehlo?: (secure: boolean) => string[];
  ehloReply?: (api: ScriptApi) => void;
  starttls?: GoAhead;
  onAuth?: (api: ScriptApi) => void;
}

function smtp(api: ScriptApi, s: SmtpScript, secureAtStart: boolean): void {
  let secure = secureAtStart;
  api.write((s.greeting ?? '220 hostile.test ESMTP ready') + CRLF);
  api.onLine((line) => {
    const verb = (line.split(' ')[0] ?? '').toUpperCase();
    if (verb === 'EHLO') {
      if (s.ehloReply) return s.ehloReply(api);
      const ext = s.ehlo ? s.ehlo(secure) : [...(secure ? ['AUTH PLAIN LOGIN'] : ['STARTTLS'])];
      const all = ['hostile.test', ...ext];
      api.write(all.map((e, i) => `250${i === all.length - 1 ? ' ' : '-'}${e}`).join(CRLF) + CRLF);
    } else if (verb === 'HELO') api.write(`250 hostile.test${CRLF}`);
    else if (verb === 'STARTTLS') {
      if (goAheadThen(api, s.starttls ?? 'ok', `220 2.0.0 Ready${CRLF}`, `${INJECTED.smtp}${CRLF}250 AUTH PLAIN${CRLF}`)) return;
      api.write(`220 2.0.0 Ready to start TLS${CRLF}`);
      api.upgrade();
      secure = true;
    } else if (verb === 'AUTH') {
      if (s.onAuth) return s.onAuth(api);
      api.write(`535 5.7.8 Authentication failed${CRLF}`);
    } else if (verb === 'QUIT') {
      api.write(`221 bye${CRLF}`);
      api.sock.end();
    } else api.write(`250 OK${CRLF}`);
  });
}

// ---------------------------------------------------------------- building blocks

const silent = (): Promise<ScriptServer> => scriptServer({}, () => undefined);
const drip = (text: string): Promise<ScriptServer> => scriptServer({}, (api) => api.drip(text, 1000));
const hugeLine = (): Promise<ScriptServer> => scriptServer({}, (api) => api.write(Buffer.alloc(1024 * 1024, 0x41)));
const closeMid = (partial: string): Promise<ScriptServer> =>
  scriptServer({}, (api) => {
    api.write(partial);
    setTimeout(() => api.sock.end(), 50);
  });
const banner = (text: string): Promise<ScriptServer> => scriptServer({}, (api) => api.write(text + CRLF));
/** Answers the TLS ClientHello with a TCP reset. */
const resetOnHello = (): Promise<ScriptServer> => scriptServer({}, (api) => api.sock.once('data', () => api.sock.resetAndDestroy()));
/** Answers the ClientHello with a TLS record header followed by garbage. */
const tlsGarbage = (): Promise<ScriptServer> =>
  scriptServer({}, (api) =>
    api.sock.once('data', () => {
      api.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x00, 0x40]), randomBytes(64)]));
      setTimeout(() => api.sock.end(), 50);
    }),
  );
/** An HTTP server on a mail port: silent until a request, then a 400. */
const http = (): Promise<ScriptServer> =>
  scriptServer({}, (api) => api.onLine(() => api.write(`HTTP/1.1 400 Bad Request${CRLF}Content-Length: 0${CRLF}Connection: close${CRLF}${CRLF}`)));

const b = 2500;
const slow = 2500;

export function hostileCases(): HostileCase[] {
  return [
    // ------------------------------------------------ IMAP
    { name: 'IMAP silent server', protocol: 'imap', security: 'starttls', expect: 'GREETING_TIMEOUT', budgetMs: slow, start: silent },
    { name: 'IMAP greeting dripped at 1 byte/s', protocol: 'imap', security: 'starttls', expect: 'GREETING_TIMEOUT', never: ['SERVER_NOT_MAIL'], budgetMs: 3500, start: () => drip('* OK slow IMAP server ready\r\n') },
    { name: 'IMAP 1 MB greeting without CRLF', protocol: 'imap', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b, start: hugeLine },
    {
      name: 'IMAP endless untagged lines before the CAPABILITY reply',
      protocol: 'imap', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b,
      start: () => scriptServer({}, (api) => imap(api, { capabilityReply: () => api.flood('* 1 EXISTS\r\n'.repeat(1000)) }, false)),
    },
    {
      name: 'IMAP endless CAPABILITY line',
      protocol: 'imap', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b,
      start: () => scriptServer({}, (api) => imap(api, { capabilityReply: () => { api.write('* CAPABILITY IMAP4rev1'); api.flood(' X-FLOOD'.repeat(2000)); } }, false)),
    },
    { name: 'IMAP invalid UTF-8 and NUL in the greeting', protocol: 'imap', security: 'none', expect: 'LOGIN_NOT_TRIED', ok: true, budgetMs: b, start: () => scriptServer({}, (api) => imap(api, { greeting: '* OK \xff\xfe\x00 hostile \x00ready' }, false)) },
    { name: 'IMAP escape sequences in the greeting', protocol: 'imap', security: 'none', expect: 'LOGIN_NOT_TRIED', ok: true, budgetMs: b, start: () => scriptServer({}, (api) => imap(api, { greeting: `* OK ${ESCAPES}` }, false)) },
    { name: 'IMAP close mid-greeting', protocol: 'imap', security: 'starttls', expect: 'SERVER_UNAVAILABLE', budgetMs: b, start: () => closeMid('* OK hel') },
    { name: 'IMAP RST during the TLS handshake', protocol: 'imap', security: 'tls', expect: 'TCP_RESET', budgetMs: b, start: resetOnHello },
    { name: 'IMAP TLS garbage on the implicit-TLS port', protocol: 'imap', security: 'tls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: b, start: tlsGarbage },
    { name: 'IMAP port answering with an SSH banner', protocol: 'imap', security: 'starttls', expect: 'SERVER_NOT_MAIL', budgetMs: b, start: () => banner('SSH-2.0-OpenSSH_9.2p1 Debian-2') },
    { name: 'IMAP STARTTLS with injected plaintext after the go-ahead', protocol: 'imap', security: 'starttls', expect: 'STARTTLS_INJECTION', never: ['LOGIN_NOT_TRIED'], budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.imap, arrived: 'go-ahead' }, start: () => scriptServer({}, (api) => imap(api, { starttls: 'inject' }, false)) },
    { name: 'IMAP STARTTLS with plaintext injected in a later packet', protocol: 'imap', security: 'starttls', expect: 'STARTTLS_INJECTION', never: ['TLS_HANDSHAKE_FAILED', 'LOGIN_NOT_TRIED'], budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.imap, arrived: 'later' }, start: () => scriptServer({}, (api) => imap(api, { starttls: 'inject-later' }, false)) },
    { name: 'IMAP STARTTLS whose TLS hello is answered in plaintext', protocol: 'imap', security: 'starttls', expect: 'STARTTLS_INJECTION', never: ['TLS_HANDSHAKE_FAILED'], budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.imap, arrived: 'later' }, start: () => scriptServer({}, (api) => imap(api, { starttls: 'answer-hello' }, false)) },
    { name: 'IMAP STARTTLS accepted but TLS never starts', protocol: 'imap', security: 'starttls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: slow, start: () => scriptServer({}, (api) => imap(api, { starttls: 'no-tls' }, false)) },
    { name: 'IMAP STARTTLS vanished from the capabilities', protocol: 'imap', security: 'starttls', expect: 'STARTTLS_NOT_OFFERED', budgetMs: b, start: () => scriptServer({}, (api) => imap(api, { caps: () => 'IMAP4rev1 AUTH=PLAIN' }, false)) },
    {
      name: 'IMAP huge certificate chain',
      protocol: 'imap', security: 'tls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: b,
      start: (c) => scriptServer({ tls: tlsOf(c.valid, c.caPem.repeat(2000)) }, (api) => imap(api, {}, true)),
    },
    { name: 'IMAP CAPABILITY answered NO [UNAVAILABLE]', protocol: 'imap', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['STARTTLS_NOT_OFFERED'], budgetMs: b, start: () => scriptServer({}, (api) => imap(api, { capabilityReply: (tag) => api.write(`${tag} NO [UNAVAILABLE] Backend down${CRLF}`) }, false)) },
    // Still arriving when the budget ends: past PRE_LOGIN_LINES_SEEN_AS_FLOOD a flood, below it a slow reply (never "no answer").
    { name: 'IMAP 300 untagged lines before the CAPABILITY reply, then silence', protocol: 'imap', security: 'starttls', expect: 'SERVER_FLOODING', never: ['SERVER_UNAVAILABLE'], budgetMs: b, start: () => scriptServer({}, (api) => imap(api, { capabilityReply: () => api.write('* 1 EXISTS\r\n'.repeat(300)) }, false)) },
    { name: 'IMAP CAPABILITY reply begun, never ended (slow server)', protocol: 'imap', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['SERVER_FLOODING', 'STARTTLS_NOT_OFFERED'], budgetMs: slow, details: { linesSeen: '1' }, start: () => scriptServer({}, (api) => imap(api, { capabilityReply: () => api.write(`* CAPABILITY IMAP4rev1 STARTTLS${CRLF}`) }, false)) },
    { name: 'IMAP CAPABILITY never answered (slow server)', protocol: 'imap', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['STARTTLS_NOT_OFFERED'], budgetMs: slow, start: () => scriptServer({}, (api) => imap(api, { capabilityReply: () => undefined }, false)) },
    { name: 'IMAP LOGINDISABLED over TLS with no mechanism', protocol: 'imap', security: 'tls', expect: 'AUTH_MECHANISM_UNSUPPORTED', budgetMs: b, password: HOSTILE_PASSWORD, start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => imap(api, { caps: () => 'IMAP4rev1 LOGINDISABLED' }, true)) },
    {
      name: 'IMAP flood of untagged EXISTS after a successful login',
      protocol: 'imap', security: 'tls', expect: 'SERVER_FLOODING', budgetMs: 6000, password: HOSTILE_PASSWORD,
      start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => imap(api, { caps: () => 'IMAP4rev1 AUTH=PLAIN QUOTA', onLogin: (tag) => { api.write(`${tag} OK logged in${CRLF}`); api.flood('* 1 EXISTS\r\n'.repeat(1000)); } }, true)),
    },
    // ------------------------------------------------ POP3
    { name: 'POP3 silent server', protocol: 'pop3', security: 'starttls', expect: 'GREETING_TIMEOUT', budgetMs: slow, start: silent },
    { name: 'POP3 greeting dripped at 1 byte/s', protocol: 'pop3', security: 'starttls', expect: 'GREETING_TIMEOUT', never: ['SERVER_NOT_MAIL'], budgetMs: 3500, start: () => drip('+OK slow POP3 ready\r\n') },
    { name: 'POP3 endless CAPA list', protocol: 'pop3', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b, start: () => scriptServer({}, (api) => pop3(api, { capaReply: () => { api.write(`+OK${CRLF}`); api.flood('X-FLOOD\r\n'.repeat(1000)); } }, false)) },
    { name: 'POP3 CAPA list of 300 lines that never ends', protocol: 'pop3', security: 'starttls', expect: 'SERVER_FLOODING', never: ['SERVER_UNAVAILABLE'], budgetMs: b, start: () => scriptServer({}, (api) => pop3(api, { capaReply: () => api.write(`+OK${CRLF}` + 'X-FLOOD\r\n'.repeat(300)) }, false)) },
    { name: 'POP3 CAPA list begun, never ended (slow server)', protocol: 'pop3', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['SERVER_FLOODING', 'STARTTLS_NOT_OFFERED'], budgetMs: slow, details: { linesSeen: '2' }, start: () => scriptServer({}, (api) => pop3(api, { capaReply: () => api.write(`+OK${CRLF}USER${CRLF}STLS${CRLF}`) }, false)) },
    { name: 'POP3 CAPA answered -ERR [SYS/TEMP]', protocol: 'pop3', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['STARTTLS_NOT_OFFERED'], budgetMs: b, start: () => scriptServer({}, (api) => pop3(api, { capaReply: () => api.write(`-ERR [SYS/TEMP] Service temporarily unavailable${CRLF}`) }, false)) },
    { name: 'POP3 port answering HTTP', protocol: 'pop3', security: 'starttls', expect: 'SERVER_NOT_MAIL', budgetMs: slow, start: http },
    { name: 'POP3 STLS with injected plaintext after the go-ahead', protocol: 'pop3', security: 'starttls', expect: 'STARTTLS_INJECTION', budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.pop3, arrived: 'go-ahead' }, start: () => scriptServer({}, (api) => pop3(api, { stls: 'inject' }, false)) },
    { name: 'POP3 STLS with plaintext injected in a later packet', protocol: 'pop3', security: 'starttls', expect: 'STARTTLS_INJECTION', never: ['TLS_HANDSHAKE_FAILED'], budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.pop3, arrived: 'later' }, start: () => scriptServer({}, (api) => pop3(api, { stls: 'inject-later' }, false)) },
    { name: 'POP3 STLS accepted but TLS never starts', protocol: 'pop3', security: 'starttls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: slow, start: () => scriptServer({}, (api) => pop3(api, { stls: 'no-tls' }, false)) },
    { name: 'POP3 close mid-greeting', protocol: 'pop3', security: 'starttls', expect: 'SERVER_UNAVAILABLE', budgetMs: b, start: () => closeMid('+OK hel') },
    { name: 'POP3 invalid UTF-8 and NUL in the greeting', protocol: 'pop3', security: 'none', expect: 'LOGIN_NOT_TRIED', ok: true, budgetMs: b, start: () => scriptServer({}, (api) => pop3(api, { greeting: '+OK \xff\xfe\x00 hostile', capa: () => ['USER'] }, false)) },
    { name: 'POP3 escape sequences in the greeting', protocol: 'pop3', security: 'none', expect: 'LOGIN_NOT_TRIED', ok: true, budgetMs: b, start: () => scriptServer({}, (api) => pop3(api, { greeting: `+OK ${ESCAPES}`, capa: () => ['USER'] }, false)) },
    { name: 'POP3 TLS garbage on the implicit-TLS port', protocol: 'pop3', security: 'tls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: b, start: tlsGarbage },
    {
      name: 'POP3 endless line after a successful login',
      protocol: 'pop3', security: 'tls', expect: 'SERVER_FLOODING', budgetMs: 6000, password: HOSTILE_PASSWORD,
      start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => pop3(api, { capa: () => ['USER'], onPass: () => { api.write(`+OK logged in${CRLF}`); api.flood('+OK '.repeat(4096)); } }, true)),
    },
    // ------------------------------------------------ SMTP
    { name: 'SMTP silent server', protocol: 'smtp', security: 'starttls', expect: 'GREETING_TIMEOUT', budgetMs: slow, start: silent },
    { name: 'SMTP greeting dripped at 1 byte/s', protocol: 'smtp', security: 'starttls', expect: 'GREETING_TIMEOUT', never: ['SERVER_NOT_MAIL'], budgetMs: 3500, start: () => drip('220 slow.test ESMTP\r\n') },
    { name: 'SMTP endless 220- greeting', protocol: 'smtp', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b, start: () => scriptServer({}, (api) => api.flood('220-hostile.test flooding greeting\r\n'.repeat(500))) },
    { name: 'SMTP endless 250- EHLO reply', protocol: 'smtp', security: 'starttls', expect: 'SERVER_FLOODING', budgetMs: b, start: () => scriptServer({}, (api) => smtp(api, { ehloReply: () => api.flood('250-X-FLOOD\r\n'.repeat(1000)) }, false)) },
    // 300 lines and then silence: below the reply cap, so only the budget ends it; a slow machine meets this
    // shape when it cannot count a real flood to its cap in time. Still a flood, never "no answer".
    { name: 'SMTP EHLO reply of 300 lines that never ends', protocol: 'smtp', security: 'starttls', expect: 'SERVER_FLOODING', never: ['SERVER_UNAVAILABLE'], budgetMs: b, start: () => scriptServer({}, (api) => smtp(api, { ehloReply: () => api.write('250-X-FLOOD\r\n'.repeat(300)) }, false)) },
    { name: 'SMTP EHLO reply begun, never ended (slow server)', protocol: 'smtp', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['SERVER_FLOODING', 'STARTTLS_NOT_OFFERED'], budgetMs: slow, details: { linesSeen: '5', command: 'EHLO' }, start: () => scriptServer({}, (api) => smtp(api, { ehloReply: () => api.write('250-hostile.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-8BITMIME\r\n') }, false)) },
    { name: 'SMTP EHLO answered 451', protocol: 'smtp', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['STARTTLS_NOT_OFFERED'], budgetMs: b, start: () => scriptServer({}, (api) => smtp(api, { ehloReply: () => api.write(`451 4.3.2 Please try again later${CRLF}`) }, false)) },
    { name: 'SMTP EHLO never answered (slow server)', protocol: 'smtp', security: 'starttls', expect: 'SERVER_UNAVAILABLE', never: ['STARTTLS_NOT_OFFERED'], budgetMs: slow, start: () => scriptServer({}, (api) => smtp(api, { ehloReply: () => undefined }, false)) },
    { name: 'SMTP STARTTLS with injected plaintext after the go-ahead', protocol: 'smtp', security: 'starttls', expect: 'STARTTLS_INJECTION', budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.smtp, arrived: 'go-ahead' }, start: () => scriptServer({}, (api) => smtp(api, { starttls: 'inject' }, false)) },
    { name: 'SMTP STARTTLS with plaintext injected in a later packet', protocol: 'smtp', security: 'starttls', expect: 'STARTTLS_INJECTION', never: ['TLS_HANDSHAKE_FAILED'], budgetMs: b, password: HOSTILE_PASSWORD, details: { injected: INJECTED.smtp, arrived: 'later' }, start: () => scriptServer({}, (api) => smtp(api, { starttls: 'inject-later' }, false)) },
    { name: 'SMTP STARTTLS accepted but TLS never starts', protocol: 'smtp', security: 'starttls', expect: 'TLS_HANDSHAKE_FAILED', budgetMs: slow, start: () => scriptServer({}, (api) => smtp(api, { starttls: 'no-tls' }, false)) },
    { name: 'SMTP STARTTLS vanished from EHLO', protocol: 'smtp', security: 'starttls', expect: 'STARTTLS_NOT_OFFERED', budgetMs: b, start: () => scriptServer({}, (api) => smtp(api, { ehlo: () => ['AUTH PLAIN LOGIN'] }, false)) },
    { name: 'SMTP port answering HTTP', protocol: 'smtp', security: 'starttls', expect: 'SERVER_NOT_MAIL', budgetMs: slow, start: http },
    { name: 'SMTP RST during the TLS handshake', protocol: 'smtp', security: 'tls', expect: 'TCP_RESET', budgetMs: b, start: resetOnHello },
    { name: 'SMTP every command answered 4xx (greeting 421)', protocol: 'smtp', security: 'starttls', expect: 'SERVER_UNAVAILABLE', budgetMs: b, start: () => banner('421 4.3.2 hostile.test Service not available') },
    { name: 'SMTP escape sequences in the greeting', protocol: 'smtp', security: 'none', expect: 'LOGIN_NOT_TRIED', ok: true, budgetMs: b, start: () => scriptServer({}, (api) => smtp(api, { greeting: `220 hostile.test ${ESCAPES}`, ehlo: () => ['AUTH PLAIN'] }, false)) },
    {
      name: 'SMTP flood after a successful AUTH',
      protocol: 'smtp', security: 'tls', expect: 'SERVER_FLOODING', budgetMs: 6000, password: HOSTILE_PASSWORD,
      start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => smtp(api, { onAuth: () => { api.write(`235 2.7.0 Authentication successful${CRLF}`); api.flood('250-X-FLOOD\r\n'.repeat(1000)); } }, true)),
    },
    // Hung up on the credentials without a word: an outage-like end, never a refused password.
    { name: 'IMAP hangs up after the credentials', protocol: 'imap', security: 'tls', expect: 'SERVER_UNAVAILABLE', never: ['AUTH_FAILED', 'LOGIN_UNANSWERED'], budgetMs: b, password: HOSTILE_PASSWORD, start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => imap(api, { onLogin: () => api.sock.end() }, true)) },
    { name: 'POP3 hangs up after the credentials', protocol: 'pop3', security: 'tls', expect: 'SERVER_UNAVAILABLE', never: ['AUTH_FAILED', 'LOGIN_UNANSWERED'], budgetMs: b, password: HOSTILE_PASSWORD, start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => pop3(api, { onPass: () => api.sock.end() }, true)) },
    { name: 'SMTP hangs up after the credentials', protocol: 'smtp', security: 'tls', expect: 'SERVER_UNAVAILABLE', never: ['AUTH_FAILED', 'LOGIN_UNANSWERED'], budgetMs: b, password: HOSTILE_PASSWORD, start: (c) => scriptServer({ tls: tlsOf(c.valid) }, (api) => smtp(api, { onAuth: () => api.sock.end() }, true)) },
  ];
}

/** MITM on the login connection: the first connection shows the valid certificate, later ones a self-signed one. */
export function changedCertServer(c: LabCerts, protocol: Protocol): Promise<ScriptServer> {
  return scriptServer({ tlsFor: (i) => tlsOf(i === 0 ? c.valid : c.selfSigned) }, (api) => {
    if (protocol === 'imap') imap(api, {}, true);
    else if (protocol === 'pop3') pop3(api, { capa: () => ['USER'] }, true);
    else smtp(api, {}, true);
  });
}

/** A server that behaves (and refuses the login): the baseline the internal-error tests break from inside. */
export function wellBehavedServer(c: LabCerts, protocol: Protocol, security: Security): Promise<ScriptServer> {
  const certOpts = tlsOf(c.valid);
  return scriptServer({ ...(security === 'tls' ? { tls: certOpts } : {}), starttls: certOpts }, (api) => {
    const secure = security === 'tls';
    if (protocol === 'imap') imap(api, {}, secure);
    else if (protocol === 'pop3') pop3(api, {}, secure);
    else smtp(api, {}, secure);
  });
}
