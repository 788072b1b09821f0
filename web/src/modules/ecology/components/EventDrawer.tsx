import { ProjectSearchSelect } from '../../ui/components/ProjectSearchSelect.tsx';
import type { EventOutcomeKind } from '@shared/event-kinds.ts';
import { formatDate } from '@shared/format.ts';
import {
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface OutcomeValues {
  projectName?: string;
  projectId?: number;
  investmentYuan?: number;
  description?: string;
}

/** One event: participants, outcomes, and the office's forms to record a signed project or a match. */
export function EventDrawer({
  chainCode,
  eventId,
  onClose,
  onChanged,
}: {
  chainCode: string;
  eventId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const chainPath = useChainPath();
  const canWrite = useCan('event:write');
  const action = useAction();
  const [form] = Form.useForm<OutcomeValues>();
  const [kind, setKind] = useState<EventOutcomeKind>('signed_project');
  const [node, setNode] = useState<string | undefined>();
  const detail = useApiQuery(
    eventId === null
      ? null
      : apiGet('/chains/{code}/events/{id}', {
          params: { path: { code: chainCode, id: eventId } },
        }),
  );
  const event = detail.data;

  const record = async (values: OutcomeValues) => {
    if (eventId === null) return;
    const body =
      kind === 'signed_project'
        ? {
            kind,
            project: values.projectId
              ? { projectId: values.projectId }
              : {
                  name: values.projectName?.trim(),
                  ...(node && { nodeCode: node }),
                  ...(values.investmentYuan != null && { investmentYuan: values.investmentYuan }),
                },
          }
        : { kind, description: values.description?.trim() || null };
    const saved = await action.run(() =>
      api.POST('/chains/{code}/events/{id}/outcomes', {
        params: { path: { code: chainCode, id: eventId } },
        body,
      }),
    );
    if (saved) {
      form.resetFields();
      setNode(undefined);
      detail.reload();
      onChanged();
    }
  };

  return (
    <Drawer
      open={eventId !== null}
      onClose={onClose}
      width={560}
      title={event ? <DataText>{event.title}</DataText> : ''}
      data-testid="event-drawer"
    >
      {event && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('event.kind')}>
              {t(`event.kind.${event.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('event.heldOn')}>
              {formatDate(event.heldOn, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('event.place')} span={2}>
              <DataText>{event.place ?? '—'}</DataText>
            </Descriptions.Item>
            <Descriptions.Item label={t('event.enterprises')} span={2}>
              <span data-testid="event-enterprises">
                {event.enterprises.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && '、'}
                    <Link to={`/enterprises/${e.id}`}>
                      <DataText>{e.name}</DataText>
                    </Link>
                  </span>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('event.experts')} span={2}>
              <DataText>{event.experts.map((e) => e.name).join('、') || '—'}</DataText>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="drawer-section">
            {t('event.outcomes')}
          </Typography.Title>
          <List
            size="small"
            dataSource={event.outcomes}
            locale={{ emptyText: t('event.noOutcomes') }}
            data-testid="event-outcomes"
            renderItem={(o) => (
              <List.Item>
                <span>
                  {t(`event.outcome.${o.kind}`)}
                  {': '}
                  {o.project ? (
                    <>
                      <DataText>{o.project.name}</DataText>{' '}
                      <Link to={chainPath('/investment/projects')} data-testid="event-project-link">
                        {t('event.inPipeline')}
                      </Link>
                    </>
                  ) : (
                    <DataText>{o.description ?? ''}</DataText>
                  )}
                </span>
              </List.Item>
            )}
          />
          {canWrite && (
            <>
              <Radio.Group
                value={kind}
                onChange={(e) => setKind(e.target.value as EventOutcomeKind)}
                style={{ margin: '12px 0' }}
              >
                <Radio.Button value="signed_project" data-testid="outcome-kind-signed">
                  {t('event.recordSigned')}
                </Radio.Button>
                <Radio.Button value="match">{t('event.recordMatch')}</Radio.Button>
              </Radio.Group>
              <Form form={form} layout="vertical" onFinish={(values) => void record(values)}>
                {kind === 'signed_project' ? (
                  <>
                    <Form.Item name="projectName" label={t('event.projectName')}>
                      <Input data-testid="outcome-project-name" />
                    </Form.Item>
                    <Form.Item name="projectId" label={t('event.projectId')}>
                      <ProjectSearchSelect chainCode={chainCode} testId="outcome-project-id" />
                    </Form.Item>
                    <Form.Item label={t('event.projectNode')}>
                      <NodeTreeSelect
                        value={node}
                        onChange={setNode}
                        stagesSelectable={false}
                        placeholder={t('event.projectNode')}
                        chainCode={chainCode}
                      />
                    </Form.Item>
                    <Form.Item name="investmentYuan" label={t('event.investment')}>
                      <InputNumber min={0} style={{ width: 200 }} />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item
                    name="description"
                    label={t('event.description')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                )}
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={action.busy}
                  data-testid="outcome-save"
                >
                  {t('event.save')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
