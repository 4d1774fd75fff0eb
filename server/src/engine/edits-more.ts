// More minimal edits, for the fixes of SPEC revision 2 (removing a list item,
// a property or a whole entry; turning a scalar into a list; a top-level
// setting). Kept apart from edits.ts so that both can change at once. The same
// invariant holds: computed from node ranges, never a re-stringified document,
// and every comment in a removed range survives on a line of its own.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { pairOf, setWrittenProperty, type EditContext } from './edits';
import type { Span, TextEdit } from './types';

function eolOf(ctx: EditContext): string {
  return ctx.text.includes('\r\n') ? '\r\n' : '\n';
}

function lineOf(ctx: EditContext, offset: number): number {
  return ctx.lines.positionAt(offset).line;
}

/** The start of the line after `line` (or the end of the text). */
function afterLine(ctx: EditContext, line: number): number {
  return line + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(line + 1) : ctx.text.length;
}

/** The end of a node's own text, without the line breaks a block collection's range includes. */
function contentEnd(ctx: EditContext, node: Node): number {
  let e = node.range![1];
  while (e > node.range![0] && /\s/.test(ctx.text[e - 1])) e--;
  return e;
}

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
  const eol = eolOf(ctx);
  const comments = commentsIn(ctx, fromLine, toLine, indent);
  return {
    start: ctx.lines.lineStart(fromLine),
    end: afterLine(ctx, toLine),
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
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  if (!key?.range) return [];
  const end = value?.range ? contentEnd(ctx, value) : key.range[1];
  const items = map.items as Pair[];
  const i = items.indexOf(pair);
  if (map.flow) {
    if (i < items.length - 1) {
      const next = (items[i + 1].key as Node).range![0];
      return [{ start: key.range[0], end: next, newText: '' }];
    }
    if (i > 0) {
      const prev = items[i - 1];
      const prevEnd = ((prev.value as Node | null)?.range ?? (prev.key as Node).range!)[1];
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
    if (isMap(settings.value)) return setWrittenProperty(ctx, settings.value as YAMLMap, key, valueText);
    return [];
  }
  if (root.flow) return setWrittenProperty(ctx, root, 'settings', `{ ${key}: ${valueText} }`);
  const eol = eolOf(ctx);
  const anchor = pairOf(root, 'organization') ?? pairOf(root, 'version') ?? (root.items[0] as Pair | undefined);
  const anchorNode = (anchor?.value as Node | null)?.range ? (anchor!.value as Node) : (anchor?.key as Node | undefined);
  if (!anchorNode?.range) return [];
  const at = ctx.lines.lineEnd(lineOf(ctx, contentEnd(ctx, anchorNode)));
  const indent = childIndentOf(ctx, root) ?? '  ';
  return [{ start: at, end: at, newText: `${eol}${eol}settings:${eol}${indent}${key}: ${valueText}` }];
}

/** The indentation the file uses for one level (from the first nested block map it finds), if any. */
function childIndentOf(ctx: EditContext, root: YAMLMap): string | undefined {
  for (const p of root.items as Pair[]) {
    const v = p.value;
    if (isMap(v) && !v.flow && v.items.length > 0) {
      const k = (v.items[0] as Pair).key as Node;
      if (k?.range) return ' '.repeat(ctx.lines.positionAt(k.range[0]).character);
    }
  }
  return undefined;
}
