/**
 * The headline above the causes: `ok` only when the servers worked with these settings AND
 * this password; `problem` when the run (or the device's settings against what worked) shows
 * what is wrong; otherwise `unverified` — never green when it is not known.
 */
import type { Cause, ComposeInput, Headline, SettingsDiffRow } from './composer-types';
import { L, pick } from '../findings/fix-types';
import { userFormOnly } from './settings-diff';
import { AUTH_CODES, everyConfiguredWorks, loginProved, noPasswordGiven } from './probe-evidence';
import { causeConclusion } from './conclusion';

export interface HeadlineInput {
  input: ComposeInput;
  causes: readonly Cause[];
  diff: readonly SettingsDiffRow[];
}

export function composeHeadline({ input, causes, diff }: HeadlineInput): Headline {
  const lang = input.lang;
  const r = input.report;
  const top = causes[0];
  const say = (kind: Headline['kind'], text: { ja: string; en: string }, detail?: { ja: string; en: string }): Headline => ({
    kind,
    text: pick(text, lang),
    detail: detail ? pick(detail, lang) : '',
  });
  if (!r) {
    return top
      ? say('unverified', L(`考えられる原因：${top.title}`, `Possible cause: ${top.title}`), L('まだ接続テストをしていないため、お客様の画面の表示から考えた原因です。', 'No connection test yet: this comes from the message on the customer’s screen.'))
      : say('unverified', L('まだ診断していません', 'Not diagnosed yet'));
  }
  if (r.cancelled) {
    return say('unverified', L('診断を途中で止めたため、結果は途中までです', 'The check was stopped, so the result is incomplete'), L('もう一度診断すると、最後まで確かめます。', 'Run it again to check everything.'));
  }
  const wrong = diff.filter((d) => d.status === 'wrong');
  // The plain conclusion of the top cause (「ポート25番が回線で止められています」), not its category.
  if (!r.ok && top) return { kind: 'problem', text: causeConclusion(top, lang), detail: '' };
  if (!r.ok) return say('problem', L('接続に問題があります', 'There is a connection problem'));
  if (wrong.length > 0 && wrong.every(userFormOnly) && loginProved(r)) {
    const w = wrong[0];
    return say(
      'unverified',
      L('サーバーには問題なくつながります。端末のユーザー名の書き方は確かめていません', 'The servers work; the device’s form of the user name was not tested'),
      L(`ログインできたのは「${w?.correctValue ?? ''}」、端末は「${w?.deviceValue ?? ''}」です。`, `"${w?.correctValue ?? ''}" logged in; the device has "${w?.deviceValue ?? ''}".`),
    );
  }
  if (wrong.length > 0) {
    return say(
      'problem',
      L('端末の設定が、つながった設定と違います', 'The device’s settings differ from the ones that work'),
      L(`違う項目：${wrong.map((d) => d.label).join('、')}`, `Different: ${wrong.map((d) => d.label).join(', ')}`),
    );
  }
  const passwordSaysWrong = (input.lookup?.matches ?? []).some((m) => m.codes.some((c) => AUTH_CODES.has(c)));
  if (!loginProved(r)) {
    const why = noPasswordGiven(r)
      ? L('パスワードが入力されていないため、ログインは確かめていません。', 'No password was given, so the login was not checked.')
      : L('安全に送れる接続がなかったため、パスワードは送っていません。', 'No connection was safe enough to send the password over.');
    return passwordSaysWrong
      ? say('unverified', L('サーバーにはつながりますが、パスワードは確かめていません（お客様の画面はパスワードの誤りを示しています）', 'The server answers, but the password was not checked (the customer’s screen says it is wrong)'), why)
      : say('unverified', L('サーバーにはつながりますが、ログインは確かめていません', 'The server answers, but the login was not checked'), why);
  }
  if (!everyConfiguredWorks(r)) {
    return say('unverified', L('一部のサーバーは確かめられませんでした', 'Some servers could not be checked'), L('ログインを試せなかったサーバーがあります。', 'The login could not be tried on every server.'));
  }
  return say('ok', L('この設定とパスワードで、サーバーに問題なくつながります', 'The servers work with these settings and this password'), L('それでも端末でつながらない場合は、端末側の設定や状態を確かめます。', 'If the device still fails, check the device’s own settings and state.'));
}
