// yaml-syntax: the file must parse. Duplicate keys count: ids are map keys, so
// a duplicate id is a duplicate key. yaml's own error code travels in `data`.
// yaml often points at a single character (or at the end of the file); the
// finding is widened to the token the user has to fix.
import type { YAMLError } from 'yaml';
import type { Span } from '../types';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { code: string };

const TOKEN = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:#,[\]{}]+(?: [^\s:#,[\]{}]+)*)/;

/** Errors that leave the first document's structure intact: every other check still runs. */
const NON_FATAL = new Set(['DUPLICATE_KEY', 'BAD_ALIAS', 'MULTIPLE_DOCS']);

export function isFatalYamlError(err: YAMLError): boolean {
  return !NON_FATAL.has(err.code);
}

export const PAUSED = 'The other checks are paused until the file parses.';

export const yamlSyntax = defineRule<Data>()({
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The YAML does not parse (including duplicate keys, unresolved aliases, alias expansion past the limit and several documents).',
  seeds: [],
  docs: {
    firesWhen: 'The YAML does not parse: a duplicate key, an unresolved alias, an alias expansion past the limit, a second document. Cannot be suppressed.',
  },
  rationale: {
    why: 'Nothing else can be checked until the file parses; a duplicate key would silently drop one of two definitions.',
    quoteIds: [],
  },
  unsuppressible: true,
  runsWhenParseFails: true,
  perFile: true,
  check(ctx) {
    for (const err of ctx.doc.errors) {
      const span = errorSpan(ctx.text, err);
      let message: string;
      if (err.code === 'DUPLICATE_KEY') message = `Duplicate key '${ctx.text.slice(span.start, span.end)}': each id may appear once.`;
      else if (err.code === 'MULTIPLE_DOCS')
        message = "A second YAML document starts here: one document per file. Remove the '---' and what follows, or move it to a file of its own.";
      else if (err.code === 'BAD_ALIAS') message = err.message;
      else message = `${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. ${PAUSED}`.replace(/\.\. /, '. ');
      ctx.report(span, message, { code: err.code });
    }
  },
});

function errorSpan(text: string, err: YAMLError): Span {
  let start = err.pos[0];
  let end = Math.max(err.pos[1], start);
  if (/^Flow (sequence|mapping)/.test(err.message)) {
    // An unclosed flow collection is reported where the file ends; point at its opening bracket instead.
    const opener = unclosedOpener(text, start, err.message.startsWith('Flow sequence') ? '[' : '{');
    if (opener >= 0) return { start: opener, end: lineEndAt(text, opener) };
  }
  // Skip the whitespace yaml points into, to the first thing on the line.
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  if (start >= text.length || text[start] === '\n' || text[start] === '\r') {
    // Nothing left on this line (often the end of the file): use the last text before it.
    let i = Math.min(start, text.length) - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (i < 0) return { start: 0, end: 0 };
    const ls = text.lastIndexOf('\n', i) + 1;
    let s = ls;
    while (s < i && (text[s] === ' ' || text[s] === '\t')) s++;
    return { start: s, end: i + 1 };
  }
  const m = TOKEN.exec(text.slice(start, start + 500));
  end = Math.max(end, start + (m && m[0].length ? m[0].length : 1));
  return { start, end: Math.min(end, lineEndAt(text, start)) };
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const e = nl < 0 ? text.length : nl;
  return e > offset && text[e - 1] === '\r' ? e - 1 : e;
}

/** The last opening bracket before `before` that is not closed (quotes and comments skipped). */
function unclosedOpener(text: string, before: number, open: '[' | '{'): number {
  const close = open === '[' ? ']' : '}';
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < Math.min(before, text.length); i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === open) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : -1;
}
