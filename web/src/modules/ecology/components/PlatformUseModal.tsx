import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  enterpriseId: number;
  since?: string;
  service?: string;
}

/** Records that a firm uses a platform: which enterprise, since when, for what. */
export function PlatformUseModal({
  open,
  chainCode,
  platformId,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  platformId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = async (values: FormValues) => {
    const saved = await action.run(() =>
      api.PUT('/chains/{code}/platforms/{id}/users/{enterpriseId}', {
        params: {
          path: { code: chainCode, id: platformId, enterpriseId: values.enterpriseId },
        },
        body: { since: values.since || null, service: values.service?.trim() || null },
      }),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t('plat.addUser')}
      okText={t('plat.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'platform-use-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="enterpriseId" label={t('plat.enterpriseId')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} data-testid="platform-use-enterprise" />
        </Form.Item>
        <Form.Item name="since" label={t('plat.since')}>
          <Input type="date" data-testid="platform-use-since" />
        </Form.Item>
        <Form.Item name="service" label={t('plat.service')} rules={[{ max: 200 }]}>
          <Input data-testid="platform-use-service" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
