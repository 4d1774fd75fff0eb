// The rule ids of SPEC section 3, read from the contract itself
// (../shared/SPEC.md beside the repository, or PRODUCTTEAM_SPEC), so that
// tests compare the engine's registry against SPEC, not against itself, and
// nobody copies the list by hand.
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SPEC_FILE = process.env.PRODUCTTEAM_SPEC ? path.resolve(process.env.PRODUCTTEAM_SPEC) : path.resolve(REPO_ROOT, '../shared/SPEC.md');

export function specAvailable(): boolean {
  return fs.existsSync(SPEC_FILE) && fs.statSync(SPEC_FILE).isFile();
}

export function specSkipMessage(): string {
  const where = process.env.PRODUCTTEAM_SPEC ? SPEC_FILE : '../shared/SPEC.md';
  return `${where} not found; comparison with SPEC skipped (set PRODUCTTEAM_SPEC to check)`;
}

/** The ids in the first column of every table of section 3 ("## 3. Rules" up to the next "## "), in order. */
export function specRuleIds(text = fs.readFileSync(SPEC_FILE, 'utf8')): string[] {
  const start = text.search(/^## 3\. /m);
  if (start < 0) throw new Error(`${SPEC_FILE}: no section 3`);
  const rest = text.slice(start + 1);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  return [...section.matchAll(/^\| `([a-z][a-z0-9-]*)` \|/gm)].map((m) => m[1]);
}
