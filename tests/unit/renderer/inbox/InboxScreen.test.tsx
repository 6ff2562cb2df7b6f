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

  it('says so when nothing matches, and shows search errors translated', async () => {
    const fake = new FakeInbox(0).loggedIn();
    renderApp(fake);
    expect(await screen.findByText('No inquiries match these filters.')).toBeDefined();
    fake.failures.set('search', 'DATE_RANGE_TOO_LONG');
    await user().click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('The date range is too long.')).toBeDefined();
  });

  it('filters by status, product number, order number and text', async () => {
    const fake = new FakeInbox(5).loggedIn();
    fake.inquiries[2] = inquiry(3, { status: 'S3' });
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(5));

    await pick('Status', 'Reply complete');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(lastSearch(fake)).toMatchObject({ status: 'S3' });
    await pick('Status', 'All statuses');

    await pick('Detail search', 'Product number');
    fireEvent.change(screen.getByRole('textbox', { name: 'Search text' }), {
      target: { value: '522660004' },
    });
    await user().click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ itemNo: '522660004' }));
    await waitFor(() => expect(dataRows()).toHaveLength(1));

    await pick('Detail search', 'Order number');
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ orderNo: '522660004' }));
    expect(await screen.findByText('No inquiries match these filters.')).toBeDefined();

    await pick('Detail search', 'All');
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ text: '522660004' }));
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

  it('keeps the confirmation open until the outbox answers; a refusal goes back to the reply', async () => {
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
    expect(screen.getByRole('dialog')).toBeDefined(); // still open while the outbox works
    act(() => answer());
    expect(await screen.findByText(/longer than 1,000 characters/)).toBeDefined();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
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

  it('asks again for the next page when a quiet refresh dropped its answer', async () => {
    // A window tall enough that the list's last rendered row is near the end of the first page:
    // it asks for the next one at once.
    const height = window.innerHeight;
    Object.defineProperty(window, 'innerHeight', { value: 1400, configurable: true });
    try {
      const fake = new FakeInbox(120).loggedIn();
      let releaseFirst = (): void => undefined;
      fake.gates.set('search', new Promise<void>((r) => (releaseFirst = r)));
      renderApp(fake);
      await waitFor(() => expect(fake.callsOf('search')).toHaveLength(1));
      let releaseHeld = (): void => undefined;
      act(() => {
        fake.gates.set('search', new Promise<void>((r) => (releaseHeld = r)));
        releaseFirst();
      });
      const asked = () => fake.callsOf('search') as Record<string, unknown>[];
      await waitFor(() => expect(asked()[1]).toMatchObject({ cursor: '50' }));
      // News from the core while the page is out: a quiet refresh of the rows shown.
      act(() => fake.emit('inquiriesChanged', { shopId: 'shop-a', inquiryIds: [] }));
      await waitFor(() => expect(asked()).toHaveLength(3));
      expect(asked()[2]).not.toHaveProperty('cursor');
      fake.gates.delete('search');
      act(() => releaseHeld());
      // The refresh superseded the page's answer; once it has landed the page is asked again.
      await waitFor(() => expect(asked()[3]).toMatchObject({ cursor: '50' }));
    } finally {
      Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
    }
  });

  for (const first of ['the page', 'the query'] as const) {
    it(`asks for the next page of a new query whose first page looks like the last one (${first} answered first)`, async () => {
      const height = window.innerHeight;
      Object.defineProperty(window, 'innerHeight', { value: 1400, configurable: true });
      try {
        const fake = new FakeInbox(120).loggedIn();
        renderApp(fake);
        const asked = () => fake.callsOf('search') as Record<string, unknown>[];
        await waitFor(() => expect(asked()).toHaveLength(1));
        // The list at once asks for the second page (its last rows are on screen): held.
        let releasePage = (): void => undefined;
        fake.gates.set('search', new Promise<void>((r) => (releasePage = r)));
        await waitFor(() => expect(asked()[1]).toMatchObject({ cursor: '50' }));
        // A query typed meanwhile (its first page as long as the last one) drops that page.
        let releaseQuery = (): void => undefined;
        fake.gates.set('search', new Promise<void>((r) => (releaseQuery = r)));
        fireEvent.change(screen.getByRole('textbox', { name: 'Search text' }), {
          target: { value: 'Question' },
        });
        await waitFor(() => expect(asked()[2]).toMatchObject({ text: 'Question' }));
        fake.gates.delete('search');
        if (first === 'the page') {
          act(() => releasePage());
          act(() => releaseQuery());
        } else {
          act(() => releaseQuery());
          await waitFor(() =>
            expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('false'),
          );
          act(() => releasePage());
        }
        await waitFor(() =>
          expect(asked().slice(3)).toContainEqual(
            expect.objectContaining({ text: 'Question', cursor: '50' }),
          ),
        );
      } finally {
        Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
      }
    });
  }

  it('shows a new query from the top when the list was scrolled down', async () => {
    renderApp(new FakeInbox(60).loggedIn());
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(20));
    const firstShown = () => Number(dataRows()[0]!.getAttribute('aria-rowindex'));
    const grid = screen.getByRole('grid');
    Object.defineProperty(grid, 'scrollTop', { value: 900, configurable: true });
    fireEvent.scroll(grid);
    await waitFor(() => expect(firstShown()).toBeGreaterThan(2)); // rows 1–2: the header, row 1
    // Every row matches: the same rows, but the answer to another query.
    fireEvent.change(screen.getByRole('textbox', { name: 'Search text' }), {
      target: { value: 'Question' },
    });
    await waitFor(() => expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('false'));
    expect(firstShown()).toBe(2);
  });

  it('searches as the seller types, one search in flight, painting only the latest', async () => {
    const fake = new FakeInbox(4).loggedIn();
    renderApp(fake);
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    const before = fake.callsOf('search').length;
    let release = (): void => undefined;
    fake.gates.set('search', new Promise<void>((r) => (release = r)));
    const u = user();
    await u.type(screen.getByRole('textbox', { name: 'Search text' }), 'Question 2');
    // The first keystroke's search is held by the gate; the other nine wait behind it.
    expect(fake.callsOf('search').slice(before)).toEqual([expect.objectContaining({ text: 'Q' })]);
    fake.gates.delete('search');
    act(() => release());
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(
      fake
        .callsOf('search')
        .slice(before)
        .map((q) => (q as { text: string }).text),
    ).toEqual(['Q', 'Question 2']);
  });

  it('shows the rows first and the total once it is counted, never an older search’s', async () => {
    const fake = new FakeInbox(120).loggedIn();
    fake.inquiries.forEach(
      (q, i) => (fake.inquiries[i] = { ...q, title: `${i % 2 ? 'odd' : 'even'} ${i}` }),
    );
    let release = (): void => undefined;
    fake.gates.set('searchTotal', new Promise<void>((r) => (release = r)));
    renderApp(fake);
    // More than a page: the first one comes without its total.
    expect(await screen.findByText('Results: counting…')).toBeDefined();
    expect(dataRows().length).toBeGreaterThan(0);
    expect(fake.callsOf('searchTotal')).toEqual([
      expect.not.objectContaining({ limit: expect.anything() }),
    ]);
    const search = screen.getByRole('textbox', { name: 'Search text' });
    fake.gates.delete('searchTotal'); // the next count answers at once
    fireEvent.change(search, { target: { value: 'odd' } });
    expect(await screen.findByText('Results: 60')).toBeDefined();
    // The first count answers after the seller moved on: its 120 is never shown.
    act(() => release());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByText('Results: 60')).toBeDefined();
    expect(fake.callsOf('searchTotal')).toHaveLength(2);
    // A search whose first page holds every match needs no count.
    fireEvent.change(search, { target: { value: 'even 1' } });
    const few = fake.inquiries.filter((q) => q.title.includes('even 1')).length;
    expect(few).toBeLessThan(50);
    expect(await screen.findByText(`Results: ${few}`)).toBeDefined();
    expect(fake.callsOf('searchTotal')).toHaveLength(2);
    // A quiet refresh (news from the core) counts in its own call: nobody waits for its rows.
    fireEvent.change(search, { target: { value: 'odd' } });
    expect(await screen.findByText('Results: 60')).toBeDefined();
    const searches = fake.callsOf('search').length;
    act(() => fake.emit('inquiriesChanged', { shopId: 'shop-a', inquiryIds: [] }));
    await waitFor(() => expect(fake.callsOf('search').length).toBe(searches + 1));
    expect(fake.callsOf('search').at(-1)).toMatchObject({ text: 'odd', total: true });
    expect(screen.getByText('Results: 60')).toBeDefined();
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
