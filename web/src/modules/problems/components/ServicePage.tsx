import { App, Card, Empty, Space, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { FirmProblemCard } from './FirmProblemCard.tsx';
import { RaiseProblemForm } from './RaiseProblemForm.tsx';

/** 企业服务 (an enterprise user's home): report a problem, follow it, rate the outcome. */
export function ServicePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  // The server shows an enterprise only its own problems.
  const mine = useApiQuery(apiGet('/problems', { params: { query: { pageSize: 100 } } }));

  return (
    <div className="service-page">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3}>{t('service.title')}</Typography.Title>
          {user?.enterpriseName && (
            <Typography.Paragraph strong data-testid="service-enterprise">
              <DataText>{user.enterpriseName}</DataText>
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('service.intro')}</Typography.Text>
        </div>
        <Card title={t('service.raise')} size="small">
          <RaiseProblemForm
            onRaised={(problem) => {
              void message.success(t('service.submitted', { reference: problem.reference }));
              mine.reload();
            }}
          />
        </Card>
        <Typography.Title level={4}>{t('service.mine')}</Typography.Title>
        {mine.error && <ApiErrorAlert error={mine.error} onRetry={mine.reload} />}
        {!mine.data ? (
          !mine.error && <PageSpinner />
        ) : mine.data.items.length === 0 ? (
          <Empty description={t('service.none')} />
        ) : (
          <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="mine">
            {mine.data.items.map((problem) => (
              <FirmProblemCard key={problem.id} problem={problem} onChanged={mine.reload} />
            ))}
          </Space>
        )}
      </Space>
    </div>
  );
}
