// The InboxApi the window sees is the core's, with the settings the shell owns applied by the
// shell: "start automatically" is the OS login item (read back from the OS, the source of
// truth), and the tray/notifier settings are mirrored into the shell's store.
import type { InboxApi, Settings } from '../../shared/api.js';
import { fail, ok, toAppError, type Result } from '../../shared/errors.js';
import type { AppStateStore } from './app-state.js';

export interface ShellSettingsDeps {
  loginItem: { set(openAtLogin: boolean): Promise<void>; get(): Promise<boolean> };
  store: AppStateStore;
  /** Called with the effective settings after every read or change. */
  onSettings?: (settings: Settings) => void;
}

export function withShellSettings(api: InboxApi, deps: ShellSettingsDeps): InboxApi {
  const effective = async (result: Result<Settings>): Promise<Result<Settings>> => {
    if (!result.ok) return result;
    const settings = { ...result.value, openAtLogin: await deps.loginItem.get() };
    deps.store.set('language', settings.language);
    deps.store.set('notifications', settings.notifications);
    deps.store.set('hourlyDigest', settings.hourlyDigest);
    deps.store.set('openAtLogin', settings.openAtLogin);
    deps.onSettings?.(settings);
    return ok(settings);
  };

  return {
    ...api,
    getSettings: async (input) => effective(await api.getSettings(input)),
    updateSettings: async (patch) => {
      if (patch.openAtLogin !== undefined) {
        try {
          await deps.loginItem.set(patch.openAtLogin);
        } catch (e) {
          // Nothing changed: the core's copy is only written once the OS accepted the item.
          return fail('INTERNAL', `Could not change the login item: ${toAppError(e).message}`);
        }
      }
      return effective(await api.updateSettings(patch));
    },
  };
}
