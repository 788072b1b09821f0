import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useSession } from '../hooks/useSession.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** A one-time password is in use: the user chooses their own before any page opens. */
export function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const { signedIn, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.POST('/auth/password', {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      const session = await api.GET('/auth/session');
      if (session.user) signedIn(session.user);
    } catch (failure) {
      setError(failure instanceof ApiError ? errorText(failure, locale) : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid="change-password">
        <Typography.Title level={3}>{t('password.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<PasswordForm> layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[{ required: true, min: 10, message: t('password.tooShort') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('password.repeat')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.mismatch') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('password.submit')}
          </Button>
          <Button type="link" block onClick={() => void signOut()}>
            {t('app.logout')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
