// @vitest-environment jsdom
// Start-up: the boot calls main.tsx begins while the app's code loads. A restored session's
// first list and counters are asked for then, and the inbox takes those answers; a session the
// core ended before any screen listened still ends in the login screen.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/App.js';
import { call, dropArrived, peekArrived, prefetch } from '../../../src/renderer/api.js';
import { setBridge } from '../../../src/renderer/bridge/index.js';
import { startBoot } from '../../../src/renderer/boot.js';
import { createI18n } from '../../../src/renderer/i18n.js';
import { DEFAULT_FILTERS, toSearchInput } from '../../../src/renderer/inbox/filters.js';
import { inboxChunk } from '../../../src/renderer/screens/load.js';
import { FakeInbox } from './fakeApi.js';
import './setup.js';

const dataRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

function started(fake: FakeInbox) {
  setBridge(fake.bridge());
  return startBoot();
}

describe('start-up', () => {
  it("asks for a restored session's first list and counters before the inbox mounts", async () => {
    const fake = new FakeInbox(5).loggedIn('all');
    const boot = started(fake);
    await boot.data;
    // The boot data waits for them: the inbox mounts with its first page and counters in.
    expect(peekArrived('search', toSearchInput(DEFAULT_FILTERS, 'all'))?.ok).toBe(true);
    expect(peekArrived('counts', { shopId: 'all' })?.ok).toBe(true);
    expect(inboxChunk.loaded()).not.toBeNull();
    expect(fake.callsOf('search')).toEqual([toSearchInput(DEFAULT_FILTERS, 'all')]);
    expect(fake.callsOf('counts')).toEqual([{ shopId: 'all' }]);

    render(<App i18n={createI18n('en')} boot={boot} />);
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    expect(await screen.findAllByRole('button', { name: /^Unanswered \d/ })).not.toHaveLength(0);
    // The inbox took those answers instead of asking again.
    expect(fake.callsOf('search')).toHaveLength(1);
    expect(fake.callsOf('counts')).toHaveLength(1);
  });

  it('asks for what the first paint does without only once the first page is painted', async () => {
    const fake = new FakeInbox(80).loggedIn('all');
    const boot = started(fake);
    await boot.data;
    await inboxChunk.load();
    await act(() => Promise.resolve()); // the first page has arrived
    const later = ['searchTotal', 'syncStatus', 'listOutbox'] as const;
    render(<App i18n={createI18n('en')} boot={boot} />);
    // Rendered and its effects run, but not yet painted: none of them has gone out.
    expect(dataRows().length).toBeGreaterThan(0);
    for (const method of later) expect(fake.callsOf(method)).toEqual([]);
    expect(fake.callsOf('search')).toHaveLength(1);
    // After the paint: the total, the sync status, the outbox.
    for (const method of later) await waitFor(() => expect(fake.callsOf(method)).toHaveLength(1));
  });

  it('asks for nothing ahead when the session opens elsewhere', async () => {
    for (const fake of [new FakeInbox(2), new FakeInbox(2).loggedIn(null)]) {
      await started(fake).data;
      expect(fake.callsOf('search')).toEqual([]);
    }
  });

  it('with the answers and the inbox code in, the first render is the inbox', async () => {
    const fake = new FakeInbox(3).loggedIn('shop-a');
    const boot = started(fake);
    await boot.data;
    await inboxChunk.load();
    render(<App i18n={createI18n('en')} boot={boot} />);
    // No spinner pass: the inbox's navigation is there as soon as render returns.
    expect(screen.getByRole('navigation')).toBeDefined();
    await waitFor(() => expect(dataRows()).toHaveLength(3));
  });

  it('with the first page already in, the inbox shows its rows in its first render', async () => {
    const fake = new FakeInbox(3).loggedIn('shop-a');
    const boot = started(fake);
    await boot.data;
    await inboxChunk.load();
    await waitFor(() => expect(fake.callsOf('search')).toHaveLength(1));
    await act(() => Promise.resolve()); // the answer has arrived
    render(<App i18n={createI18n('en')} boot={boot} />);
    expect(dataRows()).toHaveLength(3);
    expect(fake.callsOf('search')).toHaveLength(1);
  });

  it('a session the core ended before any screen listened opens the login with the notice', async () => {
    const fake = new FakeInbox(3).loggedIn('all');
    const boot = started(fake);
    await boot.data; // the core said: restored
    act(() => fake.emit('sessionExpired', { reason: 'LOGIN_FAILED' })); // then: refused
    render(<App i18n={createI18n('en')} boot={boot} />);
    expect(await screen.findByText('Your session expired. Please log in again.')).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>('ID or e-mail').value).toBe('demo');
    expect(screen.queryByRole('grid')).toBeNull();
  });
});

describe('answers asked for ahead', () => {
  it('go to the first identical call only', async () => {
    const fake = new FakeInbox(2).loggedIn();
    setBridge(fake.bridge());
    prefetch('counts', { shopId: 'shop-a' });
    expect((await call('counts', { shopId: 'shop-a' })).ok).toBe(true);
    await call('counts', { shopId: 'shop-a' });
    expect(fake.callsOf('counts')).toHaveLength(2);
  });

  it('can be read in a render as often as it runs, until the screen drops them', async () => {
    const fake = new FakeInbox(2).loggedIn();
    setBridge(fake.bridge());
    const input = { shopId: 'shop-a' };
    prefetch('search', input);
    expect(peekArrived('search', input)).toBeUndefined(); // not arrived yet
    await waitFor(() => expect(peekArrived('search', input)?.ok).toBe(true));
    // A render thrown away and run again (Suspense, an interrupted transition) reads it again.
    expect(peekArrived('search', input)?.ok).toBe(true);
    expect(peekArrived('search', { shopId: 'shop-b' })).toBeUndefined();
    dropArrived('search');
    expect(peekArrived('search', input)).toBeUndefined();
    await call('search', input);
    expect(fake.callsOf('search')).toHaveLength(2);
  });

  it('are not used for another input, nor after the core reported changed inquiries', async () => {
    const fake = new FakeInbox(2).loggedIn();
    setBridge(fake.bridge());
    prefetch('counts', { shopId: 'shop-a' });
    await call('counts', { shopId: 'shop-b' });
    await call('counts', { shopId: 'shop-a' });
    expect(fake.callsOf('counts')).toEqual([
      { shopId: 'shop-a' },
      { shopId: 'shop-b' },
      { shopId: 'shop-a' },
    ]);

    prefetch('search', { shopId: 'shop-a' });
    fake.emit('inquiriesChanged', { shopId: 'shop-a', inquiryIds: ['shop-a:1001'] });
    await call('search', { shopId: 'shop-a' });
    expect(fake.callsOf('search')).toHaveLength(2);
  });
});
