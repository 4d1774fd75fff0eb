// Duplicate keys, found in one linear walk. yaml's own `uniqueKeys` check
// compares every new key with every earlier one of its map, which is
// quadratic: on an 80k-line file with thousands of people it cost more than
// the whole rest of the parse. Ids are map keys, so this check matters.
//
// An entry's repeated keys are kept with its nodes (which are never changed,
// only moved, by the parse cache), so a keystroke walks the entry it changed,
// not the whole file. A section's walk is kept with its key node and only its
// new entries are walked again (sections.ts).
// Errors take the keys' current ranges.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node, type YAMLMap } from 'yaml';
import { memo } from '../memo';
import { freshIndices, walkAfresh, type SectionItems } from './sections';

/** The repeated keys inside an entry's value (level 2: an entry of a section, or a top-level value's item). */
const entryDuplicates = memo<Node, Node[]>('productteam.duplicates.entry');

/** A section's last walk: its items then, each one's key as compared, whether it repeats an earlier one, and what each adds to the errors (its key when repeated, then its entry's). */
interface SectionWalk extends SectionItems {
  repeated: boolean[];
  adds: Node[][];
}
const sectionWalks = memo<Node, SectionWalk>('productteam.duplicates.section');
const NONE: Node[] = [];

/** A key as the walk compares it (undefined: not compared). */
function keyOf(item: unknown): string | undefined {
  if (!isPair(item)) return undefined;
  const key = item.key as Node | null;
  // Merge keys (`<<`) may repeat; they add properties, they are not ids.
  if (!isScalar(key) || !key.range || typeof key.value === 'symbol') return undefined;
  return typeof key.value === 'string' ? key.value : `\u0000${String(key.value)}`;
}

/** What one item of a section adds to the errors. */
function addsOf(item: unknown, repeated: boolean): Node[] {
  if (!isPair(item)) return NONE;
  const out: Node[] = repeated ? [item.key as Node] : [];
  collect(item.value, 2, out);
  return out.length ? out : NONE;
}

/** A section (a top-level map) whose key node is `key`. */
function walkSection(section: YAMLMap, key: Node | null, out: Node[]): void {
  const items = section.items;
  let walk = key ? sectionWalks.get(key) : undefined;
  const fresh = freshIndices(items, walk, keyOf);
  if (walk && fresh) {
    for (const i of fresh) walk.adds[i] = addsOf(items[i], walk.repeated[i]);
  } else {
    const afresh = walkAfresh(items, keyOf);
    walk = { ...afresh, adds: items.map((item, i) => addsOf(item, afresh.repeated[i])) };
    if (key) sectionWalks.set(key, walk);
  }
  for (const adds of walk.adds) if (adds !== NONE) for (const n of adds) out.push(n);
}

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

function walk(node: unknown, level: number, out: Node[], keepSections = false): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = keyOf(item);
      if (k !== undefined) {
        if (seen.has(k)) out.push(item.key as Node);
        else seen.add(k);
      }
      if (keepSections && level === 0 && isMap(item.value)) walkSection(item.value, item.key as Node | null, out);
      else collect(item.value, level + 1, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collect(item, level + 1, out);
  }
}

/** Walks a parsed document's sections for repeated keys and keeps the walks (idle time after a file's first parse): the next keystroke starts from them. */
export function keepSectionWalks(doc: Document): void {
  walk(doc.contents, 0, [], true);
}

/**
 * Adds a DUPLICATE_KEY error at each repeated key. `keepSections`: the
 * document is one of a series (a parse cache's after the first): each
 * section's walk is kept for the next one. A text read once (the CLI, a
 * file's first parse) is walked without keeping them.
 */
export function addDuplicateKeyErrors(doc: Document, keepSections = false): void {
  const keys: Node[] = [];
  walk(doc.contents, 0, keys, keepSections);
  for (const key of keys) doc.errors.push(new YAMLParseError([key.range![0], key.range![1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
}
