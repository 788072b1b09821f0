import type { SetCalendarYearResponse } from '@shared/api/calendar.ts';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { parseCalendarDays } from '../utils/parseCalendarDays.ts';

interface FormValues {
  source: string;
  days: string;
}

/** Sets a year's moved days (holidays and worked weekend days) with their source. */
export function CalendarYearModal({
  year,
  initial,
  onClose,
  onSaved,
}: {
  year: number | null;
  initial: FormValues;
  onClose: () => void;
  onSaved: (result: SetCalendarYearResponse) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();
  const [badLines, setBadLines] = useState<number[]>([]);
  useEffect(() => {
    if (year !== null) form.setFieldsValue(initial);
  }, [year, initial, form]);

  const save = async (values: FormValues) => {
    if (year === null) return;
    const parsed = parseCalendarDays(values.days);
    setBadLines(parsed.badLines);
    if (parsed.badLines.length > 0) return;
    const saved = await action.run(() =>
      api.PUT('/calendar/{year}', {
        params: { path: { year } },
        body: { source: values.source.trim(), days: parsed.days },
      }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open={year !== null}
      title={t('admin.calendar.edit', { year: year ?? '' })}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'calendar-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setBadLines([])}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="source"
          label={t('admin.calendar.source')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="calendar-source" />
        </Form.Item>
        <Form.Item name="days" label={t('admin.calendar.days')}>
          <Input.TextArea
            rows={12}
            data-testid="calendar-days"
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('admin.calendar.daysHelp')}</Typography.Text>
      {badLines.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={t('admin.calendar.badLines', { lines: badLines.join(', ') })}
        />
      )}
    </Modal>
  );
}
