/**
 * Fix steps for every finding code on every device.
 *
 * Chosen by an exhaustive switch: adding a finding code fails the build here
 * until it has steps. Setting values come from the finding's `fix` (seen
 * working), then the provider's catalog servers, then the standard port table
 * (RFC 8314 / RFC 6409 via STANDARD_PORTS) — never typed into text.
 */
import { interceptionSteps } from '../../interception/interception-text';
import type { FindingCode } from '../../findings/codes';
import { STANDARD_PORTS, type Protocol, type Security } from '../../models/account';
import type { Device, Lang, Localized } from '../../models/device';
import type { Finding } from '../../models/probe';
import { assertNever } from '../../result';
import { providerForHost } from '../providers/catalog';
import type { ProviderEntry } from '../providers/catalog-types';
import { fieldLabel, securityControl } from '../devices/device-labels';
import { resolvePath, type Place } from '../devices/device-paths';
import { passwordSteps } from './fix-auth';
import { certSteps } from './fix-cert';
import { providerServer, securityName, serverSettingSteps, smtpAuthSteps } from './fix-settings';
import { L, pick, type FixStep, type PartialServerSettings } from './fix-types';

export interface FixContext {
  device: Device;
  lang: Lang;
  provider?: ProviderEntry;
  /** The account's address, to fill in the user name where the provider uses it. */
  email?: string;
  /** When the run checked the servers (ISO): a certificate's "expired 30 days ago" counts from then. */
  checkedAt?: string;
  /**
   * The finding comes from a run, and the composer has already given it the run's (or the
   * catalog's) correct value where one is known. Then no textbook port is offered in its place:
   * it may be the very port the run saw fail, and the table would show it as unknown.
   */
  measured?: boolean;
}

/** A step at a place on the device (path + grade from device-paths). */
export function placeStep(device: Device, place: Place, text: Localized, lang: Lang): FixStep {
  const rp = resolvePath(device, place, lang);
  const step: FixStep = { text: pick(text, lang), grade: rp ? rp.grade : 'U' };
  if (rp) step.path = rp.path;
  if (rp?.note) step.note = rp.note;
  return step;
}

function plain(text: Localized, lang: Lang, grade: FixStep['grade'] = 'B'): FixStep {
  return { text: pick(text, lang), grade };
}

/** Apple Mail has one SSL on/off switch for both SSL/TLS and STARTTLS. */
const isApple = (d: Device) => d === 'iphone' || d === 'mac-mail';
const isPhone = (d: Device) => d === 'iphone' || d === 'android-gmail' || d === 'samsung-email';

/** Try another network, turn the VPN off: the quickest split between "network" and "account". */
/** macOS 15+: the app may reach servers on the local network only when the user allowed it. */
export function macLocalNetworkStep(lang: Lang): FixStep {
  return {
    ...plain(
      L(
        'この Mac でメールドクターに「ローカルネットワーク」へのアクセスを許可します。許可がないと、同じネットワーク内のサーバー（社内のメールサーバーや NAS）に接続できません。',
        'Allow Mail Doctor to access the local network on this Mac. Without it, servers on the same network (an office mail server, a NAS) cannot be reached.',
      ),
      lang,
    ),
    path: lang === 'ja' ? ['システム設定', 'プライバシーとセキュリティ', 'ローカルネットワーク', 'メールドクター'] : ['System Settings', 'Privacy & Security', 'Local Network', 'Mail Doctor'],
  };
}

export function networkSteps(device: Device, lang: Lang): FixStep[] {
  const steps: FixStep[] = [];
  if (isPhone(device)) {
    steps.push(placeStep(device, 'wifi', L('Wi-Fi をオフにしてモバイルデータ通信で試し、次に Wi-Fi だけで試します。', 'Turn Wi-Fi off and try on mobile data, then try on Wi-Fi only.'), lang));
  } else {
    steps.push(placeStep(device, 'wifi', L('別のネットワーク（スマートフォンのテザリングなど）につないで試します。', 'Connect to another network (e.g. phone tethering) and try again.'), lang));
  }
  steps.push(placeStep(device, 'vpn', L('VPN やプロキシを使っていればオフにして試します。', 'If a VPN or proxy is on, turn it off and try again.'), lang));
  steps.push(
    plain(
      L('セキュリティソフト（ウイルス対策）の「メール保護」「SSL/TLS スキャン」を一時的にオフにして試します。', 'Temporarily turn off the security software’s "mail protection" / "SSL/TLS scanning" and try again.'),
      lang,
      'C',
    ),
  );
  return steps;
}

