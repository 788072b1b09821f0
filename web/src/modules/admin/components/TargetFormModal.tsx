import type { ChainDetail } from '@shared/api/chains.ts';
import { Form, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** The amount a target is typed in: 亿元 in Chinese, billions of yuan in English. */
export function targetUnit(locale: string): { divisor: number; label: string } {
  return locale === 'en' ? { divisor: 1e9, label: 'bn yuan' } : { divisor: 1e8, label: '亿元' };
}

/** What the modal edits: a chain's (node null) or a node's target for a year. */
export interface TargetDraft {
  node: string | null;
  year: number;
  valueYuan: number | null;
}

interface FormValues {
  node: string;
  year: number;
  value: number;
}

const WHOLE_CHAIN = '';

/** Sets a chain's or a node's target for a region and year; nodes are chosen by name. */
export function TargetFormModal({
  chain,
  region,
  draft,
  onClose,
  onSaved,
}: {
  chain: ChainDetail;
  region: string;
  draft: TargetDraft | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const unit = targetUnit(locale);
  useEffect(() => {
    if (!draft) return;
    form.setFieldsValue({
      node: draft.node ?? WHOLE_CHAIN,
      year: draft.year,
      ...(draft.valueYuan !== null && { value: draft.valueYuan / unit.divisor }),
    });
  }, [draft, form, unit.divisor]);

  const save = async (v: FormValues) => {
    const saved = await action.run(() =>
      api.PUT('/chains/{code}/targets', {
        params: { path: { code: chain.code } },
        body: {
          region,
          year: v.year,
          valueYuan: Math.round(v.value * unit.divisor),
          node: v.node === WHOLE_CHAIN ? null : v.node,
        },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={draft !== null}
      title={t('admin.targets.editTitle')}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'target-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="node" label={t('admin.targets.node')} rules={[{ required: false }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="target-node"
            options={[
              { value: WHOLE_CHAIN, label: t('admin.targets.wholeChain') },
              ...chain.stages.map((stage) => ({
                label: localName(stage.name, locale),
                options: stage.nodes.map((node) => ({
                  value: node.code,
                  label: localName(node.name, locale),
                })),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="year" label={t('admin.targets.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="target-year" />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('admin.targets.valueIn', { unit: unit.label })}
          rules={[{ required: true }, { type: 'number', min: 0.0001 }]}
        >
          <InputNumber min={0} style={{ width: 200 }} data-testid="target-value" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
