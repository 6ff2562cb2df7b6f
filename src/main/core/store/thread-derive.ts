// Columns the cache derives from a thread rather than storing as received: how the guide's
// filters classify it, and what the list shows without opening it.
import { sourceOf, type Author, type QuestionType } from '../../../shared/domain.js';
import type { ThreadRecord } from './types.js';

export const SNIPPET_CHARS = 120;

export function questionTypeOf(t: Pick<ThreadRecord, 'inqType' | 'viaMyQoo10'>): QuestionType {
  if (t.inqType === 'ITEM') return 'product';
  return t.inqType === 'MSG' && t.viaMyQoo10 ? 'customer' : 'general';
}

export { sourceOf };

export interface DerivableMessage {
  seqNo: number;
  author: Author;
  body: string;
  sentAt: number;
}

export interface ThreadDerived {
  lastBuyerAt: number | null;
  replySeqNo: number | null;
  snippet: string;
  messageCount: number;
}

/** `messages` sorted by seqNo ascending. */
export function deriveThread(messages: readonly DerivableMessage[]): ThreadDerived {
  let lastBuyer: DerivableMessage | undefined;
  for (const m of messages) if (m.author === 'buyer') lastBuyer = m;
  const latest = messages.at(-1);
  return {
    lastBuyerAt: lastBuyer?.sentAt ?? null,
    replySeqNo: lastBuyer?.seqNo ?? null,
    snippet: latest === undefined ? '' : snippetOf(latest.body),
    messageCount: messages.length,
  };
}

/** One line of the latest message: whitespace collapsed, cut at SNIPPET_CHARS code points. */
export function snippetOf(body: string): string {
  const line = body.replace(/\s+/gu, ' ').trim();
  if (line.length <= SNIPPET_CHARS) return line; // UTF-16 length ≥ code points
  const chars = Array.from(line);
  return chars.length <= SNIPPET_CHARS ? line : `${chars.slice(0, SNIPPET_CHARS - 1).join('')}…`;
}
