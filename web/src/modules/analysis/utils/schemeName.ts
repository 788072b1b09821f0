/** How the industry schemes people load are written (a scheme is any code the upload named). */
const SCHEME_NAMES: Readonly<Record<string, string>> = {
  gbt4754: 'GB/T 4754',
  naics2012: 'NAICS 2012',
  naics2017: 'NAICS 2017',
  naics2022: 'NAICS 2022',
  'us-cmp': 'US Cluster Mapping',
};

/** A loaded scheme's name as people write it: gbt4754 → GB/T 4754; an unknown code as it is. */
export function schemeName(scheme: string): string {
  return SCHEME_NAMES[scheme] ?? scheme;
}
