// The inquiry list: first page on every query change, more pages on demand, a quiet refresh
// when the core reports changed inquiries. Stale answers (an older query's) are dropped.
// The rows come first and the total after them: counting every match of a common word costs
// the core several times the page (see searchInquiries), so the list asks for it separately.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InquirySummary, SearchInput } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { call, callAfterFirstPaint, dropArrived, peekArrived } from '../api.js';
import { markStartOnce } from '../perf.js';
import { renderFor } from './priority.js';
import { useBridgeEvent } from './useBridgeEvent.js';
import { useDebouncedCallback } from './useDebouncedCallback.js';
import { keepUnchangedItems } from './keepUnchanged.js';

export interface SearchState {
  rows: InquirySummary[];
  /** Exact; null while it is being counted. */
  total: number | null;
  loading: boolean;
  error: AppError | null;
  hasMore: boolean;
  /** Bumps each time a first page lands (drives the 'search:painted' mark). */
  seq: number;
  /** The search the rows answer (its input, as JSON); quiet refreshes keep it. */
  resultsOf: string;
}

const EMPTY: SearchState = {
  rows: [],
  total: 0,
  loading: true,
  error: null,
  hasMore: false,
  seq: 0,
  resultsOf: '',
};
const REFRESH_MAX = 500;

/** The first page as state, when start-up already has it (see peekArrived). */
function arrivedState(input: SearchInput): { state: SearchState; cursor: string | null } | null {
  const res = peekArrived('search', input);
  if (res?.ok !== true) return null;
  const { rows, total, nextCursor } = res.value;
  const state = {
    rows,
    total,
    loading: false,
    error: null,
    hasMore: nextCursor !== null,
    seq: 1,
    resultsOf: JSON.stringify(input),
  };
  return { state, cursor: nextCursor };
}

const rowId = (r: InquirySummary): string => r.id;

/** What `searchTotal` takes of a list's search: its filters, not its paging. */
function filtersOf(input: SearchInput): Omit<SearchInput, 'cursor' | 'limit' | 'total'> {
  const { cursor: _cursor, limit: _limit, total: _total, ...filters } = input;
  return filters;
}

/**
 * The rows kept, as a new array when the list must check them again: they answer another query
 * than the shown ones, or a next page asked for them was dropped (the list asks for next pages
 * when its rows are replaced and their end is near).
 */
function rowsToShow<T>(recheck: boolean, shown: T[], kept: T[]): T[] {
  return recheck && kept === shown ? [...kept] : kept;
}

