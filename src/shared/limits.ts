// Business limits shared by the sandbox (which enforces them as Qoo10 does) and the app (which
// checks them before anything is queued, so bad input never reaches the outbox).
import type { Language } from './domain.js';

export const REPLY_MAX_CHARS = 1000;
export const HIDE_TITLE_MAX_CHARS = 100;
export const HIDE_REASON_MAX_CHARS = 1000;
export const SEARCH_WINDOW_MAX_DAYS = 31;
export const COUNTERS_WINDOW_DAYS = 30;
export const FEED_PAGE_MAX = 500;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_MAX_PER_REPLY = 3;
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'application/pdf',
] as const;

/** The fixed address Qoo10 mails hide reasons from. */
export const HIDE_MAIL_SENDER = 'no-reply@qoo10.jp';

/** The guide's standard auto-reply text, and its counterparts for the other UI languages. */
export const AUTO_REPLY_TEXT: Record<Language, string> = {
  ja: 'お問い合わせの件はご対応させていただきました。その他ご不明点がございましたら、お気軽にお問い合わせ下さい。',
  'zh-CN': '您咨询的问题已处理完毕。如有其他疑问，欢迎随时咨询。',
  en: 'Your inquiry has been taken care of. If you have any other questions, please feel free to contact us.',
};

/** Qpost prefixes reply titles like a mail client. */
export const replyTitle = (title: string): string =>
  title.startsWith('[Re] ') ? title : `[Re] ${title}`;

/** Overdue thresholds for unanswered inquiries (hours). */
export const OVERDUE_HOURS = [24, 48] as const;
