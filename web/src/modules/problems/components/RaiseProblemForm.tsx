import type { ProblemDetail } from '@shared/api/problems.ts';
import { Button, Form, Input, Radio } from 'antd';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { useProblemLookups } from '../hooks/useProblemLookups.ts';
import { phoneRule } from '../utils/phoneRule.ts';

interface RaiseForm {
  title: string;
  description: string;
  categoryCode: string;
  contactName?: string;
  contactPhone?: string;
}

/** 我要反映问题: an enterprise tells the office what is in its way, in plain words. */
export function RaiseProblemForm({ onRaised }: { onRaised: (problem: ProblemDetail) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<RaiseForm>();
  const action = useAction();
  const { categories } = useProblemLookups();
  const required = [{ required: true, whitespace: true, message: t('problems.form.required') }];

  const submit = async (values: RaiseForm) => {
    const raised = await action.run(() =>
      api.POST('/problems', {
        body: {
          title: values.title,
          description: values.description,
          categoryCode: values.categoryCode,
          contactName: values.contactName?.trim() || undefined,
          contactPhone: values.contactPhone?.trim() || undefined,
        },
      }),
    );
    if (raised) {
      form.resetFields();
      onRaised(raised);
    }
  };

  return (
    <Form<RaiseForm>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      data-testid="raise-form"
      requiredMark={false}
    >
      <Form.Item name="title" label={t('service.form.title')} rules={required}>
        <Input
          maxLength={200}
          placeholder={t('service.form.titlePlaceholder')}
          data-testid="raise-title"
        />
      </Form.Item>
      <Form.Item name="description" label={t('service.form.description')} rules={required}>
        <Input.TextArea
          rows={4}
          maxLength={10000}
          placeholder={t('service.form.descriptionPlaceholder')}
          data-testid="raise-description"
        />
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('service.form.category')}
        rules={[{ required: true, message: t('problems.form.required') }]}
      >
        <Radio.Group className="service-choices" data-testid="raise-category">
          {categories.map((c) => (
            <Radio key={c.code} value={c.code} data-code={c.code}>
              {localName(c.name, locale)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="contactName" label={t('service.form.contactName')}>
        <Input maxLength={100} autoComplete="name" data-testid="raise-contact-name" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('service.form.contactPhone')} rules={[phoneRule(t)]}>
        <Input maxLength={40} type="tel" autoComplete="tel" data-testid="raise-contact-phone" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={action.busy}
        data-testid="raise-submit"
      >
        {t('service.form.submit')}
      </Button>
    </Form>
  );
}
