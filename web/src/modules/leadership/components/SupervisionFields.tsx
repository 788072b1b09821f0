import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';

/** The fields of a 督办 item: what, by whom, by when (under `prefix` inside a Form.List). */
export function SupervisionFields({
  prefix = [],
  titleRequired = true,
  testPrefix = 'supervision',
  earliestDeadline,
}: {
  prefix?: (string | number)[];
  titleRequired?: boolean;
  testPrefix?: string;
  /** The first day the date picker offers (YYYY-MM-DD): the day the item is set. */
  earliestDeadline?: string;
}) {
  const { t } = useI18n();
  const name = (field: string): (string | number)[] => [...prefix, field];
  return (
    <>
      <Form.Item
        name={name('title')}
        label={t('leader.supervision.item')}
        rules={[{ required: titleRequired, whitespace: true, max: 200 }]}
      >
        <Input data-testid={`${testPrefix}-title`} />
      </Form.Item>
      <div className="leader-form-row">
        <Form.Item
          name={name('ownerDepartmentId')}
          label={t('leader.supervision.owner')}
          rules={[{ required: true }]}
        >
          <DepartmentSelect testId={`${testPrefix}-owner`} />
        </Form.Item>
        <Form.Item
          name={name('deadline')}
          label={t('leader.supervision.deadline')}
          rules={[{ required: true }]}
        >
          <Input type="date" min={earliestDeadline} data-testid={`${testPrefix}-deadline`} />
        </Form.Item>
      </div>
      <Form.Item name={name('detail')} label={t('leader.supervision.detail')}>
        <Input.TextArea rows={2} data-testid={`${testPrefix}-detail`} />
      </Form.Item>
    </>
  );
}