/** "Wait and re-check": the UI turns the re-check into a button (action id 'recheck'). */
export function waitAndRecheckSteps(lang: Lang): FixStep[] {
  return [
    plain(L('サーバー側の一時的な問題の可能性があります。プロバイダーの障害・メンテナンス情報を確認します。', 'This may be a temporary problem at the provider: check its outage/maintenance page.'), lang),
    plain(L('15〜30分ほど待ってから、もう一度診断します。', 'Wait 15–30 minutes, then run the check again.'), lang),
  ];
}

function dateTimeStep(device: Device, lang: Lang): FixStep {
  return placeStep(device, 'date-time', L('日付と時刻を「自動設定」にして、時刻が正しいか確かめます。', 'Set date and time to automatic and check the clock is right.'), lang);
}

/** The settings that should work for this finding's protocol, from data. */
export function targetSettings(finding: Finding, provider?: ProviderEntry): PartialServerSettings | undefined {
  if (finding.fix) return finding.fix;
  if (!finding.protocol) return undefined;
  const s = providerServer(provider, finding.protocol);
  return s ? { host: s.host, port: s.port, security: s.security } : undefined;
}

/** Standard port/security for a protocol and security mode (RFC 8314/6409 table). */
function standardFor(protocol: Protocol, security: Security): PartialServerSettings {
  return { port: STANDARD_PORTS[protocol][security], security };
}

function settingsOrAdvice(finding: Finding, ctx: FixContext, fallback: PartialServerSettings | undefined, fields: Array<'host' | 'port' | 'security'>): FixStep[] {
  const protocol = finding.protocol ?? 'imap';
  const target = targetSettings(finding, ctx.provider) ?? (ctx.measured ? undefined : fallback);
  if (target) {
    const steps = serverSettingSteps(ctx.device, protocol, target, ctx.lang, fields);
    if (steps.length > 0) return steps;
  }
  if (ctx.measured && fallback?.port !== undefined && fallback.security) {
    // The usual value, said as usual and to be confirmed: the run did not see it work.
    const sec = securityName(fallback.security, 'ja');
    const secEn = securityName(fallback.security, 'en');
    return [
      placeStep(
        ctx.device,
        protocol === 'smtp' ? 'outgoing-server' : 'incoming-server',
        L(
          `「${sec}」で使えるポート（ふつうは ${fallback.port} 番）をプロバイダーの案内で確かめ、その設定でもう一度診断します（この診断では、つながることを確かめていません）。`,
          `Check the provider’s guidance for the ${secEn} port (usually ${fallback.port}) and run the check again with it (this check did not see it work).`,
        ),
        ctx.lang,
      ),
    ];
  }
  return [
    placeStep(
      ctx.device,
      protocol === 'smtp' ? 'outgoing-server' : 'incoming-server',
      L('サーバー名・ポート・SSL の設定を、プロバイダーの案内と1つずつ見比べます。', 'Compare the server name, port and SSL setting one by one with the provider’s guidance.'),
      ctx.lang,
    ),
  ];
}

function smtpSubmissionTarget(finding: Finding, provider?: ProviderEntry): PartialServerSettings {
  if (finding.fix && finding.fix.port !== 25) return finding.fix;
  // Port 25 is blocked by the access network (OP25B); the provider's submission port (587/465) is the fix.
  const s = providerServer(provider, 'smtp', 'starttls');
  if (s && s.port !== 25) return { host: s.host, port: s.port, security: s.security };
  return standardFor('smtp', 'starttls');
}

