// Duplicate keys, found in one linear walk. yaml's own `uniqueKeys` check
// compares every new key with every earlier one of its map, which is
// quadratic: on an 80k-line file with thousands of people it cost more than
// the whole rest of the parse. Ids are map keys, so this check matters.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node } from 'yaml';

export function addDuplicateKeyErrors(doc: Document): void {
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as Node | null;
        // Merge keys (`<<`) may repeat; they add properties, they are not ids.
        if (isScalar(key) && key.range && typeof key.value !== 'symbol') {
          const k = typeof key.value === 'string' ? key.value : `\u0000${String(key.value)}`;
          if (seen.has(k)) doc.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
          else seen.add(k);
        }
        walk(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
}
