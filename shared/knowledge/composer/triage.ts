/**
 * The triage rules of the Japanese helpdesk method, as causes next to the
 * per-finding ones. Each rule fires on evidence from the probes (probe-evidence.ts),
 * or on what the customer said when there is no run:
 *
 * - every port of the configured host refused or silent from this PC → the server side (outage,
 *   or this PC's own network): what the helpdesk can check, never advice for the customer's phone
 * - fails on one network only (labelled runs)     → network filter / VPN / proxy
 * - a guessed server name that does not exist     → the real name is unknown: ask the provider
 * - only sending fails (no run; the customer says so) → SMTP port (25 → 587/465) and SMTP auth
 * - the password was changed recently             → re-enter it on every device
 * - every configured server works but the device still fails → its settings (diff) or the device itself
 * - nothing known at all                          → the 5-minute first checks
 */
import { codesIn, type FindingCode } from '../../findings/codes';
import { STANDARD_PORTS, type Protocol } from '../../models/account';
import type { Device, Lang } from '../../models/device';
import type { DiagnoseReport } from '../../models/probe';
import { assertNever } from '../../result';
import type { Cause, ComposeInput, Likelihood, RunComparison, SettingsDiffRow, TriageCauseId } from './composer-types';
import { resolvePath } from '../devices/device-paths';
import { passwordSteps } from '../findings/fix-auth';
import { serverSettingSteps, smtpAuthSteps } from '../findings/fix-settings';
import { dedupeSteps, networkSteps, placeStep, waitAndRecheckSteps } from '../findings/fix-steps';
import { L, pick, weakestGrade, type AccountSettings, type EvidenceItem, type FixStep } from '../findings/fix-types';
import { userFormOnly } from './settings-diff';
import { allPortsUnreachable, AUTH_CODES, configured, everyConfiguredWorks, finished, loginProved, SEND_CODES, sideWorks } from './probe-evidence';

/** Everything triage looks at, already derived by the composer. */
export interface TriageInput {
  input: ComposeInput;
  diff: SettingsDiffRow[];
  /** The trusted correct values (what steps may name). */
  correct: AccountSettings;
  comparison?: RunComparison;
  /** Protocols whose wrong settings a finding cause already fixes with the correct values (no second cause for them). */
  covered: ReadonlySet<Protocol>;
  /** Finding codes of the current report and of the lookup result. */
  reportCodes: ReadonlySet<FindingCode>;
  lookupCodes: ReadonlySet<FindingCode>;
}

const everythingUnreachable = (r: DiagnoseReport): boolean => allPortsUnreachable(r) !== undefined;

function ev(label: string, value: string): EvidenceItem {
  return { label, value };
}

interface Draft {
  id: TriageCauseId;
  likelihood: Likelihood;
  title: string;
  explanation: string;
  evidence: EvidenceItem[];
  codes: FindingCode[];
  steps: FixStep[];
  diff: SettingsDiffRow[];
  actions: Cause['actions'];
  audience?: Cause['audience'];
}

function toCause(d: Draft): Cause {
  const steps = dedupeSteps(d.steps);
  return {
    id: d.id,
    kind: 'triage',
    title: d.title,
    explanation: d.explanation,
    evidence: d.evidence,
    likelihood: d.likelihood,
    codes: d.codes,
    steps,
    settingsDiff: d.diff,
    actions: d.actions,
    grade: weakestGrade(steps.map((s) => s.grade)),
    ...(d.audience ? { audience: d.audience } : {}),
  };
}

const recheck = (lang: Lang): Cause['actions'][number] => ({ id: 'recheck', label: pick(L('もう一度診断する', 'Check again'), lang) });
const compareNetworks = (lang: Lang): Cause['actions'][number] => ({ id: 'compare-networks', label: pick(L('別のネットワークで比べる', 'Compare with another network'), lang) });
const openChecklist = (lang: Lang): Cause['actions'][number] => ({ id: 'open-checklist', label: pick(L('チェックリストを開く', 'Open the checklist'), lang) });

