/**
 * The words for TLS_INTERCEPTED (ja/en): what re-signed the certificate, why the server is not
 * to blame, and what to do — exclude the mail ports from the product's scanning, or ask IT for
 * the proxy's policy. The finding's details (electron/probes/probe-tls.ts) carry the evidence;
 * how sure the product name is follows its grade (inspection-products.ts).
 */
import type { Grade, Lang, Localized } from '../models/device';
import type { Finding } from '../models/probe';
import { INSPECTION_PRODUCTS, type InspectionProduct } from './inspection-products';

export interface InterceptionStep {
  text: Localized;
  grade: Grade;
}

const L = (ja: string, en: string): Localized => ({ ja, en });

/** Certificate text is the server's (or the interceptor's): one line, no control characters, bounded. */
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** The issuer's common name ("avast! Web/Mail Shield Root"), else the whole name. */
export function issuerName(issuer: string): string {
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(issuer)?.[1];
  return safe(cn ?? issuer);
}

function detail(f: Finding, key: string): string | undefined {
  const v = f.evidence.details?.[key];
  return typeof v === 'string' && v ? v : undefined;
}

export function interceptionProduct(f: Finding): InspectionProduct | undefined {
  const id = detail(f, 'product');
  return id ? INSPECTION_PRODUCTS.find((p) => p.id === id) : undefined;
}

/** The product named as surely as its grade allows. */
function productPhrase(p: InspectionProduct): Localized {
  if (p.grade === 'A' || p.grade === 'B') return L(`${p.name.ja}`, `${p.name.en}`);
  if (p.grade === 'C') return L(`${p.name.ja}（と思われます）`, `${p.name.en} (probably)`);
  return L(`${p.name.ja}（発行元の名前からの推定・未確認）`, `${p.name.en} (guessed from the issuer's name, unconfirmed)`);
}

/** Why this reads as interception, in the customer's words. */
export function interceptionSummary(f: Finding, where: Localized, lang: Lang): string {
  const issuer = issuerName(detail(f, 'issuer') ?? f.evidence.cert?.issuer ?? '');
  const product = interceptionProduct(f);
  const expected = detail(f, 'expectedIssuer');
  const verified = detail(f, 'trustedBy') === 'os';
  const parts: Localized[] = [];
  if (product) {
    const name = productPhrase(product);
    parts.push(
      product.kind === 'antivirus'
        ? L(
            `${where.ja} の証明書は、サーバー本来のものではなく、このパソコンのセキュリティソフト「${name.ja}」が発行し直したものです（発行元「${issuer}」）。メールの暗号化通信を、このソフトが途中で開いて検査しています。`,
            `The certificate of ${where.en} is not the server's own: the security software "${name.en}" on this computer re-issued it (issuer "${issuer}"). It opens and inspects the encrypted mail connection on the way.`,
          )
        : L(
            `${where.ja} の証明書は、サーバー本来のものではなく、会社などのネットワークの検査装置「${name.ja}」が発行し直したものです（発行元「${issuer}」）。暗号化通信を途中で開いて検査しています。`,
            `The certificate of ${where.en} is not the server's own: the network inspection device "${name.en}" (a company proxy) re-issued it (issuer "${issuer}"). It opens and inspects the encrypted connection on the way.`,
          ),
    );
  } else if (expected) {
    parts.push(
      L(
        `${where.ja} の証明書は本来「${safe(expected)}」が発行しますが、届いた証明書の発行元は「${issuer}」でした。途中のセキュリティソフトか会社のネットワークが、証明書を発行し直して通信を検査しています。`,
        `The certificates of ${where.en} come from "${safe(expected)}", but this one was issued by "${issuer}". Security software or the company network on the way re-issued it to inspect the connection.`,
      ),
    );
  } else {
    parts.push(
      L(
        `${where.ja} の証明書の発行元「${issuer}」は、一般の発行元ではなく、このパソコン（OS）にだけ登録されたものです。セキュリティソフトのメール保護や会社のネットワークの検査装置（プロキシ）が通信を検査しているか、会社独自の証明書を使うサーバーです。`,
        `The issuer of the certificate of ${where.en}, "${issuer}", is not a public one: only this computer's system store knows it. Security software (a mail shield) or a company proxy is inspecting the connection, or it is a company server with the company's own certificate.`,
      ),
    );
  }
  parts.push(
    verified
      ? L(
          'パソコンの標準の仕組みはこの発行元を信頼しているため、Outlook などのメールソフトはつながります。サーバーの問題ではありません。',
          "The computer's system store trusts this issuer, so Outlook and other mail apps connect; the server is not at fault.",
        )
      : L(
          'この発行元を信頼できる仕組みが見つからないため、この接続ではパスワードを送っていません。サーバーの問題ではありません。',
          'No trust store this app can read accepts the issuer, so no password was sent over this connection. The server is not at fault.',
        ),
  );
  return parts.map((p) => (lang === 'ja' ? p.ja : p.en)).join(lang === 'ja' ? '' : ' ');
}

