// @vitest-environment jsdom
// A list scrolled down shows a new answer from its top, in the rows already on screen
// (src/renderer/hooks/useNewAnswerAtTop.ts, through the inbox's list).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeInbox } from '../fakeApi.js';
import { renderApp } from '../render.js';

const dataRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

describe('a new answer in a list scrolled down', () => {
  it('shows a new query from the top when the list was scrolled down, in the rows on screen', async () => {
    renderApp(new FakeInbox(60).loggedIn());
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(20));
    const firstShown = () => Number(dataRows()[0]!.getAttribute('aria-rowindex'));
    const grid = screen.getByRole('grid');
    // jsdom does not scroll: the grid keeps its offset here, and scrollTo moves it.
    let top = 900;
    Object.defineProperty(grid, 'scrollTop', { get: () => top, configurable: true });
    const scrollTo = vi.spyOn(grid, 'scrollTo').mockImplementation((to?: unknown) => {
      top = (to as ScrollToOptions | undefined)?.top ?? top;
      fireEvent.scroll(grid);
    });
    fireEvent.scroll(grid);
    await waitFor(() => expect(firstShown()).toBeGreaterThan(2)); // rows 1–2: the header, row 1
    const mounted = new Set(dataRows());
    // Every row matches: the same rows, but the answer to another query.
    fireEvent.change(screen.getByRole('textbox', { name: 'Search text' }), {
      target: { value: 'Question' },
    });
    await waitFor(() => expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('false'));
    expect(firstShown()).toBe(2);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    // The rows from the top took the place of those that were on screen: none mounted anew.
    expect(dataRows().every((row) => mounted.has(row))).toBe(true);
    expect(screen.getByRole('grid')).toBe(grid);
  });
});
