// @vitest-environment jsdom
// The inbox's list of results as the seller searches: filters, typing, paging, quiet refreshes
// and the total that follows the rows (src/renderer/hooks/useSearch.ts, through the inbox).
import { user } from '../setup.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as priority from '../../../../src/renderer/hooks/priority.js';
import { FakeInbox, inquiry } from '../fakeApi.js';
import { pick } from '../antd.js';
import { renderApp } from '../render.js';

// How each answer was rendered (true: as a transition), the real renderFor still doing it.
const renderedQuietly = vi.hoisted(() => [] as boolean[]);
vi.mock('../../../../src/renderer/hooks/priority.js', async (importOriginal) => {
  const real = await importOriginal<typeof priority>();
  return {
    ...real,
    renderFor: (quiet: boolean) => {
      renderedQuietly.push(quiet);
      return real.renderFor(quiet);
    },
  };
});

const dataRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);
const lastSearch = (fake: FakeInbox) => fake.callsOf('search').at(-1) as Record<string, unknown>;

describe('the inbox list as the seller searches', () => {
  it('says so when nothing matches, and shows search errors translated', async () => {
    const fake = new FakeInbox(0).loggedIn();
    renderApp(fake);
    expect(await screen.findByText('No inquiries match these filters.')).toBeDefined();
    fake.failures.set('search', 'DATE_RANGE_TOO_LONG');
    await user().click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('The date range is too long.')).toBeDefined();
  });

  it('renders a new list’s first page in slices, what the seller asks for next at once', async () => {
    const fake = new FakeInbox(5); // the inbox mounts after a log-in: nothing of it came at start-up
    renderApp(fake);
    const u = user();
    await u.type(await screen.findByLabelText('ID or e-mail'), 'demo');
    await u.type(screen.getByLabelText('Password'), 'demo1234');
    await u.click(screen.getByRole('button', { name: 'Log in' }));
    await u.click(await screen.findByRole('radio', { name: 'All shops' }));
    renderedQuietly.length = 0;
    await u.click(screen.getByRole('button', { name: 'Selection complete' }));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    expect(renderedQuietly).toEqual([true]);
    await pick('Status', 'Reply complete');
    await waitFor(() => expect(lastSearch(fake)).toMatchObject({ status: 'S3' }));
    await waitFor(() => expect(renderedQuietly).toEqual([true, false]));
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
    // Asked once the rows are painted (see callAfterFirstPaint).
    await waitFor(() =>
      expect(fake.callsOf('searchTotal')).toEqual([
        expect.not.objectContaining({ limit: expect.anything() }),
      ]),
    );
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
});
