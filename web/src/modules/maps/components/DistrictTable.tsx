import type { DistrictFigures } from '@shared/api/maps.ts';
import { Table, Tag } from 'antd';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';

type District = DistrictFigures['districts'][number];

/** The same figures as the map or treemap, one row per district, with its parks. */
export function DistrictTable({
  figures,
  colours,
  valueText,
}: {
  figures: DistrictFigures;
  colours: Map<string, string>;
  valueText: (district: District, metric: 'enterprises' | 'output') => string;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<District>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={figures.districts}
      data-testid="district-table"
      columns={[
        {
          key: 'district',
          title: t('map.district'),
          render: (_, d) => (
            <span data-testid="district-name" data-code={d.code} data-colour={colours.get(d.code)}>
              <span className="district-swatch" style={{ background: colours.get(d.code) }} />
              <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>
            </span>
          ),
        },
        {
          key: 'enterprises',
          title: t('map.enterprises'),
          align: 'right',
          sorter: (a, b) => a.enterprises - b.enterprises,
          render: (_, d) => <span data-testid="district-enterprises">{d.enterprises}</span>,
        },
        {
          key: 'output',
          title: t('map.year', { year: figures.year }),
          align: 'right',
          sorter: (a, b) => (a.outputYuan ?? -1) - (b.outputYuan ?? -1),
          render: (_, d) => valueText(d, 'output'),
        },
        {
          key: 'parks',
          title: t('map.parks'),
          render: (_, d) =>
            figures.parks
              .filter((p) => p.districtCode === d.code)
              .map((p) => (
                <Tag key={p.id}>
                  <DataText>{nameIn(p.name, p.nameEn, locale)}</DataText>
                </Tag>
              )),
        },
      ]}
    />
  );
}
