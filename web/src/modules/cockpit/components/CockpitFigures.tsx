import { DefinedTerm } from '../../ui/components/DefinedTerm.tsx';
import type { ChainAnalysis, TargetProgress } from '@shared/api/analysis.ts';
import { formatNumber, formatPercent, formatYuan } from '@shared/format.ts';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { langOf } from '../../i18n/utils/langOf.ts';

/** "191.8 bn yuan" → the number and its unit, so the unit can wrap under the number, never cut. */
function splitUnit(text: string): { amount: string; unit: string } {
  const match = /^([-+]?[\d.,]+)\s+(.+)$/.exec(text);
  return match ? { amount: match[1] ?? text, unit: match[2] ?? '' } : { amount: text, unit: '' };
}

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  testId: string;
}) {
  const { amount, unit } = splitUnit(value);
  return (
    <div className="cockpit-figure" data-testid={testId}>
      <div className="cockpit-figure-label">{label}</div>
      <div className="cockpit-figure-value" title={value}>
        <span className="cockpit-figure-amount">{amount}</span>
        {unit !== '' && (
          <>
            {' '}
            <span className="cockpit-figure-unit">{unit}</span>
          </>
        )}
      </div>
      {note !== undefined && <div className="cockpit-figure-note">{note}</div>}
    </div>
  );
}

/**
 * The headline figures: output, the target and the growth it needs, enterprises, masters,
 * completeness, and the chain masters' average local supporting rate.
 */
export function CockpitFigures({
  analysis,
  target,
}: {
  analysis: ChainAnalysis;
  target: TargetProgress | undefined;
}) {
  const { t, locale } = useI18n();
  const lang = langOf(locale);
  const { totals, completeness } = analysis;
  return (
    <div className="cockpit-figures" data-testid="cockpit-figures">
      <Figure
        testId="figure-output"
        label={t('cockpit.output', { year: analysis.year })}
        value={formatYuan(totals.outputYuan, lang)}
        // The region's share of the chain's output in the registry belongs with its output (it
        // stood under the chain masters, where 占全国样本 100% read as if about them).
        // With no output elsewhere in the registry there is no share to give (not 100 %).
        note={[
          t('cockpit.growth', { growth: formatPercent(totals.growth, 1, true) }),
          ...(totals.nationalShare === null
            ? []
            : [t('cockpit.nationalShare', { share: formatPercent(totals.nationalShare) })]),
        ].join(' · ')}
      />
      <Figure
        testId="figure-target"
        label={target ? t('cockpit.targetOf', { year: target.year }) : t('cockpit.target')}
        value={target ? formatYuan(target.valueYuan, lang) : t('cockpit.noTarget')}
        note={
          target ? (
            <span data-testid="cockpit-gap" data-gap={target.gapYuan ?? ''}>
              {t('cockpit.progress', { progress: formatPercent(target.progress) })}
              <br />
              <DefinedTerm
                label={t('cockpit.gap', {
                  gap: formatYuan(Math.max(0, target.gapYuan ?? 0), lang),
                })}
                definition={t('gap.definition', {
                  year: target.year,
                  actualYear: target.actualYear ?? '—',
                })}
              />
            </span>
          ) : (
            ''
          )
        }
      />
      <Figure
        testId="figure-needed"
        label={t('cockpit.neededGrowth')}
        value={formatPercent(target?.requiredGrowth ?? null)}
        note={
          target
            ? t('cockpit.trendGrowth', { growth: formatPercent(target.trendGrowth) })
            : undefined
        }
      />
      <Figure
        testId="figure-enterprises"
        label={t('cockpit.enterprises')}
        value={formatNumber(totals.enterprises)}
        note={t('cockpit.reporting', { count: formatNumber(totals.reporting) })}
      />
      <Figure
        testId="figure-masters"
        label={t('cockpit.chainMasters')}
        value={formatNumber(totals.chainMasters)}
      />
      <Figure
        testId="figure-completeness"
        label={t('cockpit.completeness')}
        value={formatPercent(completeness.weighted)}
        note={t('cockpit.present', { present: completeness.present, total: completeness.total })}
      />
      <Figure
        testId="figure-local-rate"
        label={t('cockpit.localRate')}
        value={formatPercent(totals.chainMasterLocalRate.byCount)}
        note={
          <DefinedTerm
            label={
              totals.chainMasterLocalRate.masters === 0
                ? t('cockpit.localRateNone')
                : t('cockpit.localRateNote', {
                    count: totals.chainMasterLocalRate.masters,
                    amount: formatPercent(totals.chainMasterLocalRate.byAmount),
                  })
            }
            definition={t('ecology.rateDefinition')}
          />
        }
      />
      {/* 供需对接: open needs, and matches the office followed up this year. */}
      <Figure
        testId="figure-open-needs"
        label={t('cockpit.openNeeds')}
        value={formatNumber(analysis.matchmaking.openNeeds)}
        note={t('cockpit.openNeedsNote', { count: analysis.matchmaking.noLocalSupplier })}
      />
      <Figure
        testId="figure-matches"
        label={t('cockpit.matchesThisYear', { year: analysis.matchmaking.year })}
        value={formatNumber(analysis.matchmaking.matchesThisYear)}
        note={t('cockpit.matchesNote', { count: analysis.matchmaking.openOffers })}
      />
    </div>
  );
}
