import { DataText } from '../../i18n/components/Phrase.tsx';
import type { LqQuery } from '@shared/api/statistics.ts';
import { Select, Space } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { LoadedStats } from '../hooks/useLoadedStats.ts';
import { schemeName } from '../utils/schemeName.ts';

// The API's values (types come from the contract; the zod schemas stay out of the bundle).
const DENOMINATORS: LqQuery['denominator'][] = ['total', 'same-type'];
const MEASURES: LqQuery['measure'][] = ['employment', 'output'];

/** The region choice that asks for every region (the page otherwise opens on the home region). */
export const ALL_REGIONS = 'all';

export interface LqChoice {
  scheme: string | undefined;
  year: number | undefined;
  denominator: LqQuery['denominator'];
  measure: LqQuery['measure'];
  region: string | undefined;
  industry: string | undefined;
}

/** The choices of the location-quotient page, from what is loaded. */
export function LqFilters({
  choice,
  loaded,
  industries,
  onChange,
}: {
  choice: LqChoice;
  loaded: LoadedStats;
  industries: { code: string; name: string | null }[];
  onChange: (change: Partial<LqChoice>) => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap className="filter-bar" data-testid="lq-filters">
      <Select
        value={choice.scheme}
        style={{ width: 140 }}
        aria-label={t('analysis.scheme')}
        options={loaded.schemes.map((s) => ({
          value: s,
          label: <DataText>{schemeName(s)}</DataText>,
        }))}
        onChange={(scheme) => onChange({ scheme, year: undefined, region: undefined })}
        data-testid="lq-scheme"
      />
      <Select
        value={choice.year}
        style={{ width: 100 }}
        aria-label={t('analysis.year')}
        options={loaded.yearsOf(choice.scheme).map((y) => ({ value: y, label: String(y) }))}
        onChange={(year) => onChange({ year })}
        data-testid="lq-year"
      />
      <Select
        value={choice.denominator}
        style={{ width: 170 }}
        options={DENOMINATORS.map((d) => ({
          value: d,
          label: t(`analysis.denominator.${d}`),
        }))}
        onChange={(denominator) => onChange({ denominator })}
        data-testid="lq-denominator"
      />
      <Select
        value={choice.measure}
        style={{ width: 130 }}
        options={MEASURES.map((m) => ({ value: m, label: t(`analysis.measure.${m}`) }))}
        onChange={(measure) => onChange({ measure })}
        data-testid="lq-measure"
      />
      <Select
        value={choice.region}
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 180 }}
        placeholder={t('analysis.allRegions')}
        options={loaded.regionsOf(choice.scheme).map((r) => ({
          value: r.regionCode,
          label: r.regionName ? `${r.regionName} ${r.regionCode}` : r.regionCode,
        }))}
        onChange={(region?: string) =>
          onChange({ region: region ?? ALL_REGIONS, industry: undefined })
        }
        // The list shows codes to search by; the chosen region reads by its name.
        labelRender={(p) => (
          <DataText>
            {loaded.regionsOf(choice.scheme).find((r) => r.regionCode === p.value)?.regionName ??
              p.label}
          </DataText>
        )}
        data-testid="lq-region"
      />
      <Select
        value={choice.industry}
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 200 }}
        placeholder={t('analysis.allIndustries')}
        options={industries.map((i) => ({
          value: i.code,
          label: i.name ? `${i.code} ${i.name}` : i.code,
        }))}
        onChange={(industry?: string) => onChange({ industry })}
        data-testid="lq-industry"
      />
    </Space>
  );
}
