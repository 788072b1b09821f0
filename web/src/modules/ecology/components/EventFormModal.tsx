import { EVENT_KINDS, type EventKind } from '@shared/event-kinds.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

interface FormValues {
  kind: EventKind;
  title: string;
  heldOn: string;
  place?: string;
  regionCode?: string;
  enterpriseIds?: string;
  expertIds?: number[];
}

/** Records an event: kind, title, date, place and region, participating enterprises and experts. */
export function EventFormModal({
  open,
  chainCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const experts = useApiQuery(
    open
      ? apiGet('/chains/{code}/experts', {
          params: { path: { code: chainCode }, query: { pageSize: 500 } },
        })
      : null,
  );
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = async (values: FormValues) => {
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      heldOn: values.heldOn,
      place: values.place?.trim() || null,
      regionCode: values.regionCode?.trim() || null,
      enterpriseIds: (values.enterpriseIds ?? '')
        .split(/[,，、\s]+/)
        .filter(Boolean)
        .map(Number),
      expertIds: values.expertIds ?? [],
    };
    const saved = await action.run(() =>
      api.POST('/chains/{code}/events', { params: { path: { code: chainCode } }, body }),
    );
    if (saved) onSaved(saved.id);
  };

  return (
    <Modal
      open={open}
      title={t('event.add')}
      okText={t('event.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'event-form-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'signing' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="kind" label={t('event.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="event-form-kind"
            options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`event.kind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('event.name')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="event-form-title" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('event.heldOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="event-form-date" />
        </Form.Item>
        <Form.Item name="place" label={t('event.place')} rules={[{ max: 200 }]}>
          <Input data-testid="event-form-place" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('event.region')}>
          <Input placeholder="320214" data-testid="event-form-region" />
        </Form.Item>
        <Form.Item name="enterpriseIds" label={t('event.enterpriseIds')}>
          <Input data-testid="event-form-enterprises" />
        </Form.Item>
        <Form.Item name="expertIds" label={t('event.expertIds')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            data-testid="event-form-experts"
            options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
