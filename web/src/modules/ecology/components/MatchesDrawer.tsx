import type { ProposedMatch } from '@shared/api/needs.ts';
import { MATCH_OUTCOMES, type MatchOutcome } from '@shared/need-values.ts';
import { formatDate } from '@shared/format.ts';
import { shanghaiToday } from '@shared/shanghai-day.ts';
import { Alert, Button, Drawer, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';

/** The office records what came of one proposed match: an outcome and its date. */
function OutcomeControl({
  chainCode,
  needId,
  match,
  onSaved,
}: {
  chainCode: string;
  needId: number;
  match: ProposedMatch;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [outcome, setOutcome] = useState<MatchOutcome>(match.outcome?.outcome ?? 'contacted');
  const [on, setOn] = useState(shanghaiToday());
  const save = async () => {
    const saved = await action.run(() =>
      api.PUT('/chains/{code}/needs/{id}/matches/{supplierId}', {
        params: { path: { code: chainCode, id: needId, supplierId: match.supplier.id } },
        body: { outcome, outcomeOn: on },
      }),
    );
    if (saved) onSaved();
  };
  return (
    <Space wrap size="small">
      <Select
        size="small"
        value={outcome}
        onChange={setOutcome}
        style={{ width: 110 }}
        data-testid="outcome-select"
        options={MATCH_OUTCOMES.map((o) => ({ value: o, label: t(`match.outcome.${o}`) }))}
      />
      <Input
        size="small"
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
        style={{ width: 140 }}
        aria-label={t('match.outcome.on')}
      />
      <Button
        size="small"
        type="primary"
        loading={action.busy}
        onClick={() => void save()}
        data-testid="outcome-save"
      >
        {t('match.matches.record')}
      </Button>
    </Space>
  );
}

/** The proposed suppliers of a need, local first, each with its reasons and outcome. */
export function MatchesDrawer({
  chainCode,
  needId,
  onClose,
  onChanged,
}: {
  chainCode: string;
  needId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const canRecord = useCan('match:record');
  const matches = useApiQuery(
    needId === null
      ? null
      : apiGet('/chains/{code}/needs/{id}/matches', {
          params: { path: { code: chainCode, id: needId } },
        }),
  );
  const data = matches.data;
  return (
    <Drawer
      open={needId !== null}
      onClose={onClose}
      width={760}
      title={data ? t('match.matches.title', { product: data.need.product }) : ''}
      data-testid="matches-drawer"
    >
      {matches.error && <ApiErrorAlert error={matches.error} onRetry={matches.reload} />}
      {!data && !matches.error && <PageSpinner />}
      {data && (
        <>
          {data.noLocalSupplier && (
            <Alert
              type="warning"
              showIcon
              message={t('match.matches.noLocal')}
              style={{ marginBottom: 12 }}
              data-testid="matches-no-local"
            />
          )}
          <List
            dataSource={data.items}
            locale={{ emptyText: t('match.matches.none') }}
            renderItem={(m) => (
              <List.Item data-testid="match-row" data-local={m.local} data-supplier={m.supplier.id}>
                <div style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>
                      {m.rank}. <DataText>{m.supplier.name}</DataText>
                    </Typography.Text>
                    <Tag color={m.local ? 'green' : 'default'} data-testid="match-local">
                      {t(m.local ? 'match.matches.local' : 'match.matches.elsewhere')}
                    </Tag>
                    {m.node && <Tag>{localName(m.node.name, locale)}</Tag>}
                    <Typography.Text type="secondary">
                      {t('match.matches.score')} {m.score}
                    </Typography.Text>
                    {m.outcome && (
                      <Tag color="blue" data-testid="match-outcome">
                        {t(`match.outcome.${m.outcome.outcome}`)}{' '}
                        {formatDate(m.outcome.outcomeOn, locale)}
                      </Tag>
                    )}
                  </Space>
                  <ul className="match-reasons" data-testid="match-reasons">
                    {m.reasons.map((r) => (
                      <li key={r.code + r.zh}>{localName(r, locale)}</li>
                    ))}
                  </ul>
                  {canRecord && (
                    <OutcomeControl
                      chainCode={chainCode}
                      needId={data.need.id}
                      match={m}
                      onSaved={() => {
                        matches.reload();
                        onChanged();
                      }}
                    />
                  )}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
