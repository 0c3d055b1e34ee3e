/**
 * Offline discovery for the addresses a Japanese helpdesk meets: which
 * provider is recognised, which server comes out best per protocol, and
 * that a catalog provider never gets conventional guesses beside its servers.
 * `null` = nothing may be offered for that protocol (no POP, an unknown
 * rental-server name, an address that is no mailbox).
 */
import { describe, expect, it } from 'vitest';
import { discover } from './discover';

type Row = [email: string, provider: string, imap: string | null, pop3: string | null, smtp: string | null, user?: string];

const ROWS: Row[] = [
  // carriers
  ['hanako@docomo.ne.jp', 'docomo', 'imap.spmode.ne.jp:993', null, 'smtp.spmode.ne.jp:465'],
  ['taro@au.com', 'au', 'imap.ezweb.ne.jp:993', null, 'smtp.ezweb.ne.jp:465'],
  ['taro@ezweb.ne.jp', 'au', 'imap.ezweb.ne.jp:993', null, 'smtp.ezweb.ne.jp:465'],
  ['taro@i.softbank.jp', 'softbank', 'imap.softbank.jp:993', null, 'smtp.softbank.jp:465'],
  ['taro@softbank.ne.jp', 'softbank-mms', null, null, null],
  ['taro@ymobile.ne.jp', 'ymobile-mms', null, null, null],
  ['taro@rakumail.jp', 'rakuten-mail', null, null, null],
  ['taro@mopera.net', 'mopera', 'mail.mopera.net:993', 'mail.mopera.net:995', 'mail.mopera.net:465'],
  // Yahoo! JAPAN and its brands
  ['taro@yahoo.co.jp', 'yahoo-japan', 'imap.mail.yahoo.co.jp:993', 'pop.mail.yahoo.co.jp:995', 'smtp.mail.yahoo.co.jp:465', 'taro'],
  ['taro@ymail.ne.jp', 'yahoo-japan', 'imap.mail.yahoo.co.jp:993', 'pop.mail.yahoo.co.jp:995', 'smtp.mail.yahoo.co.jp:465', 'taro@ymail.ne.jp'],
  ['taro@yahoo.ne.jp', 'yahoo-japan', 'imap.mail.yahoo.co.jp:993', 'pop.mail.yahoo.co.jp:995', 'smtp.mail.yahoo.co.jp:465', 'taro@yahoo.ne.jp'],
  ['taro@ybb.ne.jp', 'yahoo-bb', null, 'ybbpop.mail.yahoo.co.jp:995', 'ybbsmtp.mail.yahoo.co.jp:465', 'taro'],
  // ISPs
  ['taro@ocn.ne.jp', 'ocn', 'imap.ocn.ne.jp:993', 'pop.ocn.ne.jp:995', 'smtp.ocn.ne.jp:465'],
  ['taro@abc.ocn.ne.jp', 'ocn', 'imap.ocn.ne.jp:993', 'pop.ocn.ne.jp:995', 'smtp.ocn.ne.jp:465'],
  ['taro@biglobe.ne.jp', 'biglobe', 'mail.biglobe.ne.jp:993', 'mail.biglobe.ne.jp:995', 'mail.biglobe.ne.jp:465'],
  ['taro@kym.biglobe.ne.jp', 'biglobe', 'mail.biglobe.ne.jp:993', 'mail.biglobe.ne.jp:995', 'mail.biglobe.ne.jp:465'],
  ['taro@ab3.so-net.ne.jp', 'so-net', 'imap.so-net.ne.jp:993', 'pop.so-net.ne.jp:995', 'mail.so-net.ne.jp:587'],
  ['taro@nifty.com', 'nifty', 'imap.nifty.com:993', 'pop.nifty.com:995', 'smtp.nifty.com:465'],
  ['taro@nifty.ne.jp', 'nifty', 'imap.nifty.com:993', 'pop.nifty.com:995', 'smtp.nifty.com:465'],
  ['taro@xyz.nifty.ne.jp', 'nifty', 'imap.nifty.com:993', 'pop.nifty.com:995', 'smtp.nifty.com:465'],
  ['taro@infoweb.ne.jp', 'nifty', 'imap.nifty.com:993', 'pop.nifty.com:995', 'smtp.nifty.com:465'],
  ['taro@jcom.zaq.ne.jp', 'jcom', 'imap.jcom.zaq.ne.jp:993', 'pops.jcom.zaq.ne.jp:995', 'smtpa.jcom.zaq.ne.jp:465'],
  ['taro@jcom.home.ne.jp', 'jcom-legacy', null, null, null],
  ['taro@tokyo.jcom.home.ne.jp', 'jcom-legacy', null, null, null],
  ['taro@ctv.zaq.ne.jp', 'jcom-legacy', null, null, null],
  ['taro@tokyo.plala.or.jp', 'plala', null, null, 'secure.plala.or.jp:587'],
  ['taro@osaka.eonet.ne.jp', 'eo', 'imaps.eonet.ne.jp:993', null, null],
  ['taro@ab.auone-net.jp', 'au-one-net', null, 'pop.ab.auone-net.jp:110', 'msa.ab.auone-net.jp:465'],
  ['taro@cd.dion.ne.jp', 'au-one-net', null, 'pop.cd.dion.ne.jp:110', 'msa.cd.dion.ne.jp:465'],
  // Microsoft, Google, Apple, Zoho
  ['taro@outlook.jp', 'outlook-com', 'outlook.office365.com:993', 'outlook.office365.com:995', 'smtp-mail.outlook.com:587'],
  ['taro@hotmail.co.jp', 'outlook-com', 'outlook.office365.com:993', 'outlook.office365.com:995', 'smtp-mail.outlook.com:587'],
  ['taro@live.jp', 'outlook-com', 'outlook.office365.com:993', 'outlook.office365.com:995', 'smtp-mail.outlook.com:587'],
  ['taro@live.co.jp', 'outlook-com', 'outlook.office365.com:993', 'outlook.office365.com:995', 'smtp-mail.outlook.com:587'],
  ['taro@contoso.onmicrosoft.com', 'microsoft-365', 'outlook.office365.com:993', 'outlook.office365.com:995', 'smtp.office365.com:587'],
  ['taro@gmail.com', 'gmail', 'imap.gmail.com:993', 'pop.gmail.com:995', 'smtp.gmail.com:465'],
  ['taro@icloud.com', 'icloud', 'imap.mail.me.com:993', null, 'smtp.mail.me.com:587'],
  ['taro@zoho.jp', 'zoho', 'imap.zoho.jp:993', 'pop.zoho.jp:995', 'smtp.zoho.jp:465'],
  // rental servers by their initial domains
  ['info@myshop.sakura.ne.jp', 'sakura', 'myshop.sakura.ne.jp:993', null, 'myshop.sakura.ne.jp:587'],
  ['info@myshop.xsrv.jp', 'xserver', null, null, null],
  ['info@myshop.lolipop.jp', 'lolipop', 'imap.lolipop.jp:993', 'pop3.lolipop.jp:995', 'smtp.lolipop.jp:465'],
  ['info@myshop.main.jp', 'lolipop', 'imap.lolipop.jp:993', 'pop3.lolipop.jp:995', 'smtp.lolipop.jp:465'],
  ['info@myshop.conoha.jp', 'conoha', null, null, null],
  ['info@myshop.heteml.jp', 'heteml', null, null, null],
  ['info@myshop.mixh.jp', 'mixhost', null, null, null],
  ['info@myshop.kagoya.ne.jp', 'kagoya', null, null, null],
];

