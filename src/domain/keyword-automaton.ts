import { IntPairTable } from './int-pair-table.ts';

/**
 * Aho–Corasick automaton: finds every occurrence of many keywords in one pass over a text, so
 * classifying an enterprise costs the length of its text, not the number of keywords.
 */
export interface KeywordHit<T> {
  start: number;
  end: number;
  keyword: string;
  payloads: readonly T[];
}

interface State<T> {
  /** Transitions by UTF-16 code unit (numbers hash faster than one-character strings). */
  next: Map<number, number>;
  fail: number;
  /** Keywords ending here (own, and through the fail chain), with their payloads. */
  outputs: { keyword: string; payloads: T[] }[];
}

export class KeywordAutomaton<T> {
  private readonly states: State<T>[] = [{ next: new Map(), fail: 0, outputs: [] }];
  private built = false;
  /** The root's transitions by UTF-16 code unit (-1: none), filled when the automaton is built. */
  private readonly rootNext = new Int32Array(0x10000).fill(-1);
  /** Every other state's transitions, keyed by (state, code unit), filled when it is built. */
  private transitions = new IntPairTable(0);

  /** Adds a keyword (matched as given; callers normalise case) with a payload. */
  add(keyword: string, payload: T): void {
    if (this.built) throw new Error('KeywordAutomaton: add() after the first search');
    if (keyword.length === 0) return;
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const ch = keyword.charCodeAt(i);
      const current = this.states[state];
      if (!current) throw new Error('corrupt automaton');
      let target = current.next.get(ch);
      if (target === undefined) {
        target = this.states.length;
        this.states.push({ next: new Map(), fail: 0, outputs: [] });
        current.next.set(ch, target);
      }
      state = target;
    }
    const end = this.states[state];
    if (!end) throw new Error('corrupt automaton');
    const own = end.outputs.find((o) => o.keyword === keyword);
    if (own) own.payloads.push(payload);
    else end.outputs.push({ keyword, payloads: [payload] });
  }

  private build(): void {
    const queue: number[] = [];
    const root = this.states[0];
    if (!root) return;
    for (const [ch, child] of root.next) {
      this.rootNext[ch] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const index = queue[head] ?? 0;
      const state = this.states[index];
      if (!state) continue;
      for (const [ch, child] of state.next) {
        let fail = state.fail;
        while (fail !== 0 && !this.states[fail]?.next.has(ch)) fail = this.states[fail]?.fail ?? 0;
        const candidate = this.states[fail]?.next.get(ch);
        const childState = this.states[child];
        if (!childState) continue;
        childState.fail = candidate !== undefined && candidate !== child ? candidate : 0;
        childState.outputs.push(...(this.states[childState.fail]?.outputs ?? []));
        queue.push(child);
      }
    }
    let count = 0;
    for (const state of this.states) count += state.next.size;
    this.transitions = new IntPairTable(count);
    this.states.forEach((state, index) => {
      if (index === 0) return;
      for (const [ch, child] of state.next) this.transitions.set(index, ch, child);
    });
    this.built = true;
  }

  /** Every keyword occurrence in `text`, by position (UTF-16 offsets). */
  search(text: string): KeywordHit<T>[] {
    if (!this.built) this.build();
    const hits: KeywordHit<T>[] = [];
    const { states, rootNext, transitions } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // Inside a keyword: follow its transitions, falling back along the fail links.
      let target = -1;
      while (state !== 0) {
        target = transitions.get(state, ch);
        if (target !== -1) break;
        state = (states[state] as State<T>).fail;
      }
      // At the root (most characters of a text): one array read.
      state = state === 0 ? Math.max(0, rootNext[ch] ?? -1) : target;
      if (state === 0) continue;
      const outputs = (states[state] as State<T>).outputs;
      for (let o = 0; o < outputs.length; o++) {
        const output = outputs[o] as State<T>['outputs'][number];
        hits.push({
          start: i + 1 - output.keyword.length,
          end: i + 1,
          keyword: output.keyword,
          payloads: output.payloads,
        });
      }
    }
    return hits;
  }
}
