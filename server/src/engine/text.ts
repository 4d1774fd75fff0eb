// Small string helpers shared by rules and fixes.

/**
 * Edit distance (optimal string alignment: an insertion, a deletion, a
 * substitution or a swap of two neighbours counts one), bounded: returns
 * max+1 as soon as it is exceeded. With a finite `max` only the cells within
 * `max` of the diagonal are computed, so two long ids cost
 * O(length × max), not O(length²) (the "did you mean" of issue 16).
 * `substitution` is what replacing one character costs (2: only insertions,
 * deletions and swaps, the edits of a likely typo).
 */
export function editDistance(a: string, b: string, max = Infinity, substitution = 1): number {
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > max) return max + 1;
  const band = Number.isFinite(max) ? max : m;
  const BIG = n + m + 1;
  // Three reused rows (a swap looks two rows back): this runs once per known id for every unknown reference.
  let older = new Array<number>(m + 2).fill(BIG);
  let prev = new Array<number>(m + 2).fill(BIG);
  let cur = new Array<number>(m + 2).fill(BIG);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    cur[lo - 1] = lo === 1 ? i : BIG;
    let best = cur[lo - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : substitution));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && ai !== bj) v = Math.min(v, older[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    cur[hi + 1] = BIG;
    if (best > max) return max + 1;
    [older, prev, cur] = [prev, cur, older];
  }
  return prev[m] > max ? max + 1 : prev[m];
}

/**
 * How far a likely typo of a `length`-character id may be from it (SPEC 4's
 * "close", issue 16): one edit under six characters, else two and under a
 * third of the length.
 */
export function typoLimit(length: number): number {
  return length < 6 ? 1 : Math.min(2, Math.ceil(length / 3) - 1);
}

const digitsOf = (s: string): string => s.replace(/[^0-9]/g, '');

/**
 * Whether `written` is a likely typo of `meant` rather than a lookalike (a
 * different word that happens to be near: ann/dan, ann/anna, alice-m/
 * alice-k, team-1/team-2). A likely typo differs only in case, or by at most
 * `typoLimit` (of the shorter word) letters left out, typed twice or swapped
 * with a neighbour, or, in a word of six characters or more, mistyped inside
 * a part of four letters or more (`seperated`). Under six characters only a
 * change of case, one swap of neighbours or one letter typed twice (`uxx`)
 * counts: a letter more, less or replaced in a short name makes another
 * name (ann/anna, jon/john). It never changes a number,
 * and keeps the first letter (or swaps it with the second). This is the one
 * meaning of "close" that makes a rename safe (SPEC 4).
 */
export function isLikelyTypo(written: string, meant: string): boolean {
  const a = written.toLowerCase();
  const b = meant.toLowerCase();
  if (a === b) return written !== meant;
  if (digitsOf(a) !== digitsOf(b)) return false;
  if (a[0] !== b[0] && !(a[0] === b[1] && a[1] === b[0])) return false;
  const shorter = Math.min(a.length, b.length);
  const limit = typoLimit(shorter);
  if (a.length === b.length) return sameLengthTypo(a, b, limit);
  if (shorter < 6) return a.length === b.length + 1 && typedTwice(a, b);
  // A replaced letter costs more than the limit, so only insertions, deletions and swaps fit.
  return Math.abs(a.length - b.length) <= limit && editDistance(a, b, limit, limit + 1) <= limit;
}

/** `a` is `b` with one letter typed twice (`uxx` -> `ux`). */
function typedTwice(a: string, b: string): boolean {
  for (let i = 1; i < a.length; i++) if (a[i] === a[i - 1] && a.slice(0, i) + a.slice(i + 1) === b) return true;
  return false;
}

/** The parts of an id: runs of letters (`alice-m` -> alice, m). */
const PART = /[a-z]+/g;

/** Same length: at most `limit` swaps of neighbours, or mistyped letters inside long parts of a long id. */
function sameLengthTypo(a: string, b: string, limit: number): boolean {
  const longPart = new Uint8Array(b.length);
  if (b.length >= 6) for (const m of b.matchAll(PART)) if (m[0].length >= 4) longPart.fill(1, m.index, m.index + m[0].length);
  let edits = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++edits > limit) return false;
    if (a[i] === b[i + 1] && a[i + 1] === b[i]) i++;
    else if (!longPart[i]) return false;
  }
  return edits > 0;
}

/**
 * The one fix a bulk fix may apply for a misspelt word: of the candidates,
 * the only one within `typoLimit` edits, when it is a likely typo and `taken`
 * (already in the same list) does not hold it. Two within the limit, a
 * lookalike or a taken one: nothing is safe, every candidate is a suggestion.
 */
export function safeCorrection(written: string, candidates: readonly string[], taken: (c: string) => boolean = () => false): string | undefined {
  const lower = written.toLowerCase();
  const close = candidates.filter((c) => {
    const limit = typoLimit(Math.min(written.length, c.length));
    return editDistance(lower, c.toLowerCase(), limit) <= limit;
  });
  if (close.length !== 1) return undefined;
  const c = close[0];
  return isLikelyTypo(written, c) && !taken(c) ? c : undefined;
}

/**
 * The message's hint, which names exactly what the safe fix would write
 * ("Did you mean 'x'?") and, when nothing is safe, the near ones without
 * implying that any of them is meant.
 */
export function didYouMean(candidates: readonly string[], safe: string | undefined, shown = 3): string {
  if (safe !== undefined) return ` Did you mean '${safe}'?`;
  if (!candidates.length) return '';
  return ` Similar: ${candidates
    .slice(0, shown)
    .map((c) => `'${c}'`)
    .join(', ')}.`;
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

/** Where one text differs from an earlier one: offsets before `start` stay, offsets from `oldEnd` on move by `by`. */
export interface TextShift {
  start: number;
  oldEnd: number;
  by: number;
}

/**
 * The one stretch two texts differ in (their common start and end left out);
 * undefined when they are the same. The common parts are found by halving,
 * comparing slices (the engine's own string comparison, not a loop over
 * characters): a keystroke in a 600 kB file costs a few hundredths of a millisecond.
 */
export function textShift(before: string, after: string): TextShift | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before.slice(lo, mid) === after.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const start = lo;
  let tail = 0;
  let most = max - start;
  while (tail < most) {
    const mid = (tail + most + 1) >> 1;
    if (before.slice(before.length - mid, before.length - tail) === after.slice(after.length - mid, after.length - tail)) tail = mid;
    else most = mid - 1;
  }
  return { start, oldEnd: before.length - tail, by: after.length - before.length };
}
