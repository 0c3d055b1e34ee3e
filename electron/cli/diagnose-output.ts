/**
 * Human output of `mail-doctor diagnose`: a compact findings table, probe lines, colour when the
 * terminal has it. Everything that came from a server or the user goes through safeOneLine, so an
 * ESC sequence in a reply shows as `\x1b[2J` instead of clearing the screen.
 */
import { styleText } from 'node:util';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { safeOneLine } from '../../shared/security/server-text';
import { t } from '../../shared/i18n/messages';
import type { Device, Lang } from '../../shared/models/device';
import type { Diagnosis } from '../../shared/knowledge/composer/composer-types';
import { deviceName } from '../../shared/knowledge/devices/device-names';
import type { DiagnoseProgress, DiagnoseReport, Finding, ProbeResult } from '../../shared/models/probe';

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold';

/**
 * `color` is decided once, by realIo() for the real terminal (a TTY whose colour depth Node finds
 * usable: NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb turn it off), so styleText is told not to
 * second-guess it against process.stdout (progress goes to stderr; tests pass their own io).
 */
function paint(color: boolean, style: Style, s: string): string {
  return color ? styleText(style, s, { validateStream: false }) : s;
}

const SEVERITY: Record<Finding['severity'], [string, string, Style]> = {
  error: ['エラー', 'ERROR', 'red'],
  warning: ['注意', 'WARN', 'yellow'],
  info: ['情報', 'INFO', 'cyan'],
};

function mode(security: string | undefined, lang: Lang): string {
  if (security === 'tls') return 'SSL/TLS';
  if (security === 'starttls') return 'STARTTLS';
  if (security === 'none') return lang === 'ja' ? '暗号化なし' : 'no encryption';
  return '';
}

