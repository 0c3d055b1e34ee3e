/**
 * Checklist steps the connection test has already answered: the agent does not ask the
 * customer to check what Mail Doctor has just measured. Each check is strict (a cancelled
 * run answers nothing) and says in one sentence what the test showed.
 */
import type { Lang } from '../../models/device';
import type { DiagnoseReport, ProbeResult } from '../../models/probe';
import type { SettingsDiffRow } from '../composer/composer-types';
import { configured, finished, loginProved } from '../composer/probe-evidence';
import { L, pick } from '../findings/fix-types';
import { assertNever } from '../../result';

/** What the run can have answered; a step definition names the one that answers it. */
export type AnswerCheck = 'both-sides' | 'ports' | 'settings' | 'networks' | 'login' | 'server-up';

export interface AnswerInput {
  report?: DiagnoseReport | null;
  /** The diagnosis' settings diff (device value vs correct value). */
  settingsDiff?: readonly SettingsDiffRow[];
  /** At least two runs on differently named networks were compared. */
  networksCompared?: boolean;
}

const incoming = (p: ProbeResult) => p.protocol === 'imap' || p.protocol === 'pop3';
const greeted = (p: ProbeResult) => p.steps.some((s) => s.name === 'greeting' && s.status === 'ok');

/** The sentence saying what the test showed, or undefined when the run did not answer the check. */
export function answeredBy(check: AnswerCheck, input: AnswerInput, lang: Lang): string | undefined {
  const r = input.report;
  const run = r && !r.cancelled ? r : undefined;
  const tested = configured(run).filter(finished);
  switch (check) {
    case 'both-sides':
      return tested.some(incoming) && tested.some((p) => p.protocol === 'smtp')
        ? pick(L('接続テストで、受信と送信を別々に確かめました。', 'The connection test checked receiving and sending separately.'), lang)
        : undefined;
    case 'ports':
      return (run?.probes ?? []).some((p) => p.role === 'alternative' && finished(p))
        ? pick(L('接続テストで、ほかのポート番号と「SSL」の組み合わせも試しました。', 'The connection test also tried the other port and SSL combinations.'), lang)
        : undefined;
    case 'settings': {
      const diff = input.settingsDiff ?? [];
      return diff.length > 0 && diff.every((d) => d.status !== 'unknown')
        ? pick(L('診断結果の表で、端末の設定を正しい値と見比べました。', 'The diagnosis table compared the device’s settings with the correct values.'), lang)
        : undefined;
    }
    case 'networks':
      return input.networksCompared ? pick(L('ネットワーク比較で、2つのネットワークの結果を比べました。', 'The network comparison compared the results of two networks.'), lang) : undefined;
    case 'login':
      return run && loginProved(run) ? pick(L('接続テストで、このパスワードでログインできました。', 'The connection test signed in with this password.'), lang) : undefined;
    case 'server-up':
      return tested.length > 0 && tested.every(greeted) && !(run?.findings ?? []).some((f) => f.code === 'SERVER_UNAVAILABLE')
        ? pick(L('接続テストで、サーバーが応答しました（障害ではありません）。', 'The server answered the connection test (no outage).'), lang)
        : undefined;
    default:
      return assertNever(check, 'answer check');
  }
}