/** Other labelled runs that were also unreachable everywhere. */
function previousAllUnreachable(t: TriageInput): string[] {
  return (t.input.previousRuns ?? []).filter((r) => everythingUnreachable(r.report)).map((r) => r.label);
}

/** Steps for the helpdesk when this PC cannot reach the server at all: nothing on the customer's device helps. */
function serverSideSteps(lang: Lang): FixStep[] {
  return [
    {
      text: pick(
        L('プロバイダーの障害・メンテナンス情報のページを確認します。', 'Check the provider’s outage / maintenance page.'),
        lang,
      ),
      grade: 'B',
    },
    {
      text: pick(
        L('このパソコンを別の回線（スマートフォンのテザリングなど）につないで、メールドクターでもう一度診断します。別の回線でつながれば、このパソコンのネットワーク（社内のファイアウォール・プロキシ・セキュリティソフト）が止めています。', 'Connect this PC to another network (e.g. a phone’s tethering) and run the check again in Mail Doctor. If it works there, this PC’s own network (company firewall, proxy, security software) is blocking it.'),
        lang,
      ),
      grade: 'B',
    },
    // Its first step is the status page again: only the wait and re-check.
    ...waitAndRecheckSteps(lang).slice(1),
  ];
}

function outage(t: TriageInput): Draft | undefined {
  const { input } = t;
  const lang = input.lang;
  const r = input.report;
  const evidence: EvidenceItem[] = [];
  let likelihood: Likelihood | undefined;
  const codes: FindingCode[] = [];
  const unavailable = r?.findings.find((f) => f.code === 'SERVER_UNAVAILABLE' && f.role !== 'alternative');
  if (unavailable) {
    likelihood = 'high';
    codes.push('SERVER_UNAVAILABLE');
    evidence.push(ev(pick(L('サーバーの応答', 'Server reply'), lang), unavailable.evidence.serverReply ?? unavailable.evidence.message ?? 'UNAVAILABLE'));
  }
  // Working on another network rules the server out: that is the network-filter rule's case.
  const worksElsewhere = (input.previousRuns ?? []).some((run) => configured(run.report).some((p) => p.status === 'ok'));
  const all = r ? allPortsUnreachable(r) : undefined;
  let fromThisPc = false;
  if (r && all && !worksElsewhere && input.flags?.failsOnAllNetworks !== false) {
    likelihood = 'high';
    fromThisPc = true;
    for (const c of [...codesIn('no-connection'), 'GREETING_TIMEOUT'] as const) if (t.reportCodes.has(c)) codes.push(c);
    const how = all.refused && all.silent
      ? L('接続を拒否したか、応答がありませんでした', 'were refused or got no answer')
      : all.refused
        ? L('すべて接続を拒否しました', 'were all refused')
        : L('すべて応答がありませんでした', 'all got no answer');
    evidence.push(ev(pick(L('結果', 'Result'), lang), pick(L(`このパソコンから試した ${all.ports} 個のポートは、${how.ja}`, `The ${all.ports} ports tried from this PC ${how.en}`), lang)));
    const others = previousAllUnreachable(t);
    if (others.length > 0) evidence.push(ev(pick(L('ほかのネットワーク', 'Other networks'), lang), pick(L(`「${others.join('」「')}」でも同じ`, `Same on "${others.join('", "')}"`), lang)));
    if (input.flags?.failsOnAllNetworks === true) evidence.push(ev(pick(L('お客様の話', 'Customer says'), lang), pick(L('どのネットワークでもつながらない', 'fails on every network'), lang)));
  }
  if (!r && input.flags?.failsOnAllNetworks === true && !t.lookupCodes.has('AUTH_FAILED')) {
    likelihood = 'medium';
    evidence.push(ev(pick(L('お客様の話', 'Customer says'), lang), pick(L('どのネットワークでもつながらない', 'fails on every network'), lang)));
  }
  if (!likelihood) return undefined;
  const actions = [recheck(lang)];
  if (!unavailable) actions.push(compareNetworks(lang));
  return {
    id: 'server-outage',
    likelihood,
    title: fromThisPc && !unavailable
      ? pick(L('このパソコンからメールサーバーにつながりません（サーバー側の障害か、この回線の問題）', 'This PC cannot reach the mail server at all (an outage, or this PC’s network)'), lang)
      : pick(L('メールサーバー側の障害・メンテナンス', 'Outage or maintenance at the mail server'), lang),
    explanation: pick(
      unavailable
        ? L('メールサーバーが一時的に使えない状態で、端末の設定では直せません。時間をおいてもう一度診断します。', 'The mail server is temporarily unavailable, which no device setting can fix. Wait, then check again.')
        : L('このパソコンから、サーバーのどのポートにもつながりませんでした。端末の設定では直せません。プロバイダー側の障害か、このパソコンのネットワークで止められているかのどちらかです。', 'From this PC, no port of the server could be reached, which no device setting can fix: either the provider has an outage or this PC’s network blocks it.'),
      lang,
    ),
    evidence,
    codes,
    steps: unavailable ? waitAndRecheckSteps(lang) : serverSideSteps(lang),
    diff: [],
    actions,
    audience: 'helpdesk',
  };
}

