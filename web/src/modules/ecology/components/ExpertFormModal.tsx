import type { Expert } from '@shared/api/experts.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  name: string;
  fields?: string;
  nodeCodes?: string[];
  institution?: string;
  title?: string;
  contact?: string;
}

/** Adds an expert, or edits one: name, fields, the nodes they cover, institution, title, contact. */
export function ExpertFormModal({
  open,
  chainCode,
  expert,
  defaultNode,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  expert: Expert | null;
  defaultNode?: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { chain } = useChain(chainCode);
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      expert
        ? {
            name: expert.name,
            fields: expert.fields.join(', '),
            nodeCodes: expert.nodes.map((n) => n.code),
            institution: expert.institution ?? '',
            title: expert.title ?? '',
            contact: expert.contact ?? '',
          }
        : { nodeCodes: defaultNode ? [defaultNode] : [] },
    );
  }, [open, form, expert, defaultNode]);

  const options = (chain?.stages ?? []).map((stage) => ({
    label: localName(stage.name, locale),
    options: stage.nodes.map((node) => ({
      value: node.code,
      label: localName(node.name, locale),
    })),
  }));

  const save = async (values: FormValues) => {
    const body = {
      name: values.name.trim(),
      fields: (values.fields ?? '')
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
      nodeCodes: values.nodeCodes ?? [],
      institution: values.institution?.trim() || null,
      title: values.title?.trim() || null,
      contact: values.contact?.trim() || null,
    };
    const saved = await action.run(() =>
      expert
        ? api.PATCH('/chains/{code}/experts/{id}', {
            params: { path: { code: chainCode, id: expert.id } },
            body,
          })
        : api.POST('/chains/{code}/experts', { params: { path: { code: chainCode } }, body }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t(expert ? 'expert.edit' : 'expert.add')}
      okText={t('expert.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'expert-form-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="name"
          label={t('expert.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="expert-form-name" />
        </Form.Item>
        <Form.Item name="fields" label={t('expert.fields')} extra={t('expert.fieldsHint')}>
          <Input data-testid="expert-form-fields" />
        </Form.Item>
        <Form.Item name="nodeCodes" label={t('expert.nodes')}>
          <Select
            mode="multiple"
            options={options}
            optionFilterProp="label"
            data-testid="expert-form-nodes"
          />
        </Form.Item>
        <Form.Item name="institution" label={t('expert.institution')} rules={[{ max: 200 }]}>
          <Input data-testid="expert-form-institution" />
        </Form.Item>
        <Form.Item name="title" label={t('expert.jobTitle')} rules={[{ max: 100 }]}>
          <Input data-testid="expert-form-title" />
        </Form.Item>
        <Form.Item name="contact" label={t('expert.contact')} rules={[{ max: 200 }]}>
          <Input data-testid="expert-form-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
