import type { ProblemDetail } from '@shared/api/problems.ts';
import { PROBLEM_CHANNELS, type ProblemChannel } from '@shared/problem-stages.ts';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/utils/apiClient.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import type { ProblemLookups } from '../hooks/useProblemLookups.ts';
import { channelName } from '../utils/problemNames.ts';
import { EnterpriseSearchSelect } from '../../ui/components/EnterpriseSearchSelect.tsx';
import { phoneRule } from '../utils/phoneRule.ts';
import { shanghaiToday } from '@shared/shanghai-day.ts';

interface RecordForm {
  enterpriseId: number;
  channel: ProblemChannel;
  categoryCode: string;
  receivedAt?: string;
  title: string;
  description: string;
  nodeCode?: string;
  departmentId?: number;
  contactName?: string;
  contactPhone?: string;
}

/** A datetime-local value (Shanghai wall clock) as an instant with its offset. */
const shanghaiInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

/** The office records a problem it heard of (visit, hotline, meeting, letter) for an enterprise. */
export function RecordProblemModal({
  open,
  lookups,
  onClose,
  onSaved,
}: {
  open: boolean;
  lookups: ProblemLookups;
  onClose: () => void;
  onSaved: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<RecordForm>();
  const action = useAction();
  const required = [{ required: true, message: t('problems.form.required') }];

  const submit = async (values: RecordForm) => {
    const saved = await action.run(() =>
      api.POST('/problems', {
        body: {
          enterpriseId: values.enterpriseId,
          channel: values.channel,
          categoryCode: values.categoryCode,
          title: values.title,
          description: values.description,
          receivedAt: values.receivedAt ? shanghaiInstant(values.receivedAt) : undefined,
          nodeCode: values.nodeCode,
          departmentId: values.departmentId,
          contactName: values.contactName || undefined,
          contactPhone: values.contactPhone || undefined,
        },
      }),
    );
    if (saved) {
      form.resetFields();
      onSaved(saved);
    }
  };

  return (
    <Modal
      open={open}
      title={t('problems.record')}
      okText={t('problems.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'record-save' }}
      width={620}
      destroyOnHidden
    >
      <Form<RecordForm>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'visit' }}
        onFinish={(values) => void submit(values)}
        data-testid="record-form"
      >
        <Form.Item name="enterpriseId" label={t('problems.form.enterprise')} rules={required}>
          <EnterpriseSearchSelect
            placeholder={t('problems.form.enterpriseSearch')}
            testId="enterprise-picker"
          />
        </Form.Item>
        <Form.Item name="channel" label={t('problems.form.channel')} rules={required}>
          <Select
            options={PROBLEM_CHANNELS.filter((c) => c !== 'online').map((c) => ({
              value: c,
              label: channelName(c, locale),
            }))}
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('problems.form.category')} rules={required}>
          <Select
            data-testid="record-category"
            options={lookups.categories.map((c) => ({
              value: c.code,
              label: localName(c.name, locale),
            }))}
          />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('problems.form.receivedAt')}>
          <Input type="datetime-local" max={`${shanghaiToday()}T23:59`} />
        </Form.Item>
        <Form.Item name="title" label={t('problems.form.title')} rules={required}>
          <Input maxLength={200} data-testid="record-title" />
        </Form.Item>
        <Form.Item name="description" label={t('problems.form.description')} rules={required}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="record-description" />
        </Form.Item>
        <Form.Item name="nodeCode" label={t('problems.form.node')}>
          <NodeTreeSelectField placeholder={t('problems.form.node')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('problems.form.department')}>
          <Select
            allowClear
            options={lookups.departments.map((d) => ({
              value: d.id,
              label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
            }))}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('problems.form.contactName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('problems.form.contactPhone')}
          rules={[phoneRule(t)]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NodeTreeSelectField({
  value,
  onChange,
  placeholder,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder: string;
}) {
  return (
    <NodeTreeSelect
      value={value}
      onChange={(code) => onChange?.(code)}
      placeholder={placeholder}
      stagesSelectable={false}
    />
  );
}
