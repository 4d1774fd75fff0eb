// JSON-schema validation with ajv, each error mapped to the smallest node the
// user must change: an unknown property to its key, a missing property to its
// parent's key, a bad value to the value. Umbrella anyOf/oneOf noise is folded
// into one message.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { locatePointer, resolverFor, type Resolver } from '../syntax/resolve';
import { ENTRY_DEFS, type EntryKind } from './schemaParts';
import type { SchemaError, Span } from '../types';
import { closest, didYouMean, safeCorrection } from '../text';
import { correctEnum } from './synonyms';
import { loadValidators } from './validators';
import { keyNode, valueNode } from '../syntax/nodes';
import { hiddenMemo, memo, type Memo } from '../memo';
import { freshIndices, walkAfresh, type SectionItems } from '../syntax/sections';

export { SCHEMA } from './schemaParts';

export type { SchemaError, SchemaErrorKind } from '../types';

/** An entry's errors by its value: resolve.ts gives an unchanged entry the same value object, so a keystroke validates only the entry it changed. */
const entryErrorCache = {
  person: hiddenMemo<object, ErrorObject[]>('productteam.schema.person'),
  product: hiddenMemo<object, ErrorObject[]>('productteam.schema.product'),
  team: hiddenMemo<object, ErrorObject[]>('productteam.schema.team'),
} satisfies Record<EntryKind, Memo<object, ErrorObject[]>>;

function errorsOf(validate: ValidateFunction, data: unknown): ErrorObject[] {
  return validate(data) ? [] : ((validate.errors ?? []) as ErrorObject[]);
}

function escapePointer(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * What ajv reports for the whole schema, from the skeleton's validator and one
 * per entry (the same errors; their order differs only between entries and the
 * root, which the offsets sort out).
 */
export function ajvErrors(data: unknown): ErrorObject[] {
  const validators = loadValidators();
  const out = errorsOf(validators.root, data).slice();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [section, kind] of Object.entries(ENTRY_DEFS)) {
    const entries = (data as Record<string, unknown>)[section];
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
    const prefix = `/${section}/`;
    const cache = entryErrorCache[kind];
    // Keys, not entries: a section of thousands of entries is walked on every keystroke.
    for (const id of Object.keys(entries)) {
      const value = (entries as Record<string, unknown>)[id];
      const cacheable = value !== null && typeof value === 'object';
      let errors = cacheable ? cache.get(value) : undefined;
      if (!errors) {
        errors = errorsOf(validators[kind], value);
        if (cacheable) cache.set(value, errors);
      }
      for (const e of errors) out.push({ ...e, instancePath: prefix + escapePointer(id) + e.instancePath });
    }
  }
  return out;
}

