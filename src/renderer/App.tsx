// The screens in order: login → shop picker → inbox. Providers for i18n, Ant Design's locale
// and the session live here.
import { StyleProvider } from '@ant-design/cssinjs';
import { LoadingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import type { i18n } from 'i18next';
import { Suspense, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { SessionInfo } from '../shared/api.js';
import type { Language } from '../shared/domain.js';
import type { ErrorCode } from '../shared/errors.js';
import { AppContext, type AppState } from './AppContext.js';
import { FontWarmup } from './components/FontWarmup.js';
import { call } from './api.js';
import { startBoot, type Boot, type BootData } from './boot.js';
import { useBridgeEvent } from './hooks/useBridgeEvent.js';
import { isLanguage, rememberLanguage } from './i18n.js';
import { antdLocale, applyDayjsLocale, fontFamily } from './locale.js';
import { afterPaint } from './perf.js';
import { pinnedStyleCache } from './pinnedStyles.js';
import { InboxScreen, Login, ShopPicker } from './screens/index.js';
import { preloadNextScreen } from './screens/load.js';

/**
 * A button's own spinner collapses away with a CSS transition and is removed only when
 * `transitionend` arrives; when it does not (a busy renderer, a quick answer that interrupts the
 * grow transition) the spinner stays, and "loading" stays in the button's accessible name after
 * the work is done — the composer's Send looked busy after every reply. A configured loading icon
 * is swapped in and out without a transition.
 */
const BUTTON_CONFIG = { loadingIcon: <LoadingOutlined /> };

/**
 * No motion. Each focus change faded borders, shadows and outlines in over 0.2 s, and a click
 * started a wave: 10+ repainted frames after every keystroke-driven focus move, in the middle of
 * the send and open the seller waits for (a trace of the send put 20 ms of each in paint). A
 * seller confirms hundreds of replies a day; an animation there is only a wait.
 */
const MOTION = false;

/**
 * No click wave either: `motion: false` does not stop it. Each click of a button inserted an
 * element into it, rendered it in a React root of its own (which attaches a listener for every
 * event type) in the next frame, read the button's computed style and size in the frame after,
 * and kept that root, with a ResizeObserver, for its 5-second deadline: the confirmed Send's
 * frames did that work.
 */
const WAVE = { disabled: true } as const;

/** One for the page: Ant Design's run-time styles, kept once made (see pinnedStyles.ts). */
const STYLE_CACHE = pinnedStyleCache();

/**
 * Ant Design's styles come from its static stylesheet (main.tsx imports antd/dist/antd.css)
 * rather than being generated at run time. At run time, every component mounted for the first
 * time — or again, after its last instance went away — serialized its CSS and inserted a <style>
 * element, and each insertion restyled the whole document: opening a conversation cost 100+ ms
 * of that alone. Theme tokens still apply through the stylesheet's CSS variables.
 */
const themeFor = (lng: Language) =>
  ({
    zeroRuntime: true,
    token: { borderRadius: 4, motion: MOTION, fontFamily: fontFamily(lng) },
  }) as const;
/** One object per language: a new one would make every antd component render again. */
const THEMES = { en: themeFor('en'), ja: themeFor('ja'), 'zh-CN': themeFor('zh-CN') };

/** The session boot data opens with; none when the core ended it since start-up began. */
function bootSession(data: BootData | null, boot: Boot | undefined): SessionInfo | null {
  if (data === null || boot?.expired === true || !data.session.ok) return null;
  return data.session.value;
}

/** The user of a session the core ended after start-up began (a login screen's notice). */
function endedAtBoot(data: BootData | null, boot: Boot | undefined): string | null {
  if (data === null || boot?.expired !== true || !data.session.ok) return null;
  return data.session.value?.user ?? null;
}

/**
 * `boot`: the start-up calls main.tsx began (tests leave it out, and the app starts them). When
 * their answers are already in, the first render is the screen they lead to, not a spinner.
 */
export function App({ i18n, boot }: { i18n: i18n; boot?: Boot }) {
  const [language, setLanguageState] = useState<Language>(() =>
    isLanguage(i18n.language) ? i18n.language : 'ja',
  );
  const [session, setSession] = useState<SessionInfo | null>(() =>
    bootSession(boot?.ready ?? null, boot),
  );
  const [booting, setBooting] = useState(() => (boot?.ready ?? null) === null);
  // A login screen rendered in the first pass shows why at once: its form reads lastUser once.
  const [lastUser, setLastUser] = useState(() => endedAtBoot(boot?.ready ?? null, boot));
  const [notice, setNotice] = useState<ErrorCode | null>(() =>
    lastUser === null ? null : 'SESSION_EXPIRED',
  );

  const applyLanguage = useCallback(
    (lng: Language) => {
      setLanguageState(lng);
      // Every translated component re-renders on a change: none when it is the same language.
      if (i18n.language !== lng) void i18n.changeLanguage(lng);
      rememberLanguage(lng);
      applyDayjsLocale(lng);
      document.documentElement.lang = lng;
    },
    [i18n],
  );

  const setLanguage = useCallback(
    (lng: Language) => {
      applyLanguage(lng);
      if (session) void call('updateSettings', { language: lng });
    },
    [applyLanguage, session],
  );

  useEffect(() => {
    applyDayjsLocale(language);
    document.documentElement.lang = language;
    const started = boot ?? startBoot();
    const alive = { current: true };
    void (async () => {
      const data = await started.data;
      if (!alive.current) return;
      const restored = bootSession(data, started);
      // Not a transition: a restored session's inbox shows the first page start-up asked for in
      // its first render (peekArrived), and a transition's slices only delayed that render.
      if (restored !== null) {
        if (data.settings.ok) applyLanguage(data.settings.value.language);
        setSession(restored);
      } else if (started.expired && data.session.ok && data.session.value !== null) {
        // Ended before this screen listened: as if it had been told.
        setNotice('SESSION_EXPIRED');
        setLastUser(data.session.value.user);
        setSession(null);
      }
      setBooting(false);
    })();
    return () => {
      alive.current = false;
    };
    // Boot once; language changes afterwards go through setLanguage.
  }, []);

  useBridgeEvent('sessionExpired', () => {
    setNotice('SESSION_EXPIRED');
    setLastUser(session?.user ?? null);
    setSession(null);
  });

  const state = useMemo<AppState>(
    () => ({
      session,
      setSession: (s) => {
        // A transition: the next screen (the inbox's first render above all) renders in slices
        // that yield to the browser instead of one long task, and the current screen stays
        // until it is ready.
        startTransition(() => {
          setNotice(null);
          if (s) setLastUser(s.user);
          setSession(s);
        });
      },
      language,
      setLanguage,
    }),
    [session, language, setLanguage],
  );

  useEffect(() => {
    if (!booting) afterPaint(() => preloadNextScreen(session));
  }, [booting, session]);

  // The screens before the inbox: the seller reads and types there while its fonts warm up.
  const beforeInbox = !booting && (session === null || session.selectedShopId === null);
  let screen;
  if (booting) screen = <Spin fullscreen />;
  else if (!session) screen = <Login notice={notice} lastUser={lastUser} />;
  else if (session.selectedShopId === null) screen = <ShopPicker />;
  else screen = <InboxScreen />;
  // Each screen is its own chunk (screens/load.ts); main.tsx starts loading the one boot leads to.
  screen = <Suspense fallback={<Spin fullscreen />}>{screen}</Suspense>;

  return (
    <I18nextProvider i18n={i18n}>
      <StyleProvider cache={STYLE_CACHE}>
        <ConfigProvider
          locale={antdLocale(language)}
          theme={THEMES[language]}
          button={BUTTON_CONFIG}
          wave={WAVE}
        >
          <AntApp>
            <AppContext.Provider value={state}>{screen}</AppContext.Provider>
            {beforeInbox && <FontWarmup />}
          </AntApp>
        </ConfigProvider>
      </StyleProvider>
    </I18nextProvider>
  );
}
