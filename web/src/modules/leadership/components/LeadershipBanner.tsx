import { Card, Descriptions, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';

/** The chain's leader (链长) with the post, the chain office and the region's 总链长. */
export function LeadershipBanner({
  chainCode,
  regionCode,
}: {
  chainCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const leadership = useApiQuery(
    apiGet('/chains/{code}/leadership', {
      params: { path: { code: chainCode }, query: { region: regionCode } },
    }),
  );
  if (leadership.error) return <ApiErrorAlert error={leadership.error} />;
  const data = leadership.data;
  const person = (p: { name: string; title: string | null } | null | undefined) =>
    p ? (
      <DataText>
        {p.name}
        {p.title ? ` · ${p.title}` : ''}
      </DataText>
    ) : (
      <Typography.Text type="secondary">{t('leader.notSet')}</Typography.Text>
    );
  return (
    <Card size="small" data-testid="leadership-banner" loading={!data}>
      {data && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 3 }}
          title={localName(data.chain.name, locale)}
        >
          <Descriptions.Item label={t('leader.leader')}>{person(data.leader)}</Descriptions.Item>
          <Descriptions.Item label={t('leader.office')}>
            {data.officeName ? (
              <DataText>{data.officeName}</DataText>
            ) : (
              <Typography.Text type="secondary">{t('leader.notSet')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.generalLeader')}>
            {person(data.generalLeader)}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
