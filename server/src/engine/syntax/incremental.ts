// Incremental parsing for the editor: a keystroke changes one entry of a big
// file, so only that entry is parsed again. The text is cut into chunks at the
// lines that start a top-level key and, inside `people:`, `products:` and
// `teams:`, at the lines that start an entry; each chunk is parsed on its own
// and cached by its text, and the document is assembled from the chunks'
// nodes, their ranges moved to where the chunk now sits.
//
// The result is the Document that parseDocument would give (same nodes, same
// ranges, same values). Whenever that cannot be vouched for, the whole text is
// parsed as usual: any chunk with an error or warning (so every error message
// is yaml's own, in context), directives or document markers, a byte-order
// mark, or a top level that is not a block mapping of plain keys.
//
// The cache keeps each chunk's nodes as parsed and never hands them out: every
// document gets its own copies, their ranges moved to where the chunk now
// sits (copying is far cheaper than parsing). So no two documents share a
// node, and one made earlier stays valid after any later parse: the engine
// host's snapshots rely on it. `originalOf` leads from a copy to the cached
// node, so that what depends on the nodes alone (an entry's plain value) is
// computed once per chunk, not once per copy.
import { Document, isMap, isNode, isPair, isScalar, isSeq, Pair, parseDocument, YAMLMap, type Node, type Schema } from 'yaml';

/** `merge`: YAML 1.1 merge keys (`<<: *defaults`), resolved by resolve.ts. */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error', merge: true } as const;

/**
 * An anchor or alias (`&x`, `*x` where a node starts) or a merge key: these
 * tie entries together, so a chunk alone is not what it means in the file.
 * Such texts are parsed whole (a false alarm only costs the cache).
 */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:?-])[&*][^\s,[\]{}]|<</m;

/** Whether a text may hold an anchor, an alias or a merge key (false: it surely holds none). */
export function mayHaveIndirection(text: string): boolean {
  return ANCHOR_OR_ALIAS.test(text);
}

