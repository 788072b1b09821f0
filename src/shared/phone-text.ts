/**
 * Whether text reads as phone numbers as people write them: digits with + - ( ) and spaces, an
 * extension (0510-85123456 转 8001, ext. 12), several split by , / 、 ; (a masked 138****0000 as
 * shown to some roles too), and at least five digits. Full-width forms count as their ASCII ones.
 */
export function isPhoneText(value: string): boolean {
  const folded = value.normalize('NFKC');
  return (
    /^[\d\s+\-()*#.,/;、转分机extEXT]+$/u.test(folded) && (folded.match(/\d/g)?.length ?? 0) >= 5
  );
}
