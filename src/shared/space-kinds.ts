// Plain values of the park contract, without zod, so the web app can import them cheaply.

/** The kinds of park space a unit offers and a project needs. */
export const SPACE_KINDS = ['wet_lab', 'gmp_plant', 'office', 'warehouse'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const SPACE_KIND_NAMES: Readonly<Record<SpaceKind, { zh: string; en: string }>> = {
  wet_lab: { zh: '湿实验室', en: 'wet lab' },
  gmp_plant: { zh: 'GMP 厂房', en: 'GMP plant' },
  office: { zh: '办公', en: 'office' },
  warehouse: { zh: '仓储', en: 'warehouse' },
};
