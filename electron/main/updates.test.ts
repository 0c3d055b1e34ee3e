import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  UPDATE_FEED_MAX_BYTES,
  checkForUpdates,
  compareSemver,
  feedUrlFromPackageJson,
  isAcceptableFeedUrl,
  parseSemver,
} from './updates';

const cmp = (a: string, b: string) => Math.sign(compareSemver(parseSemver(a)!, parseSemver(b)!));

describe('semver', () => {
  it('parses and rejects', () => {
    expect(parseSemver('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseSemver('v0.10.0-rc.1+build.5')).toEqual({ major: 0, minor: 10, patch: 0, prerelease: ['rc', '1'] });
    for (const bad of ['1.2', '01.2.3', '1.2.3.4', 'latest', '', '1.2.3-']) expect(parseSemver(bad)).toBeUndefined();
  });

  it('orders by semver 2.0.0 precedence, not by string', () => {
    expect(cmp('0.10.0', '0.9.9')).toBe(1);
    expect(cmp('1.0.0', '1.0.0')).toBe(0);
    expect(cmp('1.0.0+a', '1.0.0+b')).toBe(0);
    // the example chain from semver.org §11
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 1; i < chain.length; i++) expect(cmp(chain[i - 1]!, chain[i]!), `${chain[i - 1]} < ${chain[i]}`).toBe(-1);
  });
});

describe('feed URL config', () => {
  it('reads mailDoctor.updateFeedUrl and treats absence as not configured', () => {
    expect(feedUrlFromPackageJson({ name: 'x', mailDoctor: { updateFeedUrl: 'https://a.example/feed.json' } })).toBe('https://a.example/feed.json');
    expect(feedUrlFromPackageJson({ name: 'x' })).toBeUndefined();
    expect(feedUrlFromPackageJson({ mailDoctor: { updateFeedUrl: 42 } })).toBeUndefined();
  });

  it('allows https anywhere and http only on loopback', () => {
    expect(isAcceptableFeedUrl('https://updates.example.com/feed.json')).toBe(true);
    expect(isAcceptableFeedUrl('http://127.0.0.1:8080/feed.json')).toBe(true);
    expect(isAcceptableFeedUrl('http://updates.example.com/feed.json')).toBe(false);
    expect(isAcceptableFeedUrl('https://user:pw@updates.example.com/feed.json')).toBe(false);
    expect(isAcceptableFeedUrl('file:///etc/passwd')).toBe(false);
    expect(isAcceptableFeedUrl('not a url')).toBe(false);
  });
});

describe('checkForUpdates against a local HTTP server', () => {
  let server: Server;
  let base: string;
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const json = (body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const feed = { version: '0.2.0', url: 'https://github.com/example/mail-doctor/releases/tag/v0.2.0', notes: { ja: '接続診断の改善', en: 'Better diagnosis' } };

  beforeAll(async () => {
    routes.set('/feed.json', json(feed));
    routes.set('/old.json', json({ ...feed, version: '0.1.0' }));
    routes.set('/prerelease.json', json({ ...feed, version: '0.2.0-beta.1' }));
    routes.set('/http-url.json', json({ ...feed, url: 'http://example.com/download' }));
    routes.set('/not-json', (_q, r) => r.end('<html>hello</html>'));
    routes.set('/missing', (_q, r) => {
      r.writeHead(404);
      r.end();
    });
    routes.set('/huge', (_q, r) => {
      // no content-length: the cap must hold while streaming
      r.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(16 * 1024);
      let sent = 0;
      const push = () => {
        while (sent < UPDATE_FEED_MAX_BYTES * 4) {
          sent += chunk.length;
          if (!r.write(chunk)) return void r.once('drain', push);
        }
        r.end();
      };
      push();
    });
    routes.set('/redirect-insecure', (_q, r) => {
      r.writeHead(302, { location: 'http://example.invalid/feed.json' });
      r.end();
    });
    routes.set('/moved', (_q, r) => {
      r.writeHead(301, { location: '/feed.json' });
      r.end();
    });
    routes.set('/loop', (_q, r) => {
      r.writeHead(302, { location: '/loop' });
      r.end();
    });
    routes.set('/hang', () => {
      // never answers: the deadline must end the request
    });
    server = createServer((req, res) => {
      const h = routes.get(req.url ?? '');
      if (h) h(req, res);
      else {
        res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('is disabled without a feed URL, without touching the network', async () => {
    const r = await checkForUpdates({ current: '0.1.0', feedUrl: undefined, lang: 'en', fetchImpl: () => Promise.reject(new Error('must not fetch')) });
    expect(r).toEqual({ status: 'disabled', current: '0.1.0' });
  });

  it('reports a newer version with the release page and notes in the asked language', async () => {
    const ja = await checkForUpdates({ current: '0.1.0', feedUrl: `${base}/feed.json`, lang: 'ja' });
    expect(ja.status).toBe('available');
    expect(ja.latest).toBe('0.2.0');
    expect(ja.url).toBe(feed.url);
    expect(ja.message).toContain('0.2.0');
    expect(ja.message).toContain('接続診断の改善');
    const en = await checkForUpdates({ current: '0.1.0', feedUrl: `${base}/feed.json`, lang: 'en' });
    expect(en.message).toContain('Better diagnosis');
  });

  it('follows a redirect that stays acceptable', async () => {
    expect((await checkForUpdates({ current: '0.1.0', feedUrl: `${base}/moved`, lang: 'en' })).status).toBe('available');
  });

  it('says up to date when the feed is not newer (same, older, or a pre-release of the same version)', async () => {
    expect((await checkForUpdates({ current: '0.2.0', feedUrl: `${base}/feed.json`, lang: 'en' })).status).toBe('up-to-date');
    expect((await checkForUpdates({ current: '0.2.0', feedUrl: `${base}/old.json`, lang: 'en' })).status).toBe('up-to-date');
    expect((await checkForUpdates({ current: '0.2.0', feedUrl: `${base}/prerelease.json`, lang: 'en' })).status).toBe('up-to-date');
    expect((await checkForUpdates({ current: '0.2.0-alpha.3', feedUrl: `${base}/prerelease.json`, lang: 'en' })).status).toBe('available');
  });

  it('turns every bad answer into an error status with a message, never a throw', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/missing', /HTTP 404/],
      ['/not-json', /format/],
      ['/http-url.json', /format/],
      ['/huge', /too large/],
      ['/redirect-insecure', /not configured correctly/],
      ['/loop', /not configured correctly/],
    ];
    for (const [path, msg] of cases) {
      const r = await checkForUpdates({ current: '0.1.0', feedUrl: `${base}${path}`, lang: 'en' });
      expect(r.status, path).toBe('error');
      expect(r.message, path).toMatch(msg);
    }
  });

  it('gives up at the deadline on a server that never answers', async () => {
    const started = Date.now();
    const r = await checkForUpdates({ current: '0.1.0', feedUrl: `${base}/hang`, lang: 'ja', timeoutMs: 300 });
    expect(r.status).toBe('error');
    expect(r.message).toContain('時間内');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a refused connection as a network error', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const r = await checkForUpdates({ current: '0.1.0', feedUrl: `http://127.0.0.1:${port}/feed.json`, lang: 'en' });
    expect(r).toMatchObject({ status: 'error', message: expect.stringMatching(/connect/) });
  });

  it('refuses plain-http feeds off this machine and unreadable current versions before fetching', async () => {
    const never = () => Promise.reject(new Error('must not fetch'));
    expect((await checkForUpdates({ current: '0.1.0', feedUrl: 'http://updates.example.com/f.json', lang: 'en', fetchImpl: never })).status).toBe('error');
    expect((await checkForUpdates({ current: 'dev', feedUrl: `${base}/feed.json`, lang: 'en', fetchImpl: never })).status).toBe('error');
  });
});
