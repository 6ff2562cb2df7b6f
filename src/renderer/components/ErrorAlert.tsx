import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';

interface Props {
  error: AppError | null;
  onClose?: () => void;
}

/**
 * A translated error in place; the code's English `message` is never shown. Nearly every
 * instance shows nothing, so only a shown error pays for `useTranslation` (a copy of the i18n
 * instance per mount): a conversation mounts several of these on every open.
 */
export function ErrorAlert({ error, onClose }: Props) {
  return error ? <ShownError error={error} onClose={onClose} /> : null;
}

function ShownError({ error, onClose }: Props & { error: AppError }) {
  const { t } = useTranslation();
  const detail = error.details ?? {};
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={t(`errors.${error.code}`, detail)}
      closable={onClose ? { onClose } : false}
    />
  );
}

export function errorText(
  t: (k: string, o?: Record<string, unknown>) => string,
  e: AppError,
): string {
  return t(`errors.${e.code}`, e.details ?? {});
}
