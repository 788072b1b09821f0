import { DataText } from '../../i18n/components/Phrase.tsx';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '@shared/api/projects.ts';
import { Button, Card, List, Upload } from 'antd';
import { api, apiUrl, asFormData } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** A project's files: download each, upload more, delete (for those who edit projects). */
export function AttachmentsPanel({
  project,
  onChanged,
}: {
  project: ProjectDetail;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const canWrite = useCan('project:write');
  const action = useAction();
  const attachment = (attachmentId: number) => ({
    params: { path: { id: project.id, attachmentId } },
  });

  const upload = async (file: File) => {
    const done = await action.run(() =>
      api.POST('/projects/{id}/attachments', {
        params: { path: { id: project.id } },
        body: { file },
        bodySerializer: asFormData,
      }),
    );
    if (done !== undefined) onChanged();
  };
  const remove = async (id: number) => {
    await action.run(() => api.DELETE('/projects/{id}/attachments/{attachmentId}', attachment(id)));
    onChanged();
  };

  return (
    <Card
      size="small"
      title={t('invest.attachments')}
      data-testid="attachments"
      extra={
        canWrite && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={action.busy}>
              {t('invest.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={project.attachments}
        locale={{ emptyText: t('invest.noAttachments') }}
        renderItem={(file) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <Button
                      key="delete"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => void remove(file.id)}
                    />,
                  ]
                : []
            }
          >
            <a
              href={apiUrl('/projects/{id}/attachments/{attachmentId}', attachment(file.id).params)}
              download={file.fileName}
              data-testid="attachment-link"
            >
              <PaperClipOutlined /> {file.fileName}
            </a>
            <span className="invest-muted">
              {(file.sizeBytes / 1024).toFixed(1)} KB · <DataText>{file.uploadedBy}</DataText>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
