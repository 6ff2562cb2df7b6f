// Qpost's login screen: ID or e-mail, password, login location, language, "save login
// information" and "start automatically when Windows starts". Errors show in place and the
// typed ID stays.
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { startTransition, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../shared/errors.js';
import { useApp } from '../AppContext.js';
import { call } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { safeStorageGet } from '../i18n.js';

const OFFERED_LOCATIONS = ['china', 'other', 'sandbox'] as const;
type OfferedLocation = (typeof OFFERED_LOCATIONS)[number];
const PREFS_KEY = 'toiawase.loginPrefs';

interface Prefs {
  location: OfferedLocation;
  remember: boolean;
  openAtLogin: boolean;
  user: string;
}

interface FormValues extends Prefs {
  password: string;
}

function loadPrefs(): Prefs {
  const fallback: Prefs = { location: 'sandbox', remember: false, openAtLogin: false, user: '' };
  const raw = safeStorageGet(PREFS_KEY);
  if (!raw) return fallback;
  try {
    const p = JSON.parse(raw) as Partial<Prefs>;
    return {
      location: OFFERED_LOCATIONS.find((l) => l === p.location) ?? fallback.location,
      remember: p.remember === true,
      openAtLogin: p.openAtLogin === true,
      user: typeof p.user === 'string' ? p.user : '',
    };
  } catch {
    return fallback;
  }
}

function savePrefs(p: Prefs): void {
  try {
    // Never the password: only the choices, and the ID when the seller asked to save it.
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...p, user: p.remember ? p.user : '' }));
  } catch {
    // Unavailable storage only means the choices are not remembered.
  }
}

export function Login({ notice, lastUser }: { notice: ErrorCode | null; lastUser: string | null }) {
  const { t } = useTranslation();
  const { setSession, language } = useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // The guard against a second submit: `busy` renders as a transition, a moment later.
  const submitting = useRef(false);
  const [error, setError] = useState<AppError | null>(null);
  const [initial] = useState(() => {
    const prefs = loadPrefs();
    return { ...prefs, user: lastUser ?? prefs.user, password: '' };
  });

  const submit = async (v: FormValues): Promise<void> => {
    if (submitting.current) return;
    submitting.current = true;
    // Not in the click: rendering the whole form again there made the submit one task of 40-60
    // ms, the longest the renderer ran from "Log in" to the end of the first sync.
    startTransition(() => {
      setBusy(true);
      setError(null);
    });
    const res = await call('login', {
      user: v.user.trim(),
      password: v.password,
      location: v.location,
      remember: v.remember,
    });
    if (!res.ok) {
      submitting.current = false;
      setBusy(false);
      setError(res.error);
      form.setFieldValue('password', '');
      return;
    }
    savePrefs({
      location: v.location,
      remember: v.remember,
      openAtLogin: v.openAtLogin,
      user: v.user,
    });
    // The choices made on this screen win over what the account had saved.
    await call('updateSettings', { openAtLogin: v.openAtLogin, language });
    setSession(res.value);
  };

  return (
    <main className="tw-center">
      <Card style={{ width: 420 }}>
        <Typography.Title level={3}>{t('app.name')}</Typography.Title>
        {notice && (
          <Alert
            type="warning"
            showIcon
            title={t(`errors.${notice}`)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          requiredMark={false}
          aria-label={t('login.title')}
        >
          <Form.Item name="location" label={t('login.location')}>
            <Radio.Group
              aria-label={t('login.location')}
              options={OFFERED_LOCATIONS.map((l) => ({ value: l, label: t(`location.${l}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="user"
            label={t('login.user')}
            rules={[{ required: true, whitespace: true, message: t('login.userRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('login.language')} htmlFor="login-language">
            <LanguageSelect id="login-language" />
          </Form.Item>
          <Form.Item name="remember" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t('login.remember')}</Checkbox>
          </Form.Item>
          <Form.Item name="openAtLogin" valuePropName="checked">
            <Checkbox>{t('login.openAtLogin')}</Checkbox>
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
