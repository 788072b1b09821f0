import type { ProblemDetail } from '@shared/api/problems.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { useProblemLookups } from '../hooks/useProblemLookups.ts';
import { shanghaiToday } from '@shared/shanghai-day.ts';

interface EscalateForm {
  ownerDepartmentId: number;
  deadline: string;
  title: string;
}

/**
 * Takes a problem to the chain leader: a 督办 item owned by a department with a deadline, which
 * then opens; the problem's timeline records the escalation.
 */
export function EscalateProblemModal({
  problem,
  open,
  onClose,
}: {
  problem: ProblemDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EscalateForm>();
  const action = useAction();
  const navigate = useNavigate();
  const { departments } = useProblemLookups();
  const required = [{ required: true, message: t('problems.form.required') }];

  const submit = async (values: EscalateForm) => {
    const item = await action.run(() =>
      api.POST('/problems/{id}/escalate', {
        params: { path: { id: problem.id } },
        body: {
          ownerDepartmentId: values.ownerDepartmentId,
          deadline: values.deadline,
          title: values.title.trim(),
        },
      }),
    );
    if (item) void navigate(`/leader/supervision/${item.id}`);
  };

  return (
    <Modal
      open={open}
      title={t('problems.escalate.title')}
      okText={t('problems.escalate.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={action.busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ title: problem.title, ownerDepartmentId: problem.department?.id }}
        data-testid="escalate-form"
      >
        <Form.Item name="title" label={t('problems.escalate.itemTitle')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="ownerDepartmentId" label={t('problems.escalate.owner')} rules={required}>
          <Select
            options={departments.map((d) => ({
              value: d.id,
              label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
            }))}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('problems.escalate.deadline')} rules={required}>
          <Input type="date" min={shanghaiToday()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
