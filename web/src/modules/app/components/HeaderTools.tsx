import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useSession.ts';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.tsx';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { NotificationBell } from './NotificationBell.tsx';

/** The right of the header: the bell, the language switch and the user's menu with sign-out. */
export function HeaderTools({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    await signOut();
    void navigate('/login', { replace: true });
  };
  return (
    <Space size={compact ? 'small' : 'middle'}>
      <NotificationBell />
      <LanguageSwitch />
      {compact ? (
        // On a phone: sign-out in one tap, no menu to find it in.
        <Button
          type="text"
          icon={<LogoutOutlined />}
          aria-label={t('app.logout')}
          title={t('app.logout')}
          onClick={() => void logout()}
          data-testid="sign-out"
        />
      ) : (
        <Dropdown
          menu={{
            items: [
              {
                key: 'logout',
                icon: <LogoutOutlined />,
                label: t('app.logout'),
                onClick: () => void logout(),
              },
            ],
          }}
        >
          <Button
            type="text"
            icon={<UserOutlined />}
            aria-label={user?.displayName ?? user?.username}
            data-testid="user-menu"
          >
            {/* On a narrow screen the icon stands alone (app.css): the name would push the rest off. */}
            <span className="header-user-name">
              <DataText>{user?.displayName ?? user?.username}</DataText>
              {user && (
                <Typography.Text type="secondary"> · {t(`role.${user.role}`)}</Typography.Text>
              )}
            </span>
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
