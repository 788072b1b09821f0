import { formatDateTime, formatNumber } from '@shared/format.ts';
import type { ProblemDetail } from '@shared/api/problems.ts';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography, Upload } from 'antd';
import { api, apiUrl, asFormData } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** A problem's files: download each, upload more, delete one's own (the office any). */
export function ProblemAttachments({
  problem,
  onChanged,
}: {
  problem: ProblemDetail;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const canAct = useCan('problem:act');
  const action = useAction();
  const ref = (attachmentId: number) => ({ path: { id: problem.id, attachmentId } });
  const canDelete = (uploadedBy: string) =>
    user !== null &&
    (user.role === 'office' ||
      user.role === 'admin' ||
      (user.displayName ?? user.username) === uploadedBy);

  const upload = async (file: File) => {
    const done = await action.run(() =>
      api.POST('/problems/{id}/attachments', {
        params: { path: { id: problem.id } },
        body: { file },
        bodySerializer: asFormData,
      }),
    );
    if (done !== undefined) onChanged();
  };
  const remove = async (attachmentId: number) => {
    await action.run(() =>
      api.DELETE('/problems/{id}/attachments/{attachmentId}', { params: ref(attachmentId) }),
    );
    onChanged();
  };

  return (
    <Card
      size="small"
      title={t('problems.attachments')}
      data-testid="problem-attachments"
      extra={
        canAct &&
        !problem.attachmentsHidden && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={action.busy}>
              {t('problems.attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {problem.attachmentsHidden ? (
        <Typography.Text type="secondary">{t('problems.attachments.hidden')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={problem.attachments}
          locale={{ emptyText: t('problems.attachments.none') }}
          renderItem={(file) => (
            <List.Item
              actions={
                canDelete(file.uploadedBy)
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
                href={apiUrl('/problems/{id}/attachments/{attachmentId}', ref(file.id))}
                download={file.fileName}
                data-testid="attachment-link"
              >
                <PaperClipOutlined /> <DataText>{file.fileName}</DataText>
              </a>
              <Typography.Text type="secondary">
                {formatNumber(file.sizeBytes / 1024, 1)} KB · <DataText>{file.uploadedBy}</DataText>{' '}
                · {formatDateTime(file.uploadedAt, locale)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
