import type { ProblemDetail } from '@shared/api/problems.ts';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** Add a comment to a problem: it joins the timeline and leaves the stage as it is. */
export function ProblemComment({
  problem,
  onDone,
}: {
  problem: ProblemDetail;
  onDone: (problem: ProblemDetail) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async () => {
    const done = await action.run(() =>
      api.POST('/problems/{id}/comments', {
        params: { path: { id: problem.id } },
        body: { note: note.trim() },
      }),
    );
    if (done) {
      setNote('');
      onDone(done);
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('problems.comments.placeholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={5000}
        data-testid="comment-input"
      />
      <Button
        type="primary"
        disabled={note.trim().length === 0}
        loading={action.busy}
        onClick={() => void submit()}
        data-testid="comment-add"
      >
        {t('problems.comments.add')}
      </Button>
    </Space.Compact>
  );
}
