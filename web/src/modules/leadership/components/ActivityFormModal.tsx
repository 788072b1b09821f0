import { ACTIVITY_KIND_NAMES, ACTIVITY_KINDS, type ActivityKind } from '@shared/activity-kinds.ts';
import type { FollowUpRequest } from '@shared/api/leadership.ts';
import { Button, Card, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { EnterprisePicker } from './EnterprisePicker.tsx';
import { NodesSelect } from './NodesSelect.tsx';
import { SupervisionFields } from './SupervisionFields.tsx';
import { shanghaiToday } from '@shared/shanghai-day.ts';

interface FormValues {
  kind: ActivityKind;
  heldOn: string;
  title: string;
  people?: string[];
  summary?: string;
  enterpriseIds?: number[];
  nodeCodes?: string[];
  followUps?: FollowUpRequest[];
}

/** Records a visit, meeting or decision with the enterprises, nodes and follow-up 督办 items. */
export function ActivityFormModal({
  open,
  chainCode,
  regionCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  regionCode: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  // A decision's deadlines start from the day the visit or meeting was held.
  const heldOn = Form.useWatch('heldOn', form);
  // A visit or meeting is recorded once held; a decision may take effect on a later day.
  const kind = Form.useWatch('kind', form);
  const action = useAction();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = async (values: FormValues) => {
    const saved = await action.run(() =>
      api.POST('/leader/activities', {
        body: {
          chainCode,
          regionCode,
          kind: values.kind,
          heldOn: values.heldOn,
          title: values.title.trim(),
          people: (values.people ?? []).map((p) => p.trim()).filter(Boolean),
          summary: values.summary?.trim() || null,
          enterpriseIds: values.enterpriseIds ?? [],
          nodeCodes: values.nodeCodes ?? [],
          followUps: (values.followUps ?? []).map((f) => ({
            title: f.title.trim(),
            detail: f.detail?.trim() || null,
            ownerDepartmentId: f.ownerDepartmentId,
            deadline: f.deadline,
          })),
        },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t('leader.activity.new')}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'activity-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'visit' }}
        onFinish={(values) => void save(values)}
      >
        <div className="leader-form-row">
          <Form.Item name="kind" label={t('leader.activity.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="activity-form-kind"
              options={ACTIVITY_KINDS.map((kind) => ({
                value: kind,
                label: localName(ACTIVITY_KIND_NAMES[kind], locale),
              }))}
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t('leader.activity.heldOn')} rules={[{ required: true }]}>
            <Input
              type="date"
              max={kind === 'decision' ? undefined : shanghaiToday()}
              data-testid="activity-held-on"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('leader.activity.title')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="activity-form-title" />
        </Form.Item>
        <Form.Item name="people" label={t('leader.activity.people')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="activity-people" />
        </Form.Item>
        <Form.Item name="enterpriseIds" label={t('leader.activity.enterprises')}>
          <EnterprisePicker regionCode={regionCode} />
        </Form.Item>
        <Form.Item name="nodeCodes" label={t('leader.activity.nodes')}>
          <NodesSelect />
        </Form.Item>
        <Form.Item name="summary" label={t('leader.activity.summary')}>
          <Input.TextArea rows={3} data-testid="activity-summary" />
        </Form.Item>
        <Form.List name="followUps">
          {(fields, { add, remove }) => (
            <Form.Item label={t('leader.activity.followUps')}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={
                    <Button type="link" onClick={() => remove(field.name)}>
                      {t('leader.remove')}
                    </Button>
                  }
                >
                  <SupervisionFields
                    prefix={[field.name]}
                    testPrefix="follow-up"
                    earliestDeadline={heldOn || undefined}
                  />
                </Card>
              ))}
              <Button onClick={() => add()} data-testid="follow-up-add">
                {t('leader.activity.addFollowUp')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
