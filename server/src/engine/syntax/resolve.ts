// Anchors, aliases and merge keys (`<<`, YAML 1.1 style), resolved before the
// schema and the rules look at the file (SPEC section 2, revision 2): a merged
// property counts as written where the `<<` is, and an alias used as an id
// counts as that id. Findings about a value reached through a `<<` or an alias
// are reported there, not at the anchor. An alias with no anchor before it, or
// one whose expansion runs past the limit (an "alias bomb"), is a yaml-syntax
// error at the alias and resolves to nothing; everything else is still checked.
//
// Nodes are never changed: cached parse chunks are shared between analyses.
// A value reached through an indirection is a copy whose ranges all point at
// the alias or the `<<` key.
import { isAlias, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLParseError, YAMLSeq, type Alias, type Document, type Node } from 'yaml';
import { keyNode, rootNode, valueNode } from './nodes';
import { memo } from '../memo';

/** How many values a whole document may expand to through aliases. */
export const ALIAS_EXPANSION_LIMIT = 100_000;

type Range = [number, number, number];

/** Nodes made by the resolver (merged or aliased values placed on a `<<` key or an alias): their ranges are not their text. */
const copies = memo<object, true>('productteam.resolve.copy');

/**
 * Whether a node is a resolver's copy: a fix must not edit its range as if the
 * value were written there (it is written at the anchor).
 */
export function isResolvedCopy(node: unknown): boolean {
  return typeof node === 'object' && node !== null && copies.get(node) === true;
}

export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return typeof v === 'symbol' ? v.description === '<<' : false;
}

export interface ResolvedJS {
  /** The document as plain data, aliases and merges resolved (what the schema validates). */
  data: unknown;
  /** Unresolved aliases and expansions past the limit, at the alias. */
  errors: YAMLParseError[];
}

export class Resolver {
  private readonly targets = new Map<Alias, Node | undefined>();
  private readonly sizes = new Map<Node, number>();
  private copied = 0;
  private readonly views = new WeakMap<YAMLMap, YAMLMap>();
  readonly hasIndirection: boolean;

