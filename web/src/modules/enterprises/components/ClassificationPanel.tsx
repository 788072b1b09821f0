import { CheckOutlined, CloseOutlined, SwapOutlined } from '@ant-design/icons';
import type { EnterpriseClassification, EnterpriseDetail } from '@shared/api/enterprises.ts';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { MoveNodeModal } from './MoveNodeModal.tsx';

const DECISION_COLORS = { confirmed: 'green', uncertain: 'orange', rejected: 'default' } as const;

/**
 * The enterprise's places on each chain with their evidence (a firm may sit on several chains;
 * each placement then names its chain). An analyst confirms, rejects or moves each one; the
 * server keeps these decisions across re-classification.
 */
export function ClassificationPanel({
  enterprise,
  onChanged,
}: {
  enterprise: EnterpriseDetail;
  onChanged: (detail: EnterpriseDetail) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canDecide = useCan('enterprise:write');
  const [moving, setMoving] = useState<EnterpriseClassification | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const chains = useApiQuery(apiGet('/chains'));
  // A node code starts with its chain's code: placements are grouped by chain, in load order.
  const chainOf = (nodeCode: string) => nodeCode.split('.')[0] ?? '';
  const chainOrder = (chains.data?.items ?? []).map((c) => c.code);
  const placements = [...enterprise.classifications].sort(
    (a, b) =>
      chainOrder.indexOf(chainOf(a.nodeCode)) - chainOrder.indexOf(chainOf(b.nodeCode)) ||
      Number(b.primary) - Number(a.primary) ||
      b.score - a.score,
  );
  const onSeveralChains = new Set(placements.map((p) => chainOf(p.nodeCode))).size > 1;
  const chainName = (nodeCode: string) => {
    const chain = chains.data?.items.find((c) => c.code === chainOf(nodeCode));
    return chain ? localName(chain.name, locale) : chainOf(nodeCode);
  };

  const decide = async (
    placement: EnterpriseClassification,
    body: { decision: 'confirmed' | 'rejected'; moveTo?: string },
  ) => {
    setBusy(placement.nodeCode);
    try {
      onChanged(
        await api.PUT('/enterprises/{id}/classifications/{nodeCode}', {
          params: { path: { id: enterprise.id, nodeCode: placement.nodeCode } },
          body,
        }),
      );
      void message.success(t('classification.saved'));
    } catch (error) {
      void message.error(error instanceof ApiError ? errorText(error, locale) : t('error.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('classification.title')} data-testid="classifications">
      {placements.length === 0 && <Empty description={t('classification.none')} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {placements.map((placement) => (
          <Card
            key={placement.nodeCode}
            type="inner"
            data-testid={`classification-${placement.nodeCode}`}
            title={
              <Space wrap>
                {onSeveralChains && (
                  <Tag color="purple" data-testid="placement-chain">
                    {chainName(placement.nodeCode)}
                  </Tag>
                )}
                <Typography.Text strong title={placement.nodeCode}>
                  {localName(placement.nodeName, locale)}
                </Typography.Text>
                {placement.primary && <Tag color="blue">{t('classification.primary')}</Tag>}
                <Tag color={DECISION_COLORS[placement.decision]} data-testid="decision">
                  {t(`decision.${placement.decision}`)}
                </Tag>
                <Tag>{t(`method.${placement.method}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('classification.score', { score: placement.score.toFixed(2) })}
                </Typography.Text>
              </Space>
            }
            extra={
              canDecide && (
                <Space>
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    disabled={placement.decision === 'confirmed'}
                    loading={busy === placement.nodeCode}
                    onClick={() => void decide(placement, { decision: 'confirmed' })}
                    data-testid="confirm"
                  >
                    {t('classification.confirm')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    disabled={placement.decision === 'rejected'}
                    onClick={() => void decide(placement, { decision: 'rejected' })}
                    data-testid="reject"
                  >
                    {t('classification.reject')}
                  </Button>
                  <Button
                    size="small"
                    icon={<SwapOutlined />}
                    onClick={() => setMoving(placement)}
                    data-testid="move"
                  >
                    {t('classification.move')}
                  </Button>
                </Space>
              )
            }
          >
            {placement.method === 'manual' && placement.evidence.length === 0 ? (
              <Typography.Text type="secondary">
                {t('classification.manualNote', { at: placement.decidedAt.slice(0, 10) })}
              </Typography.Text>
            ) : (
              <EvidenceList evidence={placement.evidence} />
            )}
          </Card>
        ))}
      </Space>
      {moving && (
        <MoveNodeModal
          fromName={localName(moving.nodeName, locale)}
          fromCode={moving.nodeCode}
          onCancel={() => setMoving(null)}
          onMove={async (target) => {
            await decide(moving, { decision: 'confirmed', moveTo: target });
            setMoving(null);
          }}
        />
      )}
    </Card>
  );
}
