// Minimal text edits computed from node ranges. Nothing here re-stringifies
// the document: yaml's own docs say comment placement after a round trip "is
// not completely stable", and users' files are theirs.
import { Document, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../syntax/lines';
import type { RefField } from '../model/model';
import type { Span, TextEdit } from '../types';
import { keyNode, rootNode, valueNode } from '../syntax/nodes';

export interface EditContext {
  text: string;
  lines: LineIndex;
}

type QuoteStyle = 'double' | 'single' | 'plain';
type ScalarType = typeof Scalar.PLAIN | typeof Scalar.QUOTE_SINGLE | typeof Scalar.QUOTE_DOUBLE;

/** yaml's own writer for one string, as an item of a flow sequence (so it is safe in flow and block context alike). */
function writeWithYaml(value: string, version: '1.1' | '1.2', type: ScalarType): string {
  const doc = new Document([value], { version });
  const seq = doc.contents as YAMLSeq<Scalar>;
  seq.flow = true;
  seq.items[0].type = type;
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false }).trimEnd();
  return out.slice(1, -1);
}

/**
 * A scalar that YAML reads back as exactly `value`, a string, wherever it is
 * written (a key or a value, block or flow): yaml's own scalar writer
 * decides when quotes are needed (`on-call: x`, `#1`, `true`, `1.0`, `null`,
 * a leading `*`, `&` or `!`, a trailing space…). A plain scalar is kept only
 * when both YAML 1.2 and 1.1 readers would take it as a string, since other
 * tools may read the file with either.
 */
