/** A region's path from its province down, as people read it: 江苏省·无锡市·新吴区. */
export function regionPathText(names: readonly string[]): string {
  return names.join('·');
}
