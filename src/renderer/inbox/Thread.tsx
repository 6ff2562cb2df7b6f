// The 纸条盒: the whole conversation, oldest → newest, then what is still waiting to be sent.
import { Alert, Button } from 'antd';
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, PiiSpan, ThreadView } from '../../shared/api.js';
import type { Message } from '../../shared/domain.js';
import { TimeText } from '../components/DateTime.js';
import { Highlighted } from '../components/Highlighted.js';
import { SafeText } from '../components/SafeText.js';
import { Attachments } from './Attachments.js';
import { PendingItem } from './PendingItem.js';

// `t` comes from the thread: a hook per message would copy the i18n instance on each mount.
const MessageItem = memo(function MessageItem({
  m,
  flags,
  t,
}: {
  m: Message;
  flags: PiiSpan[];
  t: TFunction;
}) {
  return (
    <article
      className={`tw-msg${m.author === 'seller' ? ' tw-msg-seller' : ''}`}
      aria-label={t(`thread.author.${m.author}`)}
    >
      <div className="tw-msg-meta">
        <TimeText iso={m.sentAt} withSeconds t={t} />
        <span>{t('thread.fromTo', { from: m.from, to: m.to })}</span>
      </div>
      {m.title && <strong className="tw-msg-body">{m.title}</strong>}
      <div className="tw-msg-body">
        {flags.length > 0 ? (
          <Highlighted text={m.body} spans={flags} />
        ) : (
          <SafeText text={m.body} />
        )}
      </div>
      <Attachments items={m.attachments} />
    </article>
  );
});

interface Props {
  view: ThreadView;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onPendingChanged: (item: OutboxItem) => void;
}

/** The same empty list every time, so a memoized message without flags is not re-rendered. */
const NO_FLAGS: PiiSpan[] = [];

function flagsByMessage(flags: readonly PiiSpan[]): Map<number, PiiSpan[]> {
  const bySeq = new Map<number, PiiSpan[]>();
  for (const f of flags) {
    if (f.seqNo === undefined) continue;
    bySeq.set(f.seqNo, [...(bySeq.get(f.seqNo) ?? []), f]);
  }
  return bySeq;
}

export function Thread({ view, loadingOlder, onLoadOlder, onPendingChanged }: Props) {
  const { t } = useTranslation();
  const flagsBySeq = useMemo(() => flagsByMessage(view.piiFlags), [view.piiFlags]);
  const publicPii =
    view.inquiry.questionType === 'product' && view.piiFlags.length > 0 && !view.inquiry.hidden;
  return (
    <section aria-label={t('thread.label')}>
      {publicPii && (
        <Alert type="warning" showIcon title={t('thread.publicPii')} style={{ marginBottom: 8 }} />
      )}
      {view.hasOlder && (
        <Button
          block
          size="small"
          loading={loadingOlder}
          onClick={onLoadOlder}
          style={{ marginBottom: 8 }}
        >
          {t('thread.loadOlder')}
        </Button>
      )}
      {view.messages.length === 0 && <p>{t('thread.empty')}</p>}
      {view.messages.map((m) => (
        <MessageItem key={m.seqNo} m={m} flags={flagsBySeq.get(m.seqNo) ?? NO_FLAGS} t={t} />
      ))}
      {view.pending.map((p) => (
        <PendingItem key={p.id} item={p} onChanged={onPendingChanged} />
      ))}
    </section>
  );
}