  /** `plain`: the text is known to hold no anchor, alias or merge key, so the document is not walked to find them. */
  constructor(
    readonly doc: Document,
    plain = false,
  ) {
    const anchors = new Map<string, Node>();
    let indirection = false;
    if (plain) {
      this.hasIndirection = false;
      return;
    }
    // Document order: an alias names the latest anchor set before it.
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          indirection = true;
          this.targets.set(node, anchors.get(node.source));
        } else if (node.anchor) anchors.set(node.anchor, node);
      },
      Pair: (_key, pair) => {
        if (isMergeKey(pair.key)) indirection = true;
      },
    });
    this.hasIndirection = indirection;
  }

  /** The node an alias stands for (undefined when no anchor is set before it). */
  target(alias: Alias): Node | undefined {
    return this.targets.get(alias);
  }

  /** A value as the rules should read it: an alias becomes a copy of its target, placed at the alias. */
  node(n: unknown): Node | null {
    let out = (n ?? null) as Node | null;
    if (isAlias(n)) {
      const t = this.target(n);
      out = t && n.range ? this.copyAt(t, n.range) : null;
    }
    return isMap(out) ? this.view(out) : out;
  }

  /** A mapping's pairs with merge keys resolved (see view). */
  pairs(map: unknown): Pair[] {
    return isMap(map) ? this.view(map).items : [];
  }

  /**
   * A mapping as the rules read it: its own pairs (the `<<` pair included, as
   * written), then each merged property not written there, copied with its
   * ranges on the `<<` key. The same map without merge keys.
   */
  view(map: YAMLMap): YAMLMap {
    const items = map.items;
    if (!this.hasIndirection || !items.some((p) => isMergeKey(p.key))) return map;
    const cached = this.views.get(map);
    if (cached) return cached;
    const seen = new Set(items.filter((p) => !isMergeKey(p.key)).map((p) => keyOf(p.key)));
    const out = [...items];
    for (const p of items) {
      if (!isMergeKey(p.key) || !(p.key as Scalar).range) continue;
      const at = (p.key as Scalar).range as Range;
      for (const source of this.mergeSources(p.value)) {
        for (const q of this.pairs(source)) {
          const k = keyOf(q.key);
          if (k === undefined || seen.has(k)) continue;
          seen.add(k);
          out.push(new Pair(this.copyAt(keyNode(q), at), this.copyAt(valueNode(q), at)));
        }
      }
    }
    const view = new YAMLMap(this.doc.schema);
    view.flow = map.flow;
    view.items = out;
    view.range = map.range;
    this.views.set(map, view);
    return view;
  }

  private mergeSources(value: unknown): YAMLMap[] {
    const list = isSeq(value) ? value.items : [value];
    const out: YAMLMap[] = [];
    for (const item of list) {
      const n = isAlias(item) ? this.target(item) : item;
      if (isMap(n)) out.push(n);
    }
    return out;
  }

  /** A copy of `node` whose every range is `at`; bounded, so an alias bomb cannot blow up the model. */
  private copyAt(node: Node | null | undefined, at: Range): Node | null {
    if (!node || this.copied > ALIAS_EXPANSION_LIMIT) return null;
    this.copied++;
    if (isScalar(node)) {
      const s = new Scalar(node.value);
      s.type = node.type;
      s.range = [at[0], at[1], at[2]];
      copies.set(s, true);
      return s;
    }
    if (isAlias(node)) return this.copyAt(this.target(node), at);
    if (isMap(node)) {
      const m = new YAMLMap(this.doc.schema);
      m.flow = node.flow;
      m.items = node.items.map((p) => new Pair(this.copyAt(keyNode(p), at), isAlias(p.value) ? p.value : this.copyAt(valueNode(p), at)));
      m.range = [at[0], at[1], at[2]];
      copies.set(m, true);
      return m;
    }
    if (isSeq(node)) {
      const s = new YAMLSeq(this.doc.schema);
      s.flow = node.flow;
      s.items = node.items.map((i) => (isAlias(i) ? i : this.copyAt(i as Node, at)));
      s.range = [at[0], at[1], at[2]];
      copies.set(s, true);
      return s;
    }
    return null;
  }

  /** How many values `node` expands to (saturating just past the limit; a cycle counts as past it). */
  private size(node: Node | null | undefined, stack = new Set<Node>()): number {
    if (!node) return 1;
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    if (stack.has(node)) return ALIAS_EXPANSION_LIMIT + 1;
    stack.add(node);
    let n = 1;
    if (isAlias(node)) n = this.size(this.target(node), stack);
    else if (isMap(node)) for (const p of node.items) n += this.size(keyNode(p), stack) + this.size(valueNode(p), stack);
    else if (isSeq(node)) for (const i of node.items) n += this.size(i as Node, stack);
    stack.delete(node);
    n = Math.min(n, ALIAS_EXPANSION_LIMIT + 1);
    this.sizes.set(node, n);
    return n;
  }

  /**
   * The document as data, with every alias and merge resolved, never throwing.
   * `node` and `level`: one node's data instead, as it is at that level of the
   * document (an entry of a section is at level 2). `stubSections`: top-level
   * keys whose mapping is given as an empty object (the schema's skeleton
   * validates only that it is one).
   */
  toJS(options: { node?: unknown; level?: number; stubSections?: ReadonlySet<string> } = {}): ResolvedJS {
    const stub = options.stubSections;
    const errors: YAMLParseError[] = [];
    const reported = new Set<Alias>();
    let budget = ALIAS_EXPANSION_LIMIT;
    let overLimit = false;
    const fail = (alias: Alias, message: string) => {
      if (reported.has(alias) || !alias.range) return;
      reported.add(alias);
      errors.push(new YAMLParseError([alias.range[0], alias.range[1]], 'BAD_ALIAS', message));
    };
    // Without aliases a value depends on its nodes alone: an entry's value
    // (levels 1 and 2: a top-level value, an entry of a section) is kept with
    // its nodes, so an unchanged entry of a cached chunk is not converted
    // again, and schema.ts finds its errors by the same object.
    const plain = !this.hasIndirection;
    const convert = (node: unknown, depth: number, level = 0): unknown => {
      if (plain && (level === 1 || level === 2) && (isMap(node) || isSeq(node))) {
        // By the node: the parse cache hands an unchanged chunk's nodes to every later document.
        let v = plainValues.get(node);
        if (v === undefined) plainValues.set(node, (v = convertNode(node, depth, level)));
        return v;
      }
      return convertNode(node, depth, level);
    };
    const convertNode = (node: unknown, depth: number, level: number): unknown => {
      if (isAlias(node)) {
        const t = this.target(node);
        if (!t) {
          fail(node, `Unresolved alias '*${node.source}': no anchor '&${node.source}' is set before it.`);
          return null;
        }
        // Counted once, at the outermost alias: its size already includes the aliases inside it.
        const cost = depth === 0 ? this.size(node) : 0;
        if (cost > budget || depth > 200) {
          // One finding, at the first alias past the limit: a bomb has many, and they say the same.
          if (!overLimit)
            fail(
              node,
              `Alias '*${node.source}' expands past the limit of ${ALIAS_EXPANSION_LIMIT} values (an alias bomb?); it and any later alias past the limit are left out.`,
            );
          overLimit = true;
          return null;
        }
        budget -= cost;
        return convert(t, depth + 1);
      }
      if (isScalar(node)) return typeof node.value === 'symbol' ? '<<' : node.value;
      if (isSeq(node)) return node.items.map((i) => convert(i, depth, level + 1));
      if (isMap(node)) {
        const obj: Record<string, unknown> = {};
        // A plain store keeps the object in V8's fast mode; only `__proto__` needs defining (a store would set the prototype).
        const set = (k: string, v: unknown) => {
          if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
          else obj[k] = v;
        };
        const merges: Pair[] = [];
        for (const p of node.items) {
          if (isMergeKey(p.key)) {
            merges.push(p);
            continue;
          }
          const k = isScalar(p.key) ? String(p.key.value) : JSON.stringify(convert(p.key, depth));
          if (!Object.prototype.hasOwnProperty.call(obj, k)) set(k, level === 0 && stub?.has(k) && isMap(p.value) ? {} : convert(p.value, depth, level + 1));
        }
        for (const p of merges) {
          const sources = isSeq(p.value) ? p.value.items : [p.value];
          for (const src of sources) {
            const v = convert(src, depth);
            if (v && typeof v === 'object' && !Array.isArray(v)) {
              for (const [k, val] of Object.entries(v)) if (!Object.prototype.hasOwnProperty.call(obj, k)) set(k, val);
            } else if (isAlias(src) && v !== null) {
              fail(src, `A merge key ('<<') takes a mapping or a list of mappings; '*${src.source}' is not a mapping.`);
            }
          }
        }
        return obj;
      }
      return null;
    };
    return { data: 'node' in options ? convert(options.node, 0, options.level ?? 0) : convert(this.doc.contents, 0), errors };
  }
}

