// Frequently used replies (常用的回复): pick one (variables filled in by the core) and manage
// the list. Built-in templates can be used but not edited or deleted.
import { Button, Drawer, Form, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../shared/api.js';
import type { AppError } from '../../shared/errors.js';
import { REPLY_MAX_CHARS } from '../../shared/limits.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

interface Props {
  open: boolean;
  inquiryId: string;
  onClose: () => void;
  onInsert: (body: string) => void;
}

interface Editing {
  id?: string;
  name: string;
  body: string;
}

export function TemplatesDrawer({ open, inquiryId, onClose, onInsert }: Props) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(async () => {
    const res = await call('listTemplates', {});
    if (res.ok) setTemplates(res.value);
    else setError(res.error);
  }, []);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const use = async (tpl: Template): Promise<void> => {
    setError(null);
    const res = await call('renderTemplate', { templateId: tpl.id, inquiryId });
    if (res.ok) onInsert(res.value.body);
    else setError(res.error);
  };

  const save = async (e: Editing): Promise<void> => {
    setError(null);
    const res = await call('saveTemplate', e.id ? e : { name: e.name, body: e.body });
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setEditing(null);
    await load();
  };

  const remove = async (id: string): Promise<void> => {
    const res = await call('deleteTemplate', { id });
    if (res.ok) await load();
    else setError(res.error);
  };

  return (
    <Drawer title={t('templates.title')} open={open} onClose={onClose} size={480} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('templates.variables')}</Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {editing ? (
        <Form
          layout="vertical"
          onFinish={() => void save(editing)}
          aria-label={t('templates.editor')}
        >
          <Form.Item label={t('templates.name')} htmlFor="tpl-name" required>
            <Input
              id="tpl-name"
              value={editing.name}
              maxLength={100}
              onChange={(e) => setEditing({ ...editing, name: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('templates.body')} htmlFor="tpl-body" required>
            <Input.TextArea
              id="tpl-body"
              value={editing.body}
              maxLength={REPLY_MAX_CHARS}
              showCount
              autoSize={{ minRows: 5 }}
              onChange={(e) => setEditing({ ...editing, body: e.target.value })}
            />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              disabled={!editing.name.trim() || !editing.body.trim()}
            >
              {t('templates.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <>
          <Button onClick={() => setEditing({ name: '', body: '' })} style={{ marginBottom: 8 }}>
            {t('templates.new')}
          </Button>
          <List
            loading={templates === null && !error}
            dataSource={templates ?? []}
            locale={{ emptyText: t('templates.empty') }}
            renderItem={(tpl) => (
              <List.Item
                actions={[
                  <Button key="use" type="primary" size="small" onClick={() => void use(tpl)}>
                    {t('templates.use')}
                  </Button>,
                  <Button
                    key="edit"
                    size="small"
                    disabled={tpl.builtIn}
                    onClick={() => setEditing({ id: tpl.id, name: tpl.name, body: tpl.body })}
                  >
                    {t('templates.edit')}
                  </Button>,
                  <Popconfirm
                    key="delete"
                    title={t('templates.confirmDelete')}
                    okText={t('templates.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void remove(tpl.id)}
                    disabled={tpl.builtIn}
                  >
                    <Button size="small" danger disabled={tpl.builtIn}>
                      {t('templates.delete')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={tpl.name}
                  description={<span className="tw-msg-body">{tpl.body}</span>}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
