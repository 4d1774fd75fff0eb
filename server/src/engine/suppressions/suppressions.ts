// Inline suppression comments, with ESLint's directives and meaning (SPEC section 3):
//   # productteam-disable-next-line single-owner, role-split -- reason until 2027-01-01
//   owner: [alice, bob]   # productteam-disable-line single-owner
//   # productteam-disable core-team -- from here to the matching enable (or the end)
//   # productteam-enable core-team
// A `disable` above any content covers the whole file. `yaml-syntax` can never
// be suppressed (no rule declared `unsuppressible` can). Parsing is linear in the length of a line: a comment full of
// spaces must not cost seconds per keystroke.
import { isMap, isPair, isScalar, isSeq, Lexer, type Node, type Scalar } from 'yaml';
import type { LineIndex } from '../syntax/lines';
import type { EffectiveSettings, Problem, Span, Suppression, SuppressionKind } from '../types';
import type { TextShift } from '../text';

export type { Suppression, SuppressionKind } from '../types';

const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);
const MARKER = 'productteam-';
const KEYWORDS: readonly [string, SuppressionKind][] = [
  ['disable-next-line', 'next-line'],
  ['disable-line', 'line'],
  ['disable', 'disable'],
  ['enable', 'enable'],
];

/** A blank inside a comment: space, tab or any Unicode space (a no-break space pasted from a chat). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/** YYYY-MM-DD that names a day of the calendar. */
export function isRealDate(s: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** Where the text mentions the directives' marker: the only lines parseSuppressions lexes. */
export function markerOffsets(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + 1)) out.push(at);
  return out;
}

/**
 * markerOffsets of a text after an edit, from the text's before it: a marker
 * clear of the edited stretch is where it was (moved by the edit when after
 * it); only the edited stretch is searched. A keystroke in a 600 kB file
 * otherwise searched the whole text (0.4 ms).
 */
export function markerOffsetsAfter(before: readonly number[], shift: TextShift, text: string): number[] {
  // A marker that starts this far before the edit still reaches into it.
  const from = Math.max(0, shift.start - (MARKER.length - 1));
  const newEnd = shift.oldEnd + shift.by;
  const out: number[] = [];
  for (const at of before) if (at < from) out.push(at);
  for (const at of markerOffsets(text.slice(from, Math.min(text.length, newEnd + MARKER.length - 1)))) if (from + at < newEnd) out.push(from + at);
  for (const at of before) if (at >= shift.oldEnd) out.push(at + shift.by);
  return out;
}

/**
 * The directives of a text. `doc` is its parsed document: a line that looks
 * like a comment but lies inside a scalar (a `|` block, a quoted string over
 * several lines) is text, never a directive. `markers`: markerOffsets(text),
 * when known.
 */
export function parseSuppressions(text: string, lines: LineIndex, doc?: { contents: unknown }, markers = markerOffsets(text)): Suppression[] {
  const out: Suppression[] = [];
  // Only lines that mention the marker are lexed (with yaml's own lexer, so a
  // '#' inside a quoted string is not a comment): big files stay cheap. A
  // line is lexed on its own, so the lexer cannot know it continues a
  // scalar: the document's scalar ranges say that.
  let inScalar: ((offset: number) => boolean) | undefined;
  let lastLine = -1;
  let firstContentLine = -1;
  for (const at of markers) {
    const line = lines.positionAt(at).line;
    if (line === lastLine) continue;
    lastLine = line;
    const lineStart = lines.lineStart(line);
    let offset = lineStart;
    let contentBefore = false;
    for (const token of new Lexer().lex(text.slice(lineStart, lines.lineEnd(line)))) {
      if (token.startsWith('#') && !(inScalar ??= scalarsAround(doc, lines))(offset)) {
        const s = parseDirective(token, offset, line);
        if (s) {
          if (s.kind === 'disable' && !contentBefore) {
            if (firstContentLine < 0) firstContentLine = findFirstContentLine(text, lines);
            s.fileWide = line < firstContentLine;
          }
          out.push(s);
        }
      } else if (!CONTROL_TOKENS.has(token) && token.trim() !== '') contentBefore = true;
      // The lexer also yields one-character control tokens that are not source text.
      if (!CONTROL_TOKENS.has(token)) offset += token.length;
    }
  }
  matchRanges(out);
  return out;
}

/** Whether an offset lies inside a scalar that spans lines, by one walk of the document (made only when a marker is found). */
function scalarsAround(doc: { contents: unknown } | undefined, lines: LineIndex): (offset: number) => boolean {
  // Only the path down to the offset is walked (the items of a collection are
  // in document order): a suppression costs the depth of the tree, not its size.
  return (offset) => {
    const r = scalarAt(doc?.contents, offset)?.range;
    return r != null && lines.positionAt(r[0]).line !== lines.positionAt(Math.max(r[0], r[1] - 1)).line;
  };
}

/** Where an item of a collection starts (a pair: its key, else its value). */
function itemStart(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0] ?? (item.value as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0];
}

