import { BACKGROUND_REQUEST_HEADER } from '@shared/background-request.ts';
import { formatDateTime } from '@shared/format.ts';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Grid, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

const POLL_MS = 60_000;

/** The bell: unread notifications counted, the latest listed; a click marks one read and opens it. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // On a phone the bell sits mid-header: a panel hung from its right edge ran off the screen's
  // left, title and all; centred under it, it fits.
  const wide = Grid.useBreakpoint().sm ?? true;
  // A timed poll, not the user's doing: the header keeps it from holding the session open.
  const list = useApiQuery(
    apiGet('/notifications', { headers: { [BACKGROUND_REQUEST_HEADER]: '1' } }),
  );
  const { reload } = list;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;

  const openOne = async (id: number, link: string, read: boolean) => {
    setOpen(false);
    if (!read) await api.POST('/notifications/{id}/read', { params: { path: { id } } });
    reload();
    void navigate(link);
  };
  const readAll = async () => {
    await api.POST('/notifications/read-all');
    reload();
  };

  const panel = (
    <div className="notification-panel" data-testid="notification-panel">
      <div className="notification-head">
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => void readAll()} data-testid="read-all">
            {t('notify.readAll')}
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" className="notification-none">
          {t('notify.none')}
        </Typography.Paragraph>
      ) : (
        // Plain buttons, not antd's List: the bell is on every page, and List brings pagination
        // and its select into the first load.
        <ul className="notification-list">
          {items.slice(0, 20).map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.read ? 'notification notification-read' : 'notification'}
                onClick={() => void openOne(n.id, n.link, n.read)}
                data-testid="notification"
              >
                <Typography.Text strong={!n.read}>{t(`notify.kind.${n.kind}`)}</Typography.Text>
                <div>
                  {n.reference && <code>{n.reference}</code>} <DataText>{n.title}</DataText>
                </div>
                <Typography.Text type="secondary" className="notification-time">
                  {formatDateTime(n.createdAt, locale)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement={wide ? 'bottomRight' : 'bottom'}
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={t('notify.title')}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
