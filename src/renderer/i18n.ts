// i18next set-up. Every visible string lives in locales/<lng>.json; the language switch is live
// and remembered (localStorage before login, the app's settings once logged in).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../shared/domain.js';
import en from '../../locales/en.json' with { type: 'json' };
import ja from '../../locales/ja.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN.json' with { type: 'json' };

export const resources = { en, ja, 'zh-CN': zhCN } as const;

const STORAGE_KEY = 'toiawase.language';

export const isLanguage = (v: unknown): v is Language =>
  typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** The remembered language, else one guessed from the browser, else Japanese (Qoo10 Japan). */
export function initialLanguage(): Language {
  const saved = safeStorageGet(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  const nav = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  if (nav.startsWith('zh')) return 'zh-CN';
  if (nav.startsWith('en')) return 'en';
  return 'ja';
}

export function rememberLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this run only.
  }
}

export function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function createI18n(lng: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: resources.en },
      ja: { translation: resources.ja },
      'zh-CN': { translation: resources['zh-CN'] },
    },
    lng,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes; double escaping would show &amp;
    returnNull: false,
    initAsync: false,
  });
  rememberPlainLookups(instance);
  return instance;
}

/** i18next's fixed `t`, as a plain function with the properties i18next gives it. */
type FixedT = ((...args: unknown[]) => unknown) & {
  lng?: string;
  ns?: unknown;
  keyPrefix?: unknown;
};

/**
 * Remembers what a key with no options translates to, per language (and namespace and prefix),
 * in every `t` that react-i18next hands out. An i18next lookup costs tens of µs (key parsing,
 * resolution, nesting and interpolation passes), and screens repeat the same labels in every
 * render: about 5 ms of each send, whose composer and conversation re-render. Calls with
 * options (counts, times, names) still go through i18next; changed resources forget it all.
 */
function rememberPlainLookups(instance: i18n): void {
  const known = new Map<string, string>();
  instance.store.on('added', () => known.clear());
  instance.store.on('removed', () => known.clear());
  const fixedT = instance.getFixedT.bind(instance);
  const remembering = (...args: Parameters<i18n['getFixedT']>) => {
    const t = fixedT(...args) as unknown as FixedT;
    const [, ns, keyPrefix] = args;
    const scope = `${String(ns)}\u0000${String(keyPrefix)}\u0000`;
    const lookup = (...callArgs: unknown[]): unknown => {
      const [key] = callArgs;
      if (callArgs.length !== 1 || typeof key !== 'string') return t(...callArgs);
      const id = `${t.lng ?? instance.language}\u0000${scope}${key}`;
      let text = known.get(id);
      if (text === undefined) {
        text = String(t(key));
        known.set(id, text);
      }
      return text;
    };
    return Object.assign(lookup, { lng: t.lng, ns: t.ns, keyPrefix: t.keyPrefix });
  };
  instance.getFixedT = remembering as unknown as i18n['getFixedT'];
}
