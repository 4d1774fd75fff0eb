// Text from the user's file (names, titles, emails, ids, and the messages
// that repeat them) goes into hover and completion markdown only through
// these two functions, so that it can never become a link, an image, HTML, a
// heading or a command link (SPEC section 5): `[PO](https://x)` stays those
// characters.

/** Line breaks and other control characters would start a new markdown block: one space instead. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/**
 * Escapes `text` for use inside a markdown paragraph: every character that
 * could open a link, image, emphasis, code span, HTML tag or entity, or an
 * autolink (`https://`, `www.`, `a@b`), is backslash-escaped (CommonMark lets
 * any ASCII punctuation be escaped, and renders it as itself).
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]()<>!&|~{}#:@^$]/g, '\\$&')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * `text` as an inline code span, whatever it contains: the fence is one
 * backtick longer than the longest run of backticks inside, and padded with a
 * space when the text touches a backtick, so the span can never be closed
 * early. Nothing inside a code span is a link or HTML.
 */
export function inlineCode(text: string): string {
  const t = oneLine(text);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t === '' || t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
