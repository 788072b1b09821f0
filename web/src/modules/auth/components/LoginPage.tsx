import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useSession } from '../hooks/useSession.ts';
import { homePath } from '../utils/homePath.ts';

interface LoginForm {
  username: string;
  password: string;
}

/** Sign-in with username and password; the server sets the session cookie. */
export function LoginPage() {
  const { t } = useI18n();
  const { user, signedIn } = useSession();
  const location = useLocation();
  const health = useApiQuery(apiGet('/health'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const from = (location.state as { from?: string } | null)?.from;
  if (user) {
    const home = homePath(user.role);
    return <Navigate to={!from || from === '/login' || from === '/' ? home : from} replace />;
  }

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.POST('/auth/login', { body: values });
      signedIn(response.user);
    } catch (caught) {
      const wrong = caught instanceof ApiError && caught.code === 'INVALID_CREDENTIALS';
      setError(t(wrong ? 'login.wrongPassword' : 'error.unreachable'));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} className="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        {health.data?.demoLoaded && (
          <Typography.Paragraph type="secondary" className="login-demo">
            <Phrase
              text={t('login.demoAccounts')}
              slots={{
                analyst: <DataText>analyst / chainlead-analyst</DataText>,
                viewer: <DataText>viewer / chainlead-viewer</DataText>,
              }}
            />
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
