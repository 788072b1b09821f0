import type { ProblemDetail } from '@shared/api/problems.ts';
import {
  SATISFACTION_LEVELS,
  type ProblemAction,
  type Satisfaction,
} from '@shared/problem-stages.ts';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { api } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { useProblemLookups } from '../hooks/useProblemLookups.ts';
import { actionName, satisfactionName } from '../utils/problemNames.ts';

interface ActionForm {
  note?: string;
  departmentId?: number;
  assigneeName?: string;
  workingDays?: number;
  satisfaction?: Satisfaction;
}

/** What the note of an action is, and whether the action needs it (null: it takes no note). */
function noteOf(action: ProblemAction): { label: MessageKey; required: boolean } | null {
  switch (action) {
    case 'return':
    case 'decline':
    case 'suspend':
    case 'reject_extension':
    case 'request_extension':
      return { label: 'problems.action.reason', required: true };
    case 'answer':
      return { label: 'problems.action.answer', required: true };
    case 'rate':
      return { label: 'problems.action.comment', required: false };
    case 'accept':
    case 'start':
    case 'resume':
    case 'approve_extension':
    case 'close':
    case 'reopen':
    case 'assign':
      return { label: 'problems.action.note', required: false };
  }
}

/** A small form asking exactly what one action needs, then taking it. */
export function ActionModal({
  problem,
  action,
  onClose,
  onDone,
}: {
  problem: ProblemDetail;
  action: ProblemAction | null;
  onClose: () => void;
  onDone: (problem: ProblemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ActionForm>();
  const write = useAction();
  const { departments } = useProblemLookups();
  const required = [{ required: true, message: t('problems.form.required') }];
  const note = action ? noteOf(action) : null;

  const submit = async (values: ActionForm) => {
    if (!action) return;
    const done = await write.run(() =>
      api.POST('/problems/{id}/actions', {
        params: { path: { id: problem.id } },
        body: {
          action,
          note: values.note?.trim() || undefined,
          departmentId: values.departmentId,
          assigneeName: values.assigneeName?.trim() || undefined,
          workingDays: values.workingDays,
          satisfaction: values.satisfaction,
        },
      }),
    );
    if (done) {
      form.resetFields();
      onDone(done);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? actionName(action, locale) : ''}
      okText={t('problems.action.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={write.busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'action-confirm' }}
      destroyOnHidden
    >
      <Form<ActionForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        data-testid="action-form"
        initialValues={{ departmentId: problem.department?.id }}
      >
        {action === 'assign' && (
          <>
            <Form.Item name="departmentId" label={t('problems.action.department')} rules={required}>
              <Select
                showSearch
                optionFilterProp="title"
                data-testid="action-department"
                options={departments.map((d) => ({
                  value: d.id,
                  title: `${d.name} ${d.nameEn ?? ''}`,
                  label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
                }))}
              />
            </Form.Item>
            <Form.Item name="assigneeName" label={t('problems.action.assignee')}>
              <Input maxLength={100} data-testid="action-assignee" />
            </Form.Item>
          </>
        )}
        {action === 'request_extension' && (
          <Form.Item name="workingDays" label={t('problems.action.workingDays')} rules={required}>
            <InputNumber min={1} max={60} precision={0} data-testid="action-days" />
          </Form.Item>
        )}
        {action === 'rate' && (
          <Form.Item name="satisfaction" label={t('problems.action.satisfaction')} rules={required}>
            <Radio.Group data-testid="action-satisfaction">
              {SATISFACTION_LEVELS.map((level) => (
                <Radio.Button key={level} value={level} data-level={level}>
                  {satisfactionName(level, locale)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {note && (
          <Form.Item
            name="note"
            label={t(note.label)}
            rules={note.required ? [{ ...required[0], whitespace: true }] : []}
          >
            <Input.TextArea rows={3} maxLength={5000} data-testid="action-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