/** Sections whose entries become chunks of their own. */
const SPLIT_SECTIONS = /^(people|products|teams):[ \t]*(#[^\n]*)?\r?\n?$/;

interface Chunk {
  /** The chunk's root mapping (its Document is not kept: it costs memory and is not needed). */
  root: YAMLMap;
  /** The absolute offset the chunk's ranges currently count from. */
  base: number;
}

/** One per open document: parsed chunks by their text. */
export class ParseCache {
  chunks = new Map<string, Chunk[]>();
  schema: Schema | undefined;
  /** How the last parse went, for tests and benchmarks. */
  stats = { chunks: 0, parsed: 0, fallback: false };
}

interface Piece {
  start: number;
  end: number;
}
interface TopPiece extends Piece {
  /** For a split section: its header line, its entries and their indentation. */
  header?: Piece;
  entries?: Piece[];
  indent?: number;
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

/** ' ', '\t', '\r', '\n', '#': lines that start with these do not start a key. */
function startsKey(c: number): boolean {
  return c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 35;
}

/** Characters that make a top-level line more than a plain `key:` line. */
const SPECIAL_START = new Set([...'-?:,[]{}&*!|>%@`"\''].map((c) => c.charCodeAt(0)));

function splitText(text: string): TopPiece[] | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const tops: TopPiece[] = [];
  for (let pos = 0; pos < text.length; pos = lineEndAt(text, pos)) {
    const c = text.charCodeAt(pos);
    if (!startsKey(c)) continue;
    if (SPECIAL_START.has(c)) return undefined;
    if (text.startsWith('---', pos) || text.startsWith('...', pos)) return undefined;
    if (tops.length) tops[tops.length - 1].end = pos;
    tops.push({ start: tops.length ? pos : 0, end: text.length });
  }
  if (tops.length === 0) return undefined;
  for (const top of tops) {
    // The key line of the chunk (the first chunk may open with comments).
    let keyLine = top.start;
    while (!startsKey(text.charCodeAt(keyLine))) keyLine = lineEndAt(text, keyLine);
    const headerEnd = lineEndAt(text, keyLine);
    if (!SPLIT_SECTIONS.test(text.slice(keyLine, headerEnd))) continue;
    // Entries start at the indentation of the section's first content line.
    let indent = -1;
    const entries: Piece[] = [];
    for (let pos = headerEnd; pos < top.end; pos = lineEndAt(text, pos)) {
      let i = pos;
      while (text.charCodeAt(i) === 32) i++;
      if (i >= top.end || !startsKey(text.charCodeAt(i))) continue;
      if (indent === -1) {
        indent = i - pos;
        if (text.charCodeAt(i) === 45 /* '-': a list, not entries */) break;
      }
      if (i - pos === indent) {
        if (SPECIAL_START.has(text.charCodeAt(i))) return undefined; // `: x`, `? x`, `- x`, `"quoted":`… are left to the full parse
        if (entries.length) entries[entries.length - 1].end = pos;
        entries.push({ start: entries.length ? pos : headerEnd, end: top.end });
      } else if (i - pos < indent) return undefined; // less indented than the entries: not a plain block mapping
    }
    if (entries.length > 1) {
      top.header = { start: top.start, end: headerEnd };
      top.entries = entries;
      top.indent = indent;
    }
  }
  return tops;
}

/** yaml's own mark of a node's kind (a non-enumerable symbol property, which isMap() and the like read). */
const NODE_TYPE = Symbol.for('yaml.node.type');

/** The cached node a copy was made from. */
const originals = new WeakMap<object, object>();

/** The node of the parse cache that `node` is a copy of (itself when it is none). */
export function originalOf<T extends object>(node: T): T {
  return (originals.get(node) as T | undefined) ?? node;
}

/** A deep copy of a chunk's nodes (as yaml's clone() makes them), its ranges moved by `by`. */
function copyMoved<T>(node: T, by: number): T {
  if (!node || typeof node !== 'object' || !(isNode(node) || isPair(node))) return node;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(node) as object) as object, node) as Record<PropertyKey, unknown>;
  Object.defineProperty(copy, NODE_TYPE, { value: (node as Record<PropertyKey, unknown>)[NODE_TYPE] });
  if (isPair(node)) {
    copy.key = copyMoved(node.key, by);
    copy.value = copyMoved(node.value, by);
  } else {
    const range = (node as Node).range;
    if (range) copy.range = [range[0] + by, range[1] + by, range[2] + by];
    if (isMap(node) || isSeq(node)) copy.items = (node.items as unknown[]).map((item) => copyMoved(item, by));
  }
  originals.set(copy, originalOf(node as object));
  return copy as T;
}

