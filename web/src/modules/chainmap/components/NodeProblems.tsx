import { formatDate } from '@shared/format.ts';
import { OPEN_PROBLEM_STAGES, PROBLEM_STAGE_NAMES } from '@shared/problem-stages.ts';
import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';

/** The node's open enterprise problems in the region, each a link to its page. */
export function NodeProblems({
  chainCode,
  nodeCode,
  regionCode,
}: {
  chainCode: string;
  nodeCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const chainPath = useChainPath();
  const list = useApiQuery(
    apiGet('/problems', {
      params: { query: { chain: chainCode, node: nodeCode, region: regionCode, pageSize: 200 } },
    }),
  );
  const open = (list.data?.items ?? []).filter((p) => OPEN_PROBLEM_STAGES.includes(p.stage));
  return (
    <>
      <Typography.Title level={5} className="drawer-section">
        {t('nodeDrawer.problems')} {list.data ? `(${open.length})` : ''}
      </Typography.Title>
      <List
        size="small"
        loading={list.loading}
        dataSource={open.slice(0, 8)}
        locale={{ emptyText: t('nodeDrawer.problemsNone') }}
        data-testid="node-problems"
        renderItem={(problem) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Link to={`/problems/${problem.id}`}>
                <DataText>{problem.title}</DataText>
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <DataText>{problem.enterprise.name}</DataText> ·{' '}
                {localName(PROBLEM_STAGE_NAMES[problem.stage], locale)} ·{' '}
                {formatDate(problem.dueOn, locale)}
              </Typography.Text>
            </Space>
            {problem.overdue && <Tag color="red">{t('problems.overdue')}</Tag>}
          </List.Item>
        )}
      />
      {open.length > 8 && (
        <Link to={chainPath(`/problems?node=${encodeURIComponent(nodeCode)}`)}>
          {t('nodeDrawer.problemsAll', { count: open.length })}
        </Link>
      )}
    </>
  );
}
