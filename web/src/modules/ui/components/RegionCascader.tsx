import type { Region } from '@shared/api/regions.ts';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { Locale } from '../../i18n/utils/Locale.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import { regionPathText } from '@shared/region-path.ts';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

const toOption = (region: Region, locale: Locale): RegionOption => ({
  value: region.code,
  label: nameIn(region.name, region.nameEn, locale),
  isLeaf: region.level === 'county' || region.level === 'custom',
});

/** The path of codes from province to `code`: 320214 → 32, 3202, 320214. */
function pathOf(code: string | undefined): string[] {
  if (!code) return [];
  return [code.slice(0, 2), code.slice(0, 4), code.slice(0, 6)].filter(
    (part, index, all) => part.length === 2 + 2 * index && all.indexOf(part) === index,
  );
}

async function children(parent: string | null, locale: Locale): Promise<RegionOption[]> {
  const query = parent ? { parent } : {};
  const list = await api.GET('/regions', { params: { query } });
  return list.items.map((region) => toOption(region, locale));
}

function attach(options: RegionOption[], path: string[], loaded: RegionOption[]): RegionOption[] {
  const [head, ...rest] = path;
  return options.map((option) => {
    if (option.value !== head) return option;
    if (rest.length === 0) return { ...option, children: loaded };
    return { ...option, children: attach(option.children ?? [], rest, loaded) };
  });
}

/** Province → city → district, loaded level by level from the regions API. */
export function RegionCascader({
  value,
  onChange,
  placeholder,
  allowClear = true,
  testId = 'filter-region',
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const initialPath = pathOf(value);
  const [firstPath] = useState(initialPath);

  useEffect(() => {
    let cancelled = false;
    // The provinces, and the levels down to a region already chosen (so its names show).
    void (async () => {
      let tree = await children(null, locale);
      for (let depth = 1; depth < firstPath.length; depth++) {
        const parents = firstPath.slice(0, depth);
        const parent = parents.at(-1) ?? null;
        tree = attach(tree, parents, await children(parent, locale));
      }
      if (!cancelled) setOptions(tree);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [firstPath, locale]);

  const loadData = (selected: RegionOption[]) => {
    const target = selected.at(-1);
    if (!target || target.children) return;
    void children(target.value, locale).then((loaded) =>
      setOptions((current) =>
        attach(
          current,
          selected.map((o) => o.value),
          loaded,
        ),
      ),
    );
  };

  return (
    <Cascader<RegionOption>
      options={options}
      loadData={loadData}
      value={initialPath}
      changeOnSelect
      allowClear={allowClear}
      placeholder={placeholder ?? t('enterprises.filter.region')}
      onChange={(path) => onChange(path?.at(-1)?.toString())}
      // 省·市·区, as a region is written everywhere else in the app.
      displayRender={(labels: string[]) => regionPathText(labels)}
      data-testid={testId}
    />
  );
}
