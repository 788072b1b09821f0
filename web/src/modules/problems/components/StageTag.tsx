import type { ProblemStage } from '@shared/problem-stages.ts';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { STAGE_COLORS, stageName } from '../utils/problemNames.ts';

/** A problem's stage as a coloured tag, in the interface's language. */
export function StageTag({ stage }: { stage: ProblemStage }) {
  const { locale } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage]} data-content="ui" data-stage={stage}>
      {stageName(stage, locale)}
    </Tag>
  );
}
