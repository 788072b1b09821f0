import { describe, expect, it } from 'vitest';
import { settlePrimary, type SettlablePlacement } from './primary-placement.ts';

const place = (nodeId: number, decision: string, score: number, isPrimary = false) =>
  ({ nodeId, decision, score, isPrimary }) satisfies SettlablePlacement;
const sortOrder = new Map([
  [1, 30],
  [2, 20],
  [3, 10],
]);
const primaryOf = (placements: SettlablePlacement[]) =>
  settlePrimary(placements, (id) => sortOrder.get(id) ?? 0)
    .filter((p) => p.isPrimary)
    .map((p) => p.nodeId);

describe('settlePrimary (the rule settlePrimaryPlacements applies in SQL)', () => {
  it('prefers a confirmed placement over a proposed uncertain one', () => {
    expect(primaryOf([place(1, 'uncertain', 0.9, true), place(2, 'confirmed', 0.5)])).toEqual([2]);
  });
  it('keeps the proposed primary among placements of the same decision', () => {
    expect(primaryOf([place(1, 'confirmed', 0.5, true), place(2, 'confirmed', 0.9)])).toEqual([1]);
  });
  it('then the higher score as stored (a 4-byte real), the template order, the node id', () => {
    expect(primaryOf([place(1, 'confirmed', 0.5), place(2, 'confirmed', 0.7)])).toEqual([2]);
    // Equal once stored as real: the node earlier in the template wins.
    expect(primaryOf([place(1, 'confirmed', 0.7000000001), place(3, 'confirmed', 0.7)])).toEqual([
      3,
    ]);
    expect(primaryOf([place(1, 'confirmed', 0.7), place(2, 'confirmed', 0.7)])).toEqual([2]);
  });
  it('makes no rejected placement primary', () => {
    expect(primaryOf([place(1, 'rejected', 0.9, true), place(2, 'rejected', 0.2)])).toEqual([]);
    expect(primaryOf([place(1, 'rejected', 0.9, true), place(2, 'uncertain', 0.2)])).toEqual([2]);
  });
});
