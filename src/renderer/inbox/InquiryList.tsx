// The result grid: the guide's columns, newest first, virtualized so 100k rows scroll smoothly.
import {
  elementScroll,
  useVirtualizer,
  type Rect,
  type Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { Spin } from 'antd';
import { memo, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquirySummary } from '../../shared/api.js';
import { useNewAnswerAtTop } from '../hooks/useNewAnswerAtTop.js';
import { InquiryRow } from './InquiryRow.js';

const ROW_HEIGHT = 36;
const BASE_COLUMNS = '140px 90px 150px 110px 80px 70px 80px 100px minmax(200px, 1fr) 100px 110px';
const SHOP_COLUMN = ' 120px';
const HEADER_KEYS = [
  'list.col.sentAt',
  'list.col.type',
  'list.col.status',
  'list.col.sender',
  'list.col.from',
  'list.col.to',
  'list.col.category',
  'list.col.receiver',
  'list.col.title',
  'list.col.itemNo',
  'list.col.orderNo',
] as const;

/**
 * The list's size, from its ResizeObserver only. The virtualizer's default reads the element's
 * client size when the list mounts, which forced a layout of the freshly inserted page inside the
 * inbox's first commit (40–70 ms, the largest task of a cold start that cannot be split). The
 * observer's first callback comes after the browser's own layout; until then the window's height
 * bounds what is visible (`initialRect`).
 */
function observeSizeAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver(() =>
    cb({ width: element.clientWidth, height: element.clientHeight }),
  );
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const windowRect = (): Rect => ({ width: window.innerWidth, height: window.innerHeight });

type ScrollTo = VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'];
const placed = new WeakSet<Element>();

/**
 * Scrolls the list, except for the virtualizer's first write when it is to the top: a list
 * element that has just mounted is there already, and scrollTo forced a synchronous layout of
 * the freshly inserted inbox inside its first commit (85 ms of a cold start at 100k, and the
 * browser laid the page out again for its frame). Now the browser lays it out once.
 */
const scrollUnlessAlreadyThere: ScrollTo = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (element !== null && !placed.has(element)) {
    placed.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};

export interface InquiryListProps {
  rows: InquirySummary[];
  /** Null while it is being counted. */
  total: number | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  selectedIndex: number;
  openId: string | null;
  onOpen: (id: string, index: number) => void;
  showShop: boolean;
  /** Which answer the rows are: a new one shows from the top. */
  resultsOf: unknown;
  ref?: Ref<InquiryListHandle>;
}

export interface InquiryListHandle {
  focus(): void;
}

// Memoized: opening an inquiry or typing in the reply re-renders the inbox, not the list.
export const InquiryList = memo(function InquiryList(p: InquiryListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(p.ref, () => ({ focus: () => scrollRef.current?.focus() }), []);
  const columns = BASE_COLUMNS + (p.showShop ? SHOP_COLUMN : '');
  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Enough rows beyond the edges for a wheel step; each one more is work on every new page.
    overscan: 6,
    // React 19 batches on its own; flushSync from inside effects only triggers warnings.
    useFlushSync: false,
    initialRect: windowRect(),
    observeElementRect: observeSizeAfterLayout,
    scrollToFn: scrollUnlessAlreadyThere,
  });
  const shift = useNewAnswerAtTop(virtualizer, p.resultsOf);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0;

  // Fetch the next page when the last rendered row comes near the end of what is loaded. Again
  // whenever the rows are replaced (a new query, a refresh): an earlier ask may have been
  // dropped for them, and the last rendered row need not have moved since.
  const { hasMore, loadMore, rows } = p;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 20) loadMore();
  }, [hasMore, lastIndex, rows, loadMore]);

  // Also after a jump to the top: the selection, when among the new rows, is scrolled to.
  const { jumps } = shift;
  useEffect(() => {
    if (p.selectedIndex >= 0) virtualizer.scrollToIndex(p.selectedIndex, { align: 'auto' });
  }, [p.selectedIndex, virtualizer, jumps]);

  return (
    <div
      ref={scrollRef}
      className="tw-grid"
      role="grid"
      aria-label={t('list.label')}
      aria-rowcount={p.total === null ? -1 : p.total + 1}
      aria-busy={p.loading}
      aria-activedescendant={p.selectedIndex >= 0 ? `inq-row-${p.selectedIndex}` : undefined}
      tabIndex={0}
    >
      <div
        role="row"
        aria-rowindex={1}
        className="tw-row tw-row-header"
        style={{ gridTemplateColumns: columns, height: ROW_HEIGHT }}
      >
        {HEADER_KEYS.map((k) => (
          <div role="columnheader" key={k}>
            {t(k)}
          </div>
        ))}
        {p.showShop && <div role="columnheader">{t('list.col.shop')}</div>}
      </div>
      {p.rows.length === 0 && !p.loading && (
        // Plain text, not antd Empty (an illustration and theme hooks): a typed query often
        // passes through "no results" between two keystrokes.
        <p style={{ textAlign: 'center', marginTop: 48, color: '#6b7280' }}>{t('list.empty')}</p>
      )}
      {p.rows.length === 0 && p.loading && (
        <div style={{ textAlign: 'center', marginTop: 48 }}>
          <Spin />
        </div>
      )}
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((vi) => {
          const row = p.rows[vi.index];
          if (!row) return null;
          // Keyed by position, not by inquiry: a new answer (a typed query) then updates the
          // rows in place instead of unmounting some 26 and creating them anew. Typing a word at
          // 20k, A/B interleaved: mean 62.6 -> 50.0 ms (n = 20); scrolling unchanged. A new
          // answer shown from the top keeps the keys of the rows on screen (keyBase).
          return (
            <InquiryRow
              key={vi.index - shift.keyBase}
              row={row}
              index={vi.index}
              start={vi.start}
              height={ROW_HEIGHT}
              columns={columns}
              showShop={p.showShop}
              selected={vi.index === p.selectedIndex}
              opened={row.id === p.openId}
              onOpen={p.onOpen}
              t={t}
            />
          );
        })}
      </div>
    </div>
  );
});
