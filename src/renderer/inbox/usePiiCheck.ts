import { useEffect, useState } from 'react';
import type { PiiSpan } from '../../shared/api.js';
import { call } from '../api.js';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback.js';

const PII_DEBOUNCE_MS = 300;

/** Personal information the core's detector finds in `text`, re-checked as the seller pauses. */
export function usePiiCheck(text: string): PiiSpan[] {
  const [spans, setSpans] = useState<PiiSpan[]>([]);
  const check = useDebouncedCallback((value: string) => {
    if (!value.trim()) return;
    void call('checkPii', { text: value }).then((res) => {
      if (res.ok) setSpans(res.value);
    });
  }, PII_DEBOUNCE_MS);
  useEffect(() => {
    // The same empty array when nothing changes: a new one would re-render the composer.
    if (!text.trim()) setSpans((old) => (old.length === 0 ? old : []));
    check(text);
  }, [text, check]);
  return spans;
}
