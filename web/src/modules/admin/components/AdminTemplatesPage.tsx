import type { TemplateLoadPlan, TemplateProblemItem } from '@shared/api/templates.ts';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, asFormData } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { templateProblemLine } from '../../i18n/utils/templateProblems.ts';

function problemsOf(details: unknown): TemplateProblemItem[] {
  const list =
    details && typeof details === 'object' && 'problems' in details ? details.problems : [];
  return Array.isArray(list) ? (list as TemplateProblemItem[]) : [];
}

/**
 * 产业链模板 for admins: upload a YAML/JSON template, read its validation messages (those of the
 * CLI) or its dry run (what a revision moves where), then load it.
 */
export function AdminTemplatesPage() {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<TemplateLoadPlan | null>(null);
  const [done, setDone] = useState<TemplateLoadPlan | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; file: string; lines: string[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const result: TemplateLoadPlan = await api.POST('/chains/templates', {
        params: { query: dryRun ? { dryRun: 'true' } : {} },
        body: { file: chosen },
        bodySerializer: asFormData,
      });
      if (dryRun) {
        setPlan(result);
        setDone(null);
      } else {
        setDone(result);
        setPlan(null);
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const problems = problemsOf(error.details);
      setRefusal({
        title: errorText(error, locale),
        file: chosen.name,
        // The server's message is the CLI's: the file, then one line per problem.
        lines:
          problems.length > 0
            ? problems.map((p) => templateProblemLine(p, locale))
            : [error.message],
      });
      setPlan(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="admin-templates">
      <Typography.Title level={3}>{t('admin.templates.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.templates.intro')}</Typography.Paragraph>
      <Upload
        showUploadList={false}
        accept=".yaml,.yml,.json"
        beforeUpload={(chosen) => {
          setFile(chosen);
          void send(chosen, true);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="template-upload">
          {t('admin.templates.choose')}
        </Button>
      </Upload>
      {refusal && (
        <Alert
          type="error"
          showIcon
          data-testid="template-refusal"
          message={`${refusal.title} · ${refusal.file}`}
          description={
            <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="template-problems">
              {refusal.lines.join('\n')}
            </pre>
          }
        />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="template-done"
          message={
            done.applied
              ? t('admin.templates.applied', { chain: done.chain, version: done.toVersion })
              : t('admin.templates.unchanged', { chain: done.chain })
          }
        />
      )}
      {plan && file && (
        <TemplatePlan plan={plan} busy={busy} onApply={() => void send(file, false)} />
      )}
    </Space>
  );
}

function TemplatePlan({
  plan,
  busy,
  onApply,
}: {
  plan: TemplateLoadPlan;
  busy: boolean;
  onApply: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Card
      data-testid="template-plan"
      title={
        <Space>
          {t('admin.templates.plan', {
            chain: plan.chain,
            action: t(`admin.templates.action.${plan.action}`),
          })}
          {plan.fromVersion !== null && (
            <Tag>
              {t('admin.templates.versions', { from: plan.fromVersion, to: plan.toVersion })}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Button
          type="primary"
          disabled={plan.problems.length > 0 || plan.action === 'unchanged'}
          loading={busy}
          onClick={onApply}
          data-testid="template-apply"
        >
          {t('admin.templates.apply')}
        </Button>
      }
    >
      {plan.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('admin.templates.refused')}
          description={
            <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="template-problems">
              {plan.problems.map((p) => templateProblemLine(p, locale)).join('\n')}
            </pre>
          }
        />
      )}
      {plan.addedNodes.length > 0 && (
        <Typography.Paragraph>
          {t('admin.templates.added')}: {plan.addedNodes.join(', ')}
        </Typography.Paragraph>
      )}
      {plan.removedNodes.length > 0 && (
        <Typography.Paragraph>
          {t('admin.templates.removed')}: {plan.removedNodes.join(', ')}
        </Typography.Paragraph>
      )}
      <Collapse
        data-testid="template-changes"
        items={plan.changes.map((change) => ({
          key: change.node,
          label: (
            <span data-testid="template-change">
              {t(`admin.templates.change.${change.kind}`)} {change.node} →{' '}
              {change.to.join(', ') || '—'} ·{' '}
              {Object.entries(change.counts)
                .map(([kind, n]) => `${t(`admin.templates.ref.${kind}` as never)} ${n}`)
                .join(' · ') || t('admin.templates.nothing')}
            </span>
          ),
          children: (
            <Table
              size="small"
              rowKey={(r) => `${r.kind}-${r.id}`}
              dataSource={change.references}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  key: 'kind',
                  title: t('admin.templates.kind'),
                  render: (_, r) => t(`admin.templates.ref.${r.kind}`),
                },
                {
                  key: 'item',
                  title: t('admin.templates.item'),
                  render: (_, r) => <DataText>{r.label}</DataText>,
                },
                {
                  key: 'to',
                  title: t('admin.templates.to'),
                  render: (_, r) => (
                    <Space size={4}>
                      {r.to.join(', ')}
                      {r.needsDecision && <Tag color="orange">{t('admin.templates.check')}</Tag>}
                    </Space>
                  ),
                },
                { key: 'how', title: t('admin.templates.how'), render: (_, r) => r.detail ?? '' },
              ]}
            />
          ),
        }))}
      />
    </Card>
  );
}
