/**
 * The manual baseline: the checks a helpdesk engineer runs by hand, one after another, for a
 * healthy IMAPS + POP3S + submission account: `openssl s_client` for each certificate, `curl`
 * for the IMAP and POP3 logins, `swaks --quit-after RCPT` for SMTP AUTH and the envelope.
 * No typing time is counted (the baseline is the tools' own time, which flatters it).
 */
import { spawn } from 'node:child_process';
import { curlVerdict, opensslVerdict, swaksVerdict, type ManualVerdict } from './bench-stats';

export interface ManualTarget {
  /** The name the certificate is for (SNI and the name checked). */
  host: string;
  /** Where it listens (the latency proxy's address). */
  ip: string;
  caFile: string;
  user: string;
  password: string;
  email: string;
}

export interface ManualStep {
  name: string;
  ms: number;
  verdict: ManualVerdict;
  output: string;
}

/** A tool that hangs must not hang the benchmark: 30 s is far beyond any healthy step. */
const TOOL_TIMEOUT_MS = 30_000;

export function runTool(cmd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TOOL_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ status: null, stdout, stderr: stderr + String(e), ms: performance.now() - t0 });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** The command lines, in the order a person types them. */
export function manualCommands(t: ManualTarget): Array<{ name: string; cmd: string; args: string[]; judge: (s: number | null, out: string, err: string) => ManualVerdict }> {
  const sclient = (port: number, extra: string[]): string[] => [
    's_client', '-connect', `${t.ip}:${port}`, '-servername', t.host, '-verify_hostname', t.host, '-CAfile', t.caFile, '-verify_return_error', '-brief', ...extra,
  ];
  const curl = (scheme: 'imaps' | 'pop3s', port: number): string[] => [
    '-sS', '--max-time', '20', '--cacert', t.caFile, '--resolve', `${t.host}:${port}:${t.ip}`, '-u', `${t.user}:${t.password}`, `${scheme}://${t.host}/`,
  ];
  return [
    { name: 'openssl s_client :993', cmd: 'openssl', args: sclient(993, []), judge: (s, o, e) => opensslVerdict(s, o + e) },
    { name: 'openssl s_client :995', cmd: 'openssl', args: sclient(995, []), judge: (s, o, e) => opensslVerdict(s, o + e) },
    { name: 'openssl s_client -starttls smtp :587', cmd: 'openssl', args: sclient(587, ['-starttls', 'smtp']), judge: (s, o, e) => opensslVerdict(s, o + e) },
    { name: 'curl imaps://', cmd: 'curl', args: curl('imaps', 993), judge: (s, o) => curlVerdict(s, o, 'imap') },
    { name: 'curl pop3s://', cmd: 'curl', args: curl('pop3s', 995), judge: (s, o) => curlVerdict(s, o, 'pop3') },
    {
      name: 'swaks --quit-after RCPT :587',
      cmd: 'swaks',
      args: [
        '--server', t.ip, '--port', '587', '--tls', '--tls-verify', '--tls-ca-path', t.caFile, '--tls-sni', t.host, '--helo', 'bench.lab.test',
        '--auth', 'PLAIN', '--auth-user', t.user, '--auth-password', t.password, '--from', t.email, '--to', t.email, '--quit-after', 'RCPT',
      ],
      judge: (s, o, e) => swaksVerdict(s, o + e),
    },
  ];
}

/** Runs the baseline once, sequentially; the time is the sum a person waits. */
export async function runManual(t: ManualTarget): Promise<{ ms: number; steps: ManualStep[] }> {
  const steps: ManualStep[] = [];
  const t0 = performance.now();
  for (const c of manualCommands(t)) {
    const r = await runTool(c.cmd, c.args);
    steps.push({ name: c.name, ms: r.ms, verdict: c.judge(r.status, r.stdout, r.stderr), output: r.stdout + r.stderr });
  }
  return { ms: performance.now() - t0, steps };
}
