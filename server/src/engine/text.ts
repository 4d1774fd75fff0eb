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

/** Which characters occur (folded into 32 bits). */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Per word: at most this many ids looked at, histograms compared, and edit distances computed. */
export const SUGGEST_SCAN_LIMIT = 4_000;
export const SUGGEST_HISTOGRAM_LIMIT = 500;
export const SUGGEST_COMPARE_LIMIT = 100;

interface Item {
  id: string;
  lower: string;
  mask: number;
  hist: Uint8Array;
  /** Input order, for stable ties. */
  i: number;
}

/**
 * "Did you mean" over a fixed set of ids, bounded whatever the input. Ids are
 * indexed by length (an edit changes the length by at most one), and each
 * filter is cheaper than the next: a bit mask of the characters used (an edit
 * adds or removes at most one character from the set), then a character
 * histogram (an edit changes it by at most 2), and only then the edit
 * distance. The number of ids scanned and of distances computed per word is
 * capped, so thousands of misspelt ids in a file with thousands of people
 * stay linear.
 */
export class Suggester {
  private readonly byLength = new Map<number, Item[]>();
  private readonly memo = new Map<string, string[]>();

  constructor(candidates: Iterable<string>) {
    let i = 0;
    for (const id of candidates) {
      const lower = id.toLowerCase();
      const item = { id, lower, mask: charMask(lower), hist: histogram(lower), i: i++ };
      const list = this.byLength.get(lower.length);
      if (list) list.push(item);
      else this.byLength.set(lower.length, [item]);
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
    const mask = charMask(lower);
    let hist: Uint8Array | undefined;
    const scored: { c: string; d: number; i: number }[] = [];
    let scanned = 0;
    let compared = 0;
    let histograms = 0;
    // Nearest lengths first, so the caps cut the least likely ids.
    for (let delta = 0; delta <= max; delta++) {
      for (const len of delta === 0 ? [lower.length] : [lower.length - delta, lower.length + delta]) {
        for (const item of this.byLength.get(len) ?? []) {
          if (++scanned > SUGGEST_SCAN_LIMIT || compared >= SUGGEST_COMPARE_LIMIT || histograms >= SUGGEST_HISTOGRAM_LIMIT) return finish(scored);
          if (item.id === word || popcount(item.mask ^ mask) > 2 * max) continue;
          hist ??= histogram(lower);
          histograms++;
          let l1 = 0;
          for (let b = 0; b < BUCKETS && l1 <= 2 * max; b++) l1 += Math.abs(item.hist[b] - hist[b]);
          if (l1 > 2 * max) continue;
          compared++;
          const d = editDistance(lower, item.lower, max);
          if (d <= max) scored.push({ c: item.id, d, i: item.i });
        }
      }
    }
    return finish(scored);
  }
}

function finish(scored: { c: string; d: number; i: number }[]): string[] {
  return scored.sort((x, y) => x.d - y.d || x.i - y.i).map((s) => s.c);
}

/** 'checkout-squad' -> 'Checkout Squad': a readable default name for a new entry. */
export function titleCase(id: string): string {
  return id
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
