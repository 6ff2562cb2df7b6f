// Ant Design and dayjs locales per UI language.
import type { Locale } from 'antd/lib/locale/index.js';
import enModule from 'antd/locale/en_US.js';
import jaModule from 'antd/locale/ja_JP.js';
import zhModule from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/ja.js';
import 'dayjs/locale/zh-cn.js';
import type { Language } from '../shared/domain.js';

// antd/locale/* are CommonJS re-exports: bundlers hand over `default`, Node hands over the module.
const pick = (m: unknown): Locale => {
  const maybe = m as { default?: Locale };
  return maybe.default ?? (m as Locale);
};

const ANTD: Record<Language, Locale> = {
  en: pick(enModule),
  ja: pick(jaModule),
  'zh-CN': pick(zhModule),
};
const DAYJS: Record<Language, string> = { en: 'en', ja: 'ja', 'zh-CN': 'zh-cn' };

export const antdLocale = (lng: Language): Locale => ANTD[lng];
export const applyDayjsLocale = (lng: Language): void => {
  dayjs.locale(DAYJS[lng]);
};
