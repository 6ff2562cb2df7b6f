import { render, type RenderResult } from '@testing-library/react';
import { setBridge } from '../../../src/renderer/bridge/index.js';
import { App } from '../../../src/renderer/App.js';
import { createI18n } from '../../../src/renderer/i18n.js';
import type { Language } from '../../../src/shared/domain.js';
import type { FakeInbox } from './fakeApi.js';

/** Mount the whole app over a fake InboxApi, as main.tsx does over the real bridge. */
export function renderApp(fake: FakeInbox, lng: Language = 'en'): RenderResult {
  setBridge(fake.bridge());
  return render(<App i18n={createI18n(lng)} />);
}
