// Small string helpers shared by rules and fixes.

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two reused rows: this runs once per known id for every unknown reference.
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Candidates within `max` edits of `word`, closest first (ties keep input order). */
export function closest(word: string, candidates: Iterable<string>, max: number): string[] {
  return new Suggester(candidates).suggest(word, max);
}

const BUCKETS = 64;

function histogram(s: string): Uint8Array {
  const h = new Uint8Array(BUCKETS);
  for (let i = 0; i < s.length; i++) h[s.charCodeAt(i) % BUCKETS]++;
  return h;
}

/**
 * "Did you mean" over a fixed set of ids. Each edit changes a character
 * histogram by at most 2, so a cheap histogram distance rules out almost every
 * candidate before the edit distance is computed: unknown references in a
 * file with thousands of people stay linear.
 */
export class Suggester {
  private readonly items: { id: string; lower: string; hist: Uint8Array }[] = [];
  private readonly memo = new Map<string, string[]>();

  constructor(candidates: Iterable<string>) {
    for (const id of candidates) {
      const lower = id.toLowerCase();
      this.items.push({ id, lower, hist: histogram(lower) });
    }
  }

  suggest(word: string, max: number): string[] {
    const key = `${max}:${word}`;
    let out = this.memo.get(key);
    if (!out) this.memo.set(key, (out = this.compute(word, max)));
    return out;
  }

  private compute(word: string, max: number): string[] {
    const lower = word.toLowerCase();
    const hist = histogram(lower);
    const scored: { c: string; d: number; i: number }[] = [];
    this.items.forEach((item, i) => {
      if (item.id === word || Math.abs(item.lower.length - lower.length) > max) return;
      let l1 = 0;
      for (let b = 0; b < BUCKETS && l1 <= 2 * max; b++) l1 += Math.abs(item.hist[b] - hist[b]);
      if (l1 > 2 * max) return;
      const d = editDistance(lower, item.lower, max);
      if (d <= max) scored.push({ c: item.id, d, i });
    });
    return scored.sort((x, y) => x.d - y.d || x.i - y.i).map((s) => s.c);
  }
}


/** 'checkout-squad' -> 'Checkout Squad': a readable default name for a new entry. */
export function titleCase(id: string): string {
  return id
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
