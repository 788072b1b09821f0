import { List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** The experts covering a node, each with institution and title, and a link to the 专家库. */
export function NodeExperts({ chainCode, nodeCode }: { chainCode: string; nodeCode: string }) {
  const { t } = useI18n();
  const chainPath = useChainPath();
  const list = useApiQuery(
    apiGet('/chains/{code}/nodes/{node}/experts', {
      params: { path: { code: chainCode, node: nodeCode }, query: { pageSize: 20 } },
    }),
  );
  return (
    <>
      <Typography.Title level={5} className="drawer-section">
        {t('nodeDrawer.experts')} {list.data ? `(${list.data.total})` : ''}
      </Typography.Title>
      <List
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('expert.none') }}
        data-testid="node-experts"
        renderItem={(expert) => (
          <List.Item>
            <span>
              <DataText>{expert.name}</DataText>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' · '}
                <DataText>
                  {[expert.title, expert.institution].filter(Boolean).join(' · ')}
                </DataText>
                {expert.fields.length > 0 && (
                  <>
                    {' · '}
                    <DataText>{expert.fields.join('、')}</DataText>
                  </>
                )}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
      <Link to={chainPath(`/experts?node=${nodeCode}`)} data-testid="node-experts-link">
        {t('nav.experts')}
      </Link>
    </>
  );
}
