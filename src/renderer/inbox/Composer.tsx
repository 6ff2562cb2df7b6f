// The reply form: title `[Re] <title>`, message with a live n/1000 counter, the guide's warning
// plus what the PII detector finds, attachments, status (Reply complete preselected, never
// unprocessed), Send → confirmation → queued. Drafts are saved as the seller types.
import { Alert, App, Button, Input, Radio, Space, Tooltip, Typography, type GetRef } from 'antd';
import {
  memo,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Capabilities, Draft, InquirySummary, OutboxItem } from '../../shared/api.js';
import type { AttachmentMeta, ReplyStatus } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { REPLY_MAX_CHARS, replyTitle } from '../../shared/limits.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Highlighted } from '../components/Highlighted.js';
import { useDebouncedCallback } from '../hooks/useDebouncedCallback.js';
import { useStartOver } from '../hooks/useStartOver.js';
import { afterPaint, markPainted, markStart, markStep } from '../perf.js';
import { isComposing } from '../hooks/useShortcuts.js';
import { AttachmentPicker } from './AttachmentPicker.js';
import { TemplatesDrawer } from './TemplatesDrawer.js';
import { usePiiCheck } from './usePiiCheck.js';
import { INSTANT_CONFIRM } from './instant-confirm.js';

export interface ComposerHandle {
  focus: () => void;
}

interface Props {
  inquiry: InquirySummary;
  draft: Draft | null;
  capabilities: Capabilities;
  onQueued: (item: OutboxItem) => void;
  /** Where the seller goes once the queued reply is on screen (the list, so j moves on). */
  afterQueued?: () => void;
  ref?: Ref<ComposerHandle>;
}

const DRAFT_DEBOUNCE_MS = 600;
/** A send slower than this shows the spinner on the Send button. */
const SLOW_SEND_MS = 150;

interface DraftFields {
  title: string;
  body: string;
  status: ReplyStatus;
}

const initialStatus = (draft: Draft | null, capabilities: Capabilities): ReplyStatus =>
  draft?.status === 'S2' && capabilities.replyingStatus ? 'S2' : 'S3';

