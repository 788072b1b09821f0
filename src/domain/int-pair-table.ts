/**
 * A map from pairs of non-negative 32-bit integers to non-negative integers, held in typed arrays
 * (open addressing, linear probing). Built once, then read on hot paths (a keyword automaton's
 * transitions, a learned model's features) without allocating or hashing strings.
 */
export class IntPairTable {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** 32 − log2(size): a slot is the top bits of the hash, which depend on every bit of the pair. */
  private readonly shift: number;

  /** `capacity`: how many pairs it will hold at most (the table keeps at least half empty). */
  constructor(capacity: number) {
    let size = 16;
    let bits = 4;
    while (size < capacity * 2) {
      size *= 2;
      bits++;
    }
    this.shift = 32 - bits;
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Sets the value of (a, b), replacing an earlier one. */
  set(a: number, b: number, value: number): void {
    const slot = this.slotOf(a, b);
    this.first[slot] = a;
    this.second[slot] = b;
    this.values[slot] = value;
  }

  /** The value of (a, b), or -1 when it has none. */
  get(a: number, b: number): number {
    const slot = this.slotOf(a, b);
    return this.first[slot] === -1 ? -1 : (this.values[slot] as number);
  }

  /** Where (a, b) is, or the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    let slot = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    for (;;) {
      const owner = this.first[slot] as number;
      if (owner === -1 || (owner === a && this.second[slot] === b)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
