// Where the cursor is in a half-typed YAML file, read from the text alone.
// Completion runs while the user types, when the document often does not
// parse (`owner: ` with nothing after, `    pro` at a new key position), so
// the AST cannot be trusted there; indentation and the line's prefix can.
//
//   people:
//     carol: { name: Carol, disc|      -> key in ['people', 'carol']
//   products:
//     payments:
//       owner: al|                     -> value of ['products', 'payments', 'owner']
//   teams:
//     squad:
//       members: [carol, |]            -> list item of ['teams', 'squad', 'members']

export interface CursorContext {
  /** Typing a mapping key, or a (list item) value. */
  kind: 'key' | 'value';
  /** key: the path of the mapping the key goes into; value: the path of the key whose value is typed. */
  path: string[];
  /** The text typed so far (what a completion replaces). */
  partial: string;
  /** Offset where `partial` starts. */
  start: number;
  /** The value is an item of a list (block `- x` or flow `[x, y]`). */
  inList: boolean;
  /** Keys already present in the mapping, or items already in the list. */
  existing: string[];
  /** The cursor is right after `:`, `,` or `-`: an inserted value needs a leading space. */
  needsSpace: boolean;
  /** Indentation of keys at this level (block context), for multi-line inserts. */
  indent: number;
}

const QUOTED_KEY = /^(?:"([^"]*)"|'([^']*)')\s*:(?=\s|$)/;
const PLAIN_KEY = /^([^\s#:{}[\],'"&*!|>%@`-][^#:{}[\],]*?|-[^\s#:{}[\],][^#:{}[\],]*?)\s*:(?=\s|$)/;

/** The key at the start of a line's content, if the content is `key: …`. */
function keyOf(content: string): { key: string; length: number } | undefined {
  const m = QUOTED_KEY.exec(content) ?? PLAIN_KEY.exec(content);
  if (!m) return undefined;
  return { key: (m[1] ?? m[2] ?? '').trim(), length: m[0].length };
}

interface LineShape {
  indent: number;
  /** Indent of the content after any `- ` list markers. */
  contentIndent: number;
  content: string;
  isItem: boolean;
  blank: boolean;
}

function shape(line: string): LineShape {
  const indent = /^ */.exec(line)![0].length;
  let content = line.slice(indent).replace(/\r$/, '');
  let contentIndent = indent;
  let isItem = false;
  for (let m = /^-(?: +|$)/.exec(content); m; m = /^-(?: +|$)/.exec(content)) {
    isItem = true;
    contentIndent += m[0].length;
    content = content.slice(m[0].length);
    if (m[0].length === 1) break;
  }
  const blank = content.trim() === '' ? !isItem : content.startsWith('#');
  return { indent, contentIndent, content, isItem, blank };
}

/** Keys of the enclosing mappings, read upward from `lineNo` by indentation. */
function parentKeys(lines: string[], lineNo: number, below: number): string[] {
  const keys: string[] = [];
  let limit = below;
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const s = shape(lines[i]);
    if (s.blank) continue;
    if (s.indent === 0 && /^(---|\.\.\.)(\s|$)/.test(s.content)) break;
    const k = keyOf(s.content);
    if (!k) continue;
    if (s.contentIndent < limit) {
      keys.unshift(k.key);
      limit = s.contentIndent;
    }
  }
  return keys;
}

/** Keys written at `indent` in the same block as `lineNo` (above and below it). */
function siblingKeys(lines: string[], lineNo: number, indent: number): string[] {
  const out: string[] = [];
  for (const dir of [-1, 1]) {
    for (let i = lineNo + dir; i >= 0 && i < lines.length; i += dir) {
      const s = shape(lines[i]);
      if (s.blank) continue;
      if (s.indent < indent) break;
      if (s.indent === indent && !s.isItem) {
        const k = keyOf(s.content);
        if (k) out.push(k.key);
      }
    }
  }
  return out;
}

/** Scalars already listed as `- x` items at `indent` around `lineNo`. */
function siblingItems(lines: string[], lineNo: number, indent: number): string[] {
  const out: string[] = [];
  for (const dir of [-1, 1]) {
    for (let i = lineNo + dir; i >= 0 && i < lines.length; i += dir) {
      const s = shape(lines[i]);
      if (s.blank) continue;
      if (s.indent < indent || (s.indent === indent && !s.isItem)) break;
      if (s.indent === indent) {
        const v = s.content.replace(/\s+#.*$/, '').trim();
        if (v) out.push(unquote(v));
      }
    }
  }
  return out;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** A `#` that starts a comment (at the start or after whitespace, outside quotes). */
function hasComment(s: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(s[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) {
      return true;
    }
  }
  return false;
}

const PLAIN_WORD = /^[^\s#:{}[\],'"&*!|>%@`]*$/;

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  if (prefix.includes('\t') || hasComment(prefix)) return undefined;
  const lines = text.split('\n');
  const lineNo = text.slice(0, lineStart).split('\n').length - 1;
  const s = shape(prefix);
  const body = s.content;

  const k = keyOf(body);
  if (k) {
    const path = [...parentKeys(lines, lineNo, s.contentIndent), k.key];
    const rest = body.slice(k.length);
    const value = rest.trimStart();
    const valueStart = offset - value.length;
    if (value.startsWith('[') || value.startsWith('{')) return flow(value, valueStart, path, s.contentIndent + 2);
    if (!PLAIN_WORD.test(value.replace(/ /g, ''))) return undefined;
    const needsSpace = rest === '';
    return { kind: 'value', path, partial: value, start: valueStart, inList: false, existing: [], needsSpace, indent: s.contentIndent };
  }

  if (s.isItem) {
    if (body.startsWith('[') || body.startsWith('{')) return undefined;
    if (!PLAIN_WORD.test(body)) return undefined;
    const path = parentKeys(lines, lineNo, s.indent + 1);
    return {
      kind: 'value',
      path,
      partial: body,
      start: offset - body.length,
      inList: true,
      existing: siblingItems(lines, lineNo, s.indent),
      needsSpace: prefix.endsWith('-'),
      indent: s.indent,
    };
  }

  if (!/^[\w.-]*$/.test(body)) return undefined;
  return {
    kind: 'key',
    path: parentKeys(lines, lineNo, s.indent),
    partial: body,
    start: offset - body.length,
    inList: false,
    existing: siblingKeys(lines, lineNo, s.indent),
    needsSpace: false,
    indent: s.indent,
  };
}

interface Frame {
  open: '[' | '{';
  /** Path of this collection. */
  path: string[];
  /** Offset in the scanned string where the current entry starts. */
  entryStart: number;
  /** In a `{`: the current entry's key once its `:` is seen, and where its value starts. */
  key?: string;
  valueStart?: number;
  written: string[];
}

/** Reads a flow collection (`[a, b` or `{ name: x, k`) up to the cursor. */
function flow(s: string, base: number, path: string[], indent: number): CursorContext | undefined {
  const stack: Frame[] = [];
  const finishEntry = (f: Frame, end: number): void => {
    const entry = f.open === '[' ? s.slice(f.entryStart, end).trim() : (f.key ?? s.slice(f.entryStart, end).trim());
    if (entry) f.written.push(unquote(entry));
    f.entryStart = end + 1;
    f.key = undefined;
    f.valueStart = undefined;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close < 0) return undefined; // inside a quoted string
      i = close;
    } else if (c === '[' || c === '{') {
      const p = !top ? path : top.open === '{' ? [...top.path, top.key ?? ''] : top.path;
      stack.push({ open: c, path: p, entryStart: i + 1, written: [] });
    } else if (c === ']' || c === '}') {
      stack.pop();
      if (stack.length === 0) return undefined; // the collection closed before the cursor
    } else if (c === ',' && top) {
      finishEntry(top, i);
    } else if (c === ':' && top?.open === '{' && top.key === undefined && (i + 1 === s.length || /\s/.test(s[i + 1]))) {
      top.key = unquote(s.slice(top.entryStart, i).trim());
      top.valueStart = i + 1;
    } else if (c === '#' && i > 0 && /\s/.test(s[i - 1])) {
      return undefined;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const needsSpace = /[:,]$/.test(s);
  if (top.open === '[' || top.key !== undefined) {
    const from = top.open === '[' ? top.entryStart : top.valueStart!;
    const partial = s.slice(from).trimStart();
    if (!PLAIN_WORD.test(partial)) return undefined;
    return {
      kind: 'value',
      path: top.open === '[' ? top.path : [...top.path, top.key!],
      partial,
      start: base + s.length - partial.length,
      inList: top.open === '[',
      existing: top.open === '[' ? top.written : [],
      needsSpace,
      indent,
    };
  }
  const partial = s.slice(top.entryStart).trimStart();
  if (!/^[\w.-]*$/.test(partial)) return undefined;
  return { kind: 'key', path: top.path, partial, start: base + s.length - partial.length, inList: false, existing: top.written, needsSpace, indent };
}
