import { Space, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { DISTRICT_EMPTY, DISTRICT_STEPS } from '../utils/districtColours.ts';

/**
 * What each colour of the districts means: five equal steps of the largest value (the steps of
 * districtColours), and the colour of a district with none.
 */
export function DistrictLegend({
  max,
  format,
}: {
  max: number;
  format: (value: number) => string;
}) {
  const { t } = useI18n();
  if (max <= 0) return null;
  return (
    <Space wrap size="middle" data-testid="district-legend" style={{ marginTop: 8 }}>
      {DISTRICT_STEPS.map((colour, i) => (
        <Space key={colour} size={4} data-testid="district-legend-step">
          <span className="district-swatch" style={{ background: colour }} />
          <Typography.Text type="secondary">
            {/* Step i holds the values above i fifths of the largest, up to i + 1 fifths. */}
            {i === 0
              ? `≤ ${format(max / DISTRICT_STEPS.length)}`
              : `> ${format((max * i) / DISTRICT_STEPS.length)}`}
          </Typography.Text>
        </Space>
      ))}
      <Space size={4}>
        <span className="district-swatch" style={{ background: DISTRICT_EMPTY }} />
        <Typography.Text type="secondary">{t('map.legendNone')}</Typography.Text>
      </Space>
    </Space>
  );
}
