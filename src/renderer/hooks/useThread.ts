// One conversation: the latest page, older pages on demand, outgoing actions shown at once and
// followed through the outbox events (queued → sent | failed | conflict).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxItem, ThreadView } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { call } from '../api.js';
import { keepUnchangedItems, sameContent } from './keepUnchanged.js';
import { forgetThread, peekThread, readThread, THREAD_PAGE } from './threadCache.js';
import { renderFor } from './priority.js';
import { useBridgeEvent } from './useBridgeEvent.js';

export interface ThreadState {
  view: ThreadView | null;
  loading: boolean;
  loadingOlder: boolean;
  error: AppError | null;
}

const REFRESH_MAX = 200;

function upsertPending(pending: OutboxItem[], item: OutboxItem): OutboxItem[] {
  const rest = pending.filter((p) => p.id !== item.id);
  // Sent items become real messages on the next read; cancelled ones are gone.
  if (item.state === 'sent' || item.state === 'cancelled') return rest;
  return [...rest, item].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A re-read of the conversation on screen keeps what did not change, so it is not re-rendered. */
function reuseUnchanged(prev: ThreadView | null, next: ThreadView): ThreadView {
  if (prev?.inquiry.id !== next.inquiry.id) return next;
  return {
    ...next,
    inquiry: sameContent(prev.inquiry, next.inquiry) ? prev.inquiry : next.inquiry,
    messages: keepUnchangedItems(prev.messages, next.messages, (m) => m.seqNo),
    piiFlags: sameContent(prev.piiFlags, next.piiFlags) ? prev.piiFlags : next.piiFlags,
    draft: sameContent(prev.draft, next.draft) ? prev.draft : next.draft,
    pending: keepUnchangedItems(prev.pending, next.pending, (p) => p.id),
  };
}

export function useThread(inquiryId: string | null) {
  const [state, setState] = useState<ThreadState>({
    view: null,
    loading: false,
    loadingOlder: false,
    error: null,
  });
  // A conversation read ahead (the selected row, see threadCache) is shown in the render that
  // opens it, not one round trip later; the read below still runs and refreshes it.
  const [shownFor, setShownFor] = useState(inquiryId);
  if (shownFor !== inquiryId) {
    setShownFor(inquiryId);
    const ahead = inquiryId === null ? undefined : peekThread(inquiryId);
    if (ahead !== undefined)
      setState({ view: ahead, loading: false, loadingOlder: false, error: null });
  }
  const request = useRef(0);
  const loaded = useRef(0);
  loaded.current = state.view?.messages.length ?? 0;

  const load = useCallback(
    async (quiet: boolean) => {
      if (!inquiryId) return;
      const id = ++request.current;
      // The conversation on screen stays until the next one is read (a few ms): swapping in a
      // spinner would unmount and remount the whole pane on every open.
      // The pane tells stale from current by the ids, so with a view on screen nothing needs
      // to re-render here (returning the same state is a no-op for React).
      if (!quiet) {
        setState((s) =>
          s.view === null
            ? { view: null, loading: true, loadingOlder: false, error: null }
            : s.error === null
              ? s
              : { ...s, error: null },
        );
      }
      // Opening: what was read ahead of this conversation, if still valid, answers. A re-read
      // covers what is loaded (up to a cap).
      const limit = Math.min(REFRESH_MAX, Math.max(THREAD_PAGE, loaded.current));
      const res = await (quiet ? call('openThread', { inquiryId, limit }) : readThread(inquiryId));
      if (id !== request.current) return;
      // A quiet re-read (news from the core) is a transition, as the news was (useBridgeEvent).
      renderFor(quiet)(() =>
        setState((s) =>
          res.ok
            ? {
                view: reuseUnchanged(s.view, res.value),
                loading: false,
                loadingOlder: false,
                error: null,
              }
            : { ...s, loading: false, error: res.error },
        ),
      );
    },
    [inquiryId],
  );

  useEffect(() => {
    if (!inquiryId) {
      setState({ view: null, loading: false, loadingOlder: false, error: null });
      return;
    }
    void load(false);
    // What was read ahead of this conversation is stale once the seller has worked in it.
    return () => forgetThread(inquiryId);
  }, [inquiryId, load]);

  const loadOlder = useCallback(async () => {
    const first = state.view?.messages[0];
    if (!inquiryId || !first) return;
    const id = request.current;
    setState((s) => ({ ...s, loadingOlder: true }));
    const res = await call('openThread', { inquiryId, beforeSeq: first.seqNo, limit: THREAD_PAGE });
    if (id !== request.current) return;
    setState((s) => {
      if (!res.ok || !s.view)
        return { ...s, loadingOlder: false, error: res.ok ? s.error : res.error };
      return {
        ...s,
        loadingOlder: false,
        view: {
          ...s.view,
          messages: [...res.value.messages, ...s.view.messages],
          hasOlder: res.value.hasOlder,
        },
      };
    });
  }, [inquiryId, state.view]);

  /** Show an action the moment the outbox accepted it. */
  const addPending = useCallback((item: OutboxItem) => {
    setState((s) => {
      if (s.view?.inquiry.id !== item.inquiryId) return s;
      // The call's answer and the outbox event bring the same item: the second changes nothing.
      if (s.view.pending.some((p) => p.id === item.id && sameContent(p, item))) return s;
      return { ...s, view: { ...s.view, pending: upsertPending(s.view.pending, item) } };
    });
  }, []);

  // News comes in bursts: a sent reply brings its outbox event and one or two changes of the
  // inquiry within a few ms, and each re-read answered the same. One quiet re-read runs at a
  // time; news meanwhile asks for one more once it is in.
  // (The conversation on screen may change meanwhile: the next re-read is of the latest one.)
  const rereading = useRef<'no' | 'yes' | 'again'>('no');
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const reread = useCallback(async () => {
    if (rereading.current !== 'no') {
      rereading.current = 'again';
      return;
    }
    do {
      rereading.current = 'yes';
      await latestLoad.current(true);
    } while ((rereading.current as string) === 'again');
    rereading.current = 'no';
  }, []);

  useBridgeEvent('outboxChanged', (item) => {
    if (item.inquiryId !== inquiryId) return;
    addPending(item);
    if (item.state === 'sent') void reread();
  });
  useBridgeEvent('inquiriesChanged', ({ inquiryIds }) => {
    if (inquiryId && inquiryIds.includes(inquiryId)) void reread();
  });

  return { ...state, loadOlder, addPending, reload: reread };
}
