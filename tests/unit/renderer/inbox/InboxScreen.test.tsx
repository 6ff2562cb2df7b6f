// @vitest-environment jsdom
import { user } from '../setup.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeInbox, inquiry } from '../fakeApi.js';
import { dialogTitled, pick } from '../antd.js';
import { renderApp } from '../render.js';

const dataRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

/** The app on an inbox of `count` rows, once they are listed. */
async function inboxWith(count: number): Promise<FakeInbox> {
  const fake = new FakeInbox(count).loggedIn();
  renderApp(fake);
  await waitFor(() => expect(dataRows()).toHaveLength(count));
  return fake;
}

/** Resolves once the inquiry's latest page has been asked for (read ahead). */
const readAhead = (fake: FakeInbox, inquiryId: string | null) =>
  waitFor(() => expect(fake.callsOf('openThread')).toContainEqual({ inquiryId, limit: 50 }));
/**
 * On an inbox of 4, presses `move`, waits until the second row has been read ahead, stops the
 * core answering reads, then presses `open`: only what was read ahead can be shown.
 */
async function openOnlyReadAhead(move: string, open: string): Promise<void> {
  const fake = await inboxWith(4);
  const u = user();
  await u.keyboard(move);
  await readAhead(fake, dataRows()[1]!.getAttribute('data-inquiry-id'));
  fake.gates.set('openThread', new Promise(() => undefined));
  await u.keyboard(open);
}
const lastSearch = (fake: FakeInbox) => fake.callsOf('search').at(-1) as Record<string, unknown>;

