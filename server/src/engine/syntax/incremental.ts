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
// The first parse of a text (an empty cache: a file just opened) is one
// parseDocument of the whole text, and the next parse (the first edit) fills
// the cache from its nodes: each entry's pair is what parsing the entry alone
// gives, so a file is parsed once on open, not once more in pieces, and a
// file read once (the CLI) pays nothing for the cache.
//
// Documents share the cached nodes, and a later parse moves a chunk's ranges
// in place (moving costs a few additions per node; copying cost far more than
// parsing the edit). So a document made earlier is valid only while the
// cache's `generation` is the one it was made at: the engine host's
// snapshots check it and parse their own text again if it moved on.
import { textShift, type TextShift } from '../text';
import type { LineIndex } from './lines';
import { Document, isMap, isPair, isScalar, isSeq, Pair, parseDocument, YAMLMap, type Node, type Schema } from 'yaml';

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

/**
 * A parsed piece, kept in the form the assembly reads: the pair it adds (for a
 * section's header, only the key is read) and the ranges of the mappings
 * around it that the assembled document takes its own ranges from.
 */
interface Chunk {
  pair: Pair;
  /** Where the chunk's mapping starts: the root's (a top-level piece) or the section's (an entry). */
  start: number;
  /** Where that mapping ends (range[1], range[2]). */
  end: [number, number];
  /** An entry: where its dummy parent ends (the root's end when it is the last entry of the last section). */
  parentEnd: [number, number];
  /** The absolute offset the chunk's ranges currently count from. */
  base: number;
  /** Every range array of the chunk's nodes, listed the first time it moves: a move is then a loop over arrays, not a walk over nodes. */
  ranges?: number[][];
}

/** A chunk where the last text had it: its piece, and the context it was parsed in. */
interface Placed {
  start: number;
  end: number;
  /** The length of the dummy text it was parsed after ('p:\\n' for an entry). */
  prefixLength: number;
  /** The indentation of the dummy key that followed it (-1: none). */
  follow: number;
  chunk: Chunk;
  /** Taken by the parse in progress. */
  used: boolean;
  /** Where the parse in progress places it (start and end are the last text's until it is done). */
  to: number;
  toEnd: number;
}

/** How many parses, with any cache, have moved cached nodes: while it stays the same, no document anywhere is out of date. */
let movesEverywhere = 0;

/** See `movesEverywhere`: a snapshot checks its trees again only when it changed. */
export function parsesThatMovedNodes(): number {
  return movesEverywhere;
}

/** Holds every document assembled with `cache` so far out of date: a later parse changed what they share (moved nodes, a model's people map). */
export function outdateEarlier(cache: ParseCache): void {
  cache.generation++;
  movesEverywhere++;
}

/**
 * One per open document: the chunks of the last text that was assembled from
 * them, in text order. A piece of a new text that lies before the edited
 * stretch, or after it, is the piece at the same (or the moved) place: it is
 * found by position, so an edit costs neither slicing nor hashing the rest of
 * the text; only pieces in the edited stretch are looked up by their text.
 */
export class ParseCache {
  placed: Placed[] | undefined;
  /** The text `placed` was made from. */
  text: string | undefined;
  /** How `text` was cut into pieces: the next text's cut is worked out from it and the edit (splitAfter). */
  tops: TopPiece[] | undefined;
  /** A whole parse that has not filled `placed` yet (the next parse fills it, if the document has the pieces' shape). */
  whole: { doc: Document.Parsed; tops: TopPiece[]; text: string } | undefined;
  schema: Schema | undefined;
  /**
   * Bumped whenever a parse moves cached nodes: a document assembled at an
   * earlier generation may have had its ranges moved since.
   */
  generation = 0;
  /**
   * The last text parsed with this cache (after CR-only line ends became LF),
   * its line index, whether it may hold an anchor, an alias or a merge key,
   * and where it mentions the suppressions' marker: the next text's are
   * worked out from the edit (host/parse.ts). `hasCR`: whether the text as
   * given held a CR (`source` is the text itself when it did not).
   */
  last: { source: string; hasCR: boolean; lines: LineIndex; indirection: boolean; markers: number[] } | undefined;
  /** How the last parse went, for tests and benchmarks. */
  stats = { chunks: 0, parsed: 0, fallback: false };

