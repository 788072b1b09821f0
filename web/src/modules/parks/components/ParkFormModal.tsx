import type { ParkSummary } from '@shared/api/parks.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  code: string;
  name: string;
  nameEn?: string;
  region: string;
  address?: string;
  focusNodeCodes?: string[];
}

/** Creates a park (`park` null) or edits one: names, district, address, focus nodes. */
export function ParkFormModal({
  open,
  park,
  onClose,
  onSaved,
}: {
  open: boolean;
  park: ParkSummary | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const { nodeByCode } = useChain();
  useEffect(() => {
    if (open && park) {
      form.setFieldsValue({
        code: park.code,
        name: park.name,
        nameEn: park.nameEn ?? '',
        region: park.regionCode,
        address: park.address ?? '',
        focusNodeCodes: park.focusNodeCodes,
      });
    }
  }, [open, park, form]);

  const save = async (v: FormValues) => {
    const fields = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || null,
      region: v.region.trim(),
      address: v.address?.trim() || null,
      focusNodeCodes: v.focusNodeCodes ?? [],
    };
    const saved = await action.run(() =>
      park
        ? api.PATCH('/parks/{id}', { params: { path: { id: park.id } }, body: fields })
        : api.POST('/parks', { body: { code: v.code.trim(), ...fields } }),
    );
    if (saved) onSaved(saved.id);
  };

  return (
    <Modal
      open={open}
      title={park ? t('parks.admin.edit') : t('parks.admin.new')}
      okText={t('parks.admin.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'park-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="code" label={t('parks.admin.code')} rules={[{ required: true }]}>
          <Input disabled={park !== null} placeholder="huishan-life" data-testid="park-code" />
        </Form.Item>
        <Form.Item name="name" label={t('parks.admin.name')} rules={[{ required: true }]}>
          <Input data-testid="park-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('parks.admin.nameEn')}>
          <Input data-testid="park-name-en" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('parks.admin.region')}
          rules={[{ required: true, pattern: /^\d{6}$/ }]}
        >
          <Input placeholder="320206" style={{ width: 160 }} data-testid="park-region" />
        </Form.Item>
        <Form.Item name="address" label={t('parks.admin.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="focusNodeCodes" label={t('parks.admin.focus')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={[...nodeByCode.values()].map((node) => ({
              value: node.code,
              label: localName(node.name, locale),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
