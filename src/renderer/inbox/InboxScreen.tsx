// 咨询&留言 → 来自顾客的咨询: counters, the two sources, filters, the list and the conversation.
import { MessageOutlined } from '@ant-design/icons';
import { Empty, Menu, Spin, type InputRef } from 'antd';
import {
  Suspense,
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCES, type Source, type Status } from '../../shared/domain.js';
import { firstScreenShown } from '../api.js';
import { useApp } from '../AppContext.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint.js';
import { useSearch } from '../hooks/useSearch.js';
import { useShortcuts } from '../hooks/useShortcuts.js';
import { readThreadAhead } from '../hooks/threadCache.js';
import { afterPaint, markFirstListPaint, markPainted, markStart } from '../perf.js';
import { chunkComponent } from '../screens/index.js';
import { chunk } from '../screens/load.js';
import type { ActionsHandle } from './Actions.js';
import type { ComposerHandle } from './Composer.js';
import { Counters } from './Counters.js';
import { FilterBar, preloadDateRange } from './FilterBar.js';
import { DEFAULT_FILTERS, toSearchInput, type Filters } from './filters.js';
import { Header } from './Header.js';
import { InquiryList, type InquiryListHandle } from './InquiryList.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import './inbox.css';

/**
 * The conversation pane (thread, composer, actions and their dialogs) is its own chunk: the first
 * paint shows no conversation, and evaluating that code and its Ant Design parts held up the
 * list at start-up. It loads once the list is on screen.
 */
const paneChunk = chunk(() => import('./ConversationPane.js'));
const ConversationPane = chunkComponent(paneChunk, (m) => m.ConversationPane);

/**
 * Loads the parts the inbox's first paint does without (the conversation pane, the range
 * picker): while the seller is still on the shop picker, rather than as the inbox mounts, when
 * the page and the shell are busiest (a log-in's first sync is starting).
 */
export function preloadInboxParts(): void {
  paneChunk.load().catch(() => undefined); // rendering reports a failure
  preloadDateRange();
}

/** What the pane column shows until its code is in: its own empty state, or a spinner. */
function PaneFallback({ opening }: { opening: boolean }) {
  const { t } = useTranslation();
  return opening ? (
    <div style={{ textAlign: 'center', marginTop: 64 }}>
      <Spin />
    </div>
  ) : (
    <Empty description={t('thread.none')} style={{ marginTop: 64 }} />
  );
}

