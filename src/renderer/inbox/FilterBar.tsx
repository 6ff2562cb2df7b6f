// The guide's detail search: type, date range (received or answered, JST days), status,
// detail search (all / product number / order number) and text, plus the shop in the
// unified inbox. Filters apply as they change; text applies on every keystroke (the list hook
// keeps one search in flight and drops stale answers), but not while an IME is still composing:
// half-converted romaji or pinyin is not what the seller is looking for.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, type InputRef } from 'antd';
import { memo, Suspense, useEffect, useRef, useState, type CSSProperties, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, STATUSES, type Shop } from '../../shared/domain.js';
import { SelectStandIn } from '../components/SelectStandIn.js';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint.js';
import { markStart } from '../perf.js';
import { chunkComponent } from '../screens/index.js';
import { chunk } from '../screens/load.js';
import { DETAIL_FIELDS, type Filters } from './filters.js';

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onSearch: () => void;
  shops: Shop[] | null;
  searchRef: Ref<InputRef>;
}

const dateRangeChunk = chunk(() => import('./DateRangeFilter.js'));
const DateRangeFilter = chunkComponent(dateRangeChunk, (m) => m.default);

/** Loads the range picker's code ahead of the first paint that shows it (a failure surfaces there). */
export function preloadDateRange(): void {
  dateRangeChunk.load().catch(() => undefined);
}

/** Holds the range picker's place (its size) until its code is in: the row does not move. */
const RANGE_PLACEHOLDER: CSSProperties = {
  display: 'inline-block',
  width: 300,
  height: 32,
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  boxSizing: 'border-box',
};

/** A wrapping row, as antd Space lays it out, without a wrapper element per child. */
const ROW: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' };

// Memoized: the inbox re-renders on every selection and open; this part rarely changes.
export const FilterBar = memo(function FilterBar({
  filters,
  onChange,
  onSearch,
  shops,
  searchRef,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  const composing = useRef(false);
  const emitText = (v: string): void => {
    // The clocks of 'search' (typed → list painted) and 'search-total' (→ its total shown) start
    // at the keystroke the seller made.
    if (v.trim() !== filters.text.trim()) markStart('search', 'search-total');
    onChange({ text: v });
  };

  const runNow = (): void => {
    if (text !== filters.text) emitText(text);
    else onSearch();
  };

  return (
    <form
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        runNow();
      }}
      style={ROW}
    >
      <FacetFilters
        source={filters.source}
        questionType={filters.questionType}
        dateField={filters.dateField}
        from={filters.from}
        to={filters.to}
        status={filters.status}
        shopFilter={filters.shopFilter}
        detailField={filters.detailField}
        shops={shops}
        onChange={onChange}
      />
      <Input
        ref={searchRef}
        id="search-text"
        aria-label={t('filters.text')}
        placeholder={t('filters.textPlaceholder')}
        value={text}
        maxLength={200}
        allowClear
        onChange={(e) => {
          setText(e.target.value);
          if (!composing.current) emitText(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          emitText(e.currentTarget.value);
        }}
        style={{ width: 220 }}
      />
      <SearchButton />
    </form>
  );
});

type FacetProps = Omit<Filters, 'text'> & Pick<Props, 'shops' | 'onChange'>;

/**
 * The selects and the date range. Memoized on their own values: each keystroke in the search
 * box changes the filters, and re-rendering five antd selects and a range picker per key was
 * the larger part of a keystroke's script.
 *
 * They mount once the inbox has been painted, as a transition: on a cold start the six antd
 * widgets were a large part of the inbox's first render (cold starts at 3k without them: mean
 * 1,340 against 1,463 ms, 6 alternated each). Until then each shows its current choice in a box
 * of its size, for a few frames.
 */
const FacetFilters = memo(function FacetFilters(f: FacetProps) {
  const { t } = useTranslation();
  const { onChange, shops } = f;
  const live = useAfterFirstPaint();
  return (
    <>
      {f.source === 'customer' && (
        <Facet
          live={live}
          label={t('filters.type')}
          value={f.questionType}
          onChange={(v) => onChange({ questionType: v })}
          width={150}
          options={[
            { value: 'all', label: t('filters.typeAll') },
            ...QUESTION_TYPES.map((q) => ({ value: q, label: t(`questionType.${q}`) })),
          ]}
        />
      )}
      <Facet
        live={live}
        label={t('filters.dateField')}
        value={f.dateField}
        onChange={(v) => onChange({ dateField: v })}
        width={130}
        options={[
          { value: 'received', label: t('filters.received') },
          { value: 'answered', label: t('filters.answered') },
        ]}
      />
      {live ? (
        <Suspense fallback={<span style={RANGE_PLACEHOLDER} aria-hidden />}>
          <DateRangeFilter from={f.from} to={f.to} onChange={onChange} />
        </Suspense>
      ) : (
        <span style={RANGE_PLACEHOLDER} aria-hidden />
      )}
      <Facet
        live={live}
        label={t('filters.status')}
        value={f.status}
        onChange={(v) => onChange({ status: v })}
        width={140}
        options={[
          { value: 'all', label: t('filters.statusAll') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
      />
      {shops && (
        <Facet
          live={live}
          label={t('filters.shop')}
          value={f.shopFilter}
          onChange={(v) => onChange({ shopFilter: v })}
          width={160}
          options={[
            { value: 'all', label: t('shop.all') },
            ...shops.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      )}
      <Facet
        live={live}
        label={t('filters.detailField')}
        value={f.detailField}
        onChange={(v) => onChange({ detailField: v })}
        width={150}
        options={DETAIL_FIELDS.map((d) => ({ value: d, label: t(`filters.detail.${d}`) }))}
      />
    </>
  );
});

interface SelectFacetProps<V extends string> {
  live: boolean;
  label: string;
  value: V;
  onChange: (value: V) => void;
  width: number;
  options: { value: V; label: string }[];
}

/** One select, or until the filters are live, its current choice in a box of its size. */
function Facet<V extends string>(p: SelectFacetProps<V>) {
  if (!p.live) {
    const shown = p.options.find((o) => o.value === p.value)?.label ?? '';
    return <SelectStandIn label={shown} style={{ width: p.width }} />;
  }
  return (
    <Select<V>
      aria-label={p.label}
      value={p.value}
      onChange={p.onChange}
      style={{ width: p.width }}
      options={p.options}
    />
  );
}

const SearchButton = memo(function SearchButton() {
  const { t } = useTranslation();
  return (
    <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
      {t('filters.search')}
    </Button>
  );
});