function mailboxSteps(ctx: FixContext): FixStep[] {
  return [
    plain(
      L('Webメールで、添付ファイルの大きい古いメールを削除し、「ゴミ箱」を空にします。', 'In webmail, delete old messages with large attachments and empty the Trash.'),
      ctx.lang,
    ),
    plain(
      // The setting's own name only where it is known: Outlook classic's option and the iPhone's 「サーバから削除」.
      ctx.device === 'outlook-classic'
        ? L('POP で受信している場合は「サーバーにメッセージのコピーを置く」の期間を短くするか、受信後にサーバーから削除する設定にします。', 'If you receive by POP, shorten "Leave a copy of messages on the server" or remove messages from the server after download.')
        : ctx.device === 'iphone'
          ? L('POP で受信している場合は、詳細 の「サーバから削除」を「7日後」などにして、受信したメールがサーバーから消えるようにします。', 'If you receive by POP, set Advanced > "Delete from server" to e.g. "After seven days" so downloaded mail leaves the server.')
          : L('POP で受信している場合は、サーバーにメールを残す期間を短くするか、受信後にサーバーから削除する設定にします。', 'If you receive by POP, keep mail on the server for a shorter time or remove it from the server after download.'),
      ctx.lang,
      'C',
    ),
  ];
}

/** Fix steps for one finding on the chosen device, in the chosen language. */
export function fixSteps(finding: Finding, ctx: FixContext): FixStep[] {
  const cert = certSteps(finding, ctx);
  return dedupeSteps([...cert.before, ...stepsFor(finding, ctx), ...cert.after]);
}

/**
 * Drop a step that repeats an earlier one word for word (two fixes on the same
 * screen each start with "open the settings"; the customer needs it once).
 */
