// The guide's search view as state, and how it maps onto InboxApi's search input.
import type { SearchInput } from '../../shared/api.js';
import type { QuestionType, Source, Status } from '../../shared/domain.js';

export const DETAIL_FIELDS = ['all', 'itemNo', 'orderNo'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface Filters {
  source: Source;
  questionType: QuestionType | 'all';
  status: Status | 'all';
  dateField: 'received' | 'answered';
  /** JST calendar days, yyyy-MM-dd. */
  from: string | null;
  to: string | null;
  detailField: DetailField;
  text: string;
  /** Only in the unified inbox: one shop of the account, or all of them. */
  shopFilter: string;
}

export const DEFAULT_FILTERS: Filters = {
  source: 'customer',
  questionType: 'all',
  status: 'all',
  dateField: 'received',
  from: null,
  to: null,
  detailField: 'all',
  text: '',
  shopFilter: 'all',
};

/**
 * Rows per page of results: the list shows about 20 at a time, and its next page loads when the
 * last rendered row comes within 20 of the end. Each row asked for is work on the search's path
 * to the screen (summaries built, cloned out of the core's worker, serialized, parsed): at 100
 * rows that was 9 of a typed search's ms besides the query itself, at 50 about half of that.
 */
export const PAGE_SIZE = 50;

export function toSearchInput(f: Filters, selectedShopId: string): SearchInput {
  const text = f.text.trim();
  const input: SearchInput = {
    shopId: selectedShopId === 'all' ? f.shopFilter : selectedShopId,
    source: f.source,
    dateField: f.dateField,
    sort: 'newest',
    limit: PAGE_SIZE,
    // The rows first; useSearch asks for the total after them.
    total: false,
  };
  if (f.source === 'customer' && f.questionType !== 'all') input.questionType = f.questionType;
  if (f.status !== 'all') input.status = f.status;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (text) {
    if (f.detailField === 'itemNo') input.itemNo = text;
    else if (f.detailField === 'orderNo') input.orderNo = text;
    else input.text = text;
  }
  return input;
}
