// The few strings the main process shows itself (tray, application menu, notifications), in
// the app's three languages. The renderer's strings live in locales/; these are needed before
// any window (and i18next) exists, e.g. when the app starts hidden in the tray.
import type { Language } from '../../shared/domain.js';

export interface ShellStrings {
  open: string;
  syncNow: string;
  pauseNotifications: string;
  quit: string;
  closeWindow: string;
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  tooltip: (unanswered: number) => string;
  newInquiriesTitle: string;
  newInquiriesBody: (count: number) => string;
  overdueTitle: (hours: number) => string;
  overdueBody: (count: number, hours: number) => string;
  digestTitle: string;
  digestBody: (unanswered: number, overdue: number) => string;
}

const en: ShellStrings = {
  open: 'Open Toiawase',
  syncNow: 'Sync now',
  pauseNotifications: 'Pause notifications',
  quit: 'Quit',
  closeWindow: 'Close window',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  tooltip: (n) => (n === 0 ? 'Toiawase' : `Toiawase — ${n} unanswered`),
  newInquiriesTitle: 'New inquiries',
  newInquiriesBody: (n) => `${n} new unanswered ${n === 1 ? 'inquiry' : 'inquiries'}`,
  overdueTitle: (h) => `Unanswered for over ${h} h`,
  overdueBody: (n, h) => `${n} ${n === 1 ? 'inquiry has' : 'inquiries have'} waited over ${h} h`,
  digestTitle: 'Hourly summary',
  digestBody: (u, o) => `${u} unanswered, ${o} overdue`,
};

const ja: ShellStrings = {
  open: 'Toiawase を開く',
  syncNow: '今すぐ同期',
  pauseNotifications: '通知を一時停止',
  quit: '終了',
  closeWindow: 'ウインドウを閉じる',
  file: 'ファイル',
  edit: '編集',
  view: '表示',
  window: 'ウインドウ',
  help: 'ヘルプ',
  tooltip: (n) => (n === 0 ? 'Toiawase' : `Toiawase — 未回答 ${n} 件`),
  newInquiriesTitle: '新しいお問い合わせ',
  newInquiriesBody: (n) => `未回答のお問い合わせが ${n} 件増えました`,
  overdueTitle: (h) => `${h} 時間以上未回答`,
  overdueBody: (n, h) => `${n} 件のお問い合わせが ${h} 時間以上回答待ちです`,
  digestTitle: '1 時間のまとめ',
  digestBody: (u, o) => `未回答 ${u} 件、期限超過 ${o} 件`,
};

const zhCN: ShellStrings = {
  open: '打开 Toiawase',
  syncNow: '立即同步',
  pauseNotifications: '暂停通知',
  quit: '退出',
  closeWindow: '关闭窗口',
  file: '文件',
  edit: '编辑',
  view: '查看',
  window: '窗口',
  help: '帮助',
  tooltip: (n) => (n === 0 ? 'Toiawase' : `Toiawase — 未回复 ${n} 条`),
  newInquiriesTitle: '新的咨询',
  newInquiriesBody: (n) => `新增 ${n} 条未回复的咨询`,
  overdueTitle: (h) => `超过 ${h} 小时未回复`,
  overdueBody: (n, h) => `${n} 条咨询已等待超过 ${h} 小时`,
  digestTitle: '每小时汇总',
  digestBody: (u, o) => `未回复 ${u} 条，超时 ${o} 条`,
};

const TABLE: Record<Language, ShellStrings> = { en, ja, 'zh-CN': zhCN };

export function shellStrings(language: Language): ShellStrings {
  return TABLE[language];
}
