// What the first screen needs from the core, fetched as early as possible: main.tsx starts this
// as soon as the bridge is up, while the app's code (React, Ant Design) is still loading.
import type { InboxOutputs } from '../shared/api.js';
import type { Result } from '../shared/errors.js';
import { call } from './api.js';

export interface BootData {
  session: Result<InboxOutputs['getSession']>;
  settings: Result<InboxOutputs['getSettings']>;
}

export async function loadBootData(): Promise<BootData> {
  const [session, settings] = await Promise.all([call('getSession', {}), call('getSettings', {})]);
  return { session, settings };
}