function keyOf(key: unknown): string | undefined {
  return isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
}

const resolvers = memo<Document, Resolver>('productteam.resolve.resolver');

/** Plain values of the nodes of documents without aliases (see toJS). Shared: never change one. */
const plainValues = memo<Node, unknown>('productteam.resolve.plain');

/** One resolver per parsed document; `plain` as for the Resolver, heeded by the first call. */
export function resolverFor(doc: Document, plain = false): Resolver {
  let r = resolvers.get(doc);
  if (!r) resolvers.set(doc, (r = new Resolver(doc, plain)));
  return r;
}

/** Where a JSON pointer into the resolved data is written: the node, or the first `<<` key or alias on the way. */
export function locatePointer(doc: Document, pointer: string): { node: Node | null; pair?: Pair; via?: [number, number] } {
  const r = resolverFor(doc);
  let node = rootNode(doc);
  let pair: Pair | undefined;
  let via: [number, number] | undefined;
  const step = (n: unknown): Node | null => {
    if (isAlias(n)) {
      if (!via && n.range) via = [n.range[0], n.range[1]];
      return r.target(n) ?? null;
    }
    return (n ?? null) as Node | null;
  };
  node = step(node);
  if (pointer === '') return { node, via };
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const found = findInMap(r, node, seg, new Set());
      if (!found) return { node: null, via };
      if (found.mergeKey && !via) via = found.mergeKey;
      pair = found.pair;
      node = step(pair.value);
    } else if (isSeq(node)) {
      pair = undefined;
      node = step(node.items[Number(seg)]);
    } else {
      return { node: null, via };
    }
  }
  return { node, pair, via };
}

/** Each big mapping's own pairs by key text (the first of repeated keys), made once per mapping: nodes never change. */
const keyIndexes = memo<YAMLMap, Map<string, Pair>>('productteam.resolve.keyIndex');
/** Below this many pairs a scan is as quick as an index. */
const INDEXED_FROM = 16;

/**
 * A lookup another reader already has for a big mapping (the model's people
 * and teams by id): the first own pair written with a key. The sections of an
 * edited document are new mappings on every keystroke, so indexing one again
 * to place a few schema errors cost more than the rest of the lookup (7 ms on
 * 80k lines).
 */
const pairFinders = memo<YAMLMap, (seg: string) => Pair | undefined>('productteam.resolve.pairFinder');

/** Gives `ownPair` a lookup for `map`: it must return the first pair of `map` written with the key, or undefined (then the map is indexed as usual). */
export function setPairFinder(map: YAMLMap, find: (seg: string) => Pair | undefined): void {
  pairFinders.set(map, find);
}

/** The first pair of a mapping written with this key (not through a `<<`). */
function ownPair(map: YAMLMap, seg: string): Pair | undefined {
  const found = pairFinders.get(map)?.(seg);
  if (found) return found;
  const items = map.items as Pair[];
  const written = (p: Pair) => !isMergeKey(p.key) && isScalar(p.key);
  if (items.length < INDEXED_FROM) return items.find((p) => written(p) && String((p.key as Scalar).value) === seg);
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of items) {
      if (!written(p)) continue;
      const k = String((p.key as Scalar).value);
      if (!index.has(k)) index.set(k, p);
    }
    keyIndexes.set(map, index);
  }
  return index.get(seg);
}

function findInMap(r: Resolver, map: YAMLMap, seg: string, seen: Set<YAMLMap>): { pair: Pair; mergeKey?: [number, number] } | undefined {
  if (seen.has(map)) return undefined;
  seen.add(map);
  const items = map.items;
  const own = ownPair(map, seg);
  if (own) return { pair: own };
  for (const p of items) {
    if (!isMergeKey(p.key)) continue;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const src of sources) {
      const m = isAlias(src) ? r.target(src) : src;
      if (!isMap(m)) continue;
      const found = findInMap(r, m, seg, seen);
      const k = (p.key as Scalar).range;
      if (found) return { pair: found.pair, mergeKey: k ? [k[0], k[1]] : found.mergeKey };
    }
  }
  return undefined;
}
