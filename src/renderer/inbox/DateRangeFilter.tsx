// The date range of the detail search (JST calendar days). Its own chunk, loaded after the
// inbox's first render: antd's range picker cost 10–27 ms of that render in cold-start profiles,
// for a field a seller seldom uses first.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Filters } from './filters.js';

interface Props {
  from: string | null;
  to: string | null;
  onChange: (patch: Pick<Filters, 'from' | 'to'>) => void;
}

export default function DateRangeFilter({ from, to, onChange }: Props) {
  const { t } = useTranslation();
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  return (
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
  );
}
