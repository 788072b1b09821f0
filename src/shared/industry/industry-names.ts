import { GBT4754_2017_NAMES } from './gbt4754-2017.gen.ts';

let byCode: Map<string, string> | null = null;

/**
 * The GB/T 4754-2017 name of a section, division, group or class code ('2761' → 生物药品制造),
 * or null for a code the standard does not have. Built on first use.
 */
export function gbt4754Name(code: string): string | null {
  byCode ??= new Map(GBT4754_2017_NAMES);
  return byCode.get(code.trim().toUpperCase()) ?? null;
}

/** Whether a statistics scheme's codes are GB/T 4754 (gbt4754, GBT4754-2017, GB/T 4754 …). */
export function isGbt4754Scheme(scheme: string): boolean {
  return /^gb\/?t ?4754/i.test(scheme.trim());
}