/** A server name that was only guessed (imap.<domain>) and does not exist: the real name is not known yet. */
function guessedServer(t: TriageInput): Draft | undefined {
  const { input } = t;
  const lang = input.lang;
  const r = input.report;
  if (!r) return undefined;
  const guessed = configured(r).filter(
    (p) => input.serverSources?.[p.protocol] === 'guess' && p.findings.some((f) => f.code === 'DNS_NOT_FOUND' || f.code === 'DNS_FAILURE'),
  );
  if (guessed.length === 0) return undefined;
  const names = [...new Set(guessed.map((p) => p.host))];
  return {
    id: 'guessed-server',
    likelihood: 'high',
    title: pick(L('サーバー名がわかっていません（推測した名前は存在しません）', 'The server name is not known (the guessed names do not exist)'), lang),
    explanation: pick(
      L(`メールドクターが推測したサーバー名（${names.join('、')}）は存在しませんでした。お客様が入力した名前ではありません。プロバイダーの案内で正しいサーバー名を確かめてから、もう一度診断します。`, `The server names Mail Doctor guessed (${names.join(', ')}) do not exist; the customer did not type them. Find the right server name in the provider’s guidance, then check again.`),
      lang,
    ),
    evidence: names.map((n) => ev(pick(L('推測した名前', 'Guessed name'), lang), n)),
    codes: ['DNS_NOT_FOUND'],
    steps: [
      {
        text: pick(
          L('お客様の契約書類やプロバイダーのサポートページで、受信・送信サーバー名を確かめます。端末にすでに入っているサーバー名を読み上げてもらうのも確実です。', 'Find the incoming and outgoing server names in the customer’s contract papers or the provider’s support page, or have the customer read out the server name already on the device.'),
          lang,
        ),
        grade: 'B',
      },
      { text: pick(L('わかったサーバー名を入れて、もう一度診断します。', 'Enter that server name and run the check again.'), lang), grade: 'A' },
    ],
    diff: [],
    actions: [recheck(lang)],
    audience: 'helpdesk',
  };
}

