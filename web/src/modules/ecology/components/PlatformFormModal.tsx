import type { Platform } from '@shared/api/platforms.ts';
import {
  PLATFORM_KINDS,
  PLATFORM_LEVELS,
  type PlatformKind,
  type PlatformLevel,
} from '@shared/platform-values.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  hostName?: string;
  regionCode: string;
  nodeCodes?: string[];
  description?: string;
}

/** Records a new innovation platform, or edits `platform` when given. */
export function PlatformFormModal({
  open,
  chainCode,
  platform,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  platform?: Platform;
  onClose: () => void;
  onSaved: (saved: Platform) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const { chain } = useChain(chainCode);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (platform) {
      form.setFieldsValue({
        name: platform.name,
        kind: platform.kind,
        level: platform.level,
        hostName: platform.hostName ?? undefined,
        regionCode: platform.region.code,
        nodeCodes: platform.nodes.map((n) => n.code),
        description: platform.description ?? undefined,
      });
    }
  }, [open, form, platform]);

  const save = async (values: FormValues) => {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      level: values.level,
      hostName: values.hostName?.trim() || null,
      regionCode: values.regionCode.trim(),
      nodeCodes: values.nodeCodes ?? [],
      description: values.description?.trim() || null,
    };
    const saved = await action.run(() =>
      platform
        ? api.PATCH('/chains/{code}/platforms/{id}', {
            params: { path: { code: chainCode, id: platform.id } },
            body,
          })
        : api.POST('/chains/{code}/platforms', {
            params: { path: { code: chainCode } },
            body,
          }),
    );
    if (saved) onSaved(saved);
  };

  const nodeOptions = (chain?.stages ?? []).flatMap((stage) =>
    stage.nodes.map((n) => ({ value: n.code, label: localName(n.name, locale) })),
  );
  return (
    <Modal
      open={open}
      title={t(platform ? 'plat.edit' : 'plat.add')}
      okText={t('plat.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'platform-form-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="name"
          label={t('plat.name')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="platform-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('plat.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="platform-form-kind"
            options={PLATFORM_KINDS.map((k) => ({ value: k, label: t(`plat.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('plat.level')} rules={[{ required: true }]}>
          <Select
            data-testid="platform-form-level"
            options={PLATFORM_LEVELS.map((l) => ({ value: l, label: t(`plat.level.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="hostName" label={t('plat.host')} rules={[{ max: 200 }]}>
          <Input data-testid="platform-form-host" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('plat.region')}
          rules={[{ required: true, pattern: /^\d{6}$/ }]}
        >
          <Input data-testid="platform-form-region" placeholder="320214" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="nodeCodes" label={t('plat.nodes')}>
          <Select
            mode="multiple"
            data-testid="platform-form-nodes"
            options={nodeOptions}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
