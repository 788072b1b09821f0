import type { ImportView } from '@shared/api/imports.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import type { LocaleContextValue } from '../../i18n/utils/LocaleContext.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { DownloadOutlined } from '@ant-design/icons';
import type { RowErrorView } from '@shared/api/imports.ts';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table } from 'antd';
import { useEffect } from 'react';
import { apiUrl } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { rowReasonText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useImportProgress } from '../hooks/useImportProgress.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';

const COUNTS = ['inserted', 'updated', 'merged', 'unchanged', 'possibleDuplicates'] as const;

/**
 * Why an import wrote nothing, in the interface's language. The server stores an English
 * sentence (the CLI's); its cases are told apart by status, and a failure says its reason by code.
 */
function outcomeText(view: ImportView, t: LocaleContextValue['t'], locale: Locale): string {
  if (view.status === 'rolled_back')
    return view.message?.startsWith('dry run')
      ? t('imports.outcome.dryRun')
      : t('imports.outcome.strict', { rows: view.rowsRejected });
  if (view.status === 'failed') {
    const failed = `${t('imports.outcome.failed')}${locale === 'en' ? ': ' : '：'}`;
    // In English the server's own sentence is the more precise for a general read failure (it
    // names the row and what broke); every other case is said from the code.
    const general = !view.failure || view.failure.code === 'FILE_UNREADABLE';
    if (locale === 'en' && general && view.message) return failed + view.message;
    // Batches before the failure were committed: say how many rows stand, and that a re-run is safe.
    const written =
      (view.counts.inserted ?? 0) + (view.counts.updated ?? 0) + (view.counts.merged ?? 0);
    const partly = written > 0 ? ` ${t('imports.outcome.partlyWritten', { rows: written })}` : '';
    if (view.failure) return failed + rowReasonText(view.failure, locale) + partly;
    return (
      failed +
      rowReasonText({ code: 'FILE_UNREADABLE', params: { file: view.fileName } }, locale) +
      partly
    );
  }
  return locale === 'en' ? (view.message ?? '') : '';
}

/** One import as it runs and when done: progress, counts, and the rows it could not take. */
export function ImportProgressCard({ id, onSettled }: { id: number; onSettled: () => void }) {
  const { t, locale } = useI18n();
  const query = useImportProgress(id);
  const current = query.data?.id === id ? query.data : undefined;
  const settled = current !== undefined && current.status !== 'running';
  useEffect(() => {
    // The list of past imports shows the outcome too once the import ends.
    if (settled) onSettled();
  }, [settled, onSettled]);
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!current) return <PageSpinner />;
  const percent =
    current.status === 'running'
      ? current.progress && current.progress.totalBytes > 0
        ? Math.round((current.progress.bytesRead / current.progress.totalBytes) * 100)
        : 0
      : 100;

  return (
    <Card
      title={
        <Space>
          <DataText>{current.fileName}</DataText>
          <ImportStatusTag status={current.status} />
        </Space>
      }
      extra={
        current.errorCount > 0 && (
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/imports/{id}/errors.csv', {
              path: { id: current.id },
              query: { lang: locale === 'en' ? 'en' : 'zh' },
            })}
            data-testid="import-errors-csv"
          >
            {t('imports.errorReport')}
          </Button>
        )
      }
      data-testid="import-progress"
    >
      <Progress
        percent={percent}
        status={
          current.status === 'running'
            ? 'active'
            : current.status === 'done'
              ? 'success'
              : 'exception'
        }
      />
      {current.message && (
        <Alert
          type="warning"
          showIcon
          message={outcomeText(current, t, locale)}
          style={{ margin: '12px 0' }}
        />
      )}
      <Row gutter={[16, 16]} style={{ margin: '12px 0' }}>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('imports.rowsRead')} value={current.rowsRead} />
        </Col>
        {COUNTS.map((key) => (
          <Col xs={12} md={6} xl={3} key={key}>
            <Statistic title={t(`imports.count.${key}`)} value={current.counts[key] ?? 0} />
          </Col>
        ))}
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('imports.rowsRejected')}
            value={current.rowsRejected}
            data-testid="import-rows-rejected"
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('imports.errorCount')}
            value={current.errorCount}
            data-testid="import-error-count"
          />
        </Col>
      </Row>
      {current.errors.length > 0 && (
        <Table<RowErrorView>
          size="small"
          rowKey={(e) => `${e.row} ${e.column}`}
          dataSource={current.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="import-errors"
          columns={[
            { key: 'row', title: t('imports.error.row'), dataIndex: 'row', width: 80 },
            { key: 'column', title: t('imports.error.column'), dataIndex: 'column', width: 180 },
            { key: 'value', title: t('imports.error.value'), dataIndex: 'value', width: 180 },
            {
              key: 'reason',
              title: t('imports.error.reason'),
              render: (_, e) => <span data-content="ui">{rowReasonText(e, locale)}</span>,
            },
          ]}
        />
      )}
    </Card>
  );
}