export function yamlString(value: string, style: QuoteStyle = 'plain'): string {
  const type = style === 'double' ? Scalar.QUOTE_DOUBLE : style === 'single' ? Scalar.QUOTE_SINGLE : Scalar.PLAIN;
  let out = writeWithYaml(value, '1.2', type);
  if (style === 'plain' && !/^["']/.test(out)) {
    const legacy = writeWithYaml(value, '1.1', type);
    if (/^["']/.test(legacy)) out = legacy;
  }
  // Never a scalar over several lines (a folded flow scalar): double quotes with escapes instead.
  // A plain `<<` key is a merge key to readers with merge keys on (as ours are), which yaml's writer does not know.
  if (/[\r\n]/.test(out) || out === '<<') out = writeWithYaml(value, '1.2', Scalar.QUOTE_DOUBLE);
  return out;
}

function quoteAs(style: QuoteStyle, value: string): string {
  return yamlString(value, style);
}

/** Writes a scalar the way the original was written (plain, 'single' or "double" quoted). */
export function scalarLike(node: Node | null | undefined, value: string): string {
  const type = isScalar(node) ? node.type : undefined;
  return quoteAs(type === Scalar.QUOTE_DOUBLE ? 'double' : type === Scalar.QUOTE_SINGLE ? 'single' : 'plain', value);
}

/** Replaces the scalar written at `span` (a key or a value), keeping its quoting style. */
export function replaceSpanLike(ctx: EditContext, span: Span, value: string): TextEdit {
  const first = ctx.text[span.start];
  return spaced(ctx, { start: span.start, end: span.end, newText: quoteAs(first === '"' ? 'double' : first === "'" ? 'single' : 'plain', value) });
}

/**
 * Keeps a replacement from gluing onto its neighbours: a space after a `:`,
 * a tag or an anchor right before it, and before a comment right after it.
 */
function spaced(ctx: EditContext, edit: TextEdit): TextEdit {
  if (edit.newText === '') return edit;
  const before = edit.start > 0 ? ctx.text[edit.start - 1] : '\n';
  const after = ctx.text[edit.end] ?? '\n';
  let newText = edit.newText;
  if (!/[\s[{,]/.test(before)) newText = ` ${newText}`;
  if (after === '#') newText = `${newText} `;
  return { ...edit, newText };
}

interface Props {
  /** Where the node's properties (tag, anchor) begin, or the node's own start when it has none. */
  start: number;
  /** The anchors written (`&o`), kept by a replacement. */
  anchors: string[];
}

/**
 * The tag and anchor written before a node. yaml's node ranges start after
 * them, so they are found by stepping back over `!tag` and `&anchor` tokens.
 */
function propsBefore(ctx: EditContext, at: number): Props {
  const anchors: string[] = [];
  let start = at;
  let i = at;
  for (;;) {
    let j = i;
    while (j > 0 && (ctx.text[j - 1] === ' ' || ctx.text[j - 1] === '\t')) j--;
    let k = j;
    while (k > 0 && !/[\s[{,]/.test(ctx.text[k - 1])) k--;
    const token = ctx.text.slice(k, j);
    if (k === j || !/^[!&]/.test(token)) break;
    if (token.startsWith('&')) anchors.unshift(token);
    start = k;
    i = k;
  }
  return { start, anchors };
}

/**
 * Replaces a scalar value (possibly empty, `~`, tagged, anchored, followed by
 * a comment) with a written scalar. A tag goes (`!!null alice` would not be
 * an id), an anchor stays (aliases elsewhere may use it).
 */
function replaceScalarValue(ctx: EditContext, node: Node, written: string): TextEdit {
  const props = propsBefore(ctx, node.range![0]);
  const newText = [...props.anchors, written].join(' ');
  return spaced(ctx, { start: props.start, end: node.range![1], newText });
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

/**
 * Writes `written` as the value of a key whose value is a block collection
 * (or nothing at all): onto the key's line, after the colon, keeping any
 * anchor written there and dropping a tag.
 */
function onKeyLine(ctx: EditContext, key: Node, written: string): TextEdit {
  const colon = colonAfter(ctx, key);
  const tail = ctx.text.slice(colon + 1, endOfLineAt(ctx, colon));
  const props = /^(?:[ \t]+[!&][^\s#]*)*/.exec(tail)![0];
  const anchors = props.match(/&[^\s]+/g) ?? [];
  return { start: colon + 1, end: colon + 1 + props.length, newText: ` ${[...anchors, written].join(' ')}` };
}

/** Turns a person/team field (a scalar or a list) into exactly one id. */
export function replaceRefField(ctx: EditContext, field: RefField, id: string): TextEdit[] {
  const node = field.node;
  if (!node?.range) return [onKeyLine(ctx, keyNode(field.pair), yamlString(id))];
  // A mapping where an id goes is something else gone wrong (often a lost key above it): not ours to overwrite.
  if (isMap(node)) return [];
  if (isSeq(node) && !node.flow) {
    // Block list: the id goes onto the key's line; each item's lines go away,
    // and every comment (own-line or trailing an item) stays on a line of its own.
    const items = (node.items as (Node | null)[]).filter((item): item is Node => !!item?.range);
    const firstItem = items.find((item) => isScalar(item));
    const edits: TextEdit[] = [onKeyLine(ctx, keyNode(field.pair), scalarLike(firstItem, id))];
    for (const item of items) {
      const line = ctx.lines.positionAt(item.range![0]).line;
      const lastLine = ctx.lines.positionAt(Math.max(item.range![0], valueEnd(ctx, item))).line;
      const start = ctx.lines.lineStart(line);
      const end = ctx.lines.lineEnd(lastLine);
      const rest = ctx.text.slice(valueEnd(ctx, item), end).trim();
      const dash = ctx.text.lastIndexOf('-', item.range![0]);
      const indent = ctx.text.slice(start, Math.max(start, dash)).replace(/[^ \t]/g, ' ');
      if (rest.startsWith('#')) edits.push({ start, end, newText: `${indent}${rest}` });
      else edits.push({ start, end: Math.min(ctx.text.length, nextLineStart(ctx, lastLine)), newText: '' });
    }
    return edits;
  }
  if (isSeq(node)) {
    const first = node.items[0] as Node | undefined;
    const props = propsBefore(ctx, node.range[0]);
    return [spaced(ctx, { start: props.start, end: node.range[1], newText: [...props.anchors, scalarLike(first, id)].join(' ') })];
  }
  return [replaceScalarValue(ctx, node, scalarLike(node, id))];
}

/** The mapping that holds the key starting at `offset`, if any (a walk down the nodes that contain it). */
export function mapWithKeyAt(doc: { contents: unknown }, offset: number): YAMLMap | undefined {
  let node = rootNode(doc);
  while (node?.range && node.range[0] <= offset && offset <= node.range[2]) {
    let next: Node | null = null;
    if (isMap(node)) {
      for (const p of node.items as Pair<Node | null, Node | null>[]) {
        if (p.key?.range?.[0] === offset) return node;
        if (p.value?.range && p.value.range[0] <= offset && offset <= p.value.range[2]) next = p.value;
      }
    } else if (isSeq(node)) {
      next = (node.items as (Node | null)[]).find((item) => item?.range && item.range[0] <= offset && offset <= item.range[2]) ?? null;
    }
    node = next;
  }
  return undefined;
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

/**
 * Where a mapping entry starts: before its key's tag and anchor
 * (`&lead alice:`, `!!str alice:`) and the `?` of an explicit key. yaml's
 * key range starts after them, so the key's own column is not the entry's.
 */
function entryStart(ctx: EditContext, pair: Pair): number {
  let at = propsBefore(ctx, keyNode(pair).range![0]).start;
  let j = at;
  while (j > 0 && (ctx.text[j - 1] === ' ' || ctx.text[j - 1] === '\t')) j--;
  if (j > 0 && ctx.text[j - 1] === '?' && (j === 1 || /\s/.test(ctx.text[j - 2]))) at = j - 1;
  return at;
}

/** The indentation of a block mapping's entries, from where its entry starts. */
function indentOfKey(ctx: EditContext, pair: Pair): string {
  return ' '.repeat(ctx.lines.positionAt(entryStart(ctx, pair)).character);
}

/** Whether the text after the root node holds another document (`---` or `...` then more): an insertion at the end would land there. */
function anotherDocumentAfter(ctx: EditContext, root: Node | null): boolean {
  const end = root?.range?.[1] ?? 0;
  return /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/m.test(ctx.text.slice(end));
}

/**
 * Sets `key: value` in a mapping (`value` is the string to write; it is
 * quoted when YAML needs it): replaces the value when the key exists, else
 * inserts a new entry after `after` (a key) or at the end, in the mapping's
 * own style (block or flow).
 */
export function setMapProperty(ctx: EditContext, map: YAMLMap, key: string, value: string, after?: string[]): TextEdit[] {
  return setWrittenProperty(ctx, map, key, yamlString(value), after);
}

/** Like setMapProperty, with `valueText` written as given (a number, a flow map): the caller vouches for it. */
export function setWrittenProperty(ctx: EditContext, map: YAMLMap, key: string, valueText: string, after?: string[]): TextEdit[] {
  const existing = pairOf(map, key);
  if (existing) {
    const v = valueNode(existing);
    if (isScalar(v) && v.range) return [replaceScalarValue(ctx, v, valueText)];
    if (v?.range && (map.flow || (isMap(v) && v.flow) || (isSeq(v) && v.flow)))
      return [spaced(ctx, { start: v.range[0], end: v.range[1], newText: valueText })];
    if (v?.range) return [];
    return [onKeyLine(ctx, keyNode(existing), valueText)];
  }
  const keyText = yamlString(key);
  const items = map.items;
  if (!map.range) return [];
  if (map.flow || items.length === 0) {
    if (items.length === 0) {
      const open = map.range[0];
      if (ctx.text[open] !== '{') return [];
      return [{ start: open + 1, end: open + 1, newText: ` ${keyText}: ${valueText} ` }];
    }
    const last = items[items.length - 1];
    const end = (valueNode(last)?.range ?? keyNode(last).range!)[1];
    return [{ start: end, end, newText: `, ${keyText}: ${valueText}` }];
  }
  let anchor: Pair = items[items.length - 1];
  for (const a of after ?? []) {
    const p = pairOf(map, a);
    if (p) {
      anchor = p;
      break;
    }
  }
  const anchorNode = valueNode(anchor)?.range ? valueNode(anchor)! : keyNode(anchor);
  const at = endOfLineAt(ctx, valueEnd(ctx, anchorNode));
  return [{ start: at, end: at, newText: `${eolOf(ctx.text)}${indentOfKey(ctx, items[0])}${keyText}: ${valueText}` }];
}

/**
 * Adds an entry (`id:` plus its body) to an id-keyed section such as
 * `people:` or `teams:`, creating the section at the end of the file if
 * needed. `body` holds `[field, value]` pairs; the id and the values are
 * written as YAML strings (quoted when YAML needs it).
 */
export function addSectionEntry(ctx: EditContext, root: Node | null, section: string, id: string, body: [string, string][]): TextEdit[] {
  const eol = eolOf(ctx.text);
  const rootMap = isMap(root) ? root : undefined;
  if (root && !rootMap && !(isScalar(root) && root.value === null)) return [];
  const idText = yamlString(id);
  const fields = body.map(([k, v]) => [yamlString(k), yamlString(v)] as const);
  const flowBody = `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  const blockBody = (indent: string) => fields.map(([k, v]) => `${eol}${indent}${k}: ${v}`).join('');
  const sectionPair = pairOf(rootMap, section);
  const value = sectionPair?.value as Node | null | undefined;
  if (isMap(value) && value.items.length > 0 && !value.flow) {
    const items = value.items;
    // A key that is itself a collection (`? [a, b]`) gives no column to follow: no insertion rather than a guess.
    if (items.some((p) => !isScalar(p.key) || !keyNode(p).range)) return [];
    const indent = indentOfKey(ctx, items[0]);
    const last = items[items.length - 1];
    const lastNode = valueNode(last)?.range ? valueNode(last)! : keyNode(last);
    const at = endOfLineAt(ctx, valueEnd(ctx, lastNode));
    // Follow the file's habit: if its entries are flow maps, write one too.
    const firstValue = items[0].value;
    if (isMap(firstValue) && firstValue.flow) return [{ start: at, end: at, newText: `${eol}${indent}${idText}: ${flowBody}` }];
    const step = childIndent(ctx, items[0]) ?? indent + '  ';
    return [{ start: at, end: at, newText: `${eol}${indent}${idText}:${blockBody(step)}` }];
  }
  if (isMap(value)) return setWrittenProperty(ctx, value, id, flowBody);
  if (sectionPair) {
    // `people:` with nothing after it (or `~`, a tag, an anchor, a comment): the
    // entry goes on the lines below; a written null goes, an anchor stays.
    if (value && !(isScalar(value) && value.value === null)) return [];
    const indent = indentOfKey(ctx, sectionPair) + '  ';
    const sectionKey = keyNode(sectionPair);
    const edits: TextEdit[] = [];
    const colon = colonAfter(ctx, sectionKey);
    let lineOf = colon;
    if (value?.range) {
      // Everything between the colon and a comment goes but the anchors.
      const props = propsBefore(ctx, value.range[0]);
      const end = value.range[1];
      const newText = `${props.anchors.map((a) => ` ${a}`).join('')}${ctx.text[end] === '#' ? ' ' : ''}`;
      if (ctx.text.slice(colon + 1, end) !== newText) edits.push({ start: colon + 1, end, newText });
      lineOf = value.range[0];
    }
    const at = endOfLineAt(ctx, lineOf);
    edits.push({ start: at, end: at, newText: `${eol}${indent}${idText}:${blockBody(indent + '  ')}` });
    return edits;
  }
  if (rootMap?.flow) return setWrittenProperty(ctx, rootMap, section, `{ ${idText}: ${flowBody} }`);
  // No section at all: append one at the end of the file, unless the end of the file is another document.
  if (anotherDocumentAfter(ctx, root)) return [];
  const needsBreak = ctx.text.length > 0 && !ctx.text.endsWith('\n');
  return [{ start: ctx.text.length, end: ctx.text.length, newText: `${needsBreak ? eol : ''}${eol}${section}:${eol}  ${idText}:${blockBody('    ')}${eol}` }];
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

/** The line break the text uses (CRLF, LF, or a lone CR). */
export function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
}

function lineOf(ctx: EditContext, offset: number): number {
  return ctx.lines.positionAt(offset).line;
}

/** The end of a node's own text, without the line breaks (and YAML blanks) a block collection's range includes; a no-break space is part of the value. */
function contentEnd(ctx: EditContext, node: Node): number {
  let e = node.range![1];
  while (e > node.range![0] && /[ \t\r\n]/.test(ctx.text[e - 1])) e--;
  return e;
}

// ---- removing list items and properties, making lists, top-level settings ----
// The same invariant: computed from node ranges, and every comment in a
// removed range survives on a line of its own.

/**
 * Comments written on the lines [fromLine, toLine], as lines of their own: an
 * own-line comment as it was, a trailing one moved to a line indented `indent`.
 */
function commentsIn(ctx: EditContext, fromLine: number, toLine: number, indent: string): string[] {
  const out: string[] = [];
  for (let l = fromLine; l <= toLine; l++) {
    const line = ctx.text.slice(ctx.lines.lineStart(l), ctx.lines.lineEnd(l));
    const hash = commentStart(line);
    if (hash < 0) continue;
    out.push(line.slice(0, hash).trim() === '' ? line.trimEnd() : `${indent}${line.slice(hash).trimEnd()}`);
  }
  return out;
}

/** Where a YAML comment starts in a line ('#' at its start or after a blank, outside quotes), or -1. */
function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/**
 * Removes whole lines [fromLine, toLine], putting back every comment they held
 * as own-line comments at `indent`.
 */
function removeLines(ctx: EditContext, fromLine: number, toLine: number, indent: string): TextEdit {
  const eol = eolOf(ctx.text);
  const comments = commentsIn(ctx, fromLine, toLine, indent);
  return {
    start: ctx.lines.lineStart(fromLine),
    end: nextLineStart(ctx, toLine),
    newText: comments.map((c) => `${c}${eol}`).join(''),
  };
}

/** Whether the text between two offsets holds only blanks (and, for `line`, nothing else on those lines). */
function blank(ctx: EditContext, start: number, end: number): boolean {
  return ctx.text.slice(start, end).trim() === '';
}

/**
 * Removes one item from a list field (`teams: [a, b]`, a block list, or a
 * lone scalar). The last item leaves an empty flow list `[]`, so the field
 * keeps its type.
 */
export function removeListItem(ctx: EditContext, field: { node: Node | null; key: Span }, item: Span): TextEdit[] {
  const value = field.node;
  if (!value?.range) return [];
  if (!isSeq(value)) return [{ start: value.range[0], end: contentEnd(ctx, value), newText: '[]' }];
  const items = value.items as Node[];
  const i = items.findIndex((n) => n?.range && n.range[0] === item.start);
  if (i < 0) return [];
  const node = items[i];
  if (items.length === 1) {
    if (value.flow) return [{ start: value.range[0], end: contentEnd(ctx, value), newText: '[]' }];
    // A block list's only item: `[]` goes after the key's colon, the item's line goes away.
    const line = lineOf(ctx, node.range![0]);
    const colon = ctx.text.indexOf(':', field.key.end);
    if (colon < 0 || lineOf(ctx, colon) >= line) return [];
    const keyEnd = colon + 1;
    const dash = ctx.text.lastIndexOf('-', node.range![0]);
    const indent = ctx.text.slice(ctx.lines.lineStart(line), dash);
    return [{ start: keyEnd, end: keyEnd, newText: ' []' }, removeLines(ctx, line, line, indent)];
  }
  if (value.flow) {
    // `[a, b, c]`: take the item with the comma before it (after it, for the first).
    if (i === 0) {
      const next = items[1].range![0];
      return [{ start: node.range![0], end: next, newText: '' }];
    }
    const prevEnd = items[i - 1].range![1];
    const comma = ctx.text.indexOf(',', prevEnd);
    const from = comma >= 0 && comma < node.range![0] ? comma : prevEnd;
    if (!blank(ctx, from + 1, node.range![0])) return [{ start: node.range![0], end: node.range![1], newText: '' }];
    return [{ start: from, end: contentEnd(ctx, node), newText: '' }];
  }
  const line = lineOf(ctx, node.range![0]);
  const dash = ctx.text.lastIndexOf('-', node.range![0]);
  const indent = ctx.text.slice(ctx.lines.lineStart(line), dash).replace(/[^ \t]/g, ' ');
  return [removeLines(ctx, line, lineOf(ctx, contentEnd(ctx, node)), indent)];
}

/** Removes a `key: value` pair from a mapping (block: its lines; flow: the entry and one comma). */
export function removePair(ctx: EditContext, map: YAMLMap, pair: Pair): TextEdit[] {
  const key = keyNode(pair);
  const value = valueNode(pair);
  if (!key?.range) return [];
  const end = value?.range ? contentEnd(ctx, value) : key.range[1];
  const items = map.items;
  const i = items.indexOf(pair);
  if (map.flow) {
    if (i < items.length - 1) {
      const next = keyNode(items[i + 1]).range![0];
      return [{ start: key.range[0], end: next, newText: '' }];
    }
    if (i > 0) {
      const prev = items[i - 1];
      const prevEnd = (valueNode(prev)?.range ?? keyNode(prev).range!)[1];
      return [{ start: prevEnd, end, newText: '' }];
    }
    return [{ start: key.range[0], end, newText: '' }];
  }
  const first = lineOf(ctx, key.range[0]);
  const last = lineOf(ctx, end);
  // A key that shares its line with something before it (`- name: x`) cannot lose its whole line.
  if (!blank(ctx, ctx.lines.lineStart(first), key.range[0])) return [];
  const indent = ctx.text.slice(ctx.lines.lineStart(first), key.range[0]);
  return [removeLines(ctx, first, last, indent)];
}

/** `teams: core` -> `teams: [core]`, keeping the scalar as written. */
export function makeList(ctx: EditContext, node: Node): TextEdit[] {
  if (!isScalar(node) || !node.range) return [];
  const end = contentEnd(ctx, node);
  return [{ start: node.range[0], end, newText: `[${ctx.text.slice(node.range[0], end)}]` }];
}

/**
 * Sets `settings.<key>` at the top level, creating `settings:` after
 * `organization` (or at the top, after `version`) when the file has none.
 */
export function setSetting(ctx: EditContext, root: Node | null, key: string, valueText: string): TextEdit[] {
  if (!isMap(root)) return [];
  const settings = pairOf(root, 'settings');
  if (settings) {
    if (isMap(settings.value)) return setWrittenProperty(ctx, settings.value, key, valueText);
    return [];
  }
  if (root.flow) return setWrittenProperty(ctx, root, 'settings', `{ ${key}: ${valueText} }`);
  const eol = eolOf(ctx.text);
  const anchor = pairOf(root, 'organization') ?? pairOf(root, 'version') ?? (root.items[0] as Pair | undefined);
  const anchorNode = (anchor?.value as Node | null)?.range ? (anchor!.value as Node) : (anchor?.key as Node | undefined);
  if (!anchorNode?.range) return [];
  const at = ctx.lines.lineEnd(lineOf(ctx, contentEnd(ctx, anchorNode)));
  const indent = childIndentOf(ctx, root) ?? '  ';
  return [{ start: at, end: at, newText: `${eol}${eol}settings:${eol}${indent}${key}: ${valueText}` }];
}

/** The indentation the file uses for one level (from the first nested block map it finds), if any. */
function childIndentOf(ctx: EditContext, root: YAMLMap): string | undefined {
  for (const p of root.items) {
    const v = p.value;
    if (isMap(v) && !v.flow && v.items.length > 0) {
      const first = v.items[0] as Pair;
      if ((first.key as Node | null)?.range) return indentOfKey(ctx, first);
    }
  }
  return undefined;
}
