import type { NeedKind } from '@shared/api/needs.ts';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { EnterpriseSearchSelect } from '../../ui/components/EnterpriseSearchSelect.tsx';

interface FormValues {
  enterpriseId?: number;
  product: string;
  quantity?: number;
  unit?: string;
  contact?: string;
  startsOn?: string;
  endsOn?: string;
}

/**
 * Publishes a need or offer. A firm publishes for its own enterprise (no enterprise field); the
 * office names the enterprise. The node is proposed from the product text by the server.
 */
export function NeedFormModal({
  open,
  kind,
  chainCode,
  forFirm,
  onClose,
  onSaved,
}: {
  open: boolean;
  kind: NeedKind;
  chainCode: string;
  forFirm: boolean;
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
    const body = {
      ...(forFirm ? {} : { enterpriseId: values.enterpriseId }),
      product: values.product.trim(),
      quantity: values.quantity ?? null,
      unit: values.unit?.trim() || null,
      contact: values.contact?.trim() || null,
      startsOn: values.startsOn || null,
      endsOn: values.endsOn || null,
    };
    const path = { params: { path: { code: chainCode } }, body };
    const saved = await action.run(() =>
      kind === 'need'
        ? api.POST('/chains/{code}/needs', path)
        : api.POST('/chains/{code}/offers', path),
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      open={open}
      title={t(kind === 'need' ? 'match.publishNeed' : 'match.publishOffer')}
      okText={t('match.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'need-form-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        {!forFirm && (
          <Form.Item
            name="enterpriseId"
            label={t('match.form.enterprise')}
            rules={[{ required: true }]}
          >
            <EnterpriseSearchSelect testId="need-form-enterprise" />
          </Form.Item>
        )}
        <Form.Item
          name="product"
          label={t('match.form.product')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="need-form-product" />
        </Form.Item>
        <div className="match-form-row">
          {/* Refused with a reason, not clamped to 0 behind the user's back. */}
          <Form.Item
            name="quantity"
            label={t('match.form.quantity')}
            rules={[{ type: 'number', min: 0, message: t('match.form.quantityNegative') }]}
          >
            <InputNumber data-testid="need-form-quantity" />
          </Form.Item>
          <Form.Item name="unit" label={t('match.form.unit')} rules={[{ max: 20 }]}>
            <Input data-testid="need-form-unit" style={{ width: 100 }} />
          </Form.Item>
        </div>
        <div className="match-form-row">
          <Form.Item name="startsOn" label={t('match.form.startsOn')}>
            <Input type="date" data-testid="need-form-starts" />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('match.form.endsOn')}
            dependencies={['startsOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const startsOn = getFieldValue('startsOn') as string | undefined;
                  return value && startsOn && value < startsOn
                    ? Promise.reject(new Error(t('match.form.endsBeforeStarts')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input type="date" data-testid="need-form-ends" />
          </Form.Item>
        </div>
        <Form.Item name="contact" label={t('match.form.contact')} rules={[{ max: 200 }]}>
          <Input data-testid="need-form-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
