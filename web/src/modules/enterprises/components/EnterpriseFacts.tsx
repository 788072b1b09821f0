import { nameIn } from '../../i18n/utils/localName.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatDate, formatYuan } from '@shared/format.ts';
import type { EnterpriseDetail } from '@shared/api/enterprises.ts';
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** The registry facts of an enterprise: codes, region, dates, capital, park, scope, products. */
export function EnterpriseFacts({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t, locale } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 1, xxl: 2 }}
      size="small"
      data-testid="enterprise-facts"
    >
      <Descriptions.Item label={t('enterprise.uscc')}>
        <span className="code-text">{enterprise.uscc ?? none}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.region')}>
        <DataText>{enterprise.regionName ?? enterprise.regionCode}</DataText>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.industryCode')}>
        {enterprise.industryCode ? (
          <span data-testid="enterprise-industry">
            {/* The standard's class names are Chinese only: data, in either language. */}
            {enterprise.industryName && <DataText>{enterprise.industryName} </DataText>}
            {enterprise.industryCode}
          </span>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.foundedOn')}>
        {enterprise.foundedOn ? formatDate(enterprise.foundedOn, locale) : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.registeredCapital')}>
        {formatYuan(enterprise.registeredCapitalYuan, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.park')}>
        {enterprise.park ? (
          <Link to={`/parks/${enterprise.park.id}`}>
            <DataText>{nameIn(enterprise.park.name, enterprise.park.nameEn, locale)}</DataText>
          </Link>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.source')}>
        {enterprise.source === 'demo' ? (
          t('enterprise.source.demo')
        ) : (
          <DataText>{enterprise.source}</DataText>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.status')}>
        {enterprise.status === 'active' ? (
          t('enterprise.status.active')
        ) : (
          <DataText>{enterprise.status}</DataText>
        )}
      </Descriptions.Item>
      {enterprise.aliases.length > 0 && (
        <Descriptions.Item label={t('enterprise.aliases')} span="filled">
          <DataText>{enterprise.aliases.join('、')}</DataText>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('enterprise.address')} span="filled">
        {enterprise.address ? <DataText>{enterprise.address}</DataText> : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.products')} span="filled">
        {enterprise.products.length > 0 ? (
          <DataText>{enterprise.products.join('、')}</DataText>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.businessScope')} span="filled">
        {enterprise.businessScope ? <DataText>{enterprise.businessScope}</DataText> : none}
      </Descriptions.Item>
    </Descriptions>
  );
}
