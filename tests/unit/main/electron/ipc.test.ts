import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { InboxApi, InboxEvents, InboxEventName } from '../../../../src/shared/api.js';
import { INBOX_METHODS, PAGE_EVENTS } from '../../../../src/shared/api.js';
import { AppFailure, fail, ok } from '../../../../src/shared/errors.js';
import { forwardInboxEvents, registerInboxIpc } from '../../../../src/main/electron/ipc.js';
import { isTrustedSender } from '../../../../src/main/electron/security.js';
import { createInboxBridge } from '../../../../src/preload/bridge.js';
import { createFakeIpcPair, ipcBridgeFor } from './fake-ipc.js';

/** A core stand-in: every method records its input; a few answer something real-looking. */
function fakeApi() {
  const calls: { method: string; input: unknown }[] = [];
  const api = Object.fromEntries(
    INBOX_METHODS.map((m) => [
      m,
      (input: unknown) => {
        calls.push({ method: m, input });
        if (m === 'counts') {
          return Promise.resolve(
            ok({
              customerUnanswered: 3,
              customerReplying: 1,
              qoo10Unanswered: 2,
              qoo10Unconfirmed: 0,
            }),
          );
        }
        if (m === 'openThread')
          return Promise.reject(new AppFailure('INQUIRY_NOT_FOUND', 'no such inquiry'));
        if (m === 'syncNow') throw new Error('boom');
        return Promise.resolve(fail('NOT_LOGGED_IN', 'log in first'));
      },
    ]),
  ) as unknown as InboxApi;
  return { api, calls };
}

function setup(starting?: Promise<void>) {
  const pair = createFakeIpcPair();
  // Our window: its top frame is the one the pair's calls come from.
  const window = {
    webContents: { isDestroyed: () => false, mainFrame: pair.frame } as unknown as WebContents,
  };
  const { api: ready, calls } = fakeApi();
  const api = starting === undefined ? ready : starting.then(() => ready);
  const onRejected = vi.fn();
  const seen: unknown[] = [];
  registerInboxIpc({
    ipcMain: pair.ipcMain as never,
    api,
    isTrusted: (event: IpcMainInvokeEvent) =>
      isTrustedSender(event.senderFrame, window, 'app://toiawase'),
    inspect: (method, payload) => seen.push([method, payload]),
    onRejected,
  });
  const bridge = createInboxBridge(pair.ipcRenderer);
  return { pair, bridge, calls, onRejected, seen };
}