  /**
   * Readies the cache for the next edit, in idle time (after an opened file
   * was linted): fills it from the whole parse and lists each chunk's ranges,
   * which the first edit would otherwise do while the user waits. Changes no
   * node and no range.
   */
  prepare(): void {
    fillFromWhole(this);
    for (const c of this.placed ?? []) c.chunk.ranges ??= rangesOf(c.chunk.pair);
  }
}

/** The chunks of the cache's whole parse (a file's first), made when an edit, or idle time, needs them. */
function fillFromWhole(cache: ParseCache): void {
  if (cache.placed || !cache.whole) return;
  const { doc, tops, text } = cache.whole;
  cache.whole = undefined;
  const placed = chunksOf(doc, tops, text, cache);
  if (placed) {
    cache.placed = placed;
    cache.text = text;
    cache.tops = tops;
    cache.schema ??= doc.schema;
  }
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

/** Exported for tests: the pieces a text is cut into (undefined: the text is parsed whole). */
export function splitText(text: string): TopPiece[] | undefined {
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

/** Moves range arrays (rangesOf) by `by`. */
function moveRanges(ranges: readonly number[][], by: number): void {
  for (const range of ranges) {
    range[0] += by;
    range[1] += by;
    range[2] += by;
  }
}

/** The first `key: value` of a block mapping with a plain or quoted scalar key. */
function firstPair(node: unknown): Pair | undefined {
  if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
  const pair = node.items[0] as Pair;
  return isScalar(pair.key) ? pair : undefined;
}

/** The cache key of a piece parsed after `prefix` and followed by a dummy key at `followIndent` (-1: none). */
function chunkKey(source: string, prefix: string, followIndent: number): string {
  return `${prefix.length}|${followIndent}|${source}`;
}

/** What the chunk of a piece must look like to be used (else the whole text is parsed). */
type PieceKind = 'top' | 'header' | 'entry';

/**
 * A chunk from parsing a piece alone (inside a dummy parent `p:` for an entry,
 * followed by a dummy key as indented as the line that really follows it),
 * or undefined when it does not parse cleanly into the expected shape.
 */
function parseChunk(text: string, piece: Piece, prefix: string, followIndent: number, kind: PieceKind, cache: ParseCache): Chunk | undefined {
  const follow = followIndent >= 0 ? `${' '.repeat(followIndent)}s:` : '';
  const doc = parseDocument(prefix + text.slice(piece.start, piece.end) + follow, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || !isMap(doc.contents)) return undefined;
  cache.schema ??= doc.schema;
  const root = doc.contents;
  const pair = firstPair(root);
  if (!pair) return undefined;
  const base = piece.start - prefix.length;
  moveRanges(rangesOf(root), base);
  const r = root.range!;
  if (kind === 'top')
    return root.items.length === (followIndent >= 0 ? 2 : 1) ? { pair, start: r[0], end: [r[1], r[2]], parentEnd: [r[1], r[2]], base } : undefined;
  if (kind === 'header') {
    const v = pair.value;
    return isScalar(v) && v.value === null && v.range![0] === v.range![1] ? { pair, start: r[0], end: [r[1], r[2]], parentEnd: [r[1], r[2]], base } : undefined;
  }
  const entries = pair.value;
  const entry = firstPair(entries);
  if (!entry || (entries as YAMLMap).items.length !== (followIndent > 0 ? 2 : 1)) return undefined;
  const e = (entries as YAMLMap).range!;
  return { pair: entry, start: e[0], end: [e[1], e[2]], parentEnd: [r[1], r[2]], base };
}

/** Every range array of a node and the nodes under it. */
function rangesOf(node: unknown, out: number[][] = []): number[][] {
  if (isPair(node)) {
    rangesOf(node.key, out);
    rangesOf(node.value, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const range = (node as Node).range;
  if (range) out.push(range);
  if (isMap(node) || isSeq(node)) for (const item of node.items) rangesOf(item, out);
  return out;
}

/**
 * splitText(text), worked out from the cut of the text before an edit: when
 * the edit lies inside one section's entries (past its first entry), only the
 * entries it touches are cut again; the pieces before it are the same and
 * those after it are moved. Anything else (an edit in a header, a first entry
 * or a top-level value, a line the cut would stop at) cuts the whole text.
 * Exported for tests, which hold it to splitText.
 */
export function splitAfter(before: TopPiece[], shift: TextShift | undefined, text: string): TopPiece[] | undefined {
  if (!shift) return before;
  const t = before.findIndex((top) => top.entries !== undefined && shift.start >= top.entries[1].start && shift.oldEnd < top.end);
  if (t < 0) return splitText(text);
  const top = before[t];
  const entries = top.entries!;
  const indent = top.indent!;
  const by = shift.by;
  // The entries the edit touches, a to b; the lines from a's start to b's (moved) end are cut again.
  const within = (offset: number) => {
    let lo = 0;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (entries[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const a = within(shift.start);
  const b = within(shift.oldEnd);
  const starts: number[] = [];
  for (let e = 0; e < a; e++) starts.push(entries[e].start);
  const to = entries[b].end + by;
  for (let pos = entries[a].start; pos < to; pos = lineEndAt(text, pos)) {
    let i = pos;
    while (text.charCodeAt(i) === 32) i++;
    if (i >= to || !startsKey(text.charCodeAt(i))) continue;
    // A key at the margin, a line less indented than the entries, or one the cut leaves to the full parse: cut the whole text.
    if (i - pos < indent || (i - pos === indent && SPECIAL_START.has(text.charCodeAt(i)))) return splitText(text);
    if (i - pos === indent) starts.push(pos);
  }
  for (let e = b + 1; e < entries.length; e++) starts.push(entries[e].start + by);
  if (starts.length < 2 || starts[0] !== entries[0].start) return splitText(text);
  const end = top.end + by;
  const moved = (p: Piece): Piece => ({ start: p.start + by, end: p.end + by });
  const out: TopPiece[] = before.slice(0, t);
  out.push({
    start: top.start,
    end,
    header: top.header,
    // A piece before the edit that is cut as it was is the same object (a keystroke makes no new piece for each of 5,000 entries before it).
    entries: starts.map((start, e) => {
      const pieceEnd = e + 1 < starts.length ? starts[e + 1] : end;
      const was = e < a ? entries[e] : undefined;
      return was && was.start === start && was.end === pieceEnd ? was : { start, end: pieceEnd };
    }),
    indent,
  });
  for (let k = t + 1; k < before.length; k++) {
    const later = before[k];
    if (by === 0) {
      out.push(later);
      continue;
    }
    const m: TopPiece = moved(later);
    if (later.entries) {
      m.header = moved(later.header!);
      m.entries = later.entries.map(moved);
      m.indent = later.indent;
    }
    out.push(m);
  }
  return out;
}

/**
 * Something kept with an entry's pair whose offsets must move with the
 * entry's nodes: the model's record of the entry (model.ts), whose spans are
 * moved where the nodes are, so that nothing else reads every entry's key to
 * learn whether it moved.
 */
export interface MovesWithEntry {
  moveBy(by: number): void;
}
const COMPANION = Symbol('productteam.incremental.companion');
type WithCompanion = Pair & { [COMPANION]?: MovesWithEntry };

/** What moves with an entry's pair (undefined: nothing). */
export function companionOf(pair: Pair): MovesWithEntry | undefined {
  return (pair as WithCompanion)[COMPANION];
}

export function setCompanion(pair: Pair, companion: MovesWithEntry): void {
  (pair as WithCompanion)[COMPANION] = companion;
}

/** Moves a chunk's nodes and ranges to count from `base`, and what moves with its entries. */
function moveChunk(chunk: Chunk, base: number): void {
  const by = base - chunk.base;
  moveRanges((chunk.ranges ??= rangesOf(chunk.pair)), by);
  const companion = (chunk.pair as WithCompanion)[COMPANION];
  if (companion) companion.moveBy(by);
  else if (isMap(chunk.pair.value)) {
    // A section not cut into entries is one chunk: its entries' companions move with it.
    for (const item of chunk.pair.value.items) (item as WithCompanion)[COMPANION]?.moveBy(by);
  }
  chunk.start += by;
  // In place: each chunk has arrays of its own (chunksOf copies the root's end).
  chunk.end[0] += by;
  chunk.end[1] += by;
  chunk.parentEnd[0] += by;
  chunk.parentEnd[1] += by;
  chunk.base = base;
}

/**
 * The cache's chunks taken from a whole parse of `text` (the pieces' nodes as
 * they sit in it), or undefined when the document's shape is not the pieces'.
 * Each chunk holds what parsing its piece alone would give: the ranges of its
 * mappings are those of the whole document where the piece is first or last,
 * and start at its key otherwise.
 */
function chunksOf(doc: Document.Parsed, tops: TopPiece[], text: string, cache: ParseCache): Placed[] | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow || root.items.length !== tops.length || doc.errors.length || doc.warnings.length) return undefined;
  const out: Placed[] = [];
  const add = (piece: Piece, prefix: string, follow: number, chunk: Chunk) =>
    out.push({ start: piece.start, end: piece.end, prefixLength: prefix.length, follow, chunk, used: false, to: piece.start, toEnd: piece.end });
  const rootEnd: [number, number] = [root.range![1], root.range![2]];
  for (let t = 0; t < tops.length; t++) {
    const top = tops[t];
    const pair = root.items[t] as Pair;
    if (!isScalar(pair.key)) return undefined;
    const start = t === 0 ? root.range![0] : pair.key.range![0];
    const followTop = t + 1 < tops.length ? 0 : -1;
    if (!top.entries) {
      add(top, '', followTop, { pair, start, end: [rootEnd[0], rootEnd[1]], parentEnd: [rootEnd[0], rootEnd[1]], base: top.start });
      continue;
    }
    const section = pair.value;
    if (!isMap(section) || section.flow || section.items.length !== top.entries.length) return undefined;
    // A section's header line is parsed alone (a few bytes): its chunk also serves a last top-level piece `people:`, whose end is its own.
    const header = parseChunk(text, top.header!, '', -1, 'header', cache);
    if (!header) return undefined;
    add(top.header!, '', -1, header);
    for (let e = 0; e < top.entries.length; e++) {
      const piece = top.entries[e];
      const entry = section.items[e] as Pair;
      if (!isScalar(entry.key)) return undefined;
      const last = e + 1 === top.entries.length;
      const chunk: Chunk = {
        pair: entry,
        start: e === 0 ? section.range![0] : entry.key.range![0],
        end: [section.range![1], section.range![2]],
        parentEnd: [rootEnd[0], rootEnd[1]],
        base: piece.start - 3,
      };
      add(piece, 'p:\n', last ? followTop : top.indent!, chunk);
    }
  }
  return out;
}

/**
 * parseDocument(text, PARSE_OPTIONS), reusing the chunks of earlier texts from
 * `cache`. Without a cache, or when the text does not split, it is exactly
 * parseDocument. `known`: the edit from a text the caller already compared
 * with this one (textShift), used when that is the text the cache last
 * assembled.
 */
export function parseIncremental(
  text: string,
  cache?: ParseCache,
  indirection = cache !== undefined && mayHaveIndirection(text),
  known?: { before: string; shift: TextShift | undefined },
): Document.Parsed {
  if (!cache) return parseDocument(text, PARSE_OPTIONS);
  // The last parse was whole (the file's first): the cache is filled from its nodes now, if idle time has not done it.
  fillFromWhole(cache);
  const previous = cache.placed;
  // The whole text parsed as usual. The cache is kept as it was, so that the
  // keystroke that mends the text, e.g. closes a quote, parses only its own
  // entry again, not the whole file.
  const full = () => {
    if (previous) for (const c of previous) c.used = false;
    cache.stats = { chunks: 0, parsed: 0, fallback: true };
    return parseDocument(text, PARSE_OPTIONS);
  };
  if (indirection) return full();
  // The edit since the last assembled text, and the cut worked out from that text's.
  const shift = previous && cache.text !== undefined ? (known && known.before === cache.text ? known.shift : textShift(cache.text, text)) : undefined;
  const tops = previous && cache.text !== undefined && cache.tops ? splitAfter(cache.tops, shift, text) : splitText(text);
  if (!tops) return full();
  if (!previous || cache.text === undefined) {
    // Nothing cached (a file just opened, or one the CLI reads once): one whole
    // parse; its nodes fill the cache when the next text comes.
    const doc = parseDocument(text, PARSE_OPTIONS);
    cache.whole = { doc, tops, text };
    cache.stats = { chunks: 0, parsed: 0, fallback: false };
    return doc;
  }

  const next: Placed[] = [];
  let parsed = 0;
  let count = 0;
  let moved = false;
  // The earlier pieces in order: the pieces before and after the edit come in the same order.
  let at = 0;
  // The earlier pieces that touch the edited stretch, by their text: built when first needed.
  let edited: Map<string, Placed[]> | undefined;
  const editedPieces = (): Map<string, Placed[]> => {
    if (edited) return edited;
    edited = new Map();
    for (const c of previous) {
      if (c.used || (shift && (c.end <= shift.start || c.start >= shift.oldEnd))) continue;
      const key = chunkKey(cache.text!.slice(c.start, c.end), 'p:\n'.slice(0, c.prefixLength), c.follow);
      const list = edited.get(key);
      if (list) list.push(c);
      else edited.set(key, [c]);
    }
    return edited;
  };
  const chunkAt = (piece: Piece, prefix: string, followIndent: number, kind: PieceKind): Chunk | undefined => {
    count++;
    const length = piece.end - piece.start;
    // Where the same text was in the earlier text, if the piece lies outside the edit.
    const before = !shift || piece.end <= shift.start ? piece.start : piece.start - shift.by >= shift.oldEnd ? piece.start - shift.by : -1;
    let found: Placed | undefined;
    if (before >= 0) {
      while (at < previous.length && previous[at].start < before) at++;
      const c = previous[at];
      if (c && c.start === before && c.end - c.start === length && c.prefixLength === prefix.length && c.follow === followIndent && !c.used) found = c;
    }
    found ??= editedPieces()
      .get(chunkKey(text.slice(piece.start, piece.end), prefix, followIndent))
      ?.find((c) => !c.used);
    const base = piece.start - prefix.length;
    let chunk: Chunk | undefined;
    if (found) {
      found.used = true;
      chunk = found.chunk;
      if (chunk.base !== base) {
        // Earlier documents share these nodes: they are out of date from now on.
        if (!moved) outdateEarlier(cache);
        moved = true;
        moveChunk(chunk, base);
      }
    } else {
      parsed++;
      chunk = parseChunk(text, piece, prefix, followIndent, kind, cache);
      if (!chunk) return undefined;
    }
    // A chunk kept keeps its record, placed when the whole text is assembled (the scan above reads where the last text had it).
    if (found) {
      found.to = piece.start;
      found.toEnd = piece.end;
      next.push(found);
    } else
      next.push({
        start: piece.start,
        end: piece.end,
        prefixLength: prefix.length,
        follow: followIndent,
        chunk,
        used: false,
        to: piece.start,
        toEnd: piece.end,
      });
    return chunk;
  };

  const rootItems: Pair[] = [];
  let rootStart = -1;
  let rootEnd: [number, number] = [0, 0];
  for (let t = 0; t < tops.length; t++) {
    const top = tops[t];
    const followTop = t + 1 < tops.length ? 0 : -1;
    const chunk = top.header ? chunkAt(top.header, '', -1, 'header') : chunkAt(top, '', followTop, 'top');
    if (!chunk) return full();
    if (rootStart < 0) rootStart = chunk.start;
    rootEnd = chunk.end;
    if (!top.entries) {
      rootItems.push(chunk.pair);
      continue;
    }
    const items: Pair[] = [];
    let sectionStart = -1;
    let sectionEnd: [number, number] = [0, 0];
    // The root ends where the last entry's dummy parent ends: a trailing
    // comment less indented than the entry closes the root, not the section.
    for (let e = 0; e < top.entries.length; e++) {
      const lastEntry = e + 1 === top.entries.length;
      const c = chunkAt(top.entries[e], 'p:\n', lastEntry ? followTop : top.indent!, 'entry');
      if (!c) return full();
      items.push(c.pair);
      if (sectionStart < 0) sectionStart = c.start;
      if (lastEntry) {
        sectionEnd = c.end;
        rootEnd = c.parentEnd;
      }
    }
    // A new map and pair each time: the section's items are this text's.
    const section = new YAMLMap(cache.schema);
    section.items = items;
    section.range = [sectionStart, sectionEnd[0], sectionEnd[1]];
    rootItems.push(new Pair(chunk.pair.key, section));
  }
  for (const p of next) {
    p.start = p.to;
    p.end = p.toEnd;
    p.used = false;
  }
  cache.placed = next;
  cache.text = text;
  cache.tops = tops;
  cache.stats = { chunks: count, parsed, fallback: false };

  const doc = new Document(null, PARSE_OPTIONS) as Document.Parsed;
  const root = new YAMLMap(cache.schema);
  root.items = rootItems;
  root.range = [rootStart, rootEnd[0], rootEnd[1]];
  doc.contents = root as Document.Parsed['contents'];
  doc.range = [0, text.length, text.length];
  return doc;
}