const hp = (c: { host: string; port: number } | undefined) => (c ? `${c.host}:${c.port}` : null);

describe('offline discovery of Japanese addresses', () => {
  it('covers at least 40 addresses', () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(ROWS)('%s → %s', async (email, provider, imap, pop3, smtp, user) => {
    const r = await discover({ email, offline: true });
    expect(r.providerId).toBe(provider);
    expect([hp(r.best.imap), hp(r.best.pop3), hp(r.best.smtp)]).toEqual([imap, pop3, smtp]);
    // A provider in the catalog never gets imap.<domain>-style guesses beside its servers.
    expect(r.candidates.filter((c) => c.source === 'guess')).toEqual([]);
    if (user) expect(r.best.imap?.usernameValue ?? r.best.pop3?.usernameValue).toBe(user);
  });

  it('says why an address that is no mailbox gets nothing', async () => {
    const r = await discover({ email: 'taro@softbank.ne.jp', offline: true });
    expect(r.tried.find((t) => t.source === 'catalog')?.outcome).toContain('not a mailbox');
  });

  it('says where an Xserver server name comes from instead of guessing mail.<domain>', async () => {
    const r = await discover({ email: 'info@myshop.xsrv.jp', offline: true });
    expect(r.tried.find((t) => t.source === 'catalog')?.outcome).toContain('sv1234.xserver.jp');
    expect(r.candidates.some((c) => c.host.startsWith('mail.'))).toBe(false);
  });

  it('still guesses for a domain nobody knows', async () => {
    const r = await discover({ email: 'info@unknown-shop.jp', offline: true });
    expect(r.providerId).toBeUndefined();
    expect(r.best.imap).toMatchObject({ source: 'guess', host: 'imap.unknown-shop.jp' });
  });
});
