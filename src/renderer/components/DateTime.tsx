// Times in the user's time zone; the JST reading (Qoo10's clock) in the tooltip.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toWireDate } from '../../shared/jst.js';

export function formatLocal(iso: string, withSeconds = false): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}

export function DateTime({ iso, withSeconds }: { iso: string; withSeconds?: boolean }) {
  const { t } = useTranslation();
  const ms = Date.parse(iso);
  const jst = Number.isNaN(ms) ? iso : toWireDate(ms);
  return (
    <time dateTime={iso} title={t('time.jst', { time: jst })}>
      {formatLocal(iso, withSeconds)}
    </time>
  );
}
