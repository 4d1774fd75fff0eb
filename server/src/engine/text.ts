// Small string helpers shared by rules and fixes.

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Candidates within `max` edits of `word`, closest first (ties keep input order). */
export function closest(word: string, candidates: Iterable<string>, max: number): string[] {
  const scored: { c: string; d: number; i: number }[] = [];
  let i = 0;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), max);
    if (d <= max && c !== word) scored.push({ c, d, i });
    i++;
  }
  return scored.sort((x, y) => x.d - y.d || x.i - y.i).map((s) => s.c);
}

export function quoteList(ids: string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

/** 'checkout-squad' -> 'Checkout Squad': a readable default name for a new entry. */
export function titleCase(id: string): string {
  return id
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