/** The scalar whose range holds the offset, if any. */
function scalarAt(node: unknown, offset: number): Scalar | undefined {
  for (let depth = 0; depth < 1000; depth++) {
    if (isScalar(node)) return node.range && node.range[0] <= offset && offset < node.range[1] ? node : undefined;
    if (!isMap(node) && !isSeq(node)) return undefined;
    const items = node.items as unknown[];
    // The last item that starts at or before the offset.
    let lo = 0;
    let hi = items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = itemStart(items[mid]);
      if (start === undefined) return scalarAmong(items, offset);
      if (start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const item = items[found];
    if (isPair(item)) {
      const v = item.value as Node | null;
      node = v?.range && v.range[0] <= offset ? v : item.key;
    } else node = item;
  }
  return undefined;
}

/** scalarAt over items some of which have no position: each in turn. */
function scalarAmong(items: unknown[], offset: number): Scalar | undefined {
  for (const item of items) {
    const found = isPair(item) ? (scalarAt(item.key, offset) ?? scalarAt(item.value, offset)) : scalarAt(item, offset);
    if (found) return found;
  }
  return undefined;
}

/** The first line holding something other than blanks and comments (line count when none). */
function findFirstContentLine(text: string, lines: LineIndex): number {
  for (let line = 0; line < lines.lineCount; line++) {
    let i = lines.lineStart(line);
    const end = lines.lineEnd(line);
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i < end && text[i] !== '#') return line;
  }
  return lines.lineCount;
}

/** Pairs each `enable` with the open `disable`s it closes. */
function matchRanges(all: Suppression[]): void {
  const open: Suppression[] = [];
  for (const s of all) {
    if (s.kind === 'disable') {
      open.push(s);
      continue;
    }
    if (s.kind !== 'enable') continue;
    const isOpen = (d: Suppression, id: string) => !d.endLine.has(id) && (id === '*' ? d.ruleIds.length === 0 : d.ruleIds.includes(id));
    if (s.ruleIds.length === 0) {
      let closed = false;
      for (const d of open) {
        for (const id of d.ruleIds.length ? d.ruleIds : ['*']) {
          if (!d.endLine.has(id)) {
            d.endLine.set(id, s.line);
            closed = true;
          }
        }
      }
      if (!closed) s.unmatched.push('*');
      continue;
    }
    for (const id of s.ruleIds) {
      let closed = false;
      for (const d of open) {
        if (isOpen(d, id)) {
          d.endLine.set(id, s.line);
          closed = true;
        } else if (d.ruleIds.length === 0 && !d.endLine.has('*') && !d.except.has(id)) {
          d.except.set(id, s.line);
          closed = true;
        }
      }
      if (!closed) s.unmatched.push(id);
    }
  }
}

/** One comment token → a directive, in one left-to-right pass. */
function parseDirective(token: string, offset: number, line: number): Suppression | undefined {
  let i = 1;
  while (i < token.length && isSpace(token.charCodeAt(i))) i++;
  if (!token.startsWith(MARKER, i)) return undefined;
  i += MARKER.length;
  let kind: SuppressionKind | undefined;
  for (const [word, k] of KEYWORDS) {
    if (token.startsWith(word, i)) {
      const after = i + word.length;
      if (after === token.length || isSpace(token.charCodeAt(after))) {
        kind = k;
        i = after;
        break;
      }
    }
  }
  if (!kind) return undefined;
  let end = token.length;
  while (end > i && isSpace(token.charCodeAt(end - 1))) end--;
  // The id list runs to " -- " (or a trailing " --"); the reason follows it.
  let sep = -1;
  for (let j = i; j + 1 < end; j++) {
    if (
      token.charCodeAt(j) === 45 &&
      token.charCodeAt(j + 1) === 45 &&
      isSpace(token.charCodeAt(j - 1)) &&
      (j + 2 === end || isSpace(token.charCodeAt(j + 2)))
    ) {
      sep = j;
      break;
    }
  }
  const idsStop = sep >= 0 ? sep : end;
  const ruleIds: string[] = [];
  const idSpans: Span[] = [];
  let idsEnd = i;
  for (let j = i; j <= idsStop;) {
    let k = j;
    while (k < idsStop && token.charCodeAt(k) !== 44) k++;
    let a = j;
    let b = k;
    while (a < b && isSpace(token.charCodeAt(a))) a++;
    while (b > a && isSpace(token.charCodeAt(b - 1))) b--;
    if (b > a) {
      ruleIds.push(token.slice(a, b));
      idSpans.push({ start: offset + a, end: offset + b });
      idsEnd = b;
    }
    j = k + 1;
  }
  const s: Suppression = {
    kind,
    ruleIds,
    idSpans,
    line,
    start: offset,
    end: offset + end,
    idsEnd: offset + idsEnd,
    fileWide: false,
    endLine: new Map(),
    except: new Map(),
    unmatched: [],
    used: new Set(),
    revived: [],
  };
  if (sep >= 0) {
    let r = sep + 2;
    while (r < end && isSpace(token.charCodeAt(r))) r++;
    s.reason = token.slice(r, end);
    parseUntil(s, token, r, end, offset);
  }
  return s;
}

