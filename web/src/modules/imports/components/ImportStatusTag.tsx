import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

const COLORS: Record<string, string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  rolled_back: 'warning',
};

/** An import's status as a coloured label. */
export function ImportStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const known = ['running', 'done', 'failed', 'rolled_back'].find((s) => s === status);
  return (
    <Tag color={COLORS[status]} data-testid="import-status" data-content={known ? 'ui' : 'data'}>
      {known
        ? t(`imports.status.${known as 'running' | 'done' | 'failed' | 'rolled_back'}`)
        : status}
    </Tag>
  );
}
