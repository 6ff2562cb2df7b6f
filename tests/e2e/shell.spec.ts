// Smoke test of the browser shell: the real page, through the real WebSocket bridge, reaches the
// real core and the embedded sandbox — and a page without the token reaches nothing.
import { expect, test, type Page } from '@playwright/test';
import type { InboxBridge } from '../../src/shared/api.js';
import { DEMO_LOGIN, shellOrigin, shellUrl } from './shell-env.js';

type BridgeWindow = Window & { toiawase?: InboxBridge };

async function bridgeReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as BridgeWindow).toiawase !== undefined);
}

test('the page calls InboxApi through the WebSocket bridge', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const response = await page.goto(shellUrl());
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await bridgeReady(page);
  // The token left the address bar once the bridge had it.
  expect(page.url()).not.toContain('token=');

  const wrong = await page.evaluate(
    (login) =>
      (window as BridgeWindow).toiawase!.api.login({ ...login, password: 'wrong-password' }),
    DEMO_LOGIN,
  );
  expect(wrong).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });

  const session = await page.evaluate(
    (login) => (window as BridgeWindow).toiawase!.api.login(login),
    DEMO_LOGIN,
  );
  expect(session).toMatchObject({ ok: true, value: { user: 'demo', location: 'sandbox' } });
  const shops = session.ok ? session.value.shops : [];
  expect(shops.length).toBeGreaterThan(0);

  // Sync through the worker core, then read from the cache: rows came all the way through.
  const page1 = await page.evaluate(async () => {
    const { api } = (window as BridgeWindow).toiawase!;
    await api.selectShop({ shopId: 'all' });
    await api.syncNow({});
    return api.search({ shopId: 'all', limit: 5 });
  });
  expect(page1).toMatchObject({ ok: true });
  expect(page1.ok && page1.value.total).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

test('a page without the token is refused', async ({ page }) => {
  await page.goto(`${shellOrigin()}/`);
  await bridgeReady(page);
  const result = await page.evaluate(() => (window as BridgeWindow).toiawase!.api.getSession({}));
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
