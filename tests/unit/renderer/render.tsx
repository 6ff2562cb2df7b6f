import { render, waitFor, type RenderResult } from '@testing-library/react';
import { expect } from 'vitest';
import { setBridge } from '../../../src/renderer/bridge/index.js';
import { App } from '../../../src/renderer/App.js';
import { createI18n } from '../../../src/renderer/i18n.js';
import type { Language } from '../../../src/shared/domain.js';
import type { FakeInbox } from './fakeApi.js';
import { user } from './setup.js';

/** Mount the whole app over a fake InboxApi, as main.tsx does over the real bridge. */
export function renderApp(fake: FakeInbox, lng: Language = 'en'): RenderResult {
  setBridge(fake.bridge());
  return render(<App i18n={createI18n(lng)} />);
}

/**
 * Mounts the app and opens the first inquiry; resolves with the conversation pane once its
 * composer is there. Plain DOM queries: role queries over the whole antd tree are slow on a
 * loaded machine.
 */
export async function openFirstInquiry(fake: FakeInbox): Promise<HTMLElement> {
  renderApp(fake);
  const row = await waitFor(() => {
    const r = document.querySelector<HTMLElement>('[data-inquiry-id]');
    expect(r).toBeTruthy();
    return r!;
  });
  await user().click(row);
  return waitFor(() => {
    const pane = document.querySelector<HTMLElement>('section[aria-label="Conversation"]');
    expect(pane?.querySelector('textarea')).toBeTruthy();
    return pane!;
  });
}