/**
 * `until <date>` anywhere in the reason, as a word, in any case, after any
 * Unicode blanks, `:`, `=` or an opening bracket: `Until 2027-01-31`,
 * `until: …`, `(until …)`, `until=…`. Whatever starts with a digit of any
 * script is meant as a date; only ASCII YYYY-MM-DD is one (a date in
 * full-width digits is reported, never read as "no date": that would
 * suppress forever). One pass over the reason.
 */
const UNTIL = /(?<![\p{L}\p{N}_-])until(?![\p{L}\p{N}_-])[\s:=([{<]*/giu;
const DATE_END = /[\s)\]}>,;]/u;

function parseUntil(s: Suppression, token: string, from: number, end: number, offset: number): void {
  const reason = token.slice(0, end);
  UNTIL.lastIndex = from;
  for (let m = UNTIL.exec(reason); m; m = UNTIL.exec(reason)) {
    const j = m.index + m[0].length;
    let k = j;
    while (k < end && !DATE_END.test(token[k])) k++;
    // A full stop or colon ending a sentence is not part of the date.
    while (k > j && /[.:]/.test(token[k - 1])) k--;
    const date = token.slice(j, k);
    // Prose ("until the migration") is a reason, not a date; anything that starts like a number is meant as one.
    if (!/^\p{Nd}/u.test(date)) continue;
    s.untilSpan = { start: offset + j, end: offset + k };
    if (isRealDate(date)) s.until = date;
    else s.invalidUntil = date;
    return;
  }
}

export function isExpired(s: Suppression, today: string): boolean {
  return s.until !== undefined && today >= s.until;
}

/** A directive that can suppress at all: not expired, no impossible date, not an `enable`. */
export function isActive(s: Suppression, today: string): boolean {
  return s.kind !== 'enable' && s.invalidUntil === undefined && !isExpired(s, today);
}

/** Whether `s` covers a finding of `ruleId` on `line`; returns the id it was covered by ('*' for a bare one). */
function coverage(s: Suppression, ruleId: string, line: number, unsuppressible: ReadonlySet<string>): string | undefined {
  if (unsuppressible.has(ruleId)) return undefined;
  const key = s.ruleIds.length === 0 ? '*' : s.ruleIds.includes(ruleId) ? ruleId : undefined;
  if (!key) return undefined;
  switch (s.kind) {
    case 'next-line':
      return line === s.line + 1 ? key : undefined;
    case 'line':
      return line === s.line ? key : undefined;
    case 'disable': {
      const from = s.fileWide ? 0 : s.line;
      const to = s.endLine.get(key) ?? Infinity;
      if (line < from || line >= to) return undefined;
      const ex = key === '*' ? s.except.get(ruleId) : undefined;
      return ex !== undefined && line >= ex ? undefined : key;
    }
    default:
      return undefined;
  }
}

/**
 * Drops suppressed problems and marks which suppressions did something. An
 * expired suppression hides nothing; it records what it would have hidden, so
 * its own finding can say truthfully what is reported again. The findings of
 * `unsuppressible` rules (a file that does not parse must never look clean)
 * are never hidden.
 */
export function applySuppressions(
  problems: Problem[],
  suppressions: Suppression[],
  lines: LineIndex,
  settings: EffectiveSettings,
  unsuppressible: ReadonlySet<string>,
): Problem[] {
  if (suppressions.length === 0) return problems.sort(byOffset);
  const active = suppressions.filter((s) => isActive(s, settings.today));
  const expired = suppressions.filter((s) => s.kind !== 'enable' && s.invalidUntil === undefined && isExpired(s, settings.today));
  // Line-bound directives by line; ranges checked one by one (there are few).
  const byLine = new Map<number, Suppression[]>();
  const ranges: Suppression[] = [];
  for (const s of active) {
    if (s.kind === 'disable') ranges.push(s);
    else {
      const l = s.kind === 'next-line' ? s.line + 1 : s.line;
      const list = byLine.get(l);
      if (list) list.push(s);
      else byLine.set(l, [s]);
    }
  }
  const kept = problems.filter((p) => {
    const line = lines.positionAt(p.start).line;
    for (const s of [...(byLine.get(line) ?? []), ...ranges]) {
      const by = coverage(s, p.ruleId, line, unsuppressible);
      if (by) {
        s.used.add(by);
        return false;
      }
    }
    for (const s of expired) if (coverage(s, p.ruleId, line, unsuppressible)) s.revived.push(p.ruleId);
    return true;
  });
  return kept.sort(byOffset);
}

function byOffset(a: Problem, b: Problem): number {
  // Code-unit order, not localeCompare: the same for rule ids, and no collator to load (about 15 ms on a server's first file).
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
