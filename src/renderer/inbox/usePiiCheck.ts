import { useEffect, useRef, useState } from 'react';
import type { PiiSpan } from '../../shared/api.js';
import { call } from '../api.js';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback.js';

const PII_DEBOUNCE_MS = 300;
const NONE: PiiSpan[] = [];

export interface PiiCheck {
  spans: PiiSpan[];
  /** Drops a check still waiting for the seller to pause: the text is being sent. */
  cancel: () => void;
  /** Checks the text now (it stayed in the composer: its send was refused). */
  checkNow: () => void;
}

/**
 * Personal information the core's detector finds in `text`, re-checked as the seller pauses
 * (what was found stays on screen while they type on). Findings belong to `scope` (the
 * inquiry): the composer stays mounted from one conversation to the next, and one
 * conversation's findings must never mark up another's text; nor may an answer that lands once
 * the text is gone (sent) mark up the empty composer.
 */
export function usePiiCheck(text: string, scope: string): PiiCheck {
  const [found, setFound] = useState<{ scope: string; spans: PiiSpan[] }>({ scope, spans: NONE });
  const latest = useRef(text);
  latest.current = text;
  const check = useDebouncedCallback((value: string, forScope: string) => {
    if (!value.trim()) return;
    void call('checkPii', { text: value }).then((res) => {
      if (res.ok && latest.current.trim()) setFound({ scope: forScope, spans: res.value });
    });
  }, PII_DEBOUNCE_MS);
  useEffect(() => {
    // The same state when nothing changes: a new empty list would re-render the composer.
    if (!text.trim()) setFound((old) => (old.spans.length === 0 ? old : { scope, spans: NONE }));
    check(text, scope);
  }, [text, scope, check]);
  return {
    spans: found.scope === scope ? found.spans : NONE,
    cancel: check.cancel,
    checkNow: () => {
      check(text, scope);
      check.flush();
    },
  };
}
