import type { messagesEcoFormsZh } from './messagesEcoFormsZh.ts';

/** Link and outcome forms, and a chain master's network on the chain map, in English. */
export const messagesEcoFormsEn: Record<keyof typeof messagesEcoFormsZh, string> = {
  'ecoForms.network': 'Chain master network',
  'ecoForms.networkPick': 'Choose a chain master to mark its suppliers and customers on the map',
  'ecoForms.networkSummary':
    '{master}: {partners} partners on {nodes} nodes (local {local} · elsewhere {elsewhere})',
  'ecoForms.networkNode': 'local {local} · elsewhere {elsewhere}',
  'ecoForms.networkTip':
    'Chain master partners: suppliers local {sl} · elsewhere {se}; customers local {cl} · elsewhere {ce}',
  'ecoForms.addLink': 'Record a link',
  'ecoForms.kind': 'Kind',
  'ecoForms.kind.supplies': 'Supplies',
  'ecoForms.kind.serves': 'Serves (CRO/CDMO)',
  'ecoForms.kind.owns': 'Owns',
  'ecoForms.kind.cooperates': 'Cooperates',
  'ecoForms.from': 'Supplier / provider / owner / partner',
  'ecoForms.to': 'Buyer / client / owned firm / partner',
  'ecoForms.search': 'Type an enterprise name',
  'ecoForms.product': 'Product or service',
  'ecoForms.share': "Share of the buyer's purchases (%)",
  'ecoForms.amount': 'Yearly amount (yuan)',
  'ecoForms.validFrom': 'Valid from',
  'ecoForms.saved': 'Saved',
  'ecoForms.required': 'Required',
  'ecoForms.close': 'Close need',
  'ecoForms.closeConfirm': 'A closed need takes no more matches. Close it?',
};
