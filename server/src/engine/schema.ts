// JSON-schema validation with ajv, each error mapped to the smallest node the
// user must change: an unknown property to its key, a missing property to its
// parent's key, a bad value to the value. Umbrella anyOf/oneOf noise is folded
// into one message.
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { isMap, isPair, isScalar, Pair, Scalar, type Document, type Node } from 'yaml';
import { locatePointer, resolverFor } from './resolve';
import schemaJson from '../../../schemas/productteam.schema.json';
import type { SchemaError, Span } from './types';
import { closest } from './text';

export const SCHEMA = schemaJson as Record<string, unknown>;

export type { SchemaError, SchemaErrorKind } from './types';

let validator: ReturnType<Ajv2020['compile']> | undefined;

function compiled(): ReturnType<Ajv2020['compile']> {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    validator = ajv.compile(SCHEMA);
  }
  return validator;
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

function nodeSpan(node: Node | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** The first key of the document: where root-level findings go. */
function rootSpan(doc: Document): Span {
  const root = doc.contents;
  if (isMap(root) && root.items.length > 0 && isPair(root.items[0])) {
    const s = nodeSpan(root.items[0].key as Node);
    if (s) return s;
  }
  return nodeSpan(root as Node) ?? { start: 0, end: 0 };
}

function describeTypes(types: string[]): string {
  const names = types.map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : t === 'string' ? 'text' : t === 'integer' ? 'an integer' : t === 'null' ? 'empty' : `a ${t}`));
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
 * Validates the document with aliases and merge keys resolved (`data`, from
 * resolve.ts; computed here when not given). A bad alias resolves to null, so
 * the rest of the file is still validated.
 */
export function validateSchema(doc: Document, data: unknown = resolverFor(doc).toJS().data): SchemaError[] {
  const validate = compiled();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];

  // Fold the branches of anyOf/oneOf into the umbrella: one message per node.
  const umbrellas = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inBranch = (e: ErrorObject) =>
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
    if (e.keyword === 'if' || e.keyword === 'not') continue;
    if (inBranch(e)) continue;
    const located = resolvePointer(doc, e.instancePath);
    // Reached through a `<<` or an alias: report there, where the user wrote it into this place.
    const stand = located.via && viaNode(located.via);
    indirectAt = Boolean(stand);
    const at: Located = stand ? { node: stand, pair: new Pair(stand, stand) } : located;
    const pointer = e.instancePath;
    const where = pointer === '' ? 'the file' : `'${unescapePointer(pointer.split('/').pop()!)}'`;
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const prop = String((e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ?? (e.params as { unevaluatedProperty?: string }).unevaluatedProperty);
      const map = at.node;
      const pair = isMap(map) ? (map.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === prop) : undefined;
      // A property that came in through a `<<`: report it on that line.
      const merged = !pair && !stand ? locatePointer(doc, `${pointer}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`).via : undefined;
      if (merged) indirectAt = true;
      const s = (merged && { start: merged[0], end: merged[1] }) ?? nodeSpan(pair?.key as Node) ?? nodeSpan(map) ?? rootSpan(doc);
      const known = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object);
      const candidates = closest(prop, known, Math.max(2, Math.floor(prop.length / 3)));
      const hint = candidates.length ? ` Did you mean '${candidates[0]}'?` : '';
      pushAt({ ...s, kind: 'unknown-property', property: prop, candidates, pointer, message: `Unknown property '${prop}' in ${where}.${hint} Known properties: ${known.join(', ')} (and any key starting with 'x-').` });
    } else if (e.keyword === 'required') {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      const s = nodeSpan(at.pair?.key as Node) ?? rootSpan(doc);
      pushAt({ ...s, kind: 'missing-property', property: prop, pointer, message: `Missing required property '${prop}' in ${where}.` });
    } else if (e.keyword === 'enum' || e.keyword === 'const') {
      const allowed = (e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue]).map(String);
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      const value = e.data;
      const candidates = typeof value === 'string' ? closest(value, allowed, Math.max(3, Math.ceil(value.length / 2))) : [];
      if (typeof value === 'string' && candidates.length === 0) candidates.push(...allowed);
      const hint = candidates.length && typeof value === 'string' ? ` Did you mean '${candidates[0]}'?` : '';
      pushAt({ ...s, kind: e.keyword === 'enum' ? 'enum' : 'value', pointer, candidates, value: typeof value === 'string' ? value : undefined, message: `${shown(value)} is not allowed for ${where}.${hint} Allowed: ${allowed.join(', ')}.` });
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
      pushAt({ ...s, kind: 'type', pointer, message: `${where === 'the file' ? 'The file' : where} must be ${label}, not ${kindOfValue(e.data)}.` });
    } else {
      const s = nodeSpan(at.node) ?? rootSpan(doc);
      pushAt({ ...s, kind: 'value', pointer, message: `${where === 'the file' ? 'The file' : where} ${e.message ?? 'is not valid'}.` });
    }
  }
  // Offsets first, so problems come out in document order.
  return out.sort((a, b) => a.start - b.start);
}
