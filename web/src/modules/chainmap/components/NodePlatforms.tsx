import { List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** The innovation platforms serving a node, each a link to its page. */
export function NodePlatforms({ chainCode, nodeCode }: { chainCode: string; nodeCode: string }) {
  const { t } = useI18n();
  const chainPath = useChainPath();
  const list = useApiQuery(
    apiGet('/chains/{code}/platforms', {
      params: { path: { code: chainCode }, query: { node: nodeCode, pageSize: 50 } },
    }),
  );
  const items = list.data?.items ?? [];
  if (!list.loading && items.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} className="drawer-section">
        {t('plat.drawer')} {list.data ? `(${items.length})` : ''}
      </Typography.Title>
      <List
        size="small"
        loading={list.loading}
        dataSource={items}
        data-testid="node-platforms"
        renderItem={(p) => (
          <List.Item>
            <Link to={chainPath(`/platforms/${p.id}`)}>
              <DataText>{p.name}</DataText>
            </Link>
            <Typography.Text type="secondary">
              {t(`plat.kind.${p.kind}`)} · {p.firmsUsing}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
