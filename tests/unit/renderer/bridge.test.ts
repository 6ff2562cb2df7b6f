// @vitest-environment jsdom
// ensureBridge: one bridge per page, whoever asks first (main.tsx asks twice at start-up).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxBridge } from '../../../src/shared/api.js';

const connectWebBridge = vi.fn(() => Promise.resolve({ api: {}, on: () => () => undefined }));
vi.mock('../../../src/renderer/bridge/ws-bridge.js', () => ({ connectWebBridge }));

const { ensureBridge, getBridge, setBridge } =
  await import('../../../src/renderer/bridge/index.js');

afterEach(() => {
  setBridge(null);
  delete window.toiawase;
  connectWebBridge.mockClear();
});

describe('ensureBridge', () => {
  it('opens one browser-shell connection for callers that arrive before it is up', async () => {
    const [a, b] = await Promise.all([ensureBridge(), ensureBridge()]);
    expect(connectWebBridge).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(getBridge()).toBe(a);
    expect(window.toiawase).toBe(a);
  });

  it("uses the Electron preload's bridge without connecting", async () => {
    const preload = { api: {}, on: () => () => undefined } as unknown as InboxBridge;
    window.toiawase = preload;
    expect(await ensureBridge()).toBe(preload);
    expect(connectWebBridge).not.toHaveBeenCalled();
  });
});
