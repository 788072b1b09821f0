import type { EscalateRequest, SharedProblem } from '@shared/api/leadership.ts';
import { Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { SupervisionFields } from './SupervisionFields.tsx';
import { shanghaiToday } from '@shared/shanghai-day.ts';

/** Escalates a shared problem to the chain leader: a 督办 item with an owner and a deadline. */
export function EscalateModal({
  shared,
  onClose,
  onSaved,
}: {
  shared: SharedProblem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EscalateRequest>();
  const action = useAction();
  useEffect(() => {
    if (shared) form.setFieldsValue({ title: shared.title, detail: shared.summary ?? undefined });
  }, [shared, form]);
  const save = async (values: EscalateRequest) => {
    if (!shared) return;
    const saved = await action.run(() =>
      api.POST('/shared-problems/{id}/escalate', {
        params: { path: { id: shared.id } },
        body: {
          ownerDepartmentId: values.ownerDepartmentId,
          deadline: values.deadline,
          ...(values.title?.trim() ? { title: values.title.trim() } : {}),
          detail: values.detail?.trim() || null,
        },
      }),
    );
    if (saved) onSaved();
  };
  return (
    <Modal
      open={shared !== null}
      title={t('leader.shared.escalate')}
      okText={t('leader.shared.escalate')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'escalate-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {shared && (
        <Typography.Paragraph type="secondary">
          <DataText>{shared.title}</DataText>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <SupervisionFields
          titleRequired={false}
          testPrefix="escalate"
          earliestDeadline={shanghaiToday()}
        />
      </Form>
    </Modal>
  );
}
