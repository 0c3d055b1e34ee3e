import { describe, expect, it } from 'vitest';
import { buildDiagnoseRequest, isDnsServer, lengthErrors, parsePort, refusalError, validateAccount } from './account-request';
import { LIMITS } from '../../shared/models/inputs';
import { contract } from '../../shared/ipc/contract';
import { initialCase } from '../store/case-slice';
import { DiagnoseRequest } from '../../shared/models/probe';

describe('account form', () => {
  it('parses only real port numbers', () => {
    expect(parsePort('587')).toBe(587);
    expect(parsePort(' 25 ')).toBe(25);
    expect(parsePort('0')).toBeUndefined();
    expect(parsePort('70000')).toBeUndefined();
    expect(parsePort('5x')).toBeUndefined();
  });

  it('accepts the DNS server forms the engine takes, and refuses what the engine refuses', () => {
    for (const ok of ['192.0.2.53', '127.0.0.1:5353', '[::1]:53', '::1', '2001:db8::53', '１９２．０．２．５３']) expect(isDnsServer(ok), ok).toBe(true);
    // A name needs DNS to find DNS: the engine never took one, so the form no longer does either.
    for (const bad of ['192.0.2.53:99999', '[::1]:99999', '[::1]:0', 'ns.example.jp', 'a b', 'http://x', '', '1.2.3', '[zz]']) expect(isDnsServer(bad), bad).toBe(false);
  });

  it('refuses typos at the field with a message that names it, and takes IME full-width input', () => {
    const c = initialCase('x', new Date());
    c.email = 'ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｊｐ';
    c.servers.imap = { host: 'ｉｍａｐ．ｅｘａｍｐｌｅ．ｊｐ', port: '９９３', security: 'tls' };
    expect(validateAccount(c)).toEqual({});
    expect(buildDiagnoseRequest(c, 'r').account).toMatchObject({ email: 'alice@example.jp', imap: { host: 'imap.example.jp', port: 993 } });
    for (const host of ['bad..name', '.x', '[zz]', '[1:2:3]', 'a_b c', 'x'.repeat(254)]) {
      c.servers.imap = { host, port: '993', security: 'tls' };
      expect(validateAccount(c)['imap.host'], host).toMatch(/^input\.host\./);
    }
    c.servers.imap = { host: 'imap.example.jp', port: '993', security: 'tls' };
    expect(validateAccount({ ...c, user: 'ａｌｉｃｅ' }).user).toBe('input.user.fullWidth');
    expect(validateAccount({ ...c, user: 'x'.repeat(10_000) }).user).toBe('input.user.tooLong');
    expect(validateAccount({ ...c, user: 'alice\r\nQUIT' }).user).toBe('input.user.lineBreak');
    expect(validateAccount({ ...c, password: 'pw\r\nDELE 1' }).password).toBe('input.password.lineBreak');
    expect(validateAccount({ ...c, options: { ...c.options, timeoutSec: '0.5' } }).timeout).toBeUndefined();
    expect(validateAccount({ ...c, options: { ...c.options, caPem: '-----BEGIN CERTIFICATE-----' + 'A'.repeat(200_001) } }).caPem).toBe('input.caPem.tooLarge');
  });

  it('names each bad field', () => {
    const c = initialCase('x', new Date());
    c.email = 'nope';
    c.servers.imap = { host: 'bad host!', port: '99999', security: 'tls' };
    c.options.timeoutSec = '500';
    c.options.caPem = 'hello';
    c.options.dnsServer = 'http://x';
    c.options.from = 'nobody';
    expect(validateAccount(c)).toEqual({
      dnsServer: 'input.dnsServer.invalid',
      from: 'account.envelope.invalid',
      email: 'input.email.invalid',
      'imap.host': 'input.host.typo',
      'imap.port': 'input.port.invalid',
      timeout: 'input.timeout.range',
      caPem: 'input.caPem.invalid',
    });
  });

  it('builds a request the engine schema accepts', () => {
    const c = initialCase('x', new Date());
    c.email = 'alice@lab.test';
    c.incoming = 'pop3';
    c.servers.pop3 = { host: 'mail.lab.test', port: '995', security: 'tls' };
    c.servers.smtp = { host: '', port: '', security: 'starttls' };
    c.options = { timeoutSec: '8', allowInsecureAuth: true, noDomainLookups: true, dnsServer: '127.0.0.1:5353', caPem: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----', from: '', to: '' };
    expect(validateAccount(c)).toEqual({});
    const req = buildDiagnoseRequest(c, 'run-1');
    expect(DiagnoseRequest.safeParse(req).success).toBe(true);
    expect(req.account).toEqual({ email: 'alice@lab.test', pop3: { host: 'mail.lab.test', port: 995, security: 'tls' } });
    expect(req.options).toMatchObject({ timeoutMs: 8000, allowInsecureAuth: true, domainLookups: false, dnsServer: '127.0.0.1:5353', protocols: ['pop3'] });
    // Off by default: the switch only goes into the request when ticked.
    expect(buildDiagnoseRequest(initialCase('y', new Date()), 'run-2').options).not.toHaveProperty('domainLookups');
  });

  it('says "too long" at the field while typing, at the contract’s own limits', () => {
    const c = initialCase('x', new Date());
    expect(lengthErrors(c)).toEqual({});
    c.email = `${'a'.repeat(LIMITS.email)}@x.jp`;
    c.user = 'u'.repeat(LIMITS.user + 1);
    c.password = 'p'.repeat(LIMITS.password + 1);
    c.servers.smtp = { host: 'h'.repeat(LIMITS.host + 1), port: '587', security: 'starttls' };
    c.options = { ...c.options, dnsServer: '1'.repeat(LIMITS.dnsServer + 1), from: `${'f'.repeat(LIMITS.email)}@x.jp`, to: 'ok@x.jp' };
    expect(lengthErrors(c)).toEqual({
      email: 'input.email.tooLong',
      user: 'input.user.tooLong',
      password: 'input.password.tooLong',
      'smtp.host': 'input.host.tooLong',
      dnsServer: 'input.dnsServer.tooLong',
      from: 'input.envelope.tooLong',
    });
    // Exactly at the limit is fine.
    c.password = 'p'.repeat(LIMITS.password);
    expect(lengthErrors(c).password).toBeUndefined();
  });

  it('a run the engine refuses names its field: from the contract’s schema path or the engine’s own field', () => {
    // What the contract itself answers for a too-long address sent anyway.
    const parsed = contract['diagnose:run'].request.safeParse({ runId: 'r', account: { email: `${'a'.repeat(LIMITS.email)}@x.jp` }, options: {} });
    expect(parsed.success).toBe(false);
    const first = parsed.success ? undefined : parsed.error.issues[0];
    expect(refusalError({ path: first!.path.join('.'), issue: first!.message })).toEqual({ field: 'email', key: 'input.email.tooLong' });
    expect(refusalError({ path: 'account.smtp.port', issue: 'Too big' })).toEqual({ field: 'smtp.port', key: 'input.port.invalid' });
    expect(refusalError({ field: 'dnsServer' })).toEqual({ field: 'dnsServer', key: 'input.dnsServer.invalid' });
    expect(refusalError({ field: 'email', reason: 'empty-label' })).toEqual({ field: 'email', key: 'input.email.invalid' });
    expect(refusalError({ field: 'domainLookups', reason: 'needs-server' })).toEqual({ field: 'servers', key: 'input.domainLookups.needsServer' });
    expect(refusalError({ path: 'options.from', issue: 'input.email.invalid' })).toEqual({ field: 'from', key: 'input.email.invalid' });
    expect(refusalError(undefined)).toBeUndefined();
    expect(refusalError({ reason: 'too-large' })).toBeUndefined();
  });
});
