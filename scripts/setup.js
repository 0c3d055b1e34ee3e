#!/usr/bin/env node
// `npm run setup` (also the first step of `npm test` and of .ci/run): installs the Debian/Ubuntu
// packages the tests need when they are missing, the way `playwright install --with-deps` does.
// As root it runs apt-get; otherwise through `sudo -n` when that works without a prompt;
// otherwise it prints the one command to run and exits 1, because the e2e specs cannot run
// without Chromium. It never touches the npm dependencies (that is `npm ci`).
const { execFileSync, spawnSync } = require('node:child_process');

/**
 * The one list of system packages. Why each is needed:
 * chromium — the e2e specs drive Debian's Chromium (Playwright cannot download its own here);
 * fonts-noto-cjk — Japanese text in screenshots and the printed report is readable;
 * dovecot-imapd, dovecot-pop3d, postfix — the real IMAP/POP3/SMTP servers of the test lab;
 * poppler-utils — pdftotext/pdftoppm check the printed report;
 * openssl — the lab's CA and certificates; ca-certificates — a system trust bundle.
 */
const TEST_PACKAGES = ['chromium', 'fonts-noto-cjk', 'dovecot-imapd', 'dovecot-pop3d', 'postfix', 'poppler-utils', 'openssl', 'ca-certificates'];
/**
 * `npm run bench` compares the product with the checks a person runs by hand. swaks needs the
 * two Perl TLS modules for --tls; they are only Recommends, which --no-install-recommends drops.
 */
const BENCH_PACKAGES = ['swaks', 'curl', 'libnet-ssleay-perl', 'libio-socket-ssl-perl'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function main() {
  const wanted = process.argv.includes('--bench') ? [...TEST_PACKAGES, ...BENCH_PACKAGES] : TEST_PACKAGES;
  if (process.platform !== 'linux' || spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('setup: not a Debian/Ubuntu system; install these yourself if the tests need them: ' + wanted.join(' '));
    return 0;
  }
  const missing = wanted.filter((p) => !installed(p));
  if (missing.length === 0) {
    console.log('setup: system packages present.');
    return 0;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : canSudo() ? ['sudo', '-n'] : null;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!prefix) {
    console.error(`setup: missing Debian packages: ${missing.join(' ')}`);
    console.error(`setup: run as root (or with sudo): ${command}`);
    console.error('setup: without root the lab would also run only its scripted listeners (the real-server tests skip and say why).');
    return 1;
  }
  // As root the command itself; otherwise the same command through `sudo -n`.
  const run = (cmd, args, opts = {}) => {
    const [file, argv] = prefix.length ? ['sudo', ['-n', cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, ...opts });
  };
  console.log(`setup: installing ${missing.join(' ')}`);
  // Postfix asks a question at install time; the lab writes its own private config anyway.
  if (missing.includes('postfix')) {
    run('debconf-set-selections', [], { stdio: ['pipe', 'inherit', 'inherit'], input: 'postfix postfix/main_mailer_type select No configuration\n' });
  }
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing]);
  // Installing may start the system's own Dovecot/Postfix; the lab runs private instances.
  for (const svc of ['dovecot', 'postfix']) {
    if (missing.some((p) => p.startsWith(svc))) {
      try {
        run('service', [svc, 'stop'], { stdio: 'ignore' });
      } catch {
        // Not running (or no init system in a container): nothing to stop.
      }
    }
  }
  return 0;
}

process.exitCode = main();
