// What a keystroke changed in a section (people, products, teams): the parse
// cache hands every unchanged entry's pair to the next document as the same
// object (incremental.ts), and a section's key node too while its header is
// unchanged. So a walk over a section's entries can be kept with the
// section's key node and brought up to date by looking only at the entries
// that are new objects, as long as there are few of them and each kept its
// key (then which entry is the first of its key is unchanged too).

/** A section's entries when it was last walked, and each one's key as that walk compares keys. */
export interface SectionItems {
  items: unknown[];
  keys: (string | undefined)[];
}

/** A section's entries walked afresh: each one's key, and whether an entry before it has the same (undefined keys never repeat). */
export function walkAfresh(items: readonly unknown[], keyOf: (item: unknown) => string | undefined): SectionItems & { repeated: boolean[] } {
  const keys = items.map(keyOf);
  const seen = new Set<string>();
  const repeated = keys.map((k) => {
    if (k === undefined) return false;
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
  return { items: [...items], keys, repeated };
}

/** More new entries than this and the section is walked afresh. */
const FEW = 16;

/**
 * The indices of `items` that are not the objects `held` had, or undefined
 * when the section must be walked afresh: none held, another number of
 * entries, too many new ones, or a new one whose key differs. Updates `held`
 * to the new items when it gives indices.
 */
export function freshIndices(items: readonly unknown[], held: SectionItems | undefined, keyOf: (item: unknown) => string | undefined): number[] | undefined {
  const fresh = newIndices(items, held, keyOf);
  if (fresh) for (const i of fresh) held!.items[i] = items[i];
  return fresh;
}

/** freshIndices without updating `held`: the caller still needs the entries it had. */
export function newIndices(items: readonly unknown[], held: SectionItems | undefined, keyOf: (item: unknown) => string | undefined): number[] | undefined {
  if (!held || held.items.length !== items.length) return undefined;
  const fresh: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i] === held.items[i]) continue;
    if (fresh.length === FEW || keyOf(items[i]) !== held.keys[i]) return undefined;
    fresh.push(i);
  }
  return fresh;
}
