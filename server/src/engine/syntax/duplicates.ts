// Duplicate keys, found in one linear walk. yaml's own `uniqueKeys` check
// compares every new key with every earlier one of its map, which is
// quadratic: on an 80k-line file with thousands of people it cost more than
// the whole rest of the parse. Ids are map keys, so this check matters.
//
// An entry's repeated keys are kept with its nodes (which are never changed,
// only moved, by the parse cache), so a keystroke walks the entry it changed
// and the sections' keys, not the whole file. Errors take the keys' current
// ranges.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node } from 'yaml';
import { memo } from '../memo';

/** The repeated keys inside an entry's value (level 2: an entry of a section, or a top-level value's item). */
const entryDuplicates = memo<Node, Node[]>('productteam.duplicates.entry');

function collect(node: unknown, level: number, out: Node[]): void {
  if (level === 2 && (isMap(node) || isSeq(node))) {
    let found = entryDuplicates.get(node);
    if (!found) {
      found = [];
      walk(node, level, found);
      entryDuplicates.set(node, found);
    }
    for (const key of found) out.push(key);
    return;
  }
  walk(node, level, out);
}

function walk(node: unknown, level: number, out: Node[]): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key as Node | null;
      // Merge keys (`<<`) may repeat; they add properties, they are not ids.
      if (isScalar(key) && key.range && typeof key.value !== 'symbol') {
        const k = typeof key.value === 'string' ? key.value : `\u0000${String(key.value)}`;
        if (seen.has(k)) out.push(key);
        else seen.add(k);
      }
      collect(item.value, level + 1, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collect(item, level + 1, out);
  }
}

export function addDuplicateKeyErrors(doc: Document): void {
  const keys: Node[] = [];
  collect(doc.contents, 0, keys);
  for (const key of keys) doc.errors.push(new YAMLParseError([key.range![0], key.range![1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
}
