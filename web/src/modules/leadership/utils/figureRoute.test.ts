import { describe, expect, it } from 'vitest';
import { figureRoute } from './figureRoute.ts';

describe('figureRoute', () => {
  it('maps the API links of the scorecard to web pages', () => {
    expect(figureRoute('/projects?chain=biomed&region=3202&stage=signed')).toBe(
      '/investment/projects?chain=biomed&region=3202&stage=signed',
    );
    expect(figureRoute('/supervision?chain=biomed&state=done')).toBe(
      '/leader?chain=biomed&state=done&tab=supervision',
    );
    expect(figureRoute('/leader?kind=visit&from=2025-01-01')).toBe(
      '/leader?kind=visit&from=2025-01-01&tab=activities',
    );
    expect(figureRoute('/problems?chain=biomed&receivedFrom=2025-01-01')).toBe(
      '/problems?chain=biomed&receivedFrom=2025-01-01',
    );
    expect(figureRoute('/chain-map?chain=biomed&region=3202&year=2025')).toBe(
      '/chain-map?chain=biomed&region=3202&year=2025',
    );
  });
});
