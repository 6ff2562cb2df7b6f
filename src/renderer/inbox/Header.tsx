// Shop, connection and sync state, outbox, language, help and logout.
import {
  CloudSyncOutlined,
  DisconnectOutlined,
  LogoutOutlined,
  QuestionCircleOutlined,
  ShopOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Button, Modal, Tag, Tooltip } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../AppContext.js';
import { call } from '../api.js';
import { formatLocal } from '../components/DateTime.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint.js';
import { useSyncState } from '../hooks/useSyncState.js';
import { ShopPickerForm } from '../screens/ShopPicker.js';
import { OutboxControl } from './OutboxDrawer.js';

function SyncBadge() {
  const { t } = useTranslation();
  const sync = useSyncState();
  const last = sync.status?.lastSyncAt ? formatLocal(sync.status.lastSyncAt) : t('sync.never');
  let tag;
  if (!sync.online || sync.status?.state === 'offline') {
    tag = (
      <Tooltip title={t('sync.offlineHelp')}>
        <Tag color="red" icon={<DisconnectOutlined aria-hidden />} role="status">
          {t('sync.offline')}
        </Tag>
      </Tooltip>
    );
  } else if (sync.syncing) {
    tag = (
      // A still icon: the count moves with every page. A spinning one kept the compositor
      // drawing 60 frames a second for the whole sync, and on a machine without a GPU that
      // slowed a 100k initial sync by 1.3–1.8 s (4–5 %).
      <Tag color="processing" icon={<SyncOutlined aria-hidden />} role="status">
        {t('sync.syncing', { n: sync.fetched })}
      </Tag>
    );
  } else if (sync.status?.state === 'error') {
    tag = (
      <Tooltip title={sync.status.error ?? ''}>
        <Tag color="warning" role="status">
          {t('sync.error')}
        </Tag>
      </Tooltip>
    );
  } else {
    tag = (
      <Tag color="success" role="status">
        {t('sync.upToDate', { time: last })}
      </Tag>
    );
  }
  return (
    <>
      {tag}
      <Button
        size="small"
        icon={<CloudSyncOutlined aria-hidden />}
        onClick={() => void sync.syncNow()}
        disabled={sync.syncing}
      >
        {t('sync.now')}
      </Button>
    </>
  );
}

interface Props {
  /** Opens an inquiry (from the outbox drawer's "show"). */
  onShowInquiry: (inquiryId: string) => void;
  onHelp: () => void;
}

// Memoized: the inbox re-renders on every selection and open; this part rarely changes.
export const Header = memo(function Header({ onShowInquiry, onHelp }: Props) {
  const { t } = useTranslation();
  const { session, setSession } = useApp();
  // The language select mounts once the inbox is on screen (see useAfterFirstPaint).
  const live = useAfterFirstPaint();
  const [picking, setPicking] = useState(false);
  const shopName =
    session?.selectedShopId === 'all'
      ? t('shop.all')
      : (session?.shops.find((s) => s.id === session.selectedShopId)?.name ?? '');

  const logout = async (): Promise<void> => {
    await call('logout', {});
    setSession(null);
  };

  return (
    <header className="tw-header">
      <span className="tw-header-title">{t('app.name')}</span>
      <Button
        icon={<ShopOutlined aria-hidden />}
        onClick={() => setPicking(true)}
        aria-label={t('shop.switchLabel', { shop: shopName })}
      >
        {shopName}
      </Button>
      <SyncBadge />
      <OutboxControl onShow={onShowInquiry} />
      <LanguageSelect bare standIn={!live} />
      <Button
        icon={<QuestionCircleOutlined aria-hidden />}
        onClick={onHelp}
        aria-label={t('shortcuts.title')}
      />
      <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()}>
        {t('login.logout')}
      </Button>
      {/* Mounted only while open: a closed dialog is work in the inbox's first render. */}
      {picking && (
        <Modal open title={t('shop.select')} footer={null} onCancel={() => setPicking(false)}>
          <ShopPickerForm onDone={() => setPicking(false)} onCancel={() => setPicking(false)} />
        </Modal>
      )}
    </header>
  );
});
