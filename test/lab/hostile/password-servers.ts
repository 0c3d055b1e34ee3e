/**
 * Scripted IMAP, POP3 and SMTP listeners in plaintext on 127.0.0.1 that accept exactly one
 * password (AUTHENTICATE PLAIN with SASL-IR, USER/PASS, AUTH PLAIN) and refuse any other: a
 * succeeding and a failing login where the real-server lab cannot run (the Electron release
 * runners have no Dovecot/Postfix). No certificate needed: the run allows plaintext credentials.
 */
import { scriptServer, type ScriptServer } from './script-server';

const CRLF = '\r\n';

/** The password inside an AUTH PLAIN initial response (RFC 4616: authzid \0 user \0 password). */
function plainPassword(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8').split('\0')[2] ?? '';
}

export function imapPasswordServer(password: string): Promise<ScriptServer> {
  return scriptServer({}, (api) => {
    api.write(`* OK scripted IMAP ready${CRLF}`);
    api.onLine((raw) => {
      const line = Buffer.from(raw, 'latin1').toString('utf8');
      const [tag = '*', cmdRaw = '', ...rest] = line.split(' ');
      const cmd = cmdRaw.toUpperCase();
      if (cmd === 'CAPABILITY') api.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR${CRLF}${tag} OK done${CRLF}`);
      else if (cmd === 'AUTHENTICATE') api.write(plainPassword(rest[1] ?? '') === password ? `${tag} OK logged in${CRLF}` : `${tag} NO [AUTHENTICATIONFAILED] Invalid credentials${CRLF}`);
      else if (cmd === 'LOGOUT') {
        api.write(`* BYE bye${CRLF}${tag} OK LOGOUT${CRLF}`);
        api.sock.end();
      } else api.write(`${tag} OK ${cmd} done${CRLF}`);
    });
  });
}

export function pop3PasswordServer(password: string): Promise<ScriptServer> {
  return scriptServer({}, (api) => {
    api.write(`+OK scripted POP3 ready${CRLF}`);
    api.onLine((raw) => {
      const line = Buffer.from(raw, 'latin1').toString('utf8');
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'CAPA') api.write(['+OK', 'USER', '.'].join(CRLF) + CRLF);
      else if (verb === 'USER') api.write(`+OK${CRLF}`);
      else if (verb === 'PASS') api.write(line.slice(5) === password ? `+OK logged in${CRLF}` : `-ERR [AUTH] Authentication failed${CRLF}`);
      else if (verb === 'STAT') api.write(`+OK 0 0${CRLF}`);
      else if (verb === 'QUIT') {
        api.write(`+OK bye${CRLF}`);
        api.sock.end();
      } else api.write(`+OK${CRLF}`);
    });
  });
}

export function smtpPasswordServer(password: string): Promise<ScriptServer> {
  return scriptServer({}, (api) => {
    api.write(`220 scripted.test ESMTP ready${CRLF}`);
    api.onLine((line) => {
      const [verbRaw = '', mech = '', resp = ''] = line.split(' ');
      const verb = verbRaw.toUpperCase();
      if (verb === 'EHLO') api.write(`250-scripted.test${CRLF}250 AUTH PLAIN${CRLF}`);
      else if (verb === 'AUTH' && mech.toUpperCase() === 'PLAIN') api.write(plainPassword(resp) === password ? `235 2.7.0 Authentication successful${CRLF}` : `535 5.7.8 Authentication failed${CRLF}`);
      else if (verb === 'QUIT') {
        api.write(`221 bye${CRLF}`);
        api.sock.end();
      } else api.write(`250 OK${CRLF}`);
    });
  });
}
