/**
 * The reference data names where an error text comes from in English ("iOS Mail",
 * "Android AOSP Email (baseline…)"); this gives each its words in both languages.
 * A merged source ("A / B") is labelled part by part.
 */
import type { Lang, Localized } from '../../models/device';
import { L, pick } from '../findings/fix-types';
import { PHRASE_PLATFORM } from './error-phrases';

const SERVER_REPLY = L('サーバーの応答', 'server reply');

const LABELS: Record<string, Localized> = {
  [PHRASE_PLATFORM]: L('よくある言い方（画面の正確な文言ではありません）', 'Common wording (not an exact on-screen text)'),
  'Android AOSP Email (baseline for OEM mail apps)': L('Android 標準のメールアプリ（各社のメールアプリの元）', 'Android AOSP Email (baseline for OEM mail apps)'),
  'Gmail IMAP (server reply)': L(`Gmail の IMAP（${SERVER_REPLY.ja}）`, 'Gmail IMAP (server reply)'),
  'Gmail SMTP (server reply)': L(`Gmail の SMTP（${SERVER_REPLY.ja}）`, 'Gmail SMTP (server reply)'),
  'Gmail app (Android, non-Google accounts)': L('Gmail アプリ（Android・Google 以外のアカウント）', 'Gmail app (Android, non-Google accounts)'),
  'IMAP generic (Dovecot reply)': L('IMAP サーバー全般（Dovecot の応答）', 'IMAP generic (Dovecot reply)'),
  'IMAP generic (RFC 5530 code)': L('IMAP サーバー全般（RFC 5530 の応答コード）', 'IMAP generic (RFC 5530 code)'),
  'Mac Mail': L('Mac の「メール」', 'Mac Mail'),
  'Microsoft 365 IMAP (server reply)': L(`Microsoft 365 の IMAP（${SERVER_REPLY.ja}）`, 'Microsoft 365 IMAP (server reply)'),
  'Microsoft 365 SMTP (server reply)': L(`Microsoft 365 の SMTP（${SERVER_REPLY.ja}）`, 'Microsoft 365 SMTP (server reply)'),
  'Microsoft SMTP (server reply)': L(`Microsoft の SMTP（${SERVER_REPLY.ja}）`, 'Microsoft SMTP (server reply)'),
  'Outlook (JP)': L('Outlook（日本語版）', 'Outlook (JP)'),
  'Outlook (classic, Windows)': L('Outlook（クラシック版・Windows）', 'Outlook (classic, Windows)'),
  'Outlook.com IMAP (server reply)': L(`Outlook.com の IMAP（${SERVER_REPLY.ja}）`, 'Outlook.com IMAP (server reply)'),
  'POP3 generic (server reply)': L(`POP3 サーバー全般（${SERVER_REPLY.ja}）`, 'POP3 generic (server reply)'),
  'SMTP generic (Postfix reply)': L('SMTP サーバー全般（Postfix の応答）', 'SMTP generic (Postfix reply)'),
  'SMTP generic (Postgrey reply)': L('SMTP サーバー全般（Postgrey の応答）', 'SMTP generic (Postgrey reply)'),
  'SMTP generic (server reply)': L(`SMTP サーバー全般（${SERVER_REPLY.ja}）`, 'SMTP generic (server reply)'),
  'Samsung Email': L('Samsung メール', 'Samsung Email'),
  'Thunderbird (desktop)': L('Thunderbird（パソコン版）', 'Thunderbird (desktop)'),
  'Thunderbird (desktop, legacy)': L('Thunderbird（パソコン版・旧版）', 'Thunderbird (desktop, legacy)'),
  'Thunderbird for Android (K-9)': L('Thunderbird for Android（K-9 Mail）', 'Thunderbird for Android (K-9)'),
  'iOS Mail': L('iPhone / iPad の「メール」', 'iOS Mail'),
};

/** Product names with no words to translate ("Outlook Express", "Outlook 2003") are shown as they are. */
export function platformLabel(platform: string, lang: Lang): string {
  return platform
    .split(' / ')
    .map((p) => (LABELS[p] ? pick(LABELS[p], lang) : p))
    .join(' / ');
}

/** For the test: every name the reference data uses. */
export const LABELLED_PLATFORMS = Object.keys(LABELS);
