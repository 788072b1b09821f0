import { DataText } from '../../i18n/components/Phrase.tsx';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { ClassificationPanel } from './ClassificationPanel.tsx';
import { EnterpriseFacts } from './EnterpriseFacts.tsx';
import { FigureHistoryCard } from './FigureHistoryCard.tsx';
import { TagList } from './TagList.tsx';
import { YearlyFiguresChart } from './YearlyFiguresChart.tsx';
import { RecordLinkButton } from '../../ui/components/RecordLinkButton.tsx';

/** One enterprise: its facts, yearly figures, tags and its place on the chain with evidence. */
export function EnterprisePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const chainPath = useChainPath();
  const { id } = useParams();
  const detail = useApiQuery(apiGet('/enterprises/{id}', { params: { path: { id: Number(id) } } }));
  const enterprise = detail.data?.id === Number(id) ? detail.data : undefined;

  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!enterprise) return <PageSpinner />;
  const title = locale === 'en' && enterprise.nameEn ? enterprise.nameEn : enterprise.name;
  const otherName = [enterprise.name, enterprise.nameEn].find((n) => n && n !== title);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate(-1)}
            style={{ paddingLeft: 0 }}
          >
            {t('common.back')}
          </Button>
          <Typography.Title level={3} data-testid="enterprise-name">
            <DataText>{title}</DataText>
          </Typography.Title>
          {otherName && (
            <Typography.Text type="secondary">
              <DataText>{otherName}</DataText>
            </Typography.Text>
          )}
          <div style={{ marginTop: 8 }}>
            <TagList tags={enterprise.tags} />
            {enterprise.tags.includes('chain_master') && (
              <Link
                to={chainPath(
                  `/chain-masters/${enterprise.id}?region=${enterprise.regionCode.slice(0, 4)}`,
                )}
                data-testid="enterprise-chain-master"
              >
                {t('ecology.enterpriseLink')}
              </Link>
            )}
          </div>
        </div>
        <RecordLinkButton anchor={enterprise} onSaved={detail.reload} />
      </div>
      {enterprise.figuresIllustrative ? (
        <Alert type="warning" showIcon message={t('enterprise.illustrative')} />
      ) : (
        enterprise.demo && <Alert type="info" showIcon message={t('enterprise.demo')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.facts')} style={{ height: '100%' }}>
            <EnterpriseFacts enterprise={enterprise} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.yearlyFigures')} style={{ height: '100%' }}>
            <YearlyFiguresChart years={enterprise.years} />
          </Card>
        </Col>
      </Row>
      <FigureHistoryCard history={enterprise.figureHistory} />
      <ClassificationPanel enterprise={enterprise} onChanged={detail.setData} />
    </Space>
  );
}
