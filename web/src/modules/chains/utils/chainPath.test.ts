import { describe, expect, it } from 'vitest';
import { chainPagePath, switchChainPath } from './chainPath.ts';

describe('chain page addresses', () => {
  it('puts the chain first and maps the older flat addresses', () => {
    expect(chainPagePath('ic', '/')).toBe('/chains/ic');
    expect(chainPagePath('ic', '/chain-map?region=3202')).toBe('/chains/ic/map?region=3202');
    expect(chainPagePath('ic', '/analysis/compare')).toBe('/chains/ic/analysis/compare');
    expect(chainPagePath('ic', '/investment/projects?open=4')).toBe(
      '/chains/ic/investment/projects?open=4',
    );
  });

  it('switches chain on the same page, carrying the region and no other filter', () => {
    expect(switchChainPath('/chains/biomed/map', '?region=3205&node=biomed.up.api', 'ic')).toBe(
      '/chains/ic/map?region=3205',
    );
    expect(switchChainPath('/chains/biomed', '', 'ic')).toBe('/chains/ic');
    expect(switchChainPath('/parks/3', '?region=3202', 'ic')).toBe('/chains/ic?region=3202');
  });
});
