import { LINK_KINDS, type LinkKind } from '@shared/link-kinds.ts';
import { Button, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../hooks/useAction.ts';
import { EnterpriseSearchSelect } from './EnterpriseSearchSelect.tsx';

interface FormValues {
  kind: LinkKind;
  /** 'from': the anchor supplies, serves, owns the partner; 'to': the partner does it to the anchor. */
  side: 'from' | 'to';
  partnerId: number;
  product?: string;
  sharePercent?: number;
  amountYuan?: number;
  validFrom?: string;
}

/**
 * A button and form recording a link between `anchor` and an enterprise picked by name: the
 * office and admins for any enterprise, a firm user for its own (the server says the same).
 */
export function RecordLinkButton({
  anchor,
  onSaved,
}: {
  anchor: { id: number; name: string };
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const canWrite = useCan('link:write');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  if (!canWrite || (user?.role === 'firm' && user.enterpriseId !== anchor.id)) return null;

  const save = async (values: FormValues) => {
    const [fromId, toId] =
      values.side === 'from' ? [anchor.id, values.partnerId] : [values.partnerId, anchor.id];
    const saved = await action.run(() =>
      api.POST('/links', {
        body: {
          kind: values.kind,
          fromId,
          toId,
          product: values.product?.trim() || null,
          sharePercent: values.sharePercent ?? null,
          amountYuan: values.amountYuan ?? null,
          validFrom: values.validFrom || null,
        },
      }),
    );
    if (saved) {
      setOpen(false);
      form.resetFields();
      onSaved();
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="record-link">
        {t('ecoForms.addLink')}
      </Button>
      <Modal
        open={open}
        title={
          <>
            {t('ecoForms.addLink')} · <DataText>{anchor.name}</DataText>
          </>
        }
        okText={t('match.form.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={action.busy}
        okButtonProps={{ 'data-testid': 'link-form-save' }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'supplies', side: 'to' }}
          onFinish={(values) => void save(values)}
        >
          <Form.Item name="kind" label={t('ecoForms.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="link-form-kind"
              options={LINK_KINDS.map((k) => ({ value: k, label: t(`ecoForms.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="side" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'to', label: t('ecoForms.from') },
                { value: 'from', label: t('ecoForms.to') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="partnerId"
            label={t('ecology.partner')}
            rules={[{ required: true, message: t('ecoForms.required') }]}
          >
            <EnterpriseSearchSelect testId="link-form-partner" />
          </Form.Item>
          <Form.Item name="product" label={t('ecoForms.product')} rules={[{ max: 200 }]}>
            <Input data-testid="link-form-product" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item name="sharePercent" label={t('ecoForms.share')}>
              <InputNumber min={0} max={100} data-testid="link-form-share" />
            </Form.Item>
            <Form.Item name="amountYuan" label={t('ecoForms.amount')}>
              <InputNumber min={0} data-testid="link-form-amount" />
            </Form.Item>
            <Form.Item name="validFrom" label={t('ecoForms.validFrom')}>
              <Input type="date" data-testid="link-form-from" />
            </Form.Item>
          </div>
        </Form>
      </Modal>
    </>
  );
}