function networkFilter(t: TriageInput): Draft | undefined {
  const { input, comparison } = t;
  const lang = input.lang;
  const evidence: EvidenceItem[] = [];
  let likelihood: Likelihood | undefined;
  const blockedKinds = ['network-filter', 'port25-filter', 'tls-interception', 'dns-difference', 'auth-differs'];
  if (comparison && blockedKinds.includes(comparison.conclusion.kind)) {
    likelihood = 'high';
    evidence.push(ev(pick(L('ネットワークの比較', 'Network comparison'), lang), comparison.conclusion.text));
  }
  if (input.flags?.failsOnAllNetworks === false) {
    likelihood = 'high';
    evidence.push(ev(pick(L('お客様の話', 'Customer says'), lang), pick(L('別のネットワークならつながる', 'works on another network'), lang)));
  }
  if (!likelihood) return undefined;
  const steps: FixStep[] = [
    ...networkSteps(input.device, lang),
    {
      text: pick(
        L('会社・学校・ホテルなどのネットワークでだけ失敗する場合は、その管理者にメールのポート（993・995・465・587）が通るか確認してもらいます。', 'If it fails only on a company, school or hotel network, ask its administrator whether the mail ports (993, 995, 465, 587) are allowed.'),
        lang,
      ),
      grade: 'B',
    },
  ];
  return {
    id: 'network-filter',
    likelihood,
    title: pick(L('特定のネットワークでの遮断（フィルター・VPN・プロキシ）', 'Blocked on one network (filter, VPN, proxy)'), lang),
    explanation: pick(
      L('別のネットワークならつながるので、アカウントやサーバーではなく、失敗するネットワーク側（Wi-Fi のフィルター、ファイアウォール、VPN、セキュリティ装置）が原因です。', 'It works on another network, so the cause is the failing network (Wi-Fi filter, firewall, VPN, security appliance), not the account or the server.'),
      lang,
    ),
    evidence,
    codes: [],
    steps,
    diff: [],
    actions: comparison ? [] : [compareNetworks(lang)],
  };
}

/** A configured SMTP failure the probes already named (PORT25_BLOCKED, AUTH_FAILED on SMTP...): that finding is the answer. */
function smtpFailureNamed(r: DiagnoseReport): boolean {
  return r.findings.some((f) => f.protocol === 'smtp' && f.role !== 'alternative' && f.severity === 'error');
}

function sendingOnly(t: TriageInput): Draft | undefined {
  const { input } = t;
  const lang = input.lang;
  const r = input.report;
  const evidence: EvidenceItem[] = [];
  let likelihood: Likelihood | undefined;
  const smtpProbes = configured(r).filter((p) => p.protocol === 'smtp' && finished(p));
  // "Receiving works" only when a configured incoming probe logged in (or connected cleanly without a password).
  const receives = !!r && sideWorks(r, 'incoming');
  if (r && receives && smtpProbes.length > 0 && smtpProbes.every((p) => p.status === 'failed') && !smtpFailureNamed(r)) {
    likelihood = 'high';
    evidence.push(ev(pick(L('結果', 'Result'), lang), pick(L('受信はつながり、送信（SMTP）だけ失敗しています', 'Receiving works; only sending (SMTP) fails'), lang)));
  }
  // The customer's word counts where the run did not contradict it (incoming failing too) or name the SMTP cause.
  if (input.flags?.onlySendingFails && (!r || (receives && !smtpFailureNamed(r)))) {
    likelihood = 'high';
    evidence.push(ev(pick(L('お客様の話', 'Customer says'), lang), pick(L('受信はできるが送信できない', 'can receive but not send'), lang)));
  }
  const sendCodes = [...SEND_CODES].filter((c) => t.reportCodes.has(c) || t.lookupCodes.has(c));
  if (!likelihood && sendCodes.length > 0 && !r) likelihood = 'medium';
  if (!likelihood) return undefined;
  const smtp = t.correct.smtp?.port !== undefined && t.correct.smtp.port !== STANDARD_PORTS.smtp.none ? t.correct.smtp : { port: STANDARD_PORTS.smtp.starttls, security: 'starttls' as const };
  const steps: FixStep[] = [
    {
      text: pick(L('送信ポートが 25番なら、587番（STARTTLS）か 465番（SSL/TLS）に変えます。25番は多くの回線で止められています（OP25B）。', 'If the outgoing port is 25, change it to 587 (STARTTLS) or 465 (SSL/TLS); port 25 is blocked on most networks (OP25B).'), lang),
      grade: 'B',
    },
    ...serverSettingSteps(input.device, 'smtp', smtp, lang),
    ...smtpAuthSteps(input.device, lang),
  ];
  return {
    id: 'sending-only',
    likelihood,
    title: pick(L('送信だけできない（送信ポート・SMTP認証）', 'Only sending fails (outgoing port, SMTP authentication)'), lang),
    explanation: pick(
      L('受信ができて送信だけできないときは、送信サーバーの設定がほぼ原因です。ポート25番の遮断と、送信サーバーの認証（SMTP認証）のオフがよくある理由です。', 'When receiving works and only sending fails, the outgoing server settings are almost always the cause: port 25 being blocked, or SMTP authentication being off.'),
      lang,
    ),
    evidence,
    codes: sendCodes,
    steps,
    diff: t.diff.filter((d) => d.protocol === 'smtp'),
    actions: [],
  };
}

