// 未公开留言 / 非表示: hide a public product question. Title and reason are both required
// because the buyer is told by e-mail (hiding silently causes complaints); the mail comes
// from Qoo10's fixed sender address; optionally the buyer may not ask about this product again.
import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquirySummary, OutboxItem } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import {
  HIDE_MAIL_SENDER,
  HIDE_REASON_MAX_CHARS,
  HIDE_TITLE_MAX_CHARS,
} from '../../shared/limits.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

interface Props {
  inquiry: InquirySummary;
  open: boolean;
  onClose: () => void;
  onQueued: (item: OutboxItem) => void;
}

interface Values {
  title: string;
  reason: string;
  restrictBuyer: boolean;
}

export function HideDialog({ inquiry, open, onClose, onQueued }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (): Promise<void> => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(null);
    const res = await call('hide', {
      inquiryId: inquiry.id,
      title: v.title.trim(),
      reason: v.reason.trim(),
      restrictBuyer: v.restrictBuyer,
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    onQueued(res.value);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('hide.title')}
      okText={t('hide.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph>{t('hide.explain')}</Typography.Paragraph>
      {inquiry.status === 'S1' && (
        <Alert type="info" showIcon title={t('hide.replyFirst')} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ title: '', reason: '', restrictBuyer: false }}
        aria-label={t('hide.title')}
      >
        <Form.Item
          name="title"
          label={t('hide.mailTitle')}
          rules={[{ required: true, whitespace: true, message: t('errors.HIDE_TITLE_REQUIRED') }]}
        >
          <Input maxLength={HIDE_TITLE_MAX_CHARS} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hide.reason')}
          extra={t('hide.reasonWhy')}
          rules={[{ required: true, whitespace: true, message: t('errors.HIDE_REASON_REQUIRED') }]}
        >
          <Input.TextArea maxLength={HIDE_REASON_MAX_CHARS} autoSize={{ minRows: 4 }} />
        </Form.Item>
        <Form.Item label={t('hide.sender')}>
          <Typography.Text code>{HIDE_MAIL_SENDER}</Typography.Text>
        </Form.Item>
        <Form.Item name="restrictBuyer" valuePropName="checked">
          <Checkbox>{t('hide.restrict')}</Checkbox>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Modal>
  );
}