export function useSearch(input: SearchInput) {
  // Start-up asked for the inbox's first page while its code loaded: when the answer is in,
  // the first render shows the rows (no empty pass, no second render).
  const [arrived] = useState(() => arrivedState(input));
  const [state, setState] = useState<SearchState>(arrived?.state ?? EMPTY);
  const cursor = useRef<string | null>(arrived?.cursor ?? null);
  const skipFirstRun = useRef(arrived !== null);
  /** Whether a first page has landed (from start-up or a search). */
  const landed = useRef(arrived !== null);
  const request = useRef(0);
  const loadingMore = useRef(false);
  const key = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  // One search in flight: a query that changes meanwhile (the seller typing on) waits for it and
  // then runs once with the latest input; the superseded answer is dropped, never painted.
  const inFlight = useRef(false);
  const pending = useRef<{ limit: number | undefined; quiet: boolean } | null>(null);

  // A next page whose answer was dropped for a newer search: the list checks its rows again once
  // that search has landed. Otherwise nothing asked again (the list asks when its rows are
  // replaced or its last row comes near their end, and a refresh mostly keeps both): j stopped
  // at the last loaded row while replies were being sent.
  const pageDropped = useRef(false);

  /** Asks for the total of search `id` (its page came without one) and shows it if still current. */
  const countTotal = useCallback(async (id: number, input: SearchInput) => {
    const res = await callAfterFirstPaint('searchTotal', filtersOf(input));
    if (id !== request.current) return;
    setState((s) => (res.ok ? { ...s, total: res.value } : { ...s, error: res.error }));
  }, []);

  const run = useCallback(
    async (limit?: number, quiet = false) => {
      ++request.current;
      if (!quiet) {
        markStartOnce('search', 'search-total');
        // Typing on while a search runs: already loading, nothing to re-render.
        setState((s) => (s.loading && s.error === null ? s : { ...s, loading: true, error: null }));
      }
      // A search the seller asked for is never demoted to a quiet one.
      pending.current = { limit, quiet: quiet && (pending.current?.quiet ?? true) };
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        while (pending.current !== null) {
          const next = pending.current;
          pending.current = null;
          const id = request.current;
          const askedFor = JSON.stringify(inputRef.current);
          // A quiet refresh has nobody waiting for its rows: it counts in the same call, so it
          // takes the core once, not twice around whatever the seller does next.
          const q = {
            ...inputRef.current,
            ...(next.limit ? { limit: next.limit } : {}),
            ...(next.quiet ? { total: true } : {}),
          };
          const res = await call('search', q);
          if (id !== request.current) continue;
          // Asked now, the count runs in the core while this page renders. (Newer input would
          // have made this answer stale above: its search does not queue behind the count.)
          if (res.ok && res.value.total === null) void countTotal(id, q);
          // A quiet refresh (news from the core) renders as a transition, behind urgent work;
          // so does a new list's first page, which lands among the rest of a new screen's work
          // (a log-in mounts the inbox while the first sync runs): its rows render in slices.
          const first = !landed.current;
          landed.current = true;
          renderFor(next.quiet || first)(() => {
            if (!res.ok) {
              setState((s) => ({ ...s, loading: false, error: res.error, seq: s.seq + 1 }));
              return;
            }
            cursor.current = res.value.nextCursor;
            const recheck = !next.quiet || pageDropped.current;
            pageDropped.current = false;
            setState((s) => ({
              // A quiet refresh mostly returns the same rows: keep those, so they do not re-render.
              // Another query's answer is a new list even with the same rows (the list checks
              // then whether it needs their next page).
              rows: rowsToShow(recheck, s.rows, keepUnchangedItems(s.rows, res.value.rows, rowId)),
              // A quiet refresh keeps showing the last total until the new one is counted.
              total: res.value.total ?? (next.quiet ? s.total : null),
              loading: false,
              error: null,
              hasMore: res.value.nextCursor !== null,
              seq: s.seq + 1,
              resultsOf: next.quiet ? s.resultsOf : askedFor,
            }));
          });
        }
      } finally {
        inFlight.current = false;
      }
    },
    [countTotal],
  );

  useEffect(() => {
    if (skipFirstRun.current) {
      skipFirstRun.current = false;
      dropArrived('search');
      if (arrived?.state.total === null) void countTotal(request.current, inputRef.current);
      return;
    }
    void run();
  }, [key, run, arrived, countTotal]);

  const loadMore = useCallback(async () => {
    const next = cursor.current;
    if (!next || loadingMore.current) return;
    loadingMore.current = true;
    const id = request.current;
    const res = await callAfterFirstPaint('search', { ...inputRef.current, cursor: next });
    loadingMore.current = false;
    if (id !== request.current) {
      // The newer search has landed already: the list checks the rows it shows now.
      if (inFlight.current) pageDropped.current = true;
      else setState((s) => ({ ...s, rows: [...s.rows] }));
      return;
    }
    if (!res.ok) {
      setState((s) => ({ ...s, error: res.error }));
      return;
    }
    cursor.current = res.value.nextCursor;
    setState((s) => ({
      ...s,
      rows: [...s.rows, ...res.value.rows],
      total: res.value.total ?? s.total,
      hasMore: res.value.nextCursor !== null,
    }));
  }, []);

  const rowCount = useRef(0);
  rowCount.current = state.rows.length;
  /** Re-read what is loaded (up to a cap) without a spinner, keeping the list in place. */
  const refresh = useCallback(
    () =>
      run(Math.min(REFRESH_MAX, Math.max(inputRef.current.limit ?? 100, rowCount.current)), true),
    [run],
  );

  // Sync applies changes in bursts: one refresh per burst, and at least one a second while a
  // long sync's bursts never pause (its first rows then show as they land).
  const refreshSoon = useDebouncedCallback(() => void refresh(), 300, 1000);
  useBridgeEvent('inquiriesChanged', () => refreshSoon());
  useBridgeEvent('outboxChanged', () => refreshSoon());

  // Whether the rows shown answer the input as it is now (not an older query's, landed after a
  // keystroke and before its search).
  const answersInput = state.resultsOf === key;
  return { ...state, answersInput, loadMore, refresh, rerun: run };
}