function passwordChanged(t: TriageInput): Draft | undefined {
  const { input } = t;
  const lang = input.lang;
  if (!input.flags?.passwordChangedRecently) return undefined;
  const reportAuth = [...AUTH_CODES].some((c) => t.reportCodes.has(c));
  const authSeen = reportAuth || [...AUTH_CODES].some((c) => t.lookupCodes.has(c));
  const steps: FixStep[] = [
    {
      text: pick(
        L('新しいパスワードを、このメールを使っているすべての端末（スマートフォン・パソコン・タブレット）のメールアプリに入れ直します。古いパスワードのままの端末が何度も失敗すると、アカウントが一時的にロックされることがあります。', 'Enter the new password in the mail app on every device that uses this address (phones, computers, tablets). A device still trying the old password can get the account locked for a while.'),
        lang,
      ),
      grade: 'B',
    },
    ...passwordSteps('AUTH_FAILED', input.device, lang, input.provider, 'imap', input.report?.email),
  ];
  return {
    id: 'password-changed',
    // A login that worked in this run contradicts "the old password is still on it" for this PC's test.
    likelihood: input.report && loginProved(input.report) && !reportAuth ? 'low' : authSeen || !input.report ? 'high' : 'medium',
    title: pick(L('パスワード変更後の入れ直し漏れ', 'Password changed but not updated everywhere'), lang),
    explanation: pick(
      L('最近パスワードを変えた場合、メールアプリには古いパスワードが残っています。端末ごとに新しいパスワードを入れ直す必要があります。', 'After a password change, mail apps still hold the old password: each device needs the new one.'),
      lang,
    ),
    evidence: [ev(pick(L('お客様の話', 'Customer says'), lang), pick(L('最近パスワードを変えた', 'changed the password recently'), lang))],
    codes: [...AUTH_CODES].filter((c) => t.reportCodes.has(c) || t.lookupCodes.has(c)),
    steps,
    diff: t.diff.filter((d) => d.field === 'user'),
    actions: [],
  };
}

/** Steps that set every wrong field to its correct value, grouped by protocol. */
function diffFixSteps(device: Device, lang: Lang, diff: SettingsDiffRow[], correct: AccountSettings): FixStep[] {
  const steps: FixStep[] = [];
  const protocols = [...new Set(diff.filter((d) => d.status === 'wrong' && d.protocol).map((d) => d.protocol as Protocol))];
  for (const protocol of protocols) {
    const fields = diff.filter((d) => d.protocol === protocol && d.status === 'wrong').map((d) => d.field);
    const target = correct[protocol];
    if (target) steps.push(...serverSettingSteps(device, protocol, target, lang, fields));
  }
  const user = diff.find((d) => d.field === 'user' && d.status === 'wrong');
  if (user && correct.user) steps.push(...serverSettingSteps(device, 'imap', { user: correct.user }, lang, ['user']));
  return steps;
}

