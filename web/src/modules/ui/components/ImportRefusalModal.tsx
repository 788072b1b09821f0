import { Modal, Table } from 'antd';
import type { ReasonParams } from '@shared/row-reasons.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { rowReasonText } from '../../i18n/utils/errorMessages.ts';

/** One bad row of a refused upload, as the server sends it in `details`. */
export interface ImportRowError {
  row?: number;
  column?: string;
  value?: string;
  reason?: string;
  message?: string;
  code?: string;
  params?: ReasonParams;
}

/** A refused upload: the server's message and each bad row. */
export interface ImportRefusal {
  message: string;
  rows: ImportRowError[];
}

/** The row errors a refused import carries in `details` (any shape the server sends). */
export function importRowErrorsOf(details: unknown): ImportRowError[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && 'errors' in details
      ? details.errors
      : [];
  return Array.isArray(list) ? (list as ImportRowError[]) : [];
}

/** The dialog listing why an upload was refused: each bad row with its column and reason. */
export function ImportRefusalModal({
  refusal,
  title,
  testId,
  onClose,
}: {
  refusal: ImportRefusal | null;
  title: string;
  testId: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Modal open={refusal !== null} title={title} footer={null} onCancel={onClose} width={720}>
      <p>{refusal?.message}</p>
      <Table<ImportRowError>
        rowKey={(r, i) => `${r.row ?? ''}-${r.column ?? ''}-${i ?? 0}`}
        size="small"
        pagination={false}
        dataSource={refusal?.rows ?? []}
        data-testid={testId}
        columns={[
          { key: 'row', title: t('common.import.row'), dataIndex: 'row', width: 70 },
          { key: 'column', title: t('common.import.column'), dataIndex: 'column', width: 140 },
          {
            key: 'reason',
            title: t('common.import.reason'),
            render: (_, r) => rowReasonText({ ...r, reason: r.reason ?? r.message }, locale),
          },
        ]}
      />
    </Modal>
  );
}
