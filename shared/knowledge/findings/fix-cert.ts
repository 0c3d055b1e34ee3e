/**
 * Certificate faults as the customer meets them: the expiry date in words, and on an iPhone
 * what to do with the 「サーバの識別情報を検証できません」 dialog — its 「詳細」 shows the
 * certificate, its 「信頼」 must not be pressed for a certificate nobody has verified — and
 * what the helpdesk checks instead.
 */
import type { FindingCode } from '../../findings/codes';
import type { Device, Lang, Localized } from '../../models/device';
import type { Finding } from '../../models/probe';
import { certValidityText, formatDay } from '../../i18n/dates';
import { L, pick, type FixStep } from './fix-types';

const CERT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['TLS_CERT_EXPIRED', 'TLS_CERT_NOT_YET_VALID', 'TLS_CERT_SELF_SIGNED', 'TLS_CERT_UNTRUSTED', 'TLS_CERT_HOSTNAME_MISMATCH']);

export interface CertContext {
  device: Device;
  lang: Lang;
  /** When the run checked the certificate (ISO): "30 days ago" is counted from then. */
  checkedAt?: string;
}

/** 「2026年11月1日に期限切れ（30日前）」, or the plain last day when the time of the check is unknown. */
export function certExpiryText(finding: Finding, ctx: CertContext): string | undefined {
  const cert = finding.evidence.cert;
  if (!cert) return undefined;
  const at = ctx.checkedAt ? new Date(ctx.checkedAt) : undefined;
  if (at && !Number.isNaN(at.getTime())) return certValidityText(cert.validFrom, cert.validTo, at, ctx.lang);
  return pick(L(`${formatDay(cert.validTo, 'ja')}まで`, `until ${formatDay(cert.validTo, 'en')}`), ctx.lang);
}

/** What the helpdesk checks instead of trusting the certificate, per fault. */
function insteadOfTrust(code: FindingCode): Localized | undefined {
  switch (code) {
    case 'TLS_CERT_EXPIRED':
      return L('「信頼」の代わりに、端末の日付が正しいかを確かめます。正しければサーバー側の期限切れなので、プロバイダーに更新を頼み、直るまでは Web メールを使ってもらいます。', 'Instead of trusting it, check that the device’s date is right. If it is, the server’s certificate has expired: ask the provider to renew it and use webmail until then.');
    case 'TLS_CERT_NOT_YET_VALID':
      return L('「信頼」の代わりに、端末の日付と時刻が「自動設定」になっているかを確かめます。', 'Instead of trusting it, check that the device’s date and time are set automatically.');
    case 'TLS_CERT_SELF_SIGNED':
    case 'TLS_CERT_UNTRUSTED':
      return L('「信頼」の代わりに、テザリングなど別のネットワークでも同じ表示になるかを確かめます。片方だけならそのネットワークが通信に割り込んでいます。どちらでも出るなら、プロバイダーや会社の管理者に証明書を確認してもらいます。', 'Instead of trusting it, check whether another network (e.g. tethering) shows the same: on one network only, that network is intercepting the connection; on both, ask the provider or the company administrator to check the certificate.');
    case 'TLS_CERT_HOSTNAME_MISMATCH':
      return L('「信頼」の代わりに、サーバー名がプロバイダーの案内する正式な名前になっているかを確かめます（上の手順）。', 'Instead of trusting it, check that the server name is the provider’s official one (the steps above).');
    default:
      return undefined;
  }
}

/** Steps around a certificate fault's fix: the expiry date before it, the iPhone dialog after it. */
export function certSteps(finding: Finding, ctx: CertContext): { before: FixStep[]; after: FixStep[] } {
  if (!CERT_CODES.has(finding.code)) return { before: [], after: [] };
  const { lang } = ctx;
  const before: FixStep[] = [];
  const out: FixStep[] = [];
  const expiry = finding.code === 'TLS_CERT_EXPIRED' || finding.code === 'TLS_CERT_NOT_YET_VALID' ? certExpiryText(finding, ctx) : undefined;
  if (expiry) {
    before.push({ text: pick(L('サーバーの証明書の有効期限です。', 'The server certificate’s validity:'), lang), setting: { label: pick(L('有効期限', 'Valid'), lang), value: expiry }, grade: 'A' });
  }
  if (ctx.device === 'iphone') {
    out.push({
      // The dialog's Japanese wording (and its buttons) was not checked on a device: shown as unconfirmed.
      text: pick(
        L(
          'iPhone に「サーバの識別情報を検証できません」と出たら、「詳細」で証明書の中身は見られますが、「信頼」は押さないよう伝えます。確かめられない証明書を信頼すると、通信を盗み見られていても気づけず、パスワードが漏れるおそれがあります。',
          'If the iPhone shows “Cannot Verify Server Identity”, “Details” shows the certificate, but tell the customer not to tap “Trust”: trusting a certificate nobody has verified hides an interception and can leak the password.',
        ),
        lang,
      ),
      grade: 'U',
    });
    const instead = insteadOfTrust(finding.code);
    if (instead) out.push({ text: pick(instead, lang), grade: 'B' });
  }
  return { before, after: out };
}
