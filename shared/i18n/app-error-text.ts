import type { Lang } from '../models/device';
import { assertNever, type AppErrorCode } from '../result';

/** Translated text for the engine/transport error codes; exhaustive by construction. */
export function appErrorText(code: AppErrorCode, lang: Lang): string {
  const ja = lang === 'ja';
  switch (code) {
    case 'E_BAD_REQUEST':
      return ja ? '入力内容に誤りがあります。項目を確認してください。' : 'Some of the input is not valid. Please check the fields.';
    case 'E_FORBIDDEN':
      return ja ? 'この操作は許可されていません。アプリを再起動してください。' : 'This action is not allowed. Please restart the app.';
    case 'E_NOT_FOUND':
      return ja ? '見つかりませんでした。' : 'Not found.';
    case 'E_CANCELLED':
      return ja ? 'キャンセルしました。' : 'Cancelled.';
    case 'E_UNSUPPORTED':
      return ja ? 'この環境ではこの操作は使えません。' : 'This is not available here.';
    case 'E_BUSY':
      return ja ? '同じ処理が実行中です。終わるまでお待ちください。' : 'The same operation is already running. Please wait for it to finish.';
    case 'E_TIMEOUT':
      return ja ? '時間内に応答がありませんでした。' : 'No answer in time.';
    case 'E_INTERNAL':
      return ja ? '予期しないエラーが発生しました。もう一度お試しください。' : 'Something unexpected went wrong. Please try again.';
    default:
      return assertNever(code, 'app error code');
  }
}
