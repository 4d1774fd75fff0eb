// What the end-to-end driver expects to see in the workbench, worked out by the
// engine from the example's text (bundled by scripts/e2e/build.mjs into
// .e2e/build/expectations.cjs, loaded by test/e2e/workbench.mjs). The
// workbench must show what the engine finds: the language server, the client
// and VS Code stand between the two.
import { analyze, getFixes, hover, type Problem } from '../../server/src/engine';
import { QUOTES, ROLES } from '../../server/src/engine/knowledge/knowledge';
import { expandSnippet } from '../helpers/snippets';

export { expandSnippet };

export interface Finding {
  ruleId: string;
  severity: Problem['severity'];
  message: string;
  /** 1-based, like the Problems panel's `[Ln x, Col y]`. */
  line: number;
  column: number;
}

export function findings(text: string): Finding[] {
  const a = analyze(text);
  return a.problems.map((p) => {
    const pos = a.lines.positionAt(p.start);
    return { ruleId: p.ruleId, severity: p.severity, message: p.message, line: pos.line + 1, column: pos.character + 1 };
  });
}

/** The quotes a hover on a role key may show (every quote the role lists). */
export function roleQuotes(role: keyof typeof ROLES): string[] {
  const ids = new Set<string>(ROLES[role].quoteIds);
  return QUOTES.filter((q) => ids.has(q.id)).map((q) => q.text);
}

export function allQuotes(): string[] {
  return QUOTES.map((q) => q.text);
}

export interface SplitOwner {
  /** 1-based line and column of the first id in the list. */
  line: number;
  column: number;
  ids: string[];
  /** The `[a, b]` text as written. */
  listText: string;
}

/** `owner: [a, b]` fields (product or domain) that `single-owner` flags. */
export function splitOwners(text: string): SplitOwner[] {
  const a = analyze(text);
  const flagged = a.problems.filter((p) => p.ruleId === 'single-owner');
  const fields = a.model.products.flatMap((p) => [p.owner, ...p.domains.map((d) => d.owner)]);
  const out: SplitOwner[] = [];
  for (const f of fields) {
    if (!f || !f.isList || f.refs.length < 2) continue;
    if (!flagged.some((p) => p.start < f.value.end && f.value.start < p.end)) continue;
    const pos = a.lines.positionAt(f.refs[0].start);
    out.push({ line: pos.line + 1, column: pos.character + 1, ids: f.refs.map((r) => r.id), listText: text.slice(f.value.start, f.value.end) });
  }
  return out;
}

export interface PreferredFix {
  ruleId: string;
  /** The finding's only safe fix: the one the quick-fix menu marks preferred. */
  title: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** Findings with exactly one safe fix (not a "Disable …"), in text order. */
export function preferredFixes(text: string): PreferredFix[] {
  const a = analyze(text);
  const out: PreferredFix[] = [];
  for (const p of a.problems) {
    const safe = getFixes(a, p).filter((f) => f.kind === 'safe' && !f.isSuppression);
    if (safe.length !== 1) continue;
    const pos = a.lines.positionAt(p.start);
    out.push({ ruleId: p.ruleId, title: safe[0].title, line: pos.line + 1, column: pos.character + 1 });
  }
  return out.sort((x, y) => x.line - y.line || x.column - y.column);
}

export interface PersonRef {
  id: string;
  line: number;
  column: number;
  /** How many places the id is written: its declaration and every reference. */
  occurrences: number;
}

/** People referenced from somewhere, most referenced first. */
export function referencedPeople(text: string): PersonRef[] {
  const a = analyze(text);
  const out: PersonRef[] = [];
  for (const person of a.model.people.values()) {
    const refs = a.model.refs.filter((r) => r.kind === 'person' && r.id === person.id);
    if (!refs.length) continue;
    const pos = a.lines.positionAt(refs[0].start);
    out.push({ id: person.id, line: pos.line + 1, column: pos.character + 1, occurrences: refs.length + 1 });
  }
  return out.sort((x, y) => y.occurrences - x.occurrences);
}

export function personIds(text: string): string[] {
  return [...analyze(text).model.people.keys()];
}

/**
 * The text after renaming person `from` to `to`: the declaring key and every
 * reference change, nothing else. Worked out from the model's spans, not from
 * the server's rename code.
 */
export function renamed(text: string, from: string, to: string): string {
  const a = analyze(text);
  const person = a.model.people.get(from);
  if (!person) throw new Error(`no person '${from}'`);
  const spans = [person.key, ...a.model.refs.filter((r) => r.kind === 'person' && r.id === from)]
    .map((s) => {
      // A span may include quotes; replace just the id inside it.
      const at = text.indexOf(from, s.start);
      return { start: at, end: at + from.length };
    })
    .sort((x, y) => y.start - x.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + to + out.slice(s.end);
  return out;
}

/** 1-based line and column of the first `<key>:` (e.g. productOwner). */
export function firstKey(text: string, key: string): { line: number; column: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^(\\s*)${key}:`).exec(lines[i]);
    if (m) return { line: i + 1, column: m[1].length + 1 };
  }
  return undefined;
}

/** For comparing a quote with rendered text: ASCII quotes and dashes, one space per whitespace run. */
export function normalizeQuote(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person reference written as a plain scalar (`productManager: alice`), 1-based. */
export function scalarPersonRef(text: string): { id: string; line: number; column: number } | undefined {
  const a = analyze(text);
  const fields = a.model.products.flatMap((p) => [p.owner, ...p.domains.flatMap((d) => [d.productManager, d.productOwner, d.owner])]);
  for (const t of a.model.teams.values()) fields.push(t.scrumMaster);
  for (const f of fields) {
    if (!f || f.isList || f.refs.length !== 1 || f.refs[0].kind !== 'person') continue;
    const pos = a.lines.positionAt(f.refs[0].start);
    return { id: f.refs[0].id, line: pos.line + 1, column: pos.character + 1 };
  }
  return undefined;
}

export interface DebateHover {
  /** 1-based line and column of the start of the first role-split finding. */
  line: number;
  column: number;
  /** The text under the cursor there (the domain key or value the finding covers). */
  word: string;
  /** The quotes the engine's hover shows there, one per stance plus the note that holds under every stance. */
  quotes: string[];
}

/** The first role-split finding of the example and the quotes its debate hover must show. */
export function debateHover(text: string): DebateHover | undefined {
  const a = analyze(text);
  const p = a.problems.find((x) => x.ruleId === 'role-split');
  if (!p) return undefined;
  const md = hover(a, p.start)?.markdown ?? '';
  // Whole quotes: the named combined sentence opens a longer Schutyser quote, so a prefix would find both.
  const quotes = QUOTES.filter((q) => md.includes(q.text)).map((q) => q.text);
  const pos = a.lines.positionAt(p.start);
  return { line: pos.line + 1, column: pos.character + 1, word: text.slice(p.start, p.end), quotes };
}
