import type { Scorecard } from '@shared/api/leadership.ts';
import { formatPercent, formatYuan } from '@shared/format.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { FigureCard } from './FigureCard.tsx';

/** The chain's output of the year against its target: progress, gap and growth still needed. */
export function OutputCard({ output, year }: { output: Scorecard['output']; year: number }) {
  const { t, locale } = useI18n();
  const figure = output.outputYuan;
  const dataYear = output.dataYear ?? year;
  return (
    <FigureCard
      name="output"
      label={t('scorecard.output', { year: dataYear })}
      value={formatYuan(figure.value, locale)}
      figure={figure}
    >
      {dataYear !== year && (
        <div className="scorecard-note">{t('scorecard.dataYear', { year, dataYear })}</div>
      )}
      <div className="scorecard-note">
        {figure.value === null
          ? t('scorecard.noOutput', { year })
          : output.targetYuan === null
            ? t('scorecard.noTarget')
            : t('scorecard.target', {
                target: formatYuan(output.targetYuan, locale),
                year: output.targetYear ?? '',
                progress: formatPercent(output.progress),
                gap: formatYuan(output.gapYuan, locale),
                growth: formatPercent(output.requiredGrowth),
              })}
      </div>
    </FigureCard>
  );
}
