// Typed reads of a parsed YAML tree. yaml's types leave a pair's key and
// value and a document's contents as `unknown`; in a document from
// `parseDocument` they are nodes (a value or the contents may be null, where
// nothing is written). These helpers say so once, by name, instead of a cast
// at every read. They check nothing at runtime: they are the casts, in one place.
import type { Node, Pair } from 'yaml';

/** A pair's key, as a node: every key of a parsed document is one. */
export function keyNode(pair: Pair<unknown, unknown>): Node {
  return pair.key as Node;
}

/** A pair's value, as a node; null where nothing is written (`key:`). */
export function valueNode(pair: Pair<unknown, unknown>): Node | null {
  return pair.value as Node | null;
}

/** A document's root node; null for an empty document. */
export function rootNode(doc: { contents: unknown }): Node | null {
  return doc.contents as Node | null;
}