function moveRanges(node: unknown, by: number): void {
  if (isPair(node)) {
    moveRanges(node.key, by);
    moveRanges(node.value, by);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const range = (node as Node).range;
  if (range) {
    range[0] += by;
    range[1] += by;
    range[2] += by;
  }
  if (isMap(node) || isSeq(node)) for (const item of node.items) moveRanges(item, by);
}

/**
 * parseDocument(text, PARSE_OPTIONS), reusing the chunks of earlier texts from
 * `cache`. Without a cache, or when the text does not split, it is exactly
 * parseDocument.
 */
export function parseIncremental(text: string, cache?: ParseCache, indirection = cache !== undefined && mayHaveIndirection(text)): Document.Parsed {
  if (!cache) return parseDocument(text, PARSE_OPTIONS);
  const previous = cache.chunks;
  const next = new Map<string, Chunk[]>();
  // The whole text parsed as usual. The cache is kept (with the chunks parsed
  // on the way here put back), so that the keystroke that mends the text, e.g.
  // closes a quote, parses only its own entry again, not the whole file.
  const full = () => {
    for (const [key, list] of next) {
      const pool = previous.get(key);
      if (pool) pool.push(...list);
      else previous.set(key, list);
    }
    cache.stats = { chunks: 0, parsed: 0, fallback: true };
    return parseDocument(text, PARSE_OPTIONS);
  };
  if (indirection) return full();
  const tops = splitText(text);
  if (!tops) return full();

  let parsed = 0;
  let count = 0;
  // A chunk is parsed in the context it has in the file, or the ranges of its
  // last nodes would differ (yaml gives trailing comments to the node they
  // follow only when another key comes after them): entries inside a dummy
  // parent `p:`, and both followed by a dummy key as indented as the line that
  // really follows them.
  const chunkAt = (piece: Piece, prefix: string, followIndent: number): Chunk | undefined => {
    count++;
    const source = text.slice(piece.start, piece.end);
    const key = `${prefix.length}|${followIndent}|${source}`;
    const pool = previous.get(key);
    let chunk = pool?.pop();
    const base = piece.start - prefix.length;
    if (!chunk) {
      parsed++;
      const follow = followIndent >= 0 ? `${' '.repeat(followIndent)}s:` : '';
      const doc = parseDocument(prefix + source + follow, PARSE_OPTIONS);
      if (doc.errors.length || doc.warnings.length || !isMap(doc.contents)) return undefined;
      cache.schema ??= doc.schema;
      moveRanges(doc.contents, base);
      chunk = { root: doc.contents, base };
    }
    const list = next.get(key);
    if (list) list.push(chunk);
    else next.set(key, [chunk]);
    // The document's own copy: the cached nodes stay as parsed, where they were parsed.
    return { root: copyMoved(chunk.root, base - chunk.base), base };
  };
  /** The first `key: value` of a block mapping with a plain or quoted scalar key. */
  const firstPair = (node: unknown): Pair | undefined => {
    if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
    const pair = node.items[0] as Pair;
    return isScalar(pair.key) ? pair : undefined;
  };

  const rootItems: Pair[] = [];
  let rootStart = -1;
  let rootEnd: [number, number] = [0, 0];
  for (let t = 0; t < tops.length; t++) {
    const top = tops[t];
    const followTop = t + 1 < tops.length ? 0 : -1;
    const chunk = top.header ? chunkAt(top.header, '', -1) : chunkAt(top, '', followTop);
    const pair = chunk && firstPair(chunk.root);
    if (!chunk || !pair) return full();
    const range = chunk.root.range!;
    if (rootStart < 0) rootStart = range[0];
    rootEnd = [range[1], range[2]];
    if (!top.entries) {
      if (chunk.root.items.length !== (followTop >= 0 ? 2 : 1)) return full();
      rootItems.push(pair);
      continue;
    }
    if (!(isScalar(pair.value) && pair.value.value === null && pair.value.range![0] === pair.value.range![1])) return full();
    const items: Pair[] = [];
    let sectionStart = -1;
    let sectionEnd: [number, number] = [0, 0];
    // The root ends where the last entry's dummy parent ends: a trailing
    // comment less indented than the entry closes the root, not the section.
    let parentEnd: [number, number] = [0, 0];
    for (let e = 0; e < top.entries.length; e++) {
      const lastEntry = e + 1 === top.entries.length;
      const c = chunkAt(top.entries[e], 'p:\n', lastEntry ? followTop : top.indent!);
      const parent = c && firstPair(c.root);
      const entries = parent && parent.value;
      const p = firstPair(entries);
      if (!c || !p || (entries as YAMLMap).items.length !== (lastEntry ? 1 : 2)) return full();
      items.push(p);
      const r = (entries as YAMLMap).range!;
      if (sectionStart < 0) sectionStart = r[0];
      if (lastEntry) {
        sectionEnd = [r[1], r[2]];
        parentEnd = [c.root.range![1], c.root.range![2]];
      }
    }
    // A new map and pair each time, like the copies of the chunks: no document shares a node with another.
    const section = new YAMLMap(cache.schema);
    section.items = items;
    section.range = [sectionStart, sectionEnd[0], sectionEnd[1]];
    rootEnd = parentEnd;
    rootItems.push(new Pair(pair.key, section));
  }
  cache.chunks = next;
  cache.stats = { chunks: count, parsed, fallback: false };

  const doc = new Document(null, PARSE_OPTIONS) as Document.Parsed;
  const root = new YAMLMap(cache.schema);
  root.items = rootItems;
  root.range = [rootStart, rootEnd[0], rootEnd[1]];
  doc.contents = root as Document.Parsed['contents'];
  doc.range = [0, text.length, text.length];
  return doc;
}
