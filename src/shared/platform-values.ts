// Plain values of the innovation platforms (创新平台) contract, without zod, so the web app can
// import them cheaply.

/** What kind of platform: 创新中心, 公共服务平台, 重点实验室, 工程(技术)研究中心, 孵化器/加速器, 其他. */
export const PLATFORM_KINDS = [
  'innovation_centre',
  'public_service',
  'key_lab',
  'engineering_centre',
  'incubator',
  'other',
] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

/** Who recognised it: 国家级, 省级, 市级, 区级. */
export const PLATFORM_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

/**
 * A platform's own yearly targets: firms served (家), projects incubated (个), R&D spend (yuan),
 * patents filed (件), services delivered (次).
 */
export const PLATFORM_METRICS = [
  'firms_served',
  'projects_incubated',
  'rd_spend_yuan',
  'patents_filed',
  'services_delivered',
] as const;
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];