function deviceSide(t: TriageInput): Draft[] {
  const { input, diff, correct } = t;
  const lang = input.lang;
  const r = input.report;
  const out: Draft[] = [];
  const wrong = diff.filter((d) => d.status === 'wrong' && !(d.protocol && t.covered.has(d.protocol)));
  if (wrong.length > 0) {
    // A wrong field next to a value this run saw working is near-certain; a catalog value may be
    // stale, and a user name that differs only in form (alice / alice@…) may work as well.
    const seen = wrong.some((d) => (d.source === 'logged-in' || d.source === 'connected') && !userFormOnly(d));
    const formOnly = wrong.every(userFormOnly);
    out.push({
      id: 'device-settings',
      likelihood: seen ? 'high' : 'medium',
      title: pick(L('端末の設定が正しい値と違います', 'The device settings differ from the correct values'), lang),
      explanation: pick(
        formOnly
          ? L(`端末のユーザー名「${wrong[0]?.deviceValue ?? ''}」は、ログインできた形「${wrong[0]?.correctValue ?? ''}」と書き方だけが違います。端末の形でもログインできるかは確かめていません。端末でつながらないときは、ログインできた形に直してください。`, `The device’s user name "${wrong[0]?.deviceValue ?? ''}" differs only in form from the one that logged in, "${wrong[0]?.correctValue ?? ''}". Whether the device’s form works too was not tested; if the device fails, change it to the form that logged in.`)
          : L(`端末に設定されている値のうち ${wrong.length} か所が、正しい値と違います。下の表の「違う」の欄を正しい値に直してください。`, `${wrong.length} of the device’s settings differ from the correct values. Change the fields marked wrong in the table below.`),
        lang,
      ),
      evidence: wrong.map((d) => ev(d.label, `${d.deviceValue ?? '?'} → ${d.correctValue ?? '?'}`)),
      codes: [],
      steps: diffFixSteps(input.device, lang, diff.filter((d) => !(d.protocol && t.covered.has(d.protocol))), correct),
      diff,
      actions: [],
    });
  }
  // Only when every configured server worked: then the device (not the server) is what is left.
  const probesFine = !!r && !r.cancelled && r.ok && everyConfiguredWorks(r);
  // The customer's screen says the password is wrong and the run could not test it: that lookup cause leads.
  const passwordOpen = !!r && !loginProved(r) && [...AUTH_CODES].some((c) => t.lookupCodes.has(c));
  if (probesFine && diff.every((d) => d.status !== 'wrong') && !passwordOpen) {
    const d = input.device;
    const steps: FixStep[] = [
      placeStep(d, 'password', L('端末のパスワード欄を一度消して、正しいパスワードを入れ直します。', 'Clear the device’s password field and type the correct password again.'), lang),
      { text: pick(L('メールアプリを完全に終了し、端末を再起動します。', 'Quit the mail app completely and restart the device.'), lang), grade: 'B' },
    ];
    if (d === 'outlook-classic') {
      steps.push(placeStep(d, 'credential-manager', L('Windows 資格情報に残った古いパスワード（このメールアドレスやサーバー名のもの）を削除します。', 'Remove stored old passwords for this address/server from Windows Credentials.'), lang));
      steps.push(placeStep(d, 'profile-repair', L('アカウントの「修復」を実行します。', 'Run "Repair" on the account.'), lang));
    }
    if (d === 'iphone') steps.push(placeStep(d, 'carrier-profile', L('キャリアのメールなら、構成プロファイルを入れ直します。', 'For carrier mail, reinstall the configuration profile.'), lang));
    if (d === 'android-gmail' || d === 'samsung-email') steps.push(placeStep(d, 'battery', L('メールアプリのバッテリー最適化を「制限なし」にします。', 'Set the mail app’s battery optimisation to unrestricted.'), lang));
    steps.push({ text: pick(L('それでも直らなければ、メールを控えてからアカウントを削除し、正しい設定で追加し直します。', 'If it still fails, back up the mail, then delete the account and add it again with the correct settings.'), lang), grade: 'B' });
    const del = resolvePath(d, 'delete-account', lang);
    if (del) steps.push({ text: pick(L('アカウントの削除はここから行います。', 'Delete the account here.'), lang), path: del.path, grade: del.grade });
    // Without a password the login was not tested, so a wrong password is still possible.
    const loginTested = loginProved(r);
    out.push({
      id: 'device-side',
      likelihood: input.deviceSettings || !loginTested ? 'medium' : 'high',
      title: pick(L('サーバーは正常：端末側の問題', 'Server is fine: the problem is on the device'), lang),
      explanation: loginTested
        ? pick(
            L('メールドクターからは、サーバーへの接続もログインも問題なくできました。それでも端末でつながらないので、端末に残った設定やパスワード、アプリの状態が原因です。', 'Mail Doctor connected and logged in without trouble, yet the device still fails, so the cause is on the device: stored settings, password, or the app’s state.'),
            lang,
          )
        : pick(
            L('メールドクターからは、サーバーへの接続と暗号化は問題なくできました（ログインはパスワード未入力のため未確認です）。端末に残った設定やパスワード、アプリの状態を確かめます。', 'Mail Doctor reached the server and set up encryption without trouble (the login was not tested: no password given). Check the device’s stored settings, password and the app’s state.'),
            lang,
          ),
      evidence: [
        ev(
          pick(L('結果', 'Result'), lang),
          loginTested ? pick(L('すべての確認が成功しました', 'Every check passed'), lang) : pick(L('接続・暗号化は成功（ログインは未確認）', 'Connection and encryption passed (login not tested)'), lang),
        ),
      ],
      codes: [],
      steps,
      diff,
      actions: [openChecklist(lang)],
    });
  }
  return out;
}

