import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useProblemFilters } from '../hooks/useProblemFilters.ts';
import { useProblemLookups } from '../hooks/useProblemLookups.ts';
import { ProblemBoard } from './ProblemBoard.tsx';
import { ProblemExportButton } from './ProblemExportButton.tsx';
import { ProblemFilterBar } from './ProblemFilterBar.tsx';
import { ProblemImportButton } from './ProblemImportButton.tsx';
import { ProblemTable } from './ProblemTable.tsx';
import { RecordProblemModal } from './RecordProblemModal.tsx';

const BOARD_SIZE = 500;

/**
 * 诉求受理: the problems of the chain in view that the user sees, filtered from the address, as a
 * list or a board.
 */
export function ProblemsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canRecord = useCan('problem:manage');
  const chain = useChainCode();
  const filters = useProblemFilters();
  const lookups = useProblemLookups();
  const [recording, setRecording] = useState(false);
  const board = filters.view === 'board';
  const query = {
    ...filters.query,
    chain,
    ...(board ? { page: 1, pageSize: BOARD_SIZE } : {}),
  };
  const list = useApiQuery(apiGet('/problems', { params: { query } }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('problems.title')}</Typography.Title>
          <Typography.Text type="secondary" data-testid="problem-total">
            {t('problems.subtitle', { count: list.data?.total ?? '—' })}
          </Typography.Text>
        </div>
        <Space wrap>
          <Segmented
            value={filters.view}
            onChange={(view) => filters.set({ view: view === 'board' ? 'board' : undefined })}
            options={[
              { value: 'list', label: t('problems.view.list'), icon: <UnorderedListOutlined /> },
              { value: 'board', label: t('problems.view.board'), icon: <AppstoreOutlined /> },
            ]}
            data-testid="problem-view"
          />
          <ProblemExportButton query={filters.query} />
          {canRecord && <ProblemImportButton onImported={list.reload} />}
          {canRecord && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="problem-record"
            >
              {t('problems.record')}
            </Button>
          )}
        </Space>
      </div>
      <ProblemFilterBar filters={filters} lookups={lookups} />
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        !list.error && <PageSpinner />
      ) : board ? (
        <>
          <ProblemBoard items={list.data.items} />
          {list.data.total > BOARD_SIZE && (
            <Typography.Text type="secondary">
              {t('problems.boardLimit', { count: BOARD_SIZE })}
            </Typography.Text>
          )}
        </>
      ) : (
        <ProblemTable
          list={list.data}
          page={filters.query.page ?? 1}
          pageSize={filters.query.pageSize ?? 20}
          loading={list.loading}
          onPage={(page) => filters.set({ page: page > 1 ? String(page) : undefined })}
        />
      )}
      <RecordProblemModal
        open={recording}
        lookups={lookups}
        onClose={() => setRecording(false)}
        onSaved={(problem) => {
          setRecording(false);
          void navigate(`/problems/${problem.id}`);
        }}
      />
    </Space>
  );
}