describe('Inquiries & messages → From customers', () => {
  it('shows navigation, 30-day counters and the guide columns, newest first', async () => {
    const fake = new FakeInbox(3).loggedIn();
    fake.inquiries[0] = inquiry(1, { waitingHours: 30 });
    fake.inquiries[1] = inquiry(2, {
      waitingHours: 50,
      status: 'S2',
      hidden: true,
      questionType: 'product',
    });
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(await screen.findByRole('menuitem', { name: /Inquiries & messages/ })).toBeDefined();
    expect(screen.getAllByText('From customers').length).toBeGreaterThan(0);
    expect(await screen.findByRole('button', { name: 'Unanswered 7' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Unconfirmed 2' })).toBeDefined();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Sent',
      'Type',
      'Status',
      'Sender',
      'From',
      'To',
      'Category',
      'Receiver',
      'Title',
      'Product number',
      'Order number',
    ]);
    const rows = dataRows();
    expect(rows.map((r) => within(r).getAllByRole('gridcell')[8]!.textContent)).toEqual([
      'Question 1',
      'HiddenQuestion 2',
      'Question 3',
    ]);
    expect(within(rows[0]!).getByText('24 h+')).toBeDefined();
    expect(within(rows[1]!).getByText('48 h+')).toBeDefined();
    expect(within(rows[1]!).getByText('Replying')).toBeDefined();
    expect(lastSearch(fake)).toMatchObject({
      shopId: 'shop-a',
      source: 'customer',
      sort: 'newest',
    });
  });

  it('switches between customer memos and Qoo10 customer-centre memos', async () => {
    const fake = new FakeInbox(2).loggedIn();
    fake.inquiries.push(inquiry(9, { inqType: 'HELP', title: 'From Qoo10' }));
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    await user().click(screen.getByRole('tab', { name: 'Customer centre / Qoo10 memos' }));
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(screen.queryByRole('combobox', { name: 'Type' })).toBeNull();
    expect(lastSearch(fake)).toMatchObject({ source: 'qoo10' });
    // A tab list: the arrow keys move between the tabs, and the selected one is focused.
    const customers = screen.getByRole('tab', { name: 'Memos with customers' });
    expect(customers.getAttribute('aria-selected')).toBe('false');
    await user().keyboard('{ArrowRight}');
    await waitFor(() => expect(customers.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(customers);
    expect(lastSearch(fake)).toMatchObject({ source: 'customer' });
    await user().keyboard('{ArrowLeft}');
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ source: 'qoo10' }));
  });

  it('shows a shop column and a shop filter in the unified inbox', async () => {
    const fake = new FakeInbox(2).loggedIn('all');
    fake.inquiries.push(inquiry(7, { id: 'shop-b:7', shopId: 'shop-b', shopName: 'Shop B' }));
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(screen.getAllByRole('columnheader').at(-1)?.textContent).toBe('Shop');
    expect(lastSearch(fake)).toMatchObject({ shopId: 'all' });
    await pick('Shop', 'Shop B');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(lastSearch(fake)).toMatchObject({ shopId: 'shop-b' });
  });

  it('relabels the rows when the language changes (remembered labels are per language)', async () => {
    const fake = new FakeInbox(2).loggedIn();
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(within(dataRows()[0]!).getByText('Unprocessed')).toBeDefined();
    const u = user();
    await u.click(await screen.findByRole('combobox', { name: 'Language' }));
    await u.click(await screen.findByText('日本語'));
    await waitFor(() => expect(within(dataRows()[0]!).getByText('未処理')).toBeDefined());
    expect(within(dataRows()[1]!).queryByText('Unprocessed')).toBeNull();
  });

  it('reads the selected row ahead: Enter shows its conversation without waiting for the core', async () => {
    await openOnlyReadAhead('jj', '{Enter}');
    expect(await screen.findByRole('heading', { name: 'Question 2' })).toBeDefined();
  });

  it('reads the row below the selection too: j then Enter shows it without waiting', async () => {
    await openOnlyReadAhead('j', 'j{Enter}');
    expect(await screen.findByRole('heading', { name: 'Question 2' })).toBeDefined();
  });

  it('opens with the read still in flight: waits for it instead of reading twice', async () => {
    const fake = await inboxWith(4);
    let release = (): void => undefined;
    fake.gates.set('openThread', new Promise<void>((r) => (release = r)));
    const u = user();
    await u.keyboard('jj');
    const selected = dataRows()[1]!.getAttribute('data-inquiry-id');
    await u.keyboard('{Enter}');
    await act(() => new Promise((r) => setTimeout(r, 50)));
    const readsOf = () =>
      fake.callsOf('openThread').filter((c) => (c as { inquiryId: string }).inquiryId === selected);
    expect(readsOf()).toHaveLength(1);
    act(() => release());
    expect(await screen.findByRole('heading', { name: 'Question 2' })).toBeDefined();
    expect(readsOf()).toHaveLength(1);
  });

  it('does not show a read-ahead conversation that changed since it was read', async () => {
    const fake = await inboxWith(4);
    const u = user();
    await u.keyboard('jj');
    const selected = dataRows()[1]!.getAttribute('data-inquiry-id')!;
    await readAhead(fake, selected);
    let release = (): void => undefined;
    fake.gates.set('openThread', new Promise<void>((r) => (release = r)));
    fake.inquiries[1] = { ...fake.inquiries[1]!, title: 'Edited on Qoo10' };
    act(() => fake.emit('inquiriesChanged', { shopId: 'shop-a', inquiryIds: [selected] }));
    await u.keyboard('{Enter}');
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('heading', { name: 'Question 2' })).toBeNull();
    act(() => release());
    expect(await screen.findByRole('heading', { name: 'Edited on Qoo10' })).toBeDefined();
  });

  it('moves with j/k, opens with Enter, ignores keys typed into inputs, / and ? work', async () => {
    const fake = new FakeInbox(4).loggedIn();
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    const u = user();
    await u.keyboard('jj');
    expect(dataRows()[1]!.getAttribute('aria-selected')).toBe('true');
    await u.keyboard('k');
    expect(dataRows()[0]!.getAttribute('aria-selected')).toBe('true');
    await u.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Question 1' })).toBeDefined();

    await u.keyboard('/');
    const search = screen.getByRole('textbox', { name: 'Search text' });
    expect(document.activeElement).toBe(search);
    await u.keyboard('j');
    // The key went into the box and searched at once (no debounce), rather than moving.
    expect((search as HTMLInputElement).value).toBe('j');
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ text: 'j' }));

    act(() => search.blur());
    await u.keyboard('?');
    expect(await dialogTitled('Keyboard shortcuts')).toBeDefined();
  });

  it('hands the focus to the list once a reply is queued, and back to the reply if cancelled', async () => {
    const fake = await inboxWith(3);
    const u = user();
    await u.keyboard('j{Enter}');
    expect(await screen.findByRole('heading', { name: 'Question 1' })).toBeDefined();
    const message = await screen.findByLabelText('Message');
    await u.keyboard('r');
    expect(document.activeElement).toBe(message);

    await u.keyboard('Thank you.{Control>}{Enter}{/Control}');
    await u.click(
      within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(document.activeElement).toBe(message));

    await u.keyboard('{Control>}{Enter}{/Control}');
    await u.click(
      within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Send' }),
    );
    await waitFor(() => expect(fake.callsOf('reply')).toHaveLength(1));
    // In the text area a j would be typed; on the list it moves on.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('grid')));
    await u.keyboard('j');
    expect(dataRows()[1]!.getAttribute('aria-selected')).toBe('true');
  });

  it('closes the confirmation once confirmed; one reply while the outbox works; a refusal goes back to the reply', async () => {
    const fake = await inboxWith(3);
    const u = user();
    await u.keyboard('j{Enter}');
    const message = await screen.findByLabelText('Message');
    await u.keyboard('r');
    fake.failures.set('reply', 'REPLY_TOO_LONG');
    let answer: () => void = () => undefined;
    fake.gates.set('reply', new Promise<void>((r) => (answer = r)));
    await u.keyboard('Thank you.{Control>}{Enter}{/Control}');
    await u.click(
      within(await dialogTitled('Send this reply?')).getByRole('button', { name: 'Send' }),
    );
    await waitFor(() => expect(fake.callsOf('reply')).toHaveLength(1));
    // Closed while the outbox works: its frame is drawn while the core writes the reply.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // A second Ctrl+Enter meanwhile asks nothing and sends nothing.
    message.focus();
    await u.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => answer());
    expect(await screen.findByText(/longer than 1,000 characters/)).toBeDefined();
    expect(fake.callsOf('reply')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(message));
    expect((message as HTMLTextAreaElement).value).toBe('Thank you.');
  });

  it('does not scroll the list as it mounts at the top; keeps a selection below the view in view', async () => {
    const scrolls = vi.spyOn(Element.prototype, 'scrollTo');
    try {
      renderApp(new FakeInbox(60).loggedIn());
      await waitFor(() => expect(dataRows().length).toBeGreaterThan(20)); // the first screenful
      // Scrolling to where a new list already is forced a layout of the whole page at start-up.
      expect(scrolls).not.toHaveBeenCalled();
      await user().keyboard('j'.repeat(30));
      // (jsdom lays nothing out, so the offset it is asked for is clamped to 0.)
      expect(scrolls).toHaveBeenCalledWith(
        expect.objectContaining({ top: expect.any(Number) as number }),
      );
    } finally {
      scrolls.mockRestore();
    }
  });

  it('keeps the last keystrokes of a draft when the seller opens another inquiry at once', async () => {
    const fake = new FakeInbox(2).loggedIn();
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    const u = user();
    await u.click(dataRows()[0]!);
    const pane = await screen.findByRole('region', { name: 'Conversation' });
    const first = fake.inquiries[0]!.id;
    fireEvent.change(within(pane).getByLabelText('Message'), { target: { value: 'half a reply' } });
    // Well inside the draft debounce: leaving must save it anyway.
    await u.click(dataRows()[1]!);
    await waitFor(() =>
      expect(fake.callsOf('saveDraft')).toContainEqual(
        expect.objectContaining({ inquiryId: first, body: 'half a reply' }),
      ),
    );
  });

  it('shows offline, syncing and the outbox with retry and cancel', async () => {
    const fake = new FakeInbox(2).loggedIn();
    fake.outbox.push({
      id: 'ob-x',
      requestId: 'r',
      inquiryId: 'shop-a:1001',
      kind: 'reply',
      state: 'failed',
      title: '[Re] Question 1',
      body: 'hello',
      status: 'S3',
      attempts: 3,
      createdAt: '2026-03-01T00:00:00Z',
      updatedAt: '2026-03-01T00:00:00Z',
      error: { code: 'SERVER_ERROR', message: '500' },
      conflict: null,
    });
    renderApp(fake);
    expect(await screen.findByText(/Up to date/)).toBeDefined();
    act(() => fake.emit('connectivity', { online: false }));
    expect(await screen.findByText('Offline')).toBeDefined();
    act(() => fake.emit('connectivity', { online: true }));
    act(() =>
      fake.emit('syncProgress', { shopId: 'shop-a', fetched: 40, applied: 40, done: false }),
    );
    expect(await screen.findByText('Syncing… (40 fetched)')).toBeDefined();
    // Each shop reports its own running total; the badge adds up the shops still syncing.
    act(() => {
      fake.emit('syncProgress', { shopId: 'shop-a', fetched: 90, applied: 90, done: false });
      fake.emit('syncProgress', { shopId: 'shop-b', fetched: 10, applied: 10, done: false });
    });
    expect(await screen.findByText('Syncing… (100 fetched)')).toBeDefined();
    act(() =>
      fake.emit('syncProgress', { shopId: 'shop-a', fetched: 90, applied: 90, done: true }),
    );
    expect(await screen.findByText('Syncing… (10 fetched)')).toBeDefined();
    act(() =>
      fake.emit('syncProgress', { shopId: 'shop-b', fetched: 10, applied: 10, done: true }),
    );
    expect(await screen.findByText(/Up to date/)).toBeDefined();

    await user().click(screen.getByRole('button', { name: /Outbox/ }));
    const drawer = await dialogTitled('Outbox: waiting to be sent');
    expect(within(drawer).getByText('The server had a problem. Try again later.')).toBeDefined();
    // Every reply carries the same "[Re] …" title: the text says which one this is.
    expect(within(drawer).getByText('hello')).toBeDefined();
    await user().click(within(drawer).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.callsOf('retryOutbox')).toEqual([{ outboxId: 'ob-x' }]));
    expect(await within(drawer).findByText('Queued')).toBeDefined();
    await user().click(within(drawer).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.callsOf('cancelOutbox')).toEqual([{ outboxId: 'ob-x' }]));
  });

  it('switches the shop from the header', async () => {
    const fake = new FakeInbox(2).loggedIn();
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    await user().click(screen.getByRole('button', { name: /Switch shop/ }));
    const dialog = await dialogTitled('Select shop');
    await user().click(within(dialog).getByRole('radio', { name: 'All shops' }));
    await user().click(within(dialog).getByRole('button', { name: 'Selection complete' }));
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ shopId: 'all' }));
    expect(fake.callsOf('selectShop')).toEqual([{ shopId: 'all' }]);
  });
});