export function InboxScreen() {
  const { t } = useTranslation();
  const { session } = useApp();
  const shopId = session?.selectedShopId ?? 'all';
  const unified = shopId === 'all';
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const input = useMemo(() => toSearchInput(filters, shopId), [filters, shopId]);
  const search = useSearch(input);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const composerRef = useRef<ComposerHandle>(null);
  const listRef = useRef<InquiryListHandle>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const actionsRef = useRef<ActionsHandle>(null);

  const { rows, seq } = search;

  // A new query's results show from the top (the selection, when among them, is scrolled to):
  // InquiryList jumps there in the render that shows them (see useNewAnswerAtTop).
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)),
    [rows, selectedId],
  );

  useEffect(() => {
    afterPaint(preloadInboxParts); // a start-up's inbox: its later parts once it is on screen
  }, []);

  // The clocks stop only for the answer to what the box holds now: an older query's rows or
  // total that land between a keystroke and its search would otherwise stop them early.
  const { answersInput } = search;
  useLayoutEffect(() => {
    if (seq === 0) return;
    if (answersInput) markPainted('search');
    if (rows.length > 0) markFirstListPaint();
    // Only when a first page lands, not on every appended page.
  }, [seq]);
  // Calls the first paint did without wait for it (see callAfterFirstPaint).
  const answered = seq > 0;
  useLayoutEffect(() => {
    if (answered) afterPaint(firstScreenShown);
  }, [answered]);
  const counted = search.total !== null;
  useLayoutEffect(() => {
    if (counted && answersInput) markPainted('search-total');
  }, [seq, counted, answersInput]);

  // The selected row is read ahead, so Enter shows it at once, and so is the row below it,
  // where a seller working down the list goes next (j): by the time they get there it is read.
  // Never the open one: its draft changes as the seller types.
  const belowId = rows[selectedIndex + 1]?.id ?? null;
  useEffect(() => {
    for (const id of [selectedId, belowId]) if (id !== null && id !== openId) readThreadAhead(id);
  }, [selectedId, belowId, openId]);

  const openInquiry = useCallback((id: string) => {
    markStart('thread-open');
    setSelectedId(id);
    setOpenId(id);
  }, []);

  const { loadMore: loadMorePage } = search;
  const loadMore = useCallback(() => void loadMorePage(), [loadMorePage]);

  const patchFilters = useCallback((patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
  }, []);
  const pickCounter = useCallback(
    (source: Source, status: Status) => patchFilters({ source, status }),
    [patchFilters],
  );

  const move = (delta: number): void => {
    if (rows.length === 0) return;
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + delta));
    const row = rows[next];
    if (row) setSelectedId(row.id);
  };

  useShortcuts({
    next: () => move(1),
    prev: () => move(-1),
    open: () => {
      const row = rows[selectedIndex];
      if (row) openInquiry(row.id);
    },
    focusReply: () => composerRef.current?.focus(),
    autoReply: () => actionsRef.current?.autoReply(),
    focusSearch: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
  });

  const { rerun } = search;
  const runSearch = useCallback(() => void rerun(), [rerun]);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  const pickSource = useCallback((source: Source) => patchFilters({ source }), [patchFilters]);

  return (
    <div className="tw-inbox">
      <Header onShowInquiry={openInquiry} onHelp={showHelp} />
      <div className="tw-body">
        <InboxNav />
        <main className="tw-main">
          <h1 style={{ fontSize: 18, margin: 0 }}>{t('nav.fromCustomers')}</h1>
          <Counters shopId={shopId} onPick={pickCounter} />
          <SourceTabs source={filters.source} onPick={pickSource} />
          <FilterBar
            filters={filters}
            onChange={patchFilters}
            onSearch={runSearch}
            shops={unified ? (session?.shops ?? []) : null}
            searchRef={searchRef}
          />
          <ErrorAlert error={search.error} />
          <div className="tw-split">
            <div className="tw-list-col">
              <div className="tw-msg-meta" aria-live="polite" style={{ marginBottom: 4 }}>
                {search.total === null ? t('list.counting') : t('list.total', { n: search.total })}
              </div>
              <InquiryList
                ref={listRef}
                resultsOf={search.resultsOf}
                rows={rows}
                total={search.total}
                loading={search.loading}
                hasMore={search.hasMore}
                loadMore={loadMore}
                selectedIndex={selectedIndex}
                openId={openId}
                onOpen={openInquiry}
                showShop={unified}
              />
            </div>
            <div className="tw-pane-col">
              <Suspense fallback={<PaneFallback opening={openId !== null} />}>
                <ConversationPane
                  inquiryId={openId}
                  composerRef={composerRef}
                  actionsRef={actionsRef}
                  afterReplyQueued={focusList}
                />
              </Suspense>
            </div>
          </div>
        </main>
      </div>
      {helpOpen && <ShortcutHelp open onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

/**
 * The two sources (customers, Qoo10) as a plain tab list. antd Tabs measured its ink bar on
 * mount (forced layouts in the inbox's first render) for what is two buttons.
 */
const SourceTabs = memo(function SourceTabs({
  source,
  onPick,
}: {
  source: Source;
  onPick: (source: Source) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs, as in any tab list (WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const step = e.key === 'ArrowRight' ? 1 : SOURCES.length - 1;
    const next = SOURCES[(SOURCES.indexOf(source) + step) % SOURCES.length] ?? 'customer';
    onPick(next);
    refs.current[SOURCES.indexOf(next)]?.focus();
  };
  return (
    <div role="tablist" className="tw-tabs" onKeyDown={onKeyDown}>
      {SOURCES.map((key, i) => (
        <button
          key={key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={source === key}
          tabIndex={source === key ? 0 : -1}
          className="tw-tab"
          onClick={() => onPick(key)}
        >
          {t(`tabs.${key}`)}
        </button>
      ))}
    </div>
  );
});

/**
 * 咨询&留言 → 来自顾客的咨询: the guide's menu (one entry today). Memoized: Menu is heavy, and
 * mounts once the inbox is on screen; until then its two entries stand in its place.
 */
const InboxNav = memo(function InboxNav() {
  const { t } = useTranslation();
  const live = useAfterFirstPaint();
  return (
    <nav className="tw-nav" aria-label={t('nav.label')}>
      {live ? (
        <Menu
          mode="inline"
          defaultOpenKeys={['inquiries']}
          selectedKeys={['fromCustomers']}
          items={[
            {
              key: 'inquiries',
              icon: <MessageOutlined aria-hidden />,
              label: t('nav.inquiries'),
              children: [{ key: 'fromCustomers', label: t('nav.fromCustomers') }],
            },
          ]}
        />
      ) : (
        <div className="tw-nav-placeholder" aria-hidden>
          <div>
            <MessageOutlined /> {t('nav.inquiries')}
          </div>
          <div className="tw-nav-placeholder-selected">{t('nav.fromCustomers')}</div>
        </div>
      )}
    </nav>
  );
});