/** East Asian wide characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

const oneLine = (s: string | undefined, max = 90): string => (s ? safeOneLine(s, max) : '');

export function progressLine(p: DiagnoseProgress, lang: Lang, color: boolean): string | null {
  if (p.kind === 'planned') {
    const n = p.targets.length;
    return lang === 'ja' ? `${n} 件の接続を確認します…` : `Checking ${n} connection${n === 1 ? '' : 's'}…`;
  }
  if (p.kind !== 'probe-done') return null;
  const r = p.probe;
  const mark = r.status === 'ok' ? paint(color, 'green', '✓') : r.status === 'cancelled' || r.status === 'not-needed' ? paint(color, 'dim', '-') : paint(color, 'red', '✗');
  const role = r.role === 'alternative' ? (lang === 'ja' ? '（代替）' : ' (alternative)') : '';
  const moot = r.status === 'not-needed' ? (lang === 'ja' ? '  不要（確認済み）' : '  not needed') : '';
  return `${mark} ${r.protocol.toUpperCase()} ${oneLine(r.host, 253)}:${r.port} ${mode(r.security, lang)}${role}  ${(r.durationMs / 1000).toFixed(1)}s${moot}`;
}

function fixText(f: Finding, lang: Lang): string {
  if (!f.fix) return '';
  const m = mode(f.fix.security, lang);
  return lang === 'ja' ? `→ 設定を ${oneLine(f.fix.host, 253)} ポート ${f.fix.port} / ${m} に変更` : `→ change to ${oneLine(f.fix.host, 253)} port ${f.fix.port} / ${m}`;
}

export function renderReport(r: DiagnoseReport, lang: Lang, color: boolean): string {
  const out: string[] = [];
  const head = lang === 'ja' ? `メールドクター診断: ${oneLine(r.email, 400)}` : `Mail Doctor diagnosis: ${oneLine(r.email, 400)}`;
  out.push(paint(color, 'bold', head));
  if (r.findings.length === 0) {
    out.push(paint(color, 'green', lang === 'ja' ? '問題は見つかりませんでした。' : 'No problems found.'));
  } else {
    for (const f of r.findings) {
      const [ja, en, c] = SEVERITY[f.severity];
      const sev = pad(lang === 'ja' ? ja : en, 6);
      const where = f.protocol ? `${f.protocol.toUpperCase()} ${f.port ?? ''}${f.security ? '/' + mode(f.security, lang) : ''}` : '';
      out.push(`${paint(color, c, sev)} ${pad(f.code, 28)} ${pad(where, 18)} ${findingTitle(f.code, lang)}`);
      const ev = f.evidence.serverReply ?? f.evidence.message ?? f.evidence.errorCode;
      if (ev) out.push(paint(color, 'dim', `       ${oneLine(ev)}`));
      if (f.fix) out.push(`       ${paint(color, 'green', fixText(f, lang))}`);
    }
  }
  out.push('');
  for (const p of r.probes) out.push(probeLine(p, lang, color));
  // Said, so nobody reads the missing MX/SRV as "the domain has none".
  for (const d of r.dns) if (d.skipped) out.push(paint(color, 'dim', `${oneLine(d.host, 253)}: ${t(lang, `probe.dns.skipped.${d.skipped}`)}`));
  const verdict = r.cancelled
    ? lang === 'ja' ? '中止しました' : 'Cancelled'
    : r.ok
      ? lang === 'ja' ? '結果: エラーなし' : 'Result: no errors'
      : lang === 'ja' ? `結果: エラー ${r.findings.filter((f) => f.severity === 'error').length} 件` : `Result: ${r.findings.filter((f) => f.severity === 'error').length} error(s)`;
  out.push('');
  out.push(paint(color, r.ok ? 'green' : 'red', `${verdict}  (${(r.durationMs / 1000).toFixed(1)}s)`));
  return out.join('\n') + '\n';
}

function probeLine(p: ProbeResult, lang: Lang, color: boolean): string {
  const st = p.status === 'ok' ? paint(color, 'green', 'ok    ') : p.status === 'cancelled' ? paint(color, 'dim', 'cancel') : p.status === 'not-needed' ? paint(color, 'dim', lang === 'ja' ? '不要  ' : 'moot  ') : paint(color, 'red', 'failed');
  const steps = p.steps.map((s) => `${s.name}:${s.status}`).join(' ');
  const role = p.role === 'alternative' ? '*' : ' ';
  return `${role}${st} ${pad(`${p.protocol.toUpperCase()} ${oneLine(p.host, 253)}:${p.port} ${mode(p.security, lang)}`, 44)} ${paint(color, 'dim', steps)}`;
}

const HEADLINE: Record<Diagnosis['headline']['kind'], [string, string, Style]> = {
  ok: ['問題なし', 'OK', 'green'],
  problem: ['問題あり', 'PROBLEM', 'red'],
  unverified: ['未確認', 'NOT VERIFIED', 'yellow'],
};

/** `--device`: the headline, the top cause and that device's steps first, as the app shows them. */
export function renderDiagnosis(d: Diagnosis, device: Device, lang: Lang, color: boolean): string {
  const out: string[] = [];
  const [ja, en, style] = HEADLINE[d.headline.kind];
  out.push(paint(color, 'bold', `${paint(color, style, lang === 'ja' ? ja : en)}  ${oneLine(d.headline.text, 200)}`));
  if (d.headline.detail) out.push(oneLine(d.headline.detail, 200));
  const top = d.causes[0];
  if (top) {
    out.push('');
    out.push(paint(color, 'bold', `${lang === 'ja' ? '原因' : 'Cause'}: ${oneLine(top.title, 200)}`));
    // An outage or an unknown server name: the agent's own checks, nothing to do on the device.
    const whose = top.audience === 'helpdesk' ? (lang === 'ja' ? 'このパソコンで確かめること' : 'Check from this PC') : lang === 'ja' ? `${deviceName(device, lang)} での直し方` : `Fix on ${deviceName(device, lang)}`;
    out.push(`${whose}:`);
    top.steps.forEach((s, i) => {
      out.push(`  ${i + 1}. ${oneLine(s.text, 300)}`);
      if (s.path?.length) out.push(paint(color, 'dim', `     ${s.path.map((x) => oneLine(x, 60)).join(' > ')}`));
      if (s.setting) out.push(paint(color, 'green', `     ${oneLine(s.setting.label, 80)}: ${oneLine(s.setting.value, 80)}`));
    });
  }
  out.push('');
  return out.join('\n') + '\n';
}
