import type { ProjectDetail, SpaceNeed, UpdateProjectRequest } from '@shared/api/projects.ts';
import { SPACE_KINDS } from '@shared/space-kinds.ts';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

const WAN = 10_000;

interface FormValues {
  name: string;
  investor?: string | null;
  nodeCode?: string | null;
  investmentWan?: number | null;
  expectedOutputWan?: number | null;
  outputStartYear?: number | null;
  spaceNeed?: SpaceNeed[];
  spaceNeededFrom?: string | null;
  nextAction?: string | null;
  nextActionOn?: string | null;
  notes?: string | null;
}

const toWan = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined ? null : yuan / WAN;
const toYuan = (wan: number | null | undefined) =>
  wan === null || wan === undefined ? null : wan * WAN;
const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** Creates a project by hand, or edits one (`project` given); money is entered in 万元. */
export function ProjectFormModal({
  open,
  project,
  chainCode,
  regionCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  project?: ProjectDetail;
  chainCode: string;
  regionCode: string;
  onClose: () => void;
  onSaved: (project: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const action = useAction();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      name: project?.name ?? '',
      investor: project?.investor ?? null,
      nodeCode: project?.node?.code ?? null,
      investmentWan: toWan(project?.investmentYuan),
      expectedOutputWan: toWan(project?.expectedOutputYuan),
      outputStartYear: project?.outputStartYear ?? null,
      spaceNeed: project?.spaceNeed ?? [],
      spaceNeededFrom: project?.spaceNeededFrom ?? null,
      nextAction: project?.nextAction ?? null,
      nextActionOn: project?.nextActionOn ?? null,
      notes: project?.notes ?? null,
    });
  }, [open, project, form]);

  const save = async (values: FormValues) => {
    const fields: UpdateProjectRequest = {
      name: values.name.trim(),
      investor: orNull(values.investor),
      nodeCode: values.nodeCode ?? null,
      investmentYuan: toYuan(values.investmentWan),
      expectedOutputYuan: toYuan(values.expectedOutputWan),
      outputStartYear: values.outputStartYear ?? null,
      spaceNeed: (values.spaceNeed ?? []).filter((need) => need.kind && need.areaM2 > 0),
      spaceNeededFrom: orNull(values.spaceNeededFrom),
      nextAction: orNull(values.nextAction),
      nextActionOn: orNull(values.nextActionOn),
      notes: orNull(values.notes),
    };
    const saved = await action.run(() =>
      project
        ? api.PATCH('/projects/{id}', { params: { path: { id: project.id } }, body: fields })
        : api.POST('/projects', { body: { ...fields, chainCode, regionCode } }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open={open}
      title={project ? t('invest.form.editTitle') : t('invest.form.newTitle')}
      okText={t('invest.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      okButtonProps={{ 'data-testid': 'form-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('invest.name')} rules={[{ required: true }]}>
          <Input data-testid="form-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="investor" label={t('invest.form.investor')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="nodeCode" label={t('invest.node')}>
            <NodeTreeSelect
              value={undefined}
              onChange={() => undefined}
              placeholder={t('invest.node')}
              stagesSelectable={false}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          {/* Out-of-range numbers are refused with a message, not silently clamped on blur. */}
          <Form.Item
            name="investmentWan"
            label={t('invest.form.investmentWan')}
            rules={[{ type: 'number', min: 0, message: t('invest.form.notNegative') }]}
          >
            <InputNumber style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="expectedOutputWan"
            label={t('invest.form.outputWan')}
            rules={[{ type: 'number', min: 0, message: t('invest.form.notNegative') }]}
          >
            <InputNumber style={{ width: 180 }} data-testid="form-output" />
          </Form.Item>
          <Form.Item
            name="outputStartYear"
            label={t('invest.form.outputStartYear')}
            rules={[
              { type: 'integer', min: 2000, max: 2100, message: t('invest.form.yearRange') },
            ]}
          >
            <InputNumber style={{ width: 140 }} data-testid="form-year" />
          </Form.Item>
        </Space>
        <Form.List name="spaceNeed">
          {(fields, { add, remove }) => (
            <Form.Item label={t('invest.form.spaceNeed')}>
              {fields.map((field) => (
                <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'kind']} noStyle rules={[{ required: true }]}>
                    <Select
                      style={{ width: 160 }}
                      options={SPACE_KINDS.map((kind) => ({
                        value: kind,
                        label: t(`space.${kind}`),
                      }))}
                      data-testid="form-space-kind"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'areaM2']} noStyle rules={[{ required: true }]}>
                    <InputNumber min={1} suffix="m²" data-testid="form-space-area" />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(field.name)}>
                    {t('invest.form.remove')}
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() => add({ kind: 'office', areaM2: 500 })}
                data-testid="form-space-add"
              >
                {t('invest.form.addSpace')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="spaceNeededFrom" label={t('invest.form.spaceFrom')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="nextAction" label={t('invest.form.nextAction')}>
            <Input style={{ width: 240 }} data-testid="form-next-action" />
          </Form.Item>
          <Form.Item name="nextActionOn" label={t('invest.form.nextActionOn')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('invest.form.notes')}>
          <Input.TextArea rows={3} data-testid="form-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
