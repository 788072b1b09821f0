import type { FollowUpRequest } from '@shared/api/leadership.ts';
import { Form, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { SupervisionFields } from './SupervisionFields.tsx';
import { shanghaiToday } from '@shared/shanghai-day.ts';

/** Assigns a 督办 item on its own (not from a visit or meeting). */
export function SupervisionFormModal({
  open,
  chainCode,
  regionCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  chainCode: string;
  regionCode: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FollowUpRequest>();
  const action = useAction();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const save = async (values: FollowUpRequest) => {
    const saved = await action.run(() =>
      api.POST('/supervision', {
        body: {
          chainCode,
          regionCode,
          title: values.title.trim(),
          detail: values.detail?.trim() || null,
          ownerDepartmentId: values.ownerDepartmentId,
          deadline: values.deadline,
        },
      }),
    );
    if (saved) onSaved();
  };
  return (
    <Modal
      open={open}
      title={t('leader.supervision.new')}
      okText={t('leader.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'supervision-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <SupervisionFields earliestDeadline={shanghaiToday()} />
      </Form>
    </Modal>
  );
}
