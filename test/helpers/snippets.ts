// VS Code snippets as inserted when the user accepts every default:
// `${1:x}` -> x, `${2|a,b|}` -> a, and a bare `$1` mirrors placeholder 1.
export function expandSnippet(body: string[] | string): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  const placeholders = /\$\{(\d+)(?::([^}]*)|\|([^|}]*)\|)\}/g;
  for (const m of text.matchAll(placeholders)) if (!defaults.has(m[1])) defaults.set(m[1], m[2] ?? m[3].split(',')[0]);
  return text.replace(placeholders, (_, n: string) => defaults.get(n) ?? '').replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '');
}
