import type { ParkSpace } from '@shared/api/parks.ts';
import { SPACE_KINDS, type SpaceKind } from '@shared/space-kinds.ts';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  code: string;
  building?: string;
  kind: SpaceKind;
  floor?: number | null;
  areaM2: number;
  occupiedM2?: number | null;
  availableFrom?: string;
  rentYuanPerM2Month?: number | null;
}

/** Adds a space unit to a park (`unit` null) or edits one. */
export function SpaceUnitModal({
  open,
  parkId,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  parkId: number;
  unit: ParkSpace | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  useEffect(() => {
    if (open && unit) {
      form.setFieldsValue({
        code: unit.code,
        building: unit.building ?? '',
        kind: unit.kind,
        floor: unit.floor,
        areaM2: unit.areaM2,
        occupiedM2: unit.occupiedM2,
        availableFrom: unit.availableFrom ?? '',
        rentYuanPerM2Month: unit.rentYuanPerM2Month,
      });
    }
  }, [open, unit, form]);

  const save = async (v: FormValues) => {
    const fields = {
      building: v.building?.trim() || null,
      kind: v.kind,
      floor: v.floor ?? null,
      areaM2: v.areaM2,
      occupiedM2: v.occupiedM2 ?? 0,
      availableFrom: v.availableFrom || null,
      rentYuanPerM2Month: v.rentYuanPerM2Month ?? null,
    };
    const saved = await action.run(() =>
      unit
        ? api.PATCH('/parks/{id}/spaces/{spaceId}', {
            params: { path: { id: parkId, spaceId: unit.id } },
            body: fields,
          })
        : api.POST('/parks/{id}/spaces', {
            params: { path: { id: parkId } },
            body: { code: v.code.trim(), ...fields },
          }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={unit ? `${t('parks.unit.edit')} ${unit.code}` : t('parks.unit.new')}
      okText={t('parks.admin.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'unit-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'office' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="code" label={t('parks.unit.code')} rules={[{ required: true }]}>
          <Input disabled={unit !== null} data-testid="unit-code" />
        </Form.Item>
        <Form.Item name="building" label={t('parks.unit.building')}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('parks.unit.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="unit-kind"
            options={SPACE_KINDS.map((kind) => ({ value: kind, label: t(`space.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="floor" label={t('parks.unit.floor')}>
          <InputNumber min={-5} max={200} precision={0} />
        </Form.Item>
        <Form.Item name="areaM2" label={t('parks.unit.area')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: 200 }} data-testid="unit-area" />
        </Form.Item>
        <Form.Item name="occupiedM2" label={t('parks.unit.occupied')}>
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="availableFrom" label={t('parks.unit.availableFrom')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="rentYuanPerM2Month" label={t('parks.unit.rent')}>
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
