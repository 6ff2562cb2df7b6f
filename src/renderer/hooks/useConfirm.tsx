// A confirmation dialog that is gone, DOM and all, in the task of the click or key that answers
// it. antd's `modal.confirm` hides in that task but unmounts later: its "after close" runs in an
// effect, so the dialog's removal was a render of its own, queued ahead of whatever the answer
// started (a sent reply's answer from the shell waited for that render and the frame it asked for).
// No zoom either: sellers confirm hundreds of these a day, and one answered while it was still
// zooming in could stay on screen without sending.
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

export interface ConfirmOptions {
  title: string;
  content: ReactNode;
  okText: string;
  cancelText: string;
  /** Runs once the dialog is gone. */
  onOk: () => void;
  /** Runs once the dialog is gone (Cancel, Esc). */
  onCancel?: () => void;
}

/**
 * `[confirm, holder]`: `confirm(options)` shows the dialog, OK focused (Enter confirms, Esc
 * cancels); render `holder` in the component's tree.
 */
export function useConfirm(): [(options: ConfirmOptions) => void, ReactNode] {
  const [shown, setShown] = useState<ConfirmOptions | null>(null);
  const ok = useRef<HTMLButtonElement>(null);
  const confirm = useCallback((options: ConfirmOptions) => setShown(options), []);
  if (shown === null) return [confirm, null];
  const answer = (then: (() => void) | undefined) => () => {
    flushSync(() => setShown(null));
    then?.();
  };
  const onCancel = answer(shown.onCancel);
  const holder = (
    <Modal
      open
      title={
        <>
          <ExclamationCircleFilled aria-hidden style={{ color: '#faad14', marginInlineEnd: 8 }} />
          {shown.title}
        </>
      }
      width={416}
      closable={false}
      mask={{ closable: false }}
      transitionName=""
      maskTransitionName=""
      onCancel={onCancel}
      // The dialog focuses itself once open; OK takes the focus after that.
      afterOpenChange={(open) => open && ok.current?.focus()}
      focusable={{ focusTriggerAfterClose: false }}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {shown.cancelText}
        </Button>,
        <Button key="ok" type="primary" ref={ok} onClick={answer(shown.onOk)}>
          {shown.okText}
        </Button>,
      ]}
    >
      {shown.content}
    </Modal>
  );
  return [confirm, holder];
}
