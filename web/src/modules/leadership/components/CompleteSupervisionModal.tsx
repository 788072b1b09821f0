import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * Asks before a 督办 item is marked done, with an optional note of the result (it joins the item's
 * progress notes). `draft` fills the note: progress typed but not yet reported is not lost. Give
 * it a new `key` each time it opens, so the note starts again from the draft.
 */
export function CompleteSupervisionModal({
  open,
  title,
  draft,
  busy,
  onComplete,
  onCancel,
}: {
  open: boolean;
  /** The item's title, to say which item is being closed. */
  title: string;
  draft: string;
  busy: boolean;
  onComplete: (note: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  // The note starts from the draft when the modal mounts: the page gives it a new key each time.
  const [note, setNote] = useState(draft);
  return (
    <Modal
      open={open}
      title={t('leader.supervision.completeTitle')}
      okText={t('leader.supervision.completeOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'supervision-complete-confirm' }}
      cancelButtonProps={{ 'data-testid': 'supervision-complete-cancel' }}
      onOk={() => onComplete(note.trim() || null)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="supervision-complete-modal">
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          <DataText>{title}</DataText>
        </Typography.Paragraph>
        <Typography.Paragraph>{t('leader.supervision.completeAsk')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('leader.supervision.completeNoteLabel')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('leader.supervision.completeNotePlaceholder')}
          aria-label={t('leader.supervision.completeNoteLabel')}
          data-testid="supervision-complete-note"
        />
      </div>
    </Modal>
  );
}
