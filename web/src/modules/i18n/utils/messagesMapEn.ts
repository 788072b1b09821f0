import type { messagesMapZh } from './messagesMapZh.ts';

/** District maps, the boundary upload and region names in English, key for key with messagesMapZh. */
export const messagesMapEn: Record<keyof typeof messagesMapZh, string> = {
  'map.title': 'Districts',
  'map.subtitle': "The chain's enterprises and output by district; parks shown in their district",
  'map.region': 'Region',
  'map.metric': 'Colour by',
  'map.metric.enterprises': 'Enterprises',
  'map.metric.output': 'Output',
  'map.year': 'Output in {year}',
  'map.district': 'District',
  'map.enterprises': 'Enterprises',
  'map.output': 'Output',
  'map.parks': 'Parks',
  'map.noOutput': 'not reported',
  'map.legendNone': 'none',
  'map.treemapNote':
    "No district boundaries are uploaded for this region, so a treemap shows the figures. An admin can upload the office's approved boundaries (GeoJSON) under Administration · District boundaries.",
  'map.mapNote':
    "Boundaries uploaded by the office ({date}). Parks have no coordinates: each stands at its district's centre.",
  'map.parksNote': 'Parks have no coordinates: they are listed under their district.',
  'map.noDistricts': 'The region has no districts',
};
