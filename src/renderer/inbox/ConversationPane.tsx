// Beside the list: order context, the thread, and the reply tools for the opened inquiry.
import { Empty, Spin } from 'antd';
import { memo, useCallback, useLayoutEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/api.js';
import { useCapabilities } from '../AppContext.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useThread } from '../hooks/useThread.js';
import { markPainted } from '../perf.js';
import { Actions, type ActionsHandle } from './Actions.js';
import { Composer, type ComposerHandle } from './Composer.js';
import { OrderContext } from './OrderContext.js';
import { Thread } from './Thread.js';

interface Props {
  inquiryId: string | null;
  composerRef: Ref<ComposerHandle>;
  actionsRef: Ref<ActionsHandle>;
  /** A reply is queued and on screen: where the focus goes next. */
  afterReplyQueued?: () => void;
}

// Memoized: the inbox re-renders on every selection move and search answer, which change
// nothing here.
export const ConversationPane = memo(function ConversationPane({
  inquiryId,
  composerRef,
  actionsRef,
  afterReplyQueued,
}: Props) {
  const { t } = useTranslation();
  const capabilities = useCapabilities();
  const thread = useThread(inquiryId);
  const { view, addPending } = thread;

  // One 'thread-open' measure per opened inquiry, once its thread is on screen.
  const painted = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (view && view.inquiry.id === inquiryId && painted.current !== inquiryId) {
      painted.current = inquiryId;
      markPainted('thread-open');
    }
  }, [view, inquiryId]);

  const onQueued = useCallback((item: OutboxItem) => addPending(item), [addPending]);

  if (!inquiryId) {
    return <Empty description={t('thread.none')} style={{ marginTop: 64 }} />;
  }
  // The previous conversation, shown while the next one is read: visibly inactive, not usable.
  const stale = view !== null && view.inquiry.id !== inquiryId;
  if (!view || (stale && thread.error)) {
    return thread.error ? (
      <ErrorAlert error={thread.error} />
    ) : (
      <div style={{ textAlign: 'center', marginTop: 64 }}>
        <Spin />
      </div>
    );
  }
  return (
    <section
      aria-label={t('thread.pane')}
      aria-busy={stale}
      className={stale ? 'tw-pane-stale' : undefined}
      inert={stale}
    >
      <h2 style={{ fontSize: 16, margin: '4px 0 8px' }}>{view.inquiry.title}</h2>
      <ErrorAlert error={thread.error} />
      <OrderContext inquiry={view.inquiry} />
      <h3 className="tw-pane-heading">{t('thread.title')}</h3>
      <Thread
        view={view}
        loadingOlder={thread.loadingOlder}
        onLoadOlder={() => void thread.loadOlder()}
        onPendingChanged={onQueued}
      />
      <h3 className="tw-pane-heading">{t('composer.heading')}</h3>
      <Actions
        ref={actionsRef}
        inquiry={view.inquiry}
        capabilities={capabilities}
        onQueued={onQueued}
      />
      <Composer
        ref={composerRef}
        inquiry={view.inquiry}
        draft={view.draft}
        capabilities={capabilities}
        onQueued={onQueued}
        afterQueued={afterReplyQueued}
      />
    </section>
  );
});
