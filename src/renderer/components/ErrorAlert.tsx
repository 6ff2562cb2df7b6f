import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';

/** A translated error in place; the code's English `message` is never shown. */
export function ErrorAlert({ error, onClose }: { error: AppError | null; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
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