export function dedupeSteps(steps: FixStep[]): FixStep[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const key = JSON.stringify([s.text, s.path ?? [], s.setting ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The right host name where the catalog knows it, else the advice; then the first network check. */
/**
 * The server's own name from the certificate it sent, when that certificate
 * belongs to a catalog hosting provider (a host under its hostSuffixes):
 * an exact name is the host to use; a wildcard gives the provider's fixed server, if it has one.
 */
function certServerName(finding: Finding): { host: string; provider: ProviderEntry } | undefined {
  const cert = finding.evidence?.cert;
  const names = [...(cert?.subjectAltNames ?? []), cert?.subject ?? '']
    .map((n) => n.replace(/^DNS:/i, '').replace(/^.*CN=/, '').trim().toLowerCase())
    .filter(Boolean);
  for (const n of names) {
    const exact = !n.startsWith('*.');
    const p = providerForHost(exact ? n : n.slice(2));
    if (!p?.hostSuffixes?.some((s) => n === s || n.endsWith('.' + s))) continue;
    if (exact) return { host: n, provider: p };
    const fixed = p.servers.find((s) => s.protocol === (finding.protocol ?? 'imap') && !s.host.includes('{'));
    return fixed ? { host: fixed.host, provider: p } : undefined;
  }
  return undefined;
}

function hostFixOrAdvice(finding: Finding, ctx: FixContext, advice: Localized, known?: PartialServerSettings): FixStep[] {
  const { device, lang, provider } = ctx;
  const protocol = finding.protocol ?? 'imap';
  const target = known ?? targetSettings(finding, provider);
  const steps: FixStep[] =
    target?.host && target.host.toLowerCase() !== (finding.host ?? '').toLowerCase()
      ? serverSettingSteps(device, protocol, target, lang, ['host'])
      : [placeStep(device, protocol === 'smtp' ? 'outgoing-server' : 'incoming-server', advice, lang)];
  return [...steps, ...networkSteps(device, lang).slice(0, 1)];
}

function stepsFor(finding: Finding, ctx: FixContext): FixStep[] {
  const { device, lang, provider } = ctx;
  const code: FindingCode = finding.code;
  const protocol = finding.protocol ?? 'imap';
  switch (code) {
    case 'DNS_NOT_FOUND':
      return hostFixOrAdvice(
        finding,
        ctx,
        L('サーバー名のつづりを、プロバイダーの案内と1文字ずつ見比べます（余分な空白や「,」と「.」の違いに注意）。', 'Compare the server name letter by letter with the provider’s guidance (watch for spaces and "," vs ".").'),
      );
    case 'DNS_FAILURE':
      return [
        ...networkSteps(device, lang).slice(0, 2),
        plain(L('Wi-Fi ルーターの電源を入れ直します。', 'Restart the Wi-Fi router.'), lang),
        placeStep(device, 'network-reset', L('それでも直らなければ、端末のネットワーク設定をリセットします。', 'If it still fails, reset the device’s network settings.'), lang),
      ];
    case 'IPV6_UNREACHABLE':
      return [
        plain(L('多くの場合は自動で IPv4 に切り替わるので、そのままで使えます。遅い・つながらないときは次を試します。', 'Devices usually fall back to IPv4 by themselves; if mail is slow or fails, try the next steps.'), lang),
        plain(L('Wi-Fi ルーターの電源を入れ直します。直らなければ回線のプロバイダーに IPv6 の不具合を相談します。', 'Restart the Wi-Fi router; if that does not help, ask the internet provider about its IPv6.'), lang),
        ...networkSteps(device, lang).slice(0, 1),
      ];
    case 'TCP_REFUSED':
      return [...settingsOrAdvice(finding, ctx, undefined, ['host', 'port', 'security']), ...waitAndRecheckSteps(lang).slice(1)];
    case 'TCP_TIMEOUT':
    case 'TCP_UNREACHABLE':
    case 'TCP_RESET': {
      const steps = networkSteps(device, lang);
      // The engine saw a Mac (the one running this app) refused a LAN address: macOS's Local Network switch.
      if (finding.evidence.details?.macLocalNetwork === true) steps.unshift(macLocalNetworkStep(lang));
      if (finding.fix) steps.push(...serverSettingSteps(device, protocol, finding.fix, lang, ['host', 'port', 'security']));
      return steps;
    }
    case 'PORT25_BLOCKED':
      return [
        ...serverSettingSteps(device, 'smtp', smtpSubmissionTarget(finding, provider), lang, ['host', 'port', 'security']),
        ...smtpAuthSteps(device, lang),
      ];
    case 'GREETING_TIMEOUT':
      return [
        ...settingsOrAdvice(finding, ctx, undefined, ['port', 'security']),
        ...networkSteps(device, lang).slice(2),
        ...waitAndRecheckSteps(lang).slice(1),
      ];
    case 'TLS_ON_PLAIN_PORT': {
      // SSL/TLS was chosen on a STARTTLS/plain port: move to the implicit-TLS port.
      // A device with one SSL switch (Apple) or only a "requires SSL/TLS" box (Outlook's POP)
      // cannot pick STARTTLS, so "port 143, STARTTLS" means nothing there: send it to the
      // implicit-TLS port instead.
      const target = targetSettings(finding, provider);
      if (securityControl(device, protocol) !== 'choice' && (!target || target.security !== 'tls')) {
        const host = target?.host ?? finding.host;
        return serverSettingSteps(device, protocol, { ...(host ? { host } : {}), ...standardFor(protocol, 'tls') }, lang, ['port', 'security']);
      }
      return settingsOrAdvice(finding, ctx, standardFor(protocol, 'tls'), ['port', 'security']);
    }
    case 'PLAIN_ON_TLS_PORT':
      return settingsOrAdvice(finding, ctx, finding.port !== undefined ? { port: finding.port, security: 'tls' } : standardFor(protocol, 'tls'), ['port', 'security']);
    case 'STARTTLS_NOT_OFFERED':
      return settingsOrAdvice(finding, ctx, standardFor(protocol, 'tls'), ['port', 'security']);
    case 'TLS_CERT_HOSTNAME_MISMATCH': {
      // A rental server's certificate names the hosting server (sv1234.xserver.jp): that is the host to use.
      const certHost = ctx.provider || finding.fix ? undefined : certServerName(finding);
      const steps = hostFixOrAdvice(
        finding,
        ctx,
        L('サーバー名には、自分のドメイン名ではなく、プロバイダーが案内する正式なサーバー名を入れます。', 'Use the provider’s official server name, not your own domain name.'),
        certHost ? { host: certHost.host } : undefined,
      );
      return certHost?.provider.serverNote ? [...steps, plain(certHost.provider.serverNote, lang)] : steps;
    }
    case 'TLS_CERT_EXPIRED':
      return [
        dateTimeStep(device, lang),
        plain(L('時刻が正しければ、サーバー側の証明書の期限切れです。プロバイダーに連絡し、直るまで待ちます。', 'If the clock is right, the server’s certificate has expired: tell the provider and wait for the fix.'), lang),
      ];
    case 'TLS_CERT_NOT_YET_VALID':
      return [
        dateTimeStep(device, lang),
        plain(L('時刻を直したら、もう一度診断します。', 'After fixing the clock, run the check again.'), lang),
      ];
    case 'TLS_CERT_SELF_SIGNED':
    case 'TLS_CERT_UNTRUSTED':
      return [
        ...networkSteps(device, lang),
        plain(
          L('会社や学校のサーバーなら、管理者に証明書の設定を確認してもらいます。「続ける」「信頼する」で無理に進めないでください。', 'For a company or school server, ask the administrator to check its certificate. Do not just tap "Continue"/"Trust".'),
          lang,
        ),
      ];
    case 'TLS_PROTOCOL_TOO_OLD':
      return [
        plain(L('サーバーが古い暗号化方式（TLS 1.0/1.1）しか使えず、今の端末は安全のため接続しません。端末側では直せません。', 'The server only speaks old TLS (1.0/1.1), which current devices refuse for safety; it cannot be fixed on the device.'), lang),
        plain(L('プロバイダーに新しいサーバー名・設定がないか確認し、それまではWebメールを使います。', 'Ask the provider for newer server settings; use webmail meanwhile.'), lang),
      ];
    case 'TLS_HANDSHAKE_FAILED':
      return [
        ...settingsOrAdvice(finding, ctx, undefined, ['port', 'security']),
        ...networkSteps(device, lang).slice(2),
        plain(L('古い端末では、OS を最新にすると直ることがあります（新しい暗号化方式に対応するため）。', 'On an old device, updating the OS may help (newer TLS versions).'), lang, 'C'),
      ];
    case 'LOGIN_UNANSWERED':
      // Most often a refused password answered slowly: the password steps, then a pause so the server's penalty can wear off.
      return [...passwordSteps('AUTH_FAILED', device, lang, provider, protocol, ctx.email), ...waitAndRecheckSteps(lang).slice(1)];
    case 'SERVER_UNAVAILABLE':
      return waitAndRecheckSteps(lang);
    case 'SERVER_NOT_MAIL':
      return settingsOrAdvice(finding, ctx, undefined, ['host', 'port', 'security']);
    case 'SERVER_TOO_MANY_CONNECTIONS':
      return [
        plain(L('ほかの端末（スマートフォン・パソコン・タブレット）のメールアプリを一度すべて閉じます。', 'Close the mail app on every other device (phone, computer, tablet).'), lang),
        plain(L('15〜30分ほど待ってから、もう一度診断します。', 'Wait 15–30 minutes, then run the check again.'), lang),
      ];
    case 'AUTH_FAILED':
    case 'AUTH_APP_PASSWORD_REQUIRED':
    case 'AUTH_BASIC_DISABLED':
      return passwordSteps(code, device, lang, provider, protocol, ctx.email);
    case 'AUTH_PLAINTEXT_DISABLED':
      return settingsOrAdvice(finding, ctx, standardFor(protocol, 'tls'), ['port', 'security']);
    case 'AUTH_MECHANISM_UNSUPPORTED': {
      if (provider?.auth === 'oauth-only') return passwordSteps('AUTH_BASIC_DISABLED', device, lang, provider, protocol, ctx.email);
      const spa = fieldLabel(device, protocol, 'spa', lang);
      if (spa) {
        const step = placeStep(device, protocol === 'smtp' ? 'outgoing-server' : 'incoming-server', L(`「${spa.label}」のチェックを外します。`, `Untick "${spa.label}".`), lang);
        step.setting = { label: spa.label, value: pick(L('オフ（チェックなし）', 'off (unticked)'), lang) };
        step.grade = spa.grade === 'U' || step.grade === 'U' ? 'U' : step.grade;
        return [step];
      }
      // Only Apple Mail has an authentication-method field ("認証"); elsewhere it is an on/off switch.
      const auth = isApple(device) ? fieldLabel(device, protocol, 'smtp-auth', lang) : undefined;
      return [
        placeStep(
          device,
          protocol === 'smtp' ? 'outgoing-server' : 'incoming-advanced',
          auth
            ? L(`「${auth.label}」を「パスワード」にします。`, `Set "${auth.label}" to "Password".`)
            : L('認証方式を「パスワード」（通常のパスワード）にします。', 'Set the authentication method to "Password" (normal password).'),
          lang,
        ),
      ];
    }
    case 'SMTP_AUTH_REQUIRED':
      return smtpAuthSteps(device, lang);
    case 'SMTP_RELAY_DENIED': {
      const steps = smtpAuthSteps(device, lang);
      const s = providerServer(provider, 'smtp');
      if (s) steps.push(...serverSettingSteps(device, 'smtp', { host: s.host }, lang, ['host']).slice(1));
      else steps.push(plain(L('送信サーバーは、このメールアドレスのプロバイダーのものを使います。', 'Use the outgoing server of this address’s own provider.'), lang));
      return steps;
    }
    case 'SMTP_SENDER_REJECTED':
      return [
        placeStep(
          device,
          'incoming-server',
          L('アカウントの「メールアドレス」欄が、ログインしているアカウントのアドレスと同じか確かめます（1文字でも違うと拒否されます）。', 'Check the account’s "Email address" field is exactly the address you log in with.'),
          lang,
        ),
      ];
    case 'MAILBOX_OVER_QUOTA':
    case 'MAILBOX_NEAR_QUOTA':
      return mailboxSteps(ctx);
    case 'INSECURE_CONNECTION':
      return settingsOrAdvice(finding, ctx, standardFor(protocol, 'tls'), ['port', 'security']);
    case 'LOGIN_NOT_TRIED':
      return [
        plain(
          L('ログインまで確かめるには、メールドクターにパスワードを入れて、もう一度診断します（パスワードは保存されません）。', 'To check the login too, enter the password in Mail Doctor and run the check again (it is not stored).'),
          lang,
          'A',
        ),
      ];
    case 'ALTERNATIVE_WORKS': {
      // The finding describes the alternative that worked when the probe gave no separate `fix`.
      const seen: PartialServerSettings = {};
      if (finding.host) seen.host = finding.host;
      if (finding.port !== undefined) seen.port = finding.port;
      if (finding.security) seen.security = finding.security;
      const steps = serverSettingSteps(device, protocol, finding.fix ?? seen, lang, ['host', 'port', 'security']);
      return steps.length > 0 ? steps : settingsOrAdvice(finding, ctx, undefined, ['host', 'port', 'security']);
    }
    case 'STARTTLS_INJECTION':
      return [
        plain(L('この接続でパスワードを入れないでください。', 'Do not enter the password over this connection.'), lang, 'A'),
        ...networkSteps(device, lang),
        ...settingsOrAdvice(finding, ctx, standardFor(protocol, 'tls'), ['port', 'security']),
      ];
    case 'SERVER_FLOODING':
      return [...settingsOrAdvice(finding, ctx, undefined, ['host', 'port', 'security']), ...waitAndRecheckSteps(lang)];
    case 'TLS_INTERCEPTED':
      return interceptionSteps(finding).map((s) => plain(s.text, lang, s.grade));
    case 'PROBE_INTERNAL_ERROR':
      return [
        plain(L('もう一度診断します。', 'Run the check again.'), lang, 'A'),
        plain(L('同じエラーが続く場合は、診断結果（レポート）を担当部署に送ってください。', 'If the error repeats, send the report to your support team.'), lang, 'A'),
      ];
    default:
      return assertNever(code, 'finding code');
  }
}
