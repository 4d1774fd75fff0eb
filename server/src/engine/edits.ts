// Minimal text edits computed from node ranges. Nothing here re-stringifies
// the document: yaml's own docs say comment placement after a round trip "is
// not completely stable", and users' files are theirs.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from './lines';
import type { RefField } from './model';
import type { Span, TextEdit } from './types';

export interface EditContext {
  text: string;
  lines: LineIndex;
}

type QuoteStyle = 'double' | 'single' | 'plain';

function quoteAs(style: QuoteStyle, value: string): string {
  if (style === 'double') return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return plainOrQuoted(value);
}

/** Writes a scalar the way the original was written (plain, 'single' or "double" quoted). */
export function scalarLike(node: Node | null | undefined, value: string): string {
  const type = isScalar(node) ? node.type : undefined;
  return quoteAs(type === Scalar.QUOTE_DOUBLE ? 'double' : type === Scalar.QUOTE_SINGLE ? 'single' : 'plain', value);
}

/** Replaces the scalar written at `span` (a key or a value), keeping its quoting style. */
export function replaceSpanLike(ctx: EditContext, span: Span, value: string): TextEdit {
  const first = ctx.text[span.start];
  return { start: span.start, end: span.end, newText: quoteAs(first === '"' ? 'double' : first === "'" ? 'single' : 'plain', value) };
}

