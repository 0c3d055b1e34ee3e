/**
 * Names of the device families and of the confidence grades, as the UI shows them.
 */
import type { Device, Grade, Lang } from '../../models/device';
import { assertNever } from '../../result';
import { L, pick } from '../findings/fix-types';

export function deviceName(device: Device, lang: Lang): string {
  switch (device) {
    case 'iphone': return pick(L('iPhone / iPad の「メール」', 'iPhone / iPad Mail'), lang);
    case 'outlook-classic': return pick(L('Outlook（クラシック版・Windows）', 'Outlook (classic, Windows)'), lang);
    case 'outlook-new': return pick(L('新しい Outlook（Windows）', 'New Outlook for Windows'), lang);
    case 'android-gmail': return pick(L('Android の Gmail アプリ', 'Gmail app on Android'), lang);
    case 'samsung-email': return pick(L('Samsung Email（Galaxy）', 'Samsung Email (Galaxy)'), lang);
    case 'mac-mail': return pick(L('Mac の「メール」', 'Mail on Mac'), lang);
    default: return assertNever(device, 'device');
  }
}

/**
 * How sure we are of a path, label or fact (grades: shared/models/device.ts).
 * U-graded text was not verified and must never look certain.
 */
export function gradeLabel(grade: Grade, lang: Lang): string {
  switch (grade) {
    case 'A': return pick(L('確認済み（公式情報）', 'confirmed (official source)'), lang);
    case 'B': return pick(L('確認済み（複数の情報源）', 'confirmed (several sources)'), lang);
    case 'C': return pick(L('参考情報（要確認）', 'hint (check it)'), lang);
    case 'U': return pick(L('未確認', 'unconfirmed'), lang);
    default: return assertNever(grade, 'grade');
  }
}

/** True when the UI must show the 「未確認」/"unconfirmed" mark. */
export function isUnconfirmed(grade: Grade): boolean {
  return grade === 'U';
}
