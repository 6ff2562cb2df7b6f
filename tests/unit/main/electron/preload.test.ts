import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { INBOX_EVENTS, INBOX_METHODS, type InboxBridge } from '../../../../src/shared/api.js';
import { fakeContextBridge, fakeIpcRenderer, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

// The preload runs once per page, as a side effect of loading it.
let exposedKeys: string[] = [];
let loaded: InboxBridge;
const loadPreload = () => Promise.resolve(loaded);

describe('preload', () => {
  beforeAll(async () => {
    resetElectronMock();
    await import('../../../../src/preload/index.js');
    exposedKeys = [...fakeContextBridge.exposed.keys()];
    loaded = fakeContextBridge.exposed.get('toiawase') as InboxBridge;
  });
  beforeEach(() => {
    vi.clearAllMocks();
    fakeIpcRenderer.removeAllListeners();
  });

  it('exposes exactly window.toiawase = { api, on }, nothing else', async () => {
    const bridge = await loadPreload();
    expect(exposedKeys).toEqual(['toiawase']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...INBOX_METHODS].sort());
    expect(Object.isFrozen(bridge.api)).toBe(true);
    // No Electron or Node object leaks through the bridge's values.
    for (const value of Object.values(bridge.api)) expect(typeof value).toBe('function');
  });

  it('sends every call on the one inbox channel as (method, payload)', async () => {
    const bridge = await loadPreload();
    fakeIpcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(bridge.api.listShops({})).resolves.toEqual({ ok: true, value: [] });
    expect(fakeIpcRenderer.invoke).toHaveBeenCalledWith('inbox', 'listShops', {});
  });

  it('answers an error value when the main process is unreachable', async () => {
    const bridge = await loadPreload();
    fakeIpcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'inbox'"));
    await expect(bridge.api.getSession({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('delivers only known events, without the IPC event object', async () => {
    const bridge = await loadPreload();
    const listener = vi.fn();
    const off = bridge.on('syncProgress', listener);
    const payload = { shopId: 's1', fetched: 10, applied: 10, done: true };
    fakeIpcRenderer.emit('inbox:event', { sender: {} }, 'syncProgress', payload);
    fakeIpcRenderer.emit('inbox:event', { sender: {} }, 'timing', { name: 'x', ms: 1 });
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);
    off();
    expect(fakeIpcRenderer.listenerCount('inbox:event')).toBe(0);

    const unknown = bridge.on('ipc-internals' as never, listener);
    expect(fakeIpcRenderer.listenerCount('inbox:event')).toBe(0);
    unknown();
    expect(INBOX_EVENTS).toContain('syncProgress');
  });
});
