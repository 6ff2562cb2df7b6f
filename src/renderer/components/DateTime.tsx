// Times in the user's time zone; the JST reading (Qoo10's clock) in the tooltip.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toWireDate } from '../../shared/jst.js';

export function formatLocal(iso: string, withSeconds = false): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}

/** The tooltip: the same instant on Qoo10's clock (JST). */
export function jstTitle(t: TFunction, iso: string): string {
  const ms = Date.parse(iso);
  return t('time.jst', { time: Number.isNaN(ms) ? iso : toWireDate(ms) });
}

interface TimeProps {
  iso: string;
  withSeconds?: boolean;
}

/**
 * A time whose list passes the translation function: `useTranslation` costs each mounted
 * instance a copy of the i18n instance, and a thread mounts one time per message.
 */
export function TimeText({ iso, withSeconds, t }: TimeProps & { t: TFunction }) {
  return (
    <time dateTime={iso} title={jstTitle(t, iso)}>
      {formatLocal(iso, withSeconds)}
    </time>
  );
}

export function DateTime(props: TimeProps) {
  const { t } = useTranslation();
  return <TimeText {...props} t={t} />;
}