function firstChecks(t: TriageInput): Draft {
  const { input } = t;
  const lang = input.lang;
  const d = input.device;
  const steps: FixStep[] = [];
  if (d !== 'mac-mail') steps.push(placeStep(d, 'airplane-mode', L('機内モードを一度オンにして、10秒ほど待ってからオフにします。', 'Turn airplane mode on, wait about 10 seconds, then turn it off.'), lang));
  steps.push(...networkSteps(d, lang).slice(0, 2));
  steps.push({ text: pick(L('メールアプリを終了し、端末を再起動します。', 'Quit the mail app and restart the device.'), lang), grade: 'B' });
  return {
    id: 'first-checks',
    likelihood: 'medium',
    title: pick(L('まず5分でできる確認', 'Five-minute first checks'), lang),
    explanation: pick(
      L('まだ原因の手がかりがありません。短時間でできる基本の確認をしてから、メールドクターで診断してください。', 'There is no clue to the cause yet. Do the quick basic checks, then run a diagnosis in Mail Doctor.'),
      lang,
    ),
    evidence: [],
    codes: [],
    steps,
    diff: [],
    actions: [recheck(lang), openChecklist(lang)],
  };
}

/** All triage causes that apply. `nothingElse`: no finding or lookup cause exists. */
export function triageCauses(t: TriageInput, nothingElse: boolean): Cause[] {
  const drafts: Draft[] = [];
  for (const rule of [outage, networkFilter, guessedServer, sendingOnly, passwordChanged]) {
    const d = rule(t);
    if (d) drafts.push(d);
  }
  drafts.push(...deviceSide(t));
  if (drafts.length === 0 && nothingElse) drafts.push(firstChecks(t));
  return drafts.map(toCause);
}

/** Rank of a triage cause among causes of equal likelihood (lower = nearer the root; finding weights are 10–95). */
export function triageRank(id: TriageCauseId): number {
  switch (id) {
    case 'server-outage': return 0;
    case 'network-filter': return 5;
    case 'guessed-server': return 9;
    case 'device-settings': return 27;
    case 'password-changed': return 54;
    case 'sending-only': return 57;
    case 'device-side': return 96;
    case 'first-checks': return 200;
    default:
      return assertNever(id, 'triage cause');
  }
}
