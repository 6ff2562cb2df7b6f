// The guide's detail search: type, date range (received or answered, JST days), status,
// detail search (all / product number / order number) and text, plus the shop in the
// unified inbox. Filters apply as they change; text applies on every keystroke (the list hook
// keeps one search in flight and drops stale answers), but not while an IME is still composing:
// half-converted romaji or pinyin is not what the seller is looking for.
import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useRef, useState, type CSSProperties, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, STATUSES, type Shop } from '../../shared/domain.js';
import { markStart } from '../perf.js';
import { DETAIL_FIELDS, type Filters } from './filters.js';

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onSearch: () => void;
  shops: Shop[] | null;
  searchRef: Ref<InputRef>;
}

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
    // The clock of 'search' (typed → list painted) starts at the keystroke the seller made.
    if (v.trim() !== filters.text.trim()) markStart('search');
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
 */
const FacetFilters = memo(function FacetFilters(f: FacetProps) {
  const { t } = useTranslation();
  const { onChange, shops } = f;
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null;
  return (
    <>
      {f.source === 'customer' && (
        <Select
          aria-label={t('filters.type')}
          value={f.questionType}
          onChange={(v) => onChange({ questionType: v })}
          style={{ width: 150 }}
          options={[
            { value: 'all', label: t('filters.typeAll') },
            ...QUESTION_TYPES.map((q) => ({ value: q, label: t(`questionType.${q}`) })),
          ]}
        />
      )}
      <Select
        aria-label={t('filters.dateField')}
        value={f.dateField}
        onChange={(v) => onChange({ dateField: v })}
        style={{ width: 130 }}
        options={[
          { value: 'received', label: t('filters.received') },
          { value: 'answered', label: t('filters.answered') },
        ]}
      />
      <DatePicker.RangePicker
        aria-label={t('filters.dateRange')}
        placeholder={[t('filters.from'), t('filters.to')]}
        value={range}
        onChange={(v) => {
          const [a, b] = v ?? [null, null];
          onChange({
            from: a ? a.format('YYYY-MM-DD') : null,
            to: b ? b.format('YYYY-MM-DD') : null,
          });
        }}
        format="YYYY-MM-DD"
        allowEmpty={[false, false]}
        suffixIcon={<span>{t('filters.jst')}</span>}
      />
      <Select
        aria-label={t('filters.status')}
        value={f.status}
        onChange={(v) => onChange({ status: v })}
        style={{ width: 140 }}
        options={[
          { value: 'all', label: t('filters.statusAll') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
      />
      {shops && (
        <Select
          aria-label={t('filters.shop')}
          value={f.shopFilter}
          onChange={(v) => onChange({ shopFilter: v })}
          style={{ width: 160 }}
          options={[
            { value: 'all', label: t('shop.all') },
            ...shops.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      )}
      <Select
        aria-label={t('filters.detailField')}
        value={f.detailField}
        onChange={(v) => onChange({ detailField: v })}
        style={{ width: 150 }}
        options={DETAIL_FIELDS.map((d) => ({ value: d, label: t(`filters.detail.${d}`) }))}
      />
    </>
  );
});

const SearchButton = memo(function SearchButton() {
  const { t } = useTranslation();
  return (
    <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
      {t('filters.search')}
    </Button>
  );
});
