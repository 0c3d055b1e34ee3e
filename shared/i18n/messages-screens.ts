/**
 * UI strings of the settings comparison table, the device's-own-words form and field
 * messages, in English and Japanese. Kept beside messages.ts (which spreads them into the one
 * catalog) so these screens can grow without every engineer editing one long file.
 */
export const screensEn = {
  // settings comparison: what the result column says (SettingsDiffRow.verdict)
  'diff.verdict.same': 'matches',
  'diff.verdict.change': 'change this',
  'diff.verdict.check': 'check',
  'diff.verdict.not-entered': 'not entered',
  'diff.verdict.unknown': 'cannot tell',
  'diff.verdict.check.hint': 'Only the form differs (with or without @domain). Many servers accept both; change it only if sign-in fails.',
  // the correct cell when no value is confirmed (SettingsDiffRow.noCorrect)
  'diff.noCorrect.typed': 'not confirmed (the typed value was not tested)',
  'diff.noCorrect.guess': 'not confirmed (the guessed value was not tested)',
  'diff.noCorrect.none': 'unknown (nothing confirmed)',
  // field messages the contract's schemas have no key for
  'input.dnsServer.tooLong': 'DNS server: too long (300 characters at most). Enter one IP address.',
  'input.envelope.tooLong': 'Address: too long (320 characters at most).',
};
export type ScreensMessageKey = keyof typeof screensEn;

export const screensJa: Record<ScreensMessageKey, string> = {
  'diff.verdict.same': '一致',
  'diff.verdict.change': '要変更',
  'diff.verdict.check': '確認を',
  'diff.verdict.not-entered': '未入力',
  'diff.verdict.unknown': '判定できず',
  'diff.verdict.check.hint': '書き方（@以降の有無）だけが違います。多くのサーバーはどちらでもログインできます。ログインできないときだけ変えてください。',
  'diff.noCorrect.typed': '確かめられませんでした（入力した値は未検証）',
  'diff.noCorrect.guess': '確かめられませんでした（推測した値は未検証）',
  'diff.noCorrect.none': '不明（確認できた値がありません）',
  'input.dnsServer.tooLong': 'DNS サーバー: 長すぎます（300文字まで）。IP アドレスを1つ入力してください。',
  'input.envelope.tooLong': 'アドレス: 長すぎます（320文字まで）。',
};