describe('IPC: main serves InboxApi through dispatch', () => {
  it('answers a valid call with the core result (validated input, defaults applied)', async () => {
    const { bridge, calls } = setup();
    const result = await bridge.api.counts({ shopId: 'all' });
    expect(result).toEqual(
      ok({ customerUnanswered: 3, customerReplying: 1, qoo10Unanswered: 2, qoo10Unconfirmed: 0 }),
    );
    await bridge.api.search({ text: '配送' });
    expect(calls.at(-1)).toEqual({
      method: 'search',
      input: expect.objectContaining({ text: '配送', sort: 'newest', limit: 100 }),
    });
  });

  it('rejects an unknown method with VALIDATION, without touching the core', async () => {
    const { pair, calls } = setup();
    const result = await pair.ipcRenderer.invoke('inbox', 'dropDatabase', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const proto = await pair.ipcRenderer.invoke('inbox', '__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });

  it('rejects a malformed payload with VALIDATION and the failing fields', async () => {
    const { pair, calls } = setup();
    for (const payload of [
      { inquiryId: 'not-an-id', body: 'x', status: 'S3' },
      { inquiryId: 's1:1', body: 'x', status: 'S1' },
      { inquiryId: 's1:1', body: 'x', status: 'S3', extra: true },
      'a string',
      [1, 2],
    ]) {
      const result = await pair.ipcRenderer.invoke('inbox', 'reply', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a foreign sender with FORBIDDEN and reports it', async () => {
    const { pair, calls, onRejected } = setup();
    const ourFrame = pair.frame;
    // A subframe (an iframe, even one showing our own page) is not our window's top frame.
    pair.frame = { url: 'app://toiawase/index.html' };
    const fromSubframe = await pair.ipcRenderer.invoke('inbox', 'counts', {});
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Our top frame after being steered to a foreign page.
    pair.frame = ourFrame;
    ourFrame.url = 'https://evil.example/';
    const fromForeignPage = await pair.ipcRenderer.invoke('inbox', 'counts', {});
    expect(fromForeignPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(onRejected).toHaveBeenCalledWith('untrusted sender', 'counts');
    expect(calls).toEqual([]);
  });

  it('turns core failures and throws into error values, never a rejected invoke', async () => {
    const { bridge } = setup();
    await expect(bridge.api.openThread({ inquiryId: 's1:1' })).resolves.toEqual({
      ok: false,
      error: { code: 'INQUIRY_NOT_FOUND', message: 'no such inquiry' },
    });
    await expect(bridge.api.syncNow({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
    await expect(bridge.api.logout({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
  });

  it('answers a call made while the core is still starting once it is up, or with its error', async () => {
    let up: () => void = () => undefined;
    const { bridge, calls } = setup(new Promise<void>((resolve) => (up = resolve)));
    const answer = bridge.api.counts({ shopId: 'all' });
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual([]);
    up();
    await expect(answer).resolves.toMatchObject({ ok: true });

    const failed = setup(Promise.reject(new AppFailure('DB_TOO_NEW', 'the cache is newer')));
    await expect(failed.bridge.api.counts({ shopId: 'all' })).resolves.toEqual({
      ok: false,
      error: { code: 'DB_TOO_NEW', message: 'the cache is newer' },
    });
  });

  it('lets the shell inspect payloads before validation (log redaction)', async () => {
    const { bridge, seen } = setup();
    await bridge.api.login({ user: 'demo', password: 'demo1234', location: 'sandbox' });
    expect(seen).toContainEqual([
      'login',
      { user: 'demo', password: 'demo1234', location: 'sandbox' },
    ]);
  });
});

describe('IPC: events to the window', () => {
  function hub() {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    return {
      on<E extends InboxEventName>(event: E, l: (p: InboxEvents[E]) => void) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(l as (p: unknown) => void);
        return () => set.delete(l as (p: unknown) => void);
      },
      emit(event: string, payload: unknown) {
        for (const l of listeners.get(event) ?? []) l(payload);
      },
      count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    };
  }

  it("forwards the core's events for windows on one channel; the bridge delivers them by name", () => {
    const { pair, bridge } = setup();
    const core = hub();
    const contents = {
      isDestroyed: () => false,
      send: (channel: string, ...args: unknown[]) => pair.send(channel, ...args),
    } as unknown as WebContents;
    const stop = forwardInboxEvents(core, () => contents);
    expect(core.count()).toBe(PAGE_EVENTS.length);
    // The core's timings stay in the main process (benchmarks and logs read them there).
    const timing = vi.fn();
    bridge.on('timing', timing);
    core.emit('timing', { name: 'search', ms: 1 });
    expect(timing).not.toHaveBeenCalled();

    const changed = vi.fn();
    const online = vi.fn();
    const off = bridge.on('inquiriesChanged', changed);
    bridge.on('connectivity', online);
    core.emit('inquiriesChanged', { shopId: 's1', inquiryIds: ['s1:1'] });
    core.emit('connectivity', { online: false });
    expect(changed).toHaveBeenCalledExactlyOnceWith({ shopId: 's1', inquiryIds: ['s1:1'] });
    expect(online).toHaveBeenCalledExactlyOnceWith({ online: false });

    off();
    core.emit('inquiriesChanged', { shopId: 's1', inquiryIds: ['s1:2'] });
    expect(changed).toHaveBeenCalledOnce();
    stop();
    expect(core.count()).toBe(0);
  });

  it('drops events while no live window exists', () => {
    const core = hub();
    const send = vi.fn();
    forwardInboxEvents(core, () => null);
    core.emit('connectivity', { online: true });
    forwardInboxEvents(core, () => ({ isDestroyed: () => true, send }) as unknown as WebContents);
    core.emit('connectivity', { online: true });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('ipcBridgeFor (the Electron transport for the contract suite)', () => {
  it('round-trips calls and events like the app', async () => {
    const { api } = fakeApi();
    const listeners = new Set<(p: unknown) => void>();
    const core = {
      api,
      on: (_event: InboxEventName, l: (p: never) => void) => {
        listeners.add(l as (p: unknown) => void);
        return () => listeners.delete(l as (p: unknown) => void);
      },
    };
    const t = ipcBridgeFor(core);
    await expect(t.bridge.api.counts({})).resolves.toMatchObject({ ok: true });
    const got = vi.fn();
    t.bridge.on('connectivity', got);
    for (const l of listeners) l({ online: true });
    expect(got).toHaveBeenCalledWith({ online: true });
    t.close();
    expect(listeners.size).toBe(0);
    await expect(t.bridge.api.counts({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
