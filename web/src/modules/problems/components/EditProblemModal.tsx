import type { ProblemDetail, UpdateProblemRequest } from '@shared/api/problems.ts';
import { Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/utils/apiClient.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { useProblemLookups } from '../hooks/useProblemLookups.ts';
import { phoneRule } from '../utils/phoneRule.ts';

interface EditForm {
  title: string;
  description: string;
  categoryCode: string;
  nodeCode?: string | null;
  departmentId?: number | null;
  assigneeName?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The office corrects a problem's fields while it is open. */
export function EditProblemModal({
  problem,
  open,
  onClose,
  onSaved,
}: {
  problem: ProblemDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EditForm>();
  const action = useAction();
  const { categories, departments } = useProblemLookups();
  const required = [{ required: true, message: t('problems.form.required') }];

  const submit = async (values: EditForm) => {
    const body: UpdateProblemRequest = {
      title: values.title,
      description: values.description,
      categoryCode: values.categoryCode,
      nodeCode: values.nodeCode ?? null,
      departmentId: values.departmentId ?? null,
      assigneeName: blankToNull(values.assigneeName),
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
    };
    // A redacted contact is not ours to overwrite with nothing.
    if (problem.contactName === null && !body.contactName) delete body.contactName;
    if (problem.contactPhone === null && !body.contactPhone) delete body.contactPhone;
    const saved = await action.run(() =>
      api.PATCH('/problems/{id}', { params: { path: { id: problem.id } }, body }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open={open}
      title={t('problems.detail.edit')}
      okText={t('problems.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={620}
      destroyOnHidden
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          title: problem.title,
          description: problem.description,
          categoryCode: problem.category.code,
          nodeCode: problem.node?.code,
          departmentId: problem.department?.id,
          assigneeName: problem.assigneeName,
          contactName: problem.contactName,
          contactPhone: problem.contactPhone,
        }}
      >
        <Form.Item name="title" label={t('problems.form.title')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('problems.form.description')} rules={required}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('problems.form.category')} rules={required}>
          <Select
            options={categories.map((c) => ({ value: c.code, label: localName(c.name, locale) }))}
          />
        </Form.Item>
        <Form.Item name="nodeCode" label={t('problems.form.node')}>
          <NodeField placeholder={t('problems.form.node')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('problems.detail.department')}>
          <Select
            allowClear
            options={departments.map((d) => ({
              value: d.id,
              label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
            }))}
          />
        </Form.Item>
        <Form.Item name="assigneeName" label={t('problems.detail.assignee')}>
          <Input maxLength={100} />
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

function NodeField({
  value,
  onChange,
  placeholder,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  placeholder: string;
}) {
  return (
    <NodeTreeSelect
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? null)}
      placeholder={placeholder}
      stagesSelectable={false}
    />
  );
}
