// The shell's own persistent state (electron-store, validated by this JSON schema): where the
// window was, and the settings the main process needs before the core is up — the tray's
// language, whether to notify, the hourly digest and the login item.
import type { Schema } from 'electron-store';
import { LANGUAGES, type Language } from '../../shared/domain.js';
import type { SavedBounds } from './window-bounds.js';

export interface AppState {
  windowBounds?: SavedBounds;
  language: Language;
  notifications: boolean;
  hourlyDigest: boolean;
  openAtLogin: boolean;
}

export const APP_STATE_DEFAULTS: AppState = {
  language: 'ja',
  notifications: true,
  hourlyDigest: false,
  openAtLogin: false,
};

const coordinate = { type: 'integer', minimum: -100_000, maximum: 100_000 } as const;
const extent = { type: 'integer', minimum: 1, maximum: 100_000 } as const;

export const APP_STATE_SCHEMA: Schema<AppState> = {
  windowBounds: {
    type: 'object',
    properties: {
      x: coordinate,
      y: coordinate,
      width: extent,
      height: extent,
      maximized: { type: 'boolean' },
    },
    required: ['x', 'y', 'width', 'height', 'maximized'],
    additionalProperties: false,
  },
  language: { type: 'string', enum: [...LANGUAGES] },
  notifications: { type: 'boolean' },
  hourlyDigest: { type: 'boolean' },
  openAtLogin: { type: 'boolean' },
};

/** Options shared by electron-store (the app) and its base `conf` (tests, plain Node). */
export const APP_STATE_OPTIONS = {
  schema: APP_STATE_SCHEMA,
  defaults: APP_STATE_DEFAULTS,
  // A hand-edited or corrupt file resets to defaults instead of stopping the app from starting.
  clearInvalidConfig: true,
} as const;

/** The part of electron-store's API the shell uses. */
export interface AppStateStore {
  get<K extends keyof AppState>(key: K): AppState[K];
  set<K extends keyof AppState>(key: K, value: AppState[K]): void;
}

/** The first language to use: the stored one, else the OS locale when we speak it. */
export function pickLanguage(stored: Language | undefined, osLocale: string): Language {
  if (stored) return stored;
  const lower = osLocale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return 'ja';
}
