import type { EvidenceView } from '@shared/api/enterprises.ts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { HighlightedText } from './HighlightedText.tsx';

/** Why the classifier placed the enterprise: which rule matched what text, and its weight. */
export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  const { t } = useI18n();
  if (evidence.length === 0) {
    return <Typography.Text type="secondary">{t('classification.noEvidence')}</Typography.Text>;
  }
  return (
    <Table<EvidenceView>
      size="small"
      pagination={false}
      rowKey={(e) => `${e.rule} ${e.keyword} ${e.matched}`}
      dataSource={evidence}
      columns={[
        {
          key: 'kind',
          title: t('evidence.kind'),
          width: 120,
          render: (_, e) => (
            <Tag color={e.kind === 'exclusion' ? 'red' : undefined}>{t(`evidence.${e.kind}`)}</Tag>
          ),
        },
        { key: 'keyword', title: t('evidence.keyword'), dataIndex: 'keyword', width: 140 },
        {
          key: 'matched',
          title: t('evidence.matched'),
          render: (_, e) => <HighlightedText text={e.matched} term={e.keyword} />,
        },
        {
          key: 'weight',
          title: t('evidence.weight'),
          dataIndex: 'weight',
          align: 'right',
          width: 80,
          render: (weight: number) => weight.toFixed(2),
        },
      ]}
    />
  );
}
