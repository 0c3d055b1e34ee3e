import { describe, expect, it } from 'vitest';
import { buildDiagnoseRequest, isDnsServer, parsePort, validateAccount } from './account-request';
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

  it('accepts the DNS server forms the engine takes', () => {
    for (const ok of ['192.0.2.53', '127.0.0.1:5353', 'ns.example.jp', '[::1]:53', '::1']) expect(isDnsServer(ok), ok).toBe(true);
    for (const bad of ['192.0.2.53:99999', 'a b', 'http://x', '']) expect(isDnsServer(bad), bad).toBe(false);
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
      dnsServer: 'account.dnsServer.invalid',
      from: 'account.envelope.invalid',
      email: 'account.email.invalid',
      'imap.host': 'account.host.invalid',
      'imap.port': 'account.port.invalid',
      timeout: 'account.timeout.invalid',
      caPem: 'account.caPem.invalid',
    });
  });

  it('builds a request the engine schema accepts', () => {
    const c = initialCase('x', new Date());
    c.email = 'alice@lab.test';
    c.incoming = 'pop3';
    c.servers.pop3 = { host: 'mail.lab.test', port: '995', security: 'tls' };
    c.servers.smtp = { host: '', port: '', security: 'starttls' };
    c.options = { timeoutSec: '8', allowInsecureAuth: true, dnsServer: '127.0.0.1:5353', caPem: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----', from: '', to: '' };
    expect(validateAccount(c)).toEqual({});
    const req = buildDiagnoseRequest(c, 'run-1');
    expect(DiagnoseRequest.safeParse(req).success).toBe(true);
    expect(req.account).toEqual({ email: 'alice@lab.test', pop3: { host: 'mail.lab.test', port: 995, security: 'tls' } });
    expect(req.options).toMatchObject({ timeoutMs: 8000, allowInsecureAuth: true, dnsServer: '127.0.0.1:5353', protocols: ['pop3'] });
  });
});
