import { PROJECT_STAGES, type ProjectStage } from '@shared/project-stages.ts';
import { Button, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** The probability each stage weighs with; editable (in %) by those who manage projects. */
export function StageProbabilitiesCard({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const canWrite = useCan('project:write');
  const action = useAction();
  const settings = useApiQuery(apiGet('/settings/pipeline'));
  const [edited, setDraft] = useState<Record<ProjectStage, number> | null>(null);
  const draft = edited ?? settings.data?.stageProbabilities ?? null;
  // A later stage is never less likely than an earlier one (the server holds the same rule).
  const ordered =
    !draft ||
    PROJECT_STAGES.every(
      (stage, i) => i === 0 || draft[PROJECT_STAGES[i - 1] ?? stage] <= draft[stage],
    );

  const save = async () => {
    if (!draft) return;
    const saved = await action.run(() =>
      api.PUT('/settings/pipeline', { body: { stageProbabilities: draft } }),
    );
    if (!saved) return;
    settings.setData(saved);
    setDraft(null);
    onSaved();
  };

  return (
    <Card size="small" title={t('invest.road.probabilities')} data-testid="stage-probabilities">
      <Space wrap size="middle">
        {PROJECT_STAGES.map((stage) => (
          <Space key={stage} direction="vertical" size={0}>
            <Typography.Text type="secondary">{t(`invest.stage.${stage}`)}</Typography.Text>
            {canWrite && draft ? (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={Math.round(draft[stage] * 100)}
                onChange={(v) => setDraft({ ...draft, [stage]: (v ?? 0) / 100 })}
                suffix="%"
                style={{ width: 110 }}
                data-testid={`probability-${stage}`}
              />
            ) : (
              <Typography.Text strong>
                {settings.data
                  ? `${Math.round(settings.data.stageProbabilities[stage] * 100)}%`
                  : '—'}
              </Typography.Text>
            )}
          </Space>
        ))}
        {canWrite && (
          <Button
            type="primary"
            size="small"
            loading={action.busy}
            disabled={!ordered}
            onClick={() => void save()}
          >
            {t('invest.form.save')}
          </Button>
        )}
        {!ordered && (
          <Typography.Text type="danger" data-testid="probabilities-order">
            {t('invest.road.probabilitiesOrder')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