/** A plain scalar when YAML allows it, else double-quoted. */
export function plainOrQuoted(value: string): string {
  const plainSafe = /^[A-Za-z0-9_][A-Za-z0-9_ .\-/()%@+]*$/.test(value) && !/ $/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[0-9.+-]+$/.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

function nextLineStart(ctx: EditContext, line: number): number {
  return line + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(line + 1) : ctx.text.length;
}

function endOfLineAt(ctx: EditContext, offset: number): number {
  return ctx.lines.lineEnd(ctx.lines.positionAt(offset).line);
}

/** The offset of the ':' that follows a block mapping key. */
function colonAfter(ctx: EditContext, key: Node): number {
  const i = ctx.text.indexOf(':', key.range![1]);
  return i < 0 ? key.range![1] : i;
}

/** Turns a person/team field (a scalar or a list) into exactly one id. */
export function replaceRefField(ctx: EditContext, field: RefField, id: string): TextEdit[] {
  const node = field.node;
  if (!node?.range) {
    // `owner:` with no value at all.
    const colon = colonAfter(ctx, field.pair.key as Node);
    return [{ start: colon + 1, end: colon + 1, newText: ` ${id}` }];
  }
  if (isSeq(node) && !node.flow) {
    // Block list: the id goes onto the key's line; each item line goes away,
    // and every comment (own-line or trailing an item) stays on a line of its own.
    const colon = colonAfter(ctx, field.pair.key as Node);
    const edits: TextEdit[] = [{ start: colon + 1, end: colon + 1, newText: ` ${id}` }];
    for (const item of node.items as Node[]) {
      if (!item?.range) continue;
      const line = ctx.lines.positionAt(item.range[0]).line;
      const start = ctx.lines.lineStart(line);
      const end = ctx.lines.lineEnd(line);
      const rest = ctx.text.slice(item.range[1], end).trim();
      const dash = ctx.text.lastIndexOf('-', item.range[0]);
      const indent = ctx.text.slice(start, Math.max(start, dash)).replace(/[^ \t]/g, ' ');
      if (rest.startsWith('#')) edits.push({ start, end, newText: `${indent}${rest}` });
      else edits.push({ start, end: Math.min(ctx.text.length, nextLineStart(ctx, line)), newText: '' });
    }
    return edits;
  }
  const first = isSeq(node) ? (node.items[0] as Node | undefined) : node;
  return [{ start: node.range[0], end: node.range[1], newText: scalarLike(first, id) }];
}

/** The pair with a given key in a mapping. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/** The last offset of a node's value text (its last line's content). */
function valueEnd(ctx: EditContext, node: Node): number {
  let e = node.range![1];
  while (e > node.range![0] && (ctx.text[e - 1] === '\n' || ctx.text[e - 1] === '\r')) e--;
  return e;
}

function indentOfKey(ctx: EditContext, pair: Pair): string {
  const col = ctx.lines.positionAt((pair.key as Node).range![0]).character;
  return ' '.repeat(col);
}

/**
 * Sets `key: value` in a mapping: replaces the value when the key exists,
 * else inserts a new entry after `after` (a key) or at the end, in the
 * mapping's own style (block or flow).
 */
export function setMapProperty(ctx: EditContext, map: YAMLMap, key: string, valueText: string, after?: string[]): TextEdit[] {
  const existing = pairOf(map, key);
  if (existing) {
    const v = existing.value as Node | null;
    if (v?.range) return [{ start: v.range[0], end: v.range[1], newText: valueText }];
    const colon = colonAfter(ctx, existing.key as Node);
    return [{ start: colon + 1, end: colon + 1, newText: ` ${valueText}` }];
  }
  const items = map.items as Pair[];
  if (map.flow || items.length === 0) {
    if (items.length === 0) {
      const open = map.range![0];
      return [{ start: open + 1, end: open + 1, newText: ` ${key}: ${valueText} ` }];
    }
    const last = items[items.length - 1];
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    return [{ start: end, end, newText: `, ${key}: ${valueText}` }];
  }
  let anchor: Pair = items[items.length - 1];
  for (const a of after ?? []) {
    const p = pairOf(map, a);
    if (p) {
      anchor = p;
      break;
    }
  }
  const anchorNode = (anchor.value as Node | null)?.range ? (anchor.value as Node) : (anchor.key as Node);
  const at = endOfLineAt(ctx, valueEnd(ctx, anchorNode));
  return [{ start: at, end: at, newText: `${ctx.text.includes('\r\n') ? '\r\n' : '\n'}${indentOfKey(ctx, items[0])}${key}: ${valueText}` }];
}

/**
 * Adds an entry (`id:` plus its body lines) to an id-keyed section such as
 * `people:` or `teams:`, creating the section at the end of the file if needed.
 * `body` holds `field: value` lines without indentation.
 */
export function addSectionEntry(ctx: EditContext, root: Node | null, section: string, id: string, body: [string, string][]): TextEdit[] {
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const rootMap = isMap(root) ? root : undefined;
  const sectionPair = pairOf(rootMap, section);
  const sectionMap = isMap(sectionPair?.value) ? (sectionPair!.value as YAMLMap) : undefined;
  const flowBody = `{ ${body.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  if (sectionMap && sectionMap.items.length > 0 && !sectionMap.flow) {
    const items = sectionMap.items as Pair[];
    const indent = indentOfKey(ctx, items[0]);
    const last = items[items.length - 1];
    const lastNode = (last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node);
    const at = endOfLineAt(ctx, valueEnd(ctx, lastNode));
    // Follow the file's habit: if its entries are flow maps, write one too.
    const firstValue = items[0].value;
    if (isMap(firstValue) && firstValue.flow) return [{ start: at, end: at, newText: `${eol}${indent}${id}: ${flowBody}` }];
    const step = childIndent(ctx, items[0]) ?? indent + '  ';
    return [{ start: at, end: at, newText: `${eol}${indent}${id}:${body.map(([k, v]) => `${eol}${step}${k}: ${v}`).join('')}` }];
  }
  if (sectionMap && sectionMap.flow) {
    return setMapProperty(ctx, sectionMap, id, flowBody);
  }
  if (sectionPair) {
    // `people:` with nothing (or something unusable) after it.
    const colon = colonAfter(ctx, sectionPair.key as Node);
    const v = sectionPair.value as Node | null;
    const indent = indentOfKey(ctx, sectionPair) + '  ';
    const end = v?.range && isScalar(v) && v.value === null ? v.range[1] : colon + 1;
    return [{ start: colon + 1, end: Math.max(colon + 1, end), newText: `${eol}${indent}${id}:${body.map(([k, v2]) => `${eol}${indent}  ${k}: ${v2}`).join('')}` }];
  }
  // No section at all: append one at the end of the file.
  const needsBreak = ctx.text.length > 0 && !ctx.text.endsWith('\n');
  return [{ start: ctx.text.length, end: ctx.text.length, newText: `${needsBreak ? eol : ''}${eol}${section}:${eol}  ${id}:${body.map(([k, v]) => `${eol}    ${k}: ${v}`).join('')}${eol}` }];
}

/** The indentation of the first key inside an entry's block map, if it has one. */
function childIndent(ctx: EditContext, pair: Pair): string | undefined {
  const v = pair.value;
  if (isMap(v) && !v.flow && v.items.length > 0) return indentOfKey(ctx, v.items[0] as Pair);
  return undefined;
}


export function applyEdits(text: string, edits: TextEdit[]): string {
  // Back to front, so earlier offsets stay valid; inserts at one offset keep their given order.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
