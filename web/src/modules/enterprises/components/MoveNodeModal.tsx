import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** Choose the node an enterprise moves to from `fromName`, on that node's own chain. */
export function MoveNodeModal({
  fromName,
  fromCode,
  onMove,
  onCancel,
}: {
  fromName: string;
  fromCode: string;
  onMove: (target: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('classification.moveTitle')}
      okText={t('classification.move')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !target || target === fromCode, loading: busy }}
      onCancel={onCancel}
      onOk={() => {
        if (!target) return;
        setBusy(true);
        void onMove(target).finally(() => setBusy(false));
      }}
    >
      <Typography.Paragraph>
        {t('classification.moveFrom', { node: fromName })}
      </Typography.Paragraph>
      <NodeTreeSelect
        value={target}
        onChange={setTarget}
        placeholder={t('classification.moveTo')}
        stagesSelectable={false}
        testId="move-target"
        // A firm may sit on several chains: it moves within the chain of this placement.
        chainCode={fromCode.split('.')[0]}
      />
    </Modal>
  );
}
