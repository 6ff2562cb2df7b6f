// After login (and from the header later): pick the shop, or "All shops" for one unified inbox.
import { Button, Card, Radio, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_SHOPS } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { useApp } from '../AppContext.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

export function ShopPickerForm({
  onDone,
  onCancel,
}: {
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { session, setSession } = useApp();
  const shops = session?.shops ?? [];
  const multiShop = session?.capabilities.multiShop ?? false;
  const [choice, setChoice] = useState<string | null>(
    session?.selectedShopId ?? (shops.length === 1 ? (shops[0]?.id ?? null) : null),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const confirm = async (): Promise<void> => {
    if (choice === null) return;
    setBusy(true);
    setError(null);
    const res = await call('selectShop', { shopId: choice });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setSession(res.value);
    onDone?.();
  };

  const allOption = (
    <Radio value={ALL_SHOPS} disabled={!multiShop}>
      {t('shop.all')}
    </Radio>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text type="secondary">{t('shop.hint')}</Typography.Text>
      {shops.length === 0 && <Typography.Text type="warning">{t('shop.none')}</Typography.Text>}
      <Radio.Group
        aria-label={t('shop.select')}
        value={choice}
        onChange={(e) => setChoice(String(e.target.value))}
      >
        <Space orientation="vertical">
          {shops.map((s) => (
            <Radio key={s.id} value={s.id}>
              {s.name} <Typography.Text type="secondary">({s.id})</Typography.Text>
            </Radio>
          ))}
          {shops.length > 1 &&
            (multiShop ? (
              allOption
            ) : (
              <Tooltip title={t('capability.multiShop')}>{allOption}</Tooltip>
            ))}
        </Space>
      </Radio.Group>
      <ErrorAlert error={error} />
      <Space>
        <Button
          type="primary"
          disabled={choice === null}
          loading={busy}
          onClick={() => void confirm()}
        >
          {t('shop.confirm')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Space>
  );
}

export function ShopPicker() {
  const { t } = useTranslation();
  return (
    <main className="tw-center">
      <Card style={{ width: 460 }}>
        <Typography.Title level={3}>{t('shop.select')}</Typography.Title>
        <ShopPickerForm />
      </Card>
    </main>
  );
}