function unescapePointer(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

interface Located {
  node: Node | null;
  /** The pair whose value is `node` (undefined at the root or in a list). */
  pair?: Pair;
  /** The `<<` key or alias the value was reached through: findings about it go there. */
  via?: [number, number];
}

function resolvePointer(doc: Document, pointer: string): Located {
  return locatePointer(doc, pointer);
}

/** A stand-in node spanning the `<<` key or alias a value came through. */
function viaNode(via: [number, number]): Node {
  const n = new Scalar(null);
  n.range = [via[0], via[1], via[1]];
  return n;
}

/** `where` at the start of a sentence. */
function sentenceStart(where: string): string {
  return where === 'the file' ? 'The file' : where.replace(/^item /, 'Item ');
}

function nodeSpan(node: Node | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** The first key of the document: where root-level findings go. */
function rootSpan(doc: Document): Span {
  const root = doc.contents;
  if (isMap(root) && root.items.length > 0 && isPair(root.items[0])) {
    const s = nodeSpan(keyNode(root.items[0]));
    if (s) return s;
  }
  return nodeSpan(root as Node) ?? { start: 0, end: 0 };
}

function describeTypes(types: string[]): string {
  const names = types.map((t) =>
    t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : t === 'string' ? 'text' : t === 'integer' ? 'an integer' : t === 'null' ? 'empty' : `a ${t}`,
  );
  return [...new Set(names)].join(' or ');
}

function kindOfValue(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

/** Turns the JS value yaml produced back into the source the user wrote, for messages. */
function shown(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/**
 * `{ name: Tom, title: Director, Freight Products }`: YAML ends `title` at the
 * comma and reads `Freight Products` as a key with no value. When the unknown
 * pair looks like that (no value, right after a plain scalar on the same
 * line, a comma between), returns the edit that quotes the whole value.
 */
function commaCut(map: YAMLMap, pair: Pair): SchemaError['comma'] {
  if (!map.flow) return undefined;
  const items = map.items;
  const i = items.indexOf(pair);
  const key = keyNode(pair);
  const v = valueNode(pair);
  if (i < 1 || !isScalar(key) || !key.range) return undefined;
  if (v && !(isScalar(v) && v.value === null && v.range && v.range[0] === v.range[1])) return undefined;
  const prev = items[i - 1];
  const pv = valueNode(prev);
  if (!isScalar(pv) || pv.type !== 'PLAIN' || !pv.range || !isScalar(prev.key)) return undefined;
  const src = String(pv.source ?? pv.value);
  const between = key.range[0] - pv.range[1];
  if (between < 1 || between > 3) return undefined;
  const whole = `${src}, ${String(key.value)}`;
  return { start: pv.range[0], end: key.range[1], newText: JSON.stringify(whole), property: String(prev.key.value) };
}

/** The JSON Schema type of a value. */
function jsonType(d: unknown): string {
  if (d === null) return 'null';
  if (Array.isArray(d)) return 'array';
  if (typeof d === 'number') return Number.isInteger(d) ? 'integer' : 'number';
  return typeof d;
}

/**
 * Validates the document with aliases and merge keys resolved (`data`, from
 * resolve.ts; computed here when not given). A bad alias resolves to null, so
 * the rest of the file is still validated. A document without aliases or merge
 * keys is validated entry by entry (see byEntry).
 */
export function validateSchema(doc: Document, data?: unknown): SchemaError[] {
  const resolver = resolverFor(doc);
  if (data === undefined && !resolver.hasIndirection) return byEntry(doc, resolver);
  return mapErrors(doc, ajvErrors(data === undefined ? resolver.toJS().data : data));
}

/** Places a document's schema errors entry by entry and keeps them (idle time after a file's first parse, which validated the whole data): the next keystroke starts from them. */
export function keepEntryErrors(doc: Document): void {
  const resolver = resolverFor(doc);
  if (!resolver.hasIndirection) byEntry(doc, resolver);
}

/** The sections whose entries byEntry validates one by one. */
const SECTIONS: ReadonlySet<string> = new Set(Object.keys(ENTRY_DEFS));

/**
 * An entry's schema errors as they were placed, kept with its pair: the parse
 * cache hands an unchanged entry's nodes (pair included) to every later
 * document, and without aliases or merge keys an entry's errors depend on its
 * own nodes alone. `at`: where the entry's key started then. Not kept when an
 * error lies outside the entry (placed at the file's first key).
 */
interface PlacedErrors {
  section: string;
  id: string;
  at: number;
  errors: SchemaError[];
}
const placedErrors = memo<Pair, PlacedErrors>('productteam.schema.placed');

/**
 * A document without aliases or merge keys, validated without making its data
 * whole: the root's skeleton with each section's entries left out, then each
 * entry of people, products and teams (the first of a repeated id, as the data
 * would hold it) with its own validator. An entry that did not change keeps
 * its placed errors, moved when an edit above it moved it: a keystroke places
 * only the errors of the entry it changed.
 */
function byEntry(doc: Document, resolver: Resolver): SchemaError[] {
  const validators = loadValidators();
  const all = mapErrors(doc, errorsOf(validators.root, resolver.toJS({ stubSections: SECTIONS }).data));
  const root = doc.contents;
  const seenSections = new Set<string>();
  for (const section of isMap(root) ? root.items : []) {
    const name = plainKey(section.key);
    if (name === undefined || seenSections.has(name)) continue;
    seenSections.add(name);
    if (!SECTIONS.has(name) || !isMap(section.value)) continue;
    for (const list of sectionErrors(doc, resolver, name, section.key as Node, section.value)) for (const e of list) all.push(e);
  }
  if (all.length < 2) return all;
  // One finding per place and message (as mapErrors does within a list), in document order.
  const seen = new Set<string>();
  const out = all.filter((e) => {
    const k = `${e.start}:${e.end}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out.sort((a, b) => a.start - b.start);
}

/** A section's errors when last placed, by entry (NONE for an entry without any, or one that repeats an earlier id), kept with the section's key node. */
interface SectionErrors extends SectionItems {
  repeated: boolean[];
  lists: SchemaError[][];
}
const sectionErrorLists = memo<Node, SectionErrors>('productteam.schema.section');
const NONE: SchemaError[] = [];

/**
 * Each entry's placed errors, in order. Only the entries that are new objects
 * are validated again (sections.ts) and only those with errors are looked at
 * for a move.
 */
function sectionErrors(doc: Document, resolver: Resolver, name: string, key: Node, section: YAMLMap): SchemaError[][] {
  const kind = ENTRY_DEFS[name as keyof typeof ENTRY_DEFS];
  const items = section.items;
  // An id as the data has it: a key that is not a scalar (`? [a, b]`) is its JSON.
  const keyOf = (item: unknown) => (isPair(item) ? (plainKey(item.key) ?? JSON.stringify(resolver.toJS({ node: item.key }).data)) : undefined);
  const held = sectionErrorLists.get(key);
  const fresh = freshIndices(items, held, keyOf);
  const walk: SectionErrors = held && fresh ? held : { ...walkAfresh(items, keyOf), lists: [] };
  const place = (i: number) => (walk.repeated[i] ? NONE : listOrNone(placedEntryErrors(doc, resolver, kind, name, walk.keys[i]!, items[i])));
  if (walk === held && fresh) {
    for (const i of fresh) walk.lists[i] = place(i);
    for (let i = 0; i < items.length; i++) if (walk.lists[i] !== NONE) walk.lists[i] = place(i);
    return walk.lists;
  }
  walk.lists = items.map((_, i) => place(i));
  return sectionErrorLists.set(key, walk).lists;
}

function listOrNone(list: SchemaError[]): SchemaError[] {
  return list.length === 0 ? NONE : list;
}

/** A key as the data has it, for a scalar key (undefined otherwise). */
function plainKey(key: unknown): string | undefined {
  return isScalar(key) ? (typeof key.value === 'symbol' ? '<<' : String(key.value)) : undefined;
}

/** An entry's errors, placed; kept with its pair (see PlacedErrors). */
function placedEntryErrors(doc: Document, resolver: Resolver, kind: EntryKind, section: string, id: string, entry: Pair): SchemaError[] {
  const key = entry.key as Node;
  const at = key.range?.[0] ?? -1;
  const held = placedErrors.get(entry);
  if (held && held.section === section && held.id === id && at >= 0) {
    if (held.at === at) return held.errors;
    // Moved by an edit above it: new objects (an older document's list keeps its own).
    const by = at - held.at;
    held.errors = held.errors.map((e) => ({
      ...e,
      start: e.start + by,
      end: e.end + by,
      ...(e.comma ? { comma: { ...e.comma, start: e.comma.start + by, end: e.comma.end + by } } : {}),
    }));
    held.at = at;
    return held.errors;
  }
  const errors = entryErrors(doc, resolver, kind, section, id, entry);
  const end = (entry.value as Node | null)?.range?.[2] ?? key.range?.[2] ?? -1;
  const inside = (s: { start: number; end: number }) => s.start >= at && s.end <= end;
  if (at >= 0 && errors.every((e) => inside(e) && (!e.comma || inside(e.comma)))) placedErrors.set(entry, { section, id, at, errors });
  return errors;
}

/** An entry's errors, placed through the document. */
function entryErrors(doc: Document, resolver: Resolver, kind: EntryKind, section: string, id: string, entry: Pair): SchemaError[] {
  const value = resolver.toJS({ node: entry.value, level: 2 }).data;
  const cacheable = value !== null && typeof value === 'object';
  const cache = entryErrorCache[kind];
  let errors = cacheable ? cache.get(value) : undefined;
  if (!errors) {
    errors = errorsOf(loadValidators()[kind], value);
    if (cacheable) cache.set(value, errors);
  }
  if (errors.length === 0) return [];
  const prefix = `/${section}/${escapePointer(id)}`;
  return mapErrors(
    doc,
    errors.map((e) => ({ ...e, instancePath: prefix + e.instancePath })),
  );
}

/** ajv's errors placed on the nodes the user must change, umbrellas folded, in document order. */
function mapErrors(doc: Document, errors: ErrorObject[]): SchemaError[] {
  if (errors.length === 0) return [];

  // Fold the branches of anyOf/oneOf into the umbrella: one message per node.
  // When exactly one branch takes the value's type (`discipline: engineering`
  // against "one value or a list"), that branch's own errors say it better
  // (the enum's "did you mean"), so the umbrella steps aside for them.
  const all = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const through = new Map<ErrorObject, string>();
  for (const u of all) {
    const branches = ((u.parentSchema as Record<string, unknown>)?.[u.keyword] ?? []) as { type?: unknown }[];
    const t = jsonType(u.data);
    const matching = branches.map((b, i) => ({ b, i })).filter(({ b }) => b.type === t || (t === 'integer' && b.type === 'number'));
    if (matching.length !== 1) continue;
    const prefix = `${u.schemaPath}/${matching[0].i}/`;
    if (errors.some((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(u.instancePath))) through.set(u, prefix);
  }
  const umbrellas = all.filter((u) => !through.has(u));
  const inBranch = (e: ErrorObject) =>
    through.has(e) ||
    [...through].some(
      ([u, prefix]) => e.schemaPath.startsWith(u.schemaPath + '/') && !e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(u.instancePath),
    ) ||
    umbrellas.some((u) => u !== e && e.schemaPath.startsWith(u.schemaPath + '/') && e.instancePath.startsWith(u.instancePath));

  const out: SchemaError[] = [];
  const seen = new Set<string>();
  const push = (err: SchemaError) => {
    const k = `${err.start}:${err.end}:${err.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(err);
  };

  for (const e of errors) {
    const pushAt = (err: SchemaError) => push(indirectAt ? { ...err, indirect: true } : err);
    let indirectAt = false;
    if (e.keyword === 'if') continue;
    // `not: { const: … }` is how the schema forbids one value of an enum (a rule that cannot be turned off).
    const forbidden = e.keyword === 'not' ? (e.parentSchema as { not?: { const?: unknown } } | undefined)?.not : undefined;
    if (e.keyword === 'not' && (!forbidden || !('const' in forbidden))) continue;
    if (inBranch(e)) continue;
    const located = resolvePointer(doc, e.instancePath);
    // Reached through a `<<` or an alias: report there, where the user wrote it into this place.
    const stand = located.via && viaNode(located.via);
    indirectAt = Boolean(stand);
    const at: Located = stand ? { node: stand, pair: new Pair(stand, stand) } : located;
    const pointer = e.instancePath;
    const segs = pointer.split('/').map(unescapePointer);
    const last = segs[segs.length - 1];
    // A list item has no name of its own: say which item of which list.
    const where =
      pointer === ''
        ? 'the file'
        : /^\d+$/.test(last) &&
            isSeq(
              resolvePointer(
                doc,
                segs
                  .slice(0, -1)
                  .map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1'))
                  .join('/'),
              ).node,
            )
          ? `item ${Number(last) + 1} of '${segs[segs.length - 2]}'`
          : `'${last}'`;
    if (forbidden) {
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      const why = (e.parentSchema as { markdownDescription?: string } | undefined)?.markdownDescription
        ?.match(/It cannot be turned `off`: [^.]*\./)?.[0]
        .replace(/`/g, '');
      pushAt({ ...s, kind: 'value', pointer, message: `${sentenceStart(where)} cannot be ${shown(e.data)}.${why ? ` ${why}` : ''}` });
      continue;
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const prop = String(
        (e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
          (e.params as { unevaluatedProperty?: string }).unevaluatedProperty,
      );
      const map = at.node;
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === prop) : undefined;
      // A property that came in through a `<<`: report it on that line.
      const merged = !pair && !stand ? locatePointer(doc, `${pointer}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`).via : undefined;
      if (merged) indirectAt = true;
      const s = (merged && { start: merged[0], end: merged[1] }) ?? nodeSpan(pair?.key as Node) ?? nodeSpan(map) ?? rootSpan(doc);
      const known = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object);
      const candidates = closest(prop, known, Math.max(2, Math.floor(prop.length / 3)));
      const comma = candidates.length === 0 && isMap(map) && pair ? commaCut(map, pair) : undefined;
      // Renaming onto a key the mapping already has would write a duplicate key: never the safe one.
      const safe = safeCorrection(prop, candidates, (c) => isMap(map) && map.items.some((p) => isScalar(p.key) && String(p.key.value) === c));
      const hint = comma
        ? ` An unquoted comma ends a value inside { … }: '${comma.property}' stops before it, and the rest reads as a property. Quote the value: ${comma.property}: ${comma.newText}.`
        : didYouMean(candidates, safe);
      pushAt({
        ...s,
        kind: 'unknown-property',
        property: prop,
        candidates,
        ...(safe ? { safe } : {}),
        comma,
        pointer,
        message: `Unknown property '${prop}' in ${where}.${hint} Known properties: ${known.join(', ')} (and any key starting with 'x-').`,
      });
    } else if (e.keyword === 'required') {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      const s = nodeSpan(at.pair?.key as Node) ?? rootSpan(doc);
      pushAt({ ...s, kind: 'missing-property', property: prop, pointer, message: `Missing required property '${prop}' in ${where}.` });
    } else if (e.keyword === 'enum' || e.keyword === 'const') {
      const allowed = (
        e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue]
      ).map(String);
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      const value = e.data;
      // An empty value is already a type error on the same node: one finding is enough.
      if (value === null && e.keyword === 'enum') continue;
      const rawAllowed =
        e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      // `version: "1"`: the right value, written as text. Say so instead of "did you mean '1'".
      const unquoted = typeof value === 'string' ? rawAllowed.find((a) => typeof a !== 'string' && String(a) === value.trim()) : undefined;
      if (unquoted !== undefined) {
        pushAt({
          ...s,
          kind: 'quoted',
          pointer,
          to: String(unquoted),
          message: `${sentenceStart(where)} must be the ${typeof unquoted} ${String(unquoted)}, not the text ${JSON.stringify(value)}: remove the quotes.`,
        });
        continue;
      }
      const { candidates, safe } = typeof value === 'string' ? correctEnum(value, allowed) : { candidates: [], safe: undefined };
      const hint = didYouMean(candidates, safe, 2);
      const dflt = (e.parentSchema as { default?: unknown } | undefined)?.default;
      const fallback = typeof dflt === 'string' ? ` Until it is fixed, the rules read the default, '${dflt}'.` : '';
      pushAt({
        ...s,
        kind: e.keyword === 'enum' ? 'enum' : 'value',
        pointer,
        candidates,
        ...(safe ? { safe } : {}),
        allowed,
        value: typeof value === 'string' ? value : undefined,
        message: `${shown(value)} is not allowed for ${where}.${hint} Allowed: ${allowed.join(', ')}.${fallback}`,
      });
    } else if (e.keyword === 'type' || e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const s = nodeSpan(at.node) ?? nodeSpan(at.pair?.key as Node) ?? rootSpan(doc);
      let expected: string[];
      if (e.keyword === 'type') {
        const t = (e.params as { type: string | string[] }).type;
        expected = Array.isArray(t) ? t : [t];
      } else {
        const branches = ((e.parentSchema as Record<string, unknown>)?.[e.keyword] ?? []) as Record<string, unknown>[];
        expected = branches.flatMap((b) => {
          const t = b.type ?? (b.$ref ? 'object' : undefined);
          return Array.isArray(t) ? t : t ? [String(t)] : [];
        });
      }
      const desc = (e.parentSchema as { title?: string })?.title;
      const label = e.keyword === 'type' ? describeTypes(expected) : desc ? `${describeTypes(expected)} (${desc})` : describeTypes(expected);
      const What = sentenceStart(where);
      if (
        e.keyword === 'type' &&
        expected.length === 1 &&
        expected[0] === 'array' &&
        isScalar(at.node) &&
        (typeof e.data === 'string' || typeof e.data === 'number')
      ) {
        pushAt({ ...s, kind: 'not-a-list', pointer, message: `${What} must be a list, not ${kindOfValue(e.data)}: write [${String(e.data)}].` });
        continue;
      }
      const asNumber = typeof e.data === 'string' && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(e.data) ? Number(e.data) : undefined;
      if (asNumber !== undefined && (expected.includes('integer') ? Number.isInteger(asNumber) : expected.includes('number'))) {
        pushAt({
          ...s,
          kind: 'quoted',
          pointer,
          to: String(asNumber),
          message: `${What} must be a number, not the text ${JSON.stringify(e.data)}: remove the quotes.`,
        });
        continue;
      }
      pushAt({ ...s, kind: 'type', pointer, message: `${What} must be ${label}, not ${kindOfValue(e.data)}.` });
    } else if (e.keyword === 'pattern' && (e.parentSchema as Record<string, unknown>)?.['x-patternName']) {
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      pushAt({
        ...s,
        kind: 'value',
        pointer,
        message: `${sentenceStart(where)} must be ${String((e.parentSchema as Record<string, unknown>)['x-patternName'])}, not ${shown(e.data)}.`,
      });
    } else {
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      pushAt({ ...s, kind: 'value', pointer, message: `${sentenceStart(where)} ${e.message ?? 'is not valid'}.` });
    }
  }
  // Offsets first, so problems come out in document order.
  return out.sort((a, b) => a.start - b.start);
}