/** What to do: the product's mail scanning, or IT's proxy policy; then check again. */
export function interceptionSteps(f: Finding): InterceptionStep[] {
  const product = interceptionProduct(f);
  const port = f.port !== undefined ? String(f.port) : '';
  const target = f.host ? `${f.host}${port ? `:${port}` : ''}` : '';
  const scanning = (name: Localized): InterceptionStep => ({
    text: L(
      `${name.ja}の設定で、メールの保護（メールシールド、SSL/TLS のスキャン）の対象からメールのポート${port ? `（${port}）` : ''}を外すか、メールの暗号化通信の検査をオフにします。`,
      `In ${name.en}'s settings, exclude the mail port${port ? ` (${port})` : 's'} from mail protection (mail shield, SSL/TLS scanning), or turn off scanning of encrypted mail.`,
    ),
    // Where the switch sits differs by product and version: the advice is sure, the place is not.
    grade: 'C',
  });
  const askIt: InterceptionStep = {
    text: L(
      `会社や学校のネットワークなら、IT 担当者に TLS 検査（プロキシ）の方針を確認し、${target ? `メールサーバー ${target} ` : 'メールサーバー'}を検査の対象外にできるか相談します。`,
      `On a company or school network, ask IT about the TLS inspection (proxy) policy and whether ${target ? `the mail server ${target}` : 'the mail server'} can be excluded from it.`,
    ),
    grade: 'B',
  };
  const steps: InterceptionStep[] = [];
  if (product?.kind === 'antivirus') steps.push(scanning(L(`「${productPhrase(product).ja}」`, `"${productPhrase(product).en}"`)));
  else if (product?.kind === 'proxy') steps.push(askIt);
  else steps.push(scanning(L('セキュリティソフト', 'the security software')), askIt);
  if (detail(f, 'trustedBy') !== 'os') {
    steps.push({
      text: L('直るまでは、メールソフトに証明書の警告が出ても「続ける」「信頼する」で進めないでください。', 'Until then, do not just tap "Continue"/"Trust" if the mail app warns about the certificate.'),
      grade: 'B',
    });
  }
  steps.push({ text: L('設定を変えたら、メールドクターでもう一度診断します。', 'After changing it, run the check in Mail Doctor again.'), grade: 'A' });
  return steps;
}

/** Labels for the trust details the probes add to TLS findings (finding evidence rows). */
export const TRUST_DETAIL_LABELS: Readonly<Record<string, Localized>> = {
  issuer: L('証明書の発行元', 'Issuer'),
  trustedBy: L('信頼したもの', 'Trusted by'),
  trustedByBundled: L('アプリ内蔵の発行元リストで確認', 'Accepted by the bundled roots'),
  trustedByOs: L('パソコン（OS）の証明書ストアで確認', "Accepted by the computer's store"),
  osStore: L('OS の証明書ストアの読み取り元', 'System store read from'),
  anchor: L('信頼の起点（ルート証明書）', 'Trust anchor (root)'),
  product: L('検査している製品', 'Inspecting product'),
  productKind: L('製品の種類', 'Product kind'),
  productGrade: L('製品名の確かさ', 'Product name grade'),
  expectedIssuer: L('このプロバイダー本来の発行元', "Provider's own issuer"),
  expectedIssuerGrade: L('本来の発行元の確かさ', 'Own issuer grade'),
};

const TRUST_VALUES: Readonly<Record<string, Readonly<Record<string, Localized>>>> = {
  trustedBy: { os: L('パソコン（OS）の証明書ストア', "the computer's system store"), none: L('なし', 'nothing') },
  trustedByOs: { trusted: L('はい', 'yes'), untrusted: L('いいえ', 'no'), unavailable: L('読み取れません', 'could not be read') },
  osStore: {
    override: L('指定されたファイル', 'the file given'),
    'system-api': L('OS の証明書ストア', 'the system store'),
    'linux-bundle': L('Linux の証明書ファイル', 'the Linux bundle'),
    unavailable: L('読み取れません', 'could not be read'),
  },
  productKind: { antivirus: L('セキュリティソフト', 'security software'), proxy: L('ネットワークの検査装置', 'network inspection device') },
  reason: {
    'os-only': L('OS だけが信頼する発行元', 'issuer only the OS trusts'),
    product: L('検査製品の発行元', "an inspection product's issuer"),
    'provider-issuer': L('プロバイダー本来の発行元と違う', "not the provider's own issuer"),
  },
};

/** A trust detail's value in the reader's words; undefined for a value shown as it is (names, grades). */
export function trustDetailValue(key: string, v: string | number | boolean, lang: Lang): string | undefined {
  if (key === 'product' && typeof v === 'string') {
    const p = INSPECTION_PRODUCTS.find((x) => x.id === v);
    return p ? (lang === 'ja' ? p.name.ja : p.name.en) : undefined;
  }
  if (key === 'issuer' || key === 'anchor') return typeof v === 'string' ? safe(v) : undefined;
  const l = TRUST_VALUES[key]?.[String(v)];
  return l ? (lang === 'ja' ? l.ja : l.en) : undefined;
}
