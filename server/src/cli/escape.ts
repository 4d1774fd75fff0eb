// Text from users' files (ids, names, paths, the lines of a diff) reaches a
// terminal or a CI log: a raw ESC could recolour it, move the cursor or set the
// window title, and bidi controls could make it read differently from what it
// says. Every formatter passes such text through here (SPEC section 7).

/**
 * C0 controls except tab, DEL, C1 controls, the line and paragraph separators,
 * the bidi embeddings, overrides and isolates, and the BOM.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

const hex4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Human output: each control character as a visible escape (`\u001b`, `\n`). */
export function escapeControl(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  return s.replace(CONTROL, (c) => (options.keepLineBreaks && (c === '\n' || c === '\r') ? c : (NAMED[c] ?? hex4(c))));
}

/**
 * JSON output: JSON.stringify already escapes C0; this also escapes DEL, C1,
 * the separators and bidi controls (legal raw in JSON, but not for a terminal).
 * They can only occur inside strings, so the parsed value is unchanged.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function escapeJson(json: string): string {
  return json.replace(JSON_UNSAFE, hex4);
}
