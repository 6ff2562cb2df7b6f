// Session and language shared by every screen.
import { createContext, useContext } from 'react';
import type { Capabilities, SessionInfo } from '../shared/api.js';
import type { Language } from '../shared/domain.js';

export interface AppState {
  session: SessionInfo | null;
  setSession: (s: SessionInfo | null) => void;
  language: Language;
  setLanguage: (lng: Language) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <AppContext>');
  return ctx;
}

/** Capabilities of the logged-in adapter; everything off when there is no session. */
export function useCapabilities(): Capabilities {
  const { session } = useApp();
  return (
    session?.capabilities ?? {
      adapter: 'qapi',
      multiShop: false,
      replyingStatus: false,
      autoReply: false,
      hide: false,
      attachments: false,
      replyTitle: false,
    }
  );
}