// Memoized: a re-read of the thread (a delivery, a sync) changes nothing here. It stays mounted
// from one conversation to the next (remounting its fields cost every open several ms) and
// starts over from the next inquiry's draft; whatever async work finishes later belongs to the
// inquiry it started for.
export const Composer = memo(function Composer({
  inquiry,
  draft,
  capabilities,
  onQueued,
  afterQueued,
  ref,
}: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const defaultTitle = replyTitle(inquiry.title);
  const [title, setTitle] = useState(draft?.title || defaultTitle);
  const [body, setBody] = useState(draft?.body ?? '');
  const [status, setStatus] = useState<ReplyStatus>(initialStatus(draft, capabilities));
  const [attachments, setAttachments] = useState<AttachmentMeta[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  // A guard, not state: re-rendering the composer to show a spinner for the few milliseconds the
  // outbox takes would only delay the paint of the queued reply. The spinner shows when the
  // answer is slow (SLOW_SEND_MS).
  const sending = useRef(false);
  const [slow, setSlow] = useState(false);
  // 'send' (confirmed → shown as queued) ends with the first paint of the render that shows the
  // queued reply; the delivery may already have turned it into a sent message by then.
  const [queuedCount, setQueuedCount] = useState(0);
  // Where the seller goes once the queued reply is painted. Scheduled after the mark: moving
  // the focus repaints the list, and run first it put a frame of its own before the mark.
  const moveOn = useRef<(() => void) | undefined>(undefined);
  useLayoutEffect(() => {
    if (queuedCount === 0) return;
    markPainted('send');
    const next = moveOn.current;
    moveOn.current = undefined;
    if (next) afterPaint(next);
  }, [queuedCount]);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [draftState, setDraftState] = useState<'idle' | 'saved' | 'failed'>(
    draft ? 'saved' : 'idle',
  );
  const textRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const pii = usePiiCheck(body, inquiry.id);
  const touched = useRef(false);
  // The next conversation: start over from its draft. `current` is the inquiry on screen, for
  // answers that arrive after the seller moved on.
  const current = useStartOver(inquiry.id, () => {
    touched.current = false;
    setTitle(draft?.title || defaultTitle);
    setBody(draft?.body ?? '');
    setStatus(initialStatus(draft, capabilities));
    setAttachments([]);
    setError(null);
    setSlow(false);
    setQueuedCount(0);
    setTemplatesOpen(false);
    setDraftState(draft ? 'saved' : 'idle');
  });

  useImperativeHandle(ref, () => ({ focus: () => textRef.current?.focus() }), []);

  // A pending save carries its inquiry: it may run after the seller opened the next one.
  const persistDraft = async ({ inquiryId, ...d }: DraftFields & { inquiryId: string }) => {
    const res = d.body.trim()
      ? await call('saveDraft', { inquiryId, ...d })
      : await call('deleteDraft', { inquiryId });
    if (current.current !== inquiryId) return;
    setDraftState(res.ok ? (d.body.trim() ? 'saved' : 'idle') : 'failed');
  };
  const saveDraft = useDebouncedCallback(
    (d: DraftFields & { inquiryId: string }) => void persistDraft(d),
    DRAFT_DEBOUNCE_MS,
  );
  useEffect(() => {
    if (!touched.current) return;
    saveDraft({ inquiryId: current.current, title, body, status });
  }, [title, body, status, saveDraft]);
  // Leaving the inquiry (or the app) must not lose the last keystrokes. A layout effect: its
  // clean-up runs before any passive one, so before useDebouncedCallback drops what is pending,
  // and before the next inquiry's fields can schedule a save of their own.
  useLayoutEffect(() => () => saveDraft.flush(), [inquiry.id, saveDraft]);

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      touched.current = true;
      set(v);
    };

  const length = body.length;
  const tooLong = length > REPLY_MAX_CHARS;

  const send = async (): Promise<void> => {
    if (sending.current) return;
    sending.current = true;
    markStart('send');
    const slowTimer = setTimeout(() => setSlow(true), SLOW_SEND_MS);
    saveDraft.cancel();
    pii.cancel(); // the text is leaving; its check would only land in the queued reply's frame
    const inquiryId = inquiry.id;
    const res = await call('reply', {
      inquiryId,
      ...(capabilities.replyTitle ? { title: title.trim() || defaultTitle } : {}),
      body,
      status,
      attachmentIds: attachments.map((a) => a.id),
    });
    markStep('send', 'answered');
    sending.current = false;
    clearTimeout(slowTimer);
    // The core dropped the draft with the queued reply. If the seller moved on while the outbox
    // answered, the fields now belong to another inquiry.
    if (current.current !== inquiryId) return;
    setSlow(false);
    if (!res.ok) {
      setError(res.error);
      pii.checkNow();
      textRef.current?.focus(); // back to the reply, to fix it
      return;
    }
    touched.current = false;
    // Away from the text area, where a j would be typed, once the queued reply is on screen.
    moveOn.current = afterQueued;
    // Rendered in the answer's own task: scheduled, the render waited behind the news of the
    // reply (outbox and list events, their re-reads) that arrive on its heels.
    flushSync(() => {
      setBody('');
      setAttachments([]);
      setDraftState('idle');
      onQueued(res.value);
      setQueuedCount((n) => n + 1);
    });
  };

  const requestSend = (): void => {
    if (sending.current) return; // the outbox is writing the reply just confirmed
    setError(null);
    if (!body.trim()) {
      setError({ code: 'REPLY_EMPTY', message: 'empty' });
      return;
    }
    if (tooLong) {
      setError({ code: 'REPLY_TOO_LONG', message: 'too long', details: { max: REPLY_MAX_CHARS } });
      return;
    }
    let confirmed = false;
    void modal.confirm({
      ...INSTANT_CONFIRM,
      title: t('composer.confirmTitle'),
      content: t('composer.confirmBody', { status: t(`status.${status}`) }),
      okText: t('composer.send'),
      cancelText: t('common.cancel'),
      // Closed at once: its frame is drawn while the core writes the reply (milliseconds), not
      // after, in front of the queued reply's. A refusal shows in the composer.
      onOk: () => {
        confirmed = true;
        void send();
      },
      // Cancelled: back to the reply. Sent: send() moves on, once the queued reply is shown.
      focusable: { focusTriggerAfterClose: false },
      afterClose: () => {
        if (!confirmed) textRef.current?.focus();
      },
    });
  };

  const replying = (
    <Radio value="S2" disabled={!capabilities.replyingStatus}>
      {t('status.S2')}
    </Radio>
  );

  return (
    <section aria-label={t('composer.label')}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => setTemplatesOpen(true)}>{t('templates.open')}</Button>
        {draftState === 'saved' && (
          <Typography.Text type="secondary">{t('composer.draftSaved')}</Typography.Text>
        )}
        {draftState === 'failed' && (
          <Typography.Text type="danger">{t('composer.draftFailed')}</Typography.Text>
        )}
      </Space>
      {/* Plain labelled fields, not Form.Item: an antd Form.Item measures whether it is on
          screen while rendering, which forces a layout of the whole page on every keystroke. */}
      <div className="tw-field">
        <label htmlFor="reply-title">{t('composer.title')}</label>
        <Input
          id="reply-title"
          value={title}
          maxLength={200}
          disabled={!capabilities.replyTitle}
          aria-describedby={capabilities.replyTitle ? undefined : 'reply-title-help'}
          onChange={(e) => edit(setTitle)(e.target.value)}
        />
        {!capabilities.replyTitle && (
          <div id="reply-title-help" className="tw-msg-meta">
            {t('capability.replyTitle')}
          </div>
        )}
      </div>
      <div className="tw-field" style={{ marginBottom: 0 }}>
        <label htmlFor="reply-body">{t('composer.message')}</label>
        <Input.TextArea
          id="reply-body"
          ref={textRef}
          value={body}
          // Grows with the text in CSS (field-sizing), not by measuring in script on every
          // keystroke as autoSize does: each measurement forced a layout of the whole page.
          className="tw-reply-body"
          aria-invalid={tooLong}
          aria-describedby="reply-pii-warning"
          onChange={(e) => edit(setBody)(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+Enter sends, but never while an IME is still converting Japanese/Chinese.
            if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
            if (isComposing(e.nativeEvent)) return;
            e.preventDefault();
            requestSend();
          }}
        />
      </div>
      <div className="tw-msg-meta" style={{ margin: '2px 0 8px' }}>
        <span className={tooLong ? 'tw-counter-over' : undefined} aria-live="polite">
          {t('composer.counter', { n: length, max: REPLY_MAX_CHARS })}
        </span>
      </div>
      <Typography.Paragraph id="reply-pii-warning" type="secondary" style={{ fontSize: 12 }}>
        {t('composer.piiWarning')}
      </Typography.Paragraph>
      {pii.spans.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('composer.piiFound', {
            kinds: [...new Set(pii.spans.map((s) => t(`pii.${s.kind}`)))].join(
              t('common.listSeparator'),
            ),
          })}
          description={
            <div className="tw-pii-preview" aria-label={t('composer.piiPreview')}>
              <Highlighted text={body} spans={pii.spans} />
            </div>
          }
        />
      )}
      <AttachmentPicker
        scope={inquiry.id}
        shopId={inquiry.shopId}
        enabled={capabilities.attachments}
        items={attachments}
        onChange={setAttachments}
      />
      <Space style={{ marginTop: 8 }} wrap align="center">
        <Radio.Group
          aria-label={t('composer.status')}
          value={status}
          onChange={(e) => edit(setStatus)(e.target.value as ReplyStatus)}
        >
          {capabilities.replyingStatus ? (
            replying
          ) : (
            <Tooltip title={t('capability.replyingStatus')}>{replying}</Tooltip>
          )}
          <Radio value="S3">{t('status.S3')}</Radio>
        </Radio.Group>
        <Button type="primary" onClick={requestSend} loading={slow} disabled={tooLong}>
          {t('composer.send')}
        </Button>
        <Typography.Text type="secondary">{t('composer.sendHint')}</Typography.Text>
        {/* Until the seller writes again: the reply is in the outbox (and in the thread above). */}
        <span role="status" className="tw-msg-meta">
          {queuedCount > 0 && body === '' ? t('composer.queued') : ''}
        </span>
      </Space>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <TemplatesDrawer
        open={templatesOpen}
        inquiryId={inquiry.id}
        onClose={() => setTemplatesOpen(false)}
        onInsert={(text) => {
          touched.current = true;
          setBody((b) => (b.trim() ? `${b}\n${text}` : text));
          setTemplatesOpen(false);
          textRef.current?.focus();
        }}
      />
    </section>
  );
});
