import { useEffect, useState } from 'react';
import type { PiiSpan } from '../../shared/api.js';
import { call } from '../api.js';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback.js';

const PII_DEBOUNCE_MS = 300;
const NONE: PiiSpan[] = [];

/**
 * Personal information the core's detector finds in `text`, re-checked as the seller pauses.
 * Findings belong to `scope` (the inquiry): the composer stays mounted from one conversation to
 * the next, and one conversation's findings must never mark up another's text.
 */
export function usePiiCheck(text: string, scope: string): PiiSpan[] {
  const [found, setFound] = useState<{ scope: string; spans: PiiSpan[] }>({ scope, spans: NONE });
  const check = useDebouncedCallback((value: string, forScope: string) => {
    if (!value.trim()) return;
    void call('checkPii', { text: value }).then((res) => {
      if (res.ok) setFound({ scope: forScope, spans: res.value });
    });
  }, PII_DEBOUNCE_MS);
  useEffect(() => {
    // The same state when nothing changes: a new empty list would re-render the composer.
    if (!text.trim()) setFound((old) => (old.spans.length === 0 ? old : { scope, spans: NONE }));
    check(text, scope);
  }, [text, scope, check]);
  return found.scope === scope ? found.spans : NONE;
}
