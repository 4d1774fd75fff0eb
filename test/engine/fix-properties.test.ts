// Properties every quick fix and fix-all must keep (SPEC section 4, issue 8),
// checked over every fixture, every example and a seeded set of generated and
// mutated documents, each also with CRLF line ends:
//   - every code action, applied on its own, leaves a file that parses, keeps
//     every comment line outside its edit and the line-end style, adds no
//     duplicate key, and removes the finding it targets;
//   - fix-all (fixAllText), and every safe fix on its own, changes no fact
//     about people: role fields, decisionAuthority, vision, the sets of
//     people and teams; fix-all is idempotent; only safe fixes are preferred.
// Deterministic (one seed) and bounded; the counts are printed for the record.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, Lexer, parseDocument, type Node, type Pair } from 'yaml';
import { analyze, applyEdits, fixAllText, getFixes } from '../../server/src/engine';
import type { AnalyzeOptions, Problem, TextEdit } from '../../server/src/engine';
import { addDuplicateKeyErrors } from '../../server/src/engine/syntax/duplicates';
import { PARSE_OPTIONS } from '../../server/src/engine/syntax/incremental';
import { editDistance } from '../../server/src/engine/text';
import { AWAITS_USER_INPUT, parseHeader, splitLines } from '../helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const TODAY = '2026-06-01';
// PROPERTY_SEED=<n> explores other documents locally; the suite always runs the default.
const SEED = Number(process.env.PROPERTY_SEED ?? 0x8f1e5);

interface Doc {
  name: string;
  text: string;
  options: AnalyzeOptions;
  /** A person deleted from people: while still referenced: no safe fix or fix-all may hand their places to anyone. */
  deleted?: string;
  /** The offset where a second document starts: no edit may land there. */
  secondDocument?: number;
}

// ---------------------------------------------------------------- the corpus

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.productteam\.ya?ml$/.test(f) && !f.endsWith('.fixed.productteam.yaml'))
    .sort();
}

function fromFile(file: string): Doc {
  const text = fs.readFileSync(file, 'utf8');
  let options: AnalyzeOptions = {};
  try {
    options = parseHeader(text).options as AnalyzeOptions;
  } catch {
    options = {};
  }
  return { name: path.relative(ROOT, file), text, options: { today: TODAY, ...options } };
}

/** mulberry32: a small seeded PRNG, so every run checks the same documents. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a stable number for a name. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

type Rand = ReturnType<typeof prng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Values a role field may hold, as written: odd shapes included. */
function refValue(r: Rand, ids: string[]): string {
  const id = pick(r, ids);
  const other = pick(r, ids);
  const typo = id.length > 2 ? id[1] + id[0] + id.slice(2) : `${id}x`;
  return pick(r, [
    ` ${id}`,
    ` ${id}`,
    ` [${id}, ${other}]`,
    ` [${id}, ${id}]`,
    ` ${typo}`,
    '',
    ' ~',
    ' !!null',
    ' &o',
    ' # TODO',
    ' &p !!null # who?',
    ` ${id}\u00a0`,
    ` ${id} # lead`,
    ` "${id}"`,
    ` '${typo}'`,
    ` "on-call: x"`,
    ` "#1"`,
    ` 'true'`,
    `\n      - ${id}   # first\n      # between\n      - ${other}`,
  ]);
}

function generated(r: Rand, n: number): Doc {
  const people = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank'].slice(0, 2 + Math.floor(r() * 5));
  const teams = ['core', 'growth', 'ops'].slice(0, 1 + Math.floor(r() * 3));
  const eol = '\n';
  const lines: string[] = ['version: 1', '# generated'];
  const stance = pick(r, ['combined', 'separated', 'contextual', 'outcomes-first', '']);
  lines.push('organization:', '  name: Acme');
  if (stance) lines.push(`  stance: ${stance}`);
  lines.push(`  stage: ${pick(r, ['startup', 'scaleup', 'enterprise', 'scaleupp', 'Scaleup'])}`);
  if (r() < 0.8) {
    lines.push('people:');
    for (const p of people) {
      const discipline = pick(r, ['product', 'technology', 'ux', 'business', 'technolgy', 'produt']);
      const authority = pick(r, ['', 'full', 'needs-approval', 'shared', 'ful']);
      if (r() < 0.5) lines.push(`  ${p}: { name: ${p.toUpperCase()}, discipline: ${discipline}${authority ? `, decisionAuthority: ${authority}` : ''} }`);
      else {
        lines.push(`  ${p}:`, `    name: ${p.toUpperCase()}   # display name`, `    discipline: ${discipline}`);
        if (authority) lines.push(`    decisionAuthority: ${authority}`);
        if (r() < 0.2) lines.push(`    ${pick(r, ['nmae', 'discpline', 'titel'])}: x`);
      }
    }
  } else if (r() < 0.7) {
    lines.push(`people:${pick(r, [' # nobody yet', ' ~', '', ' &everyone', ' {}', ' &e !!null # c'])}`);
  }
  lines.push('products:', '  payments:', '    name: Payments');
  if (r() < 0.3) lines.push('    vision: Pay easily.');
  if (r() < 0.7) lines.push(`    owner:${refValue(r, people)}`);
  if (r() < 0.15) lines.push(`    ownr: ${pick(r, people)}`);
  lines.push('    domains:');
  const domainCount = 1 + Math.floor(r() * 3);
  for (let d = 0; d < domainCount; d++) {
    lines.push(`      d${d}:`, '        # the domain');
    if (r() < 0.8) lines.push(`        productManager:${refValue(r, people)}`);
    if (r() < 0.6) lines.push(`        productOwner:${refValue(r, people)}`);
    if (r() < 0.3) lines.push(`        owner:${refValue(r, people)}`);
    if (r() < 0.7) lines.push(`        teams: [${pick(r, teams)}${r() < 0.3 ? ', grwoth' : ''}]`);
    if (r() < 0.5) lines.push('        outcomes: [Faster]');
  }
  if (r() < 0.1) lines.push(`teams:${pick(r, [' # none yet', ' ~', ' {}'])}`);
  else if (r() < 0.85) {
    lines.push('teams:');
    for (const t of teams) {
      lines.push(`  ${t}:`);
      if (r() < 0.5) lines.push(`    scrumMaster:${refValue(r, people)}`);
      lines.push(`    members: [${people.filter(() => r() < 0.6).join(', ')}${r() < 0.2 ? ', zed' : ''}]`);
    }
  }
  return { name: `generated #${n}`, text: lines.join(eol) + eol, options: { today: TODAY } };
}

const ROLE_KEY = /^(\s*)(owner|productManager|productOwner|scrumMaster):(.*)$/;

/** A small edit of a real document: an odd value, a typo, a lost or an added line. */
function mutated(r: Rand, base: Doc, n: number): Doc {
  const lines = base.text.split('\n');
  const steps = 1 + Math.floor(r() * 3);
  for (let s = 0; s < steps; s++) {
    const i = Math.floor(r() * lines.length);
    const line = lines[i];
    const kind = Math.floor(r() * 5);
    const role = ROLE_KEY.exec(line);
    if (kind <= 1 && role) {
      lines[i] = `${role[1]}${role[2]}:${refValue(r, ['alice', 'bob', 'carol', 'dan'])}`;
    } else if (kind === 2) {
      const m = /[a-z]{4,}/.exec(line.slice(line.search(/\S|$/)));
      if (m) {
        const at = line.indexOf(m[0]);
        const w = m[0];
        const j = 1 + Math.floor(r() * (w.length - 2));
        lines[i] = line.slice(0, at) + w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2) + line.slice(at + w.length);
      }
    } else if (kind === 3 && lines.length > 3) {
      lines.splice(i, 1);
    } else {
      lines.splice(i, 0, `${/^\s*/.exec(line)![0]}# a note`);
    }
  }
  return { name: `${base.name} (mutant ${n})`, text: lines.join('\n'), options: base.options };
}

// Issue 16's shapes: people whose ids look alike (ann/dan, liv/lina…), one of
// them deleted from people: while still referenced; entries keyed with an
// anchor, a tag or an explicit `?`; directive-like lines inside strings; a
// second document after the first.
const LOOKALIKES = [
  ['ann', 'dan', 'anna'],
  ['liv', 'lina', 'olivia'],
  ['erin', 'eric', 'erik'],
  ['alice-m', 'alice-k', 'alice'],
  ['t-cash', 't-car', 't-cart'],
  ['jon', 'john', 'joan'],
  ['max', 'mat', 'maxi'],
];

function entryKey(r: Rand, id: string): string {
  return pick(r, [id, id, `&${id.replace(/-/g, '')}a ${id}`, `!!str ${id}`, `&${id.replace(/-/g, '')}b !!str ${id}`, `? ${id}\n  `]);
}

function shaped(r: Rand, n: number): Doc {
  const group = pick(r, LOOKALIKES);
  const people = [...group, 'bob'];
  const deleted = pick(r, group);
  const lines: string[] = ['version: 1', 'organization:', '  name: Acme', `  stance: ${pick(r, ['combined', 'separated'])}`];
  if (r() < 0.3) lines.push('  x-note: |', '    # productteam-disable single-owner, unknown-reference', '    kept as text');
  if (r() < 0.3) lines.push('  x-quoted: "first line', '    # productteam-disable-next-line unknown-reference', '    last line"');
  lines.push('people:');
  for (const p of people) {
    if (p === deleted) {
      if (r() < 0.5) lines.push(`  # ${p} left`);
      continue;
    }
    const key = entryKey(r, p);
    if (key.startsWith('? ')) lines.push(`  ? ${p}`, `  : { name: ${p.toUpperCase()}, discipline: product }`);
    else if (r() < 0.5) lines.push(`  ${key}: { name: ${p.toUpperCase()}, discipline: ${pick(r, ['product', 'ux', 'technolgy'])} }`);
    else lines.push(`  ${key}:`, `    name: ${p.toUpperCase()}`, '    discipline: product');
    if (r() < 0.2) lines.push('  # between entries');
  }
  const others = people.filter((p) => p !== deleted);
  lines.push('products:', '  payments:', '    name: Payments', `    owner: ${pick(r, [deleted, deleted, others[0]])}`, '    domains:', '      d0:');
  lines.push(
    `        productManager: ${pick(r, [deleted, others[0]])}`,
    `        productOwner: ${pick(r, [deleted, others[1] ?? 'bob'])}`,
    '        teams: [core]',
  );
  const team = entryKey(r, 'core');
  lines.push(
    'teams:',
    team.startsWith('? ') ? '  ? core\n  :' : `  ${team}:`,
    `    members: [${pick(r, [`${others[0]}, ${deleted}`, `${deleted}, ${others[0]}`, deleted])}]`,
  );
  if (r() < 0.5) lines.push(`    scrumMaster: ${deleted}`);
  let text = lines.join('\n') + '\n';
  let secondDocument: number | undefined;
  if (r() < 0.25) {
    secondDocument = text.length;
    text += `---\npeople:\n  ${deleted}: { name: Second }\n`;
  }
  return { name: `shaped #${n} (${deleted} deleted)`, text, options: { today: TODAY }, deleted, ...(secondDocument !== undefined ? { secondDocument } : {}) };
}

function withCrlf(d: Doc): Doc {
  const crlf = d.text.replace(/\r?\n/g, '\r\n');
  const second = d.secondDocument === undefined ? {} : { secondDocument: crlf.indexOf('\r\n---\r\n') + 2 };
  return { ...d, name: `${d.name} (CRLF)`, text: crlf, ...second };
}

function corpus(): Doc[] {
  const files = [...filesUnder(path.join(ROOT, 'test', 'fixtures')), ...filesUnder(path.join(ROOT, 'examples'))].map(fromFile);
  const r = prng(SEED);
  const made: Doc[] = [];
  for (let i = 0; i < 30; i++) made.push(generated(r, i));
  const shapes = prng(SEED ^ 0x16);
  for (let i = 0; i < 40; i++) made.push(shaped(shapes, i));
  // About one document in three gets a mutant, seeded by its own name: adding a
  // fixture adds cases but never reshuffles the others.
  const mutants = [...files, ...made].filter((d) => hash(d.name) % 3 === 0).map((d, i) => mutated(prng(SEED ^ hash(d.name)), d, i));
  const docs = [...files, ...made, ...mutants];
  return [...docs, ...docs.map(withCrlf)];
}

// ------------------------------------------------------------ the properties

/** yaml's errors but a second document (yaml-syntax reports it; the first document is intact and fixes must keep to it). */
function yamlErrors(text: string): string[] {
  const doc = parseDocument(text, PARSE_OPTIONS);
  addDuplicateKeyErrors(doc);
  return doc.errors.map((e) => e.code).filter((c) => c !== 'MULTIPLE_DOCS');
}

/** Every role list, and the facts' lists, that names `id`. */
function placesOf(facts: Facts, id: string): string[] {
  return [...facts.roles].filter(([, ids]) => ids.includes(id)).map(([key]) => key);
}

/** A deleted person's places that an edit handed to someone else (or dropped). */
function handedOver(doc: Doc, before: Facts, after: Facts): string[] {
  if (!doc.deleted) return [];
  const now = new Set(placesOf(after, doc.deleted));
  return placesOf(before, doc.deleted).filter((k) => !now.has(k));
}

/** The message's "did you mean" and the safe fixes agree: it names exactly what the one safe rename writes. */
function disagreement(problem: Problem, fixes: readonly { title: string; kind: string }[]): string | undefined {
  const named = /Did you mean '([^']+)'\?/.exec(problem.message)?.[1];
  // No rename offered at all (a value that came through a `<<` is fixed at its anchor): nothing to disagree with.
  if (!fixes.some((f) => /^(Change|Rename) to '/.test(f.title))) return undefined;
  const renames = fixes.filter((f) => f.kind === 'safe' && /^(Change|Rename) to '/.test(f.title) && !/^Rename to 'x-/.test(f.title));
  const wrote = renames.map((f) => /'([^']+)'/.exec(f.title)![1]);
  if (named === undefined) return wrote.length ? `no "did you mean" but safe ${wrote.join(', ')}` : undefined;
  return wrote.length === 1 && wrote[0] === named ? undefined : `"did you mean '${named}'" but safe ${wrote.join(', ') || 'none'}`;
}

function lineEnds(text: string): { crlf: number; lf: number } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return { crlf, lf: (text.match(/\n/g) ?? []).length - crlf };
}

/** Comment lines of `before` that no edit touches: each must still be in `after`. */
function lostComments(before: string, after: string, edits: readonly TextEdit[]): string[] {
  const count = new Map<string, number>();
  let offset = 0;
  for (const raw of before.split('\n')) {
    const start = offset;
    const end = offset + raw.length;
    offset = end + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!/^\s*#/.test(line)) continue;
    // An insertion at a line's start adds a line before it; one inside or at its end changes it.
    const touched = edits.some((e) => (e.start === e.end ? start < e.start && e.start <= end : e.start < end && start < e.end));
    if (!touched) count.set(line, (count.get(line) ?? 0) + 1);
  }
  const have = new Map<string, number>();
  for (const line of splitLines(after)) have.set(line, (have.get(line) ?? 0) + 1);
  return [...count].filter(([line, n]) => (have.get(line) ?? 0) < n).map(([line]) => line);
}

/**
 * A defect of issue 8 fixed on the suppression branch, not this one: 'Disable
 * <id> for this line' appends to an expired directive, which suppresses
 * nothing. Counted and printed (never silently passed); delete this once
 * that branch is merged.
 */
function extendsExpiredDirective(analysis: ReturnType<typeof analyze>, edits: readonly TextEdit[]): boolean {
  return (
    edits.length === 1 &&
    edits[0].newText.startsWith(', ') &&
    analysis.suppressions.some((s) => s.idsEnd === edits[0].start && s.until !== undefined && s.until <= analysis.settings.today)
  );
}

/** Every comment (own-line or trailing) of a text, with its offset, from yaml's own lexer. */
function commentsOf(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let at = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for a document, a scalar and a flow end are not source text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('#')) out.push({ at, text: token });
    at += token.length;
  }
  return out;
}

/** Comments (trailing ones too) that no edit touches and that `after` no longer has. */
function lostTrailingComments(before: string, after: string, edits: readonly TextEdit[]): string[] {
  const want = new Map<string, number>();
  for (const c of commentsOf(before)) {
    const end = c.at + c.text.length;
    if (edits.some((e) => (e.start === e.end ? c.at < e.start && e.start <= end : e.start < end && c.at < e.end))) continue;
    want.set(c.text, (want.get(c.text) ?? 0) + 1);
  }
  const have = new Map<string, number>();
  for (const c of commentsOf(after)) have.set(c.text, (have.get(c.text) ?? 0) + 1);
  return [...want].filter(([t, n]) => (have.get(t) ?? 0) < n).map(([t]) => t);
}

const sameFinding = (a: Problem, b: Problem): boolean => a.ruleId === b.ruleId && a.message === b.message;

// Facts about people, read leniently from the YAML: a role written under a
// misspelt key (which a safe rename may correct) counts as that role.
const KNOWN: Record<string, string[]> = {
  person: ['name', 'title', 'email', 'discipline', 'customerContact', 'decisionAuthority', 'until'],
  product: ['name', 'vision', 'lifecycle', 'owner', 'domains'],
  domain: ['name', 'productManager', 'productOwner', 'owner', 'outcomes', 'teams', 'stakeholders'],
  team: ['name', 'scrumMaster', 'members', 'type'],
  root: ['version', 'include', 'organization', 'settings', 'people', 'products', 'teams'],
};

function pairs(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

/** The value of `key` in a mapping, or of an unknown key a typo away from it. */
function lenient(node: unknown, key: string, kind: string): unknown {
  const ps = pairs(node);
  const exact = ps.find((p) => keyOf(p) === key);
  if (exact) return exact.value;
  const near = ps.find((p) => {
    const k = keyOf(p);
    return k !== undefined && !k.startsWith('x-') && !KNOWN[kind].includes(k) && editDistance(k, key, 2) <= 2;
  });
  return near?.value;
}

function idsOf(node: unknown): string[] {
  const items = isSeq(node) ? node.items : [node];
  return [...new Set(items.filter((i) => isScalar(i) && typeof i.value === 'string').map((i) => String((i as { value: string }).value)))].sort();
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

interface Facts {
  people: string[];
  teams: string[];
  roles: Map<string, string[]>;
  authority: Map<string, string | undefined>;
  vision: Map<string, string | undefined>;
}

function factsOf(text: string): Facts {
  const root = parseDocument(text, PARSE_OPTIONS).contents as Node | null;
  const people = lenient(root, 'people', 'root');
  const teams = lenient(root, 'teams', 'root');
  const facts: Facts = {
    people: pairs(people)
      .map(keyOf)
      .filter((k): k is string => k !== undefined)
      .sort(),
    teams: pairs(teams)
      .map(keyOf)
      .filter((k): k is string => k !== undefined)
      .sort(),
    roles: new Map(),
    authority: new Map(),
    vision: new Map(),
  };
  for (const p of pairs(people)) facts.authority.set(`${keyOf(p)}`, scalarText(lenient(p.value, 'decisionAuthority', 'person')));
  for (const t of pairs(teams))
    for (const role of ['scrumMaster', 'members']) facts.roles.set(`team ${keyOf(t)} ${role}`, idsOf(lenient(t.value, role, 'team')));
  for (const product of pairs(lenient(root, 'products', 'root'))) {
    const id = keyOf(product);
    facts.vision.set(`${id}`, scalarText(lenient(product.value, 'vision', 'product')));
    facts.roles.set(`product ${id} owner`, idsOf(lenient(product.value, 'owner', 'product')));
    for (const d of pairs(lenient(product.value, 'domains', 'product')))
      for (const role of ['owner', 'productManager', 'productOwner', 'teams'])
        facts.roles.set(`domain ${id}/${keyOf(d)} ${role}`, idsOf(lenient(d.value, role, 'domain')));
  }
  return facts;
}

const AUTHORITIES = ['full', 'shared', 'needs-approval'];

/** How fix-all changed facts about people; empty when it changed none. */
function factChanges(before: Facts, after: Facts): string[] {
  const out: string[] = [];
  if (before.people.join() !== after.people.join()) out.push(`people: ${before.people} -> ${after.people}`);
  if (before.teams.join() !== after.teams.join()) out.push(`teams: ${before.teams} -> ${after.teams}`);
  const defined = new Set([...before.people, ...before.teams]);
  for (const key of new Set([...before.roles.keys(), ...after.roles.keys()])) {
    const was = before.roles.get(key) ?? [];
    const now = after.roles.get(key) ?? [];
    const removed = was.filter((id) => !now.includes(id));
    const added = now.filter((id) => !was.includes(id));
    // Only correcting an undefined id to the one defined id a typo away is not a change of
    // fact (in a list that names the undefined id twice, one of them may be corrected first).
    const removedOk = removed.every((id) => !defined.has(id));
    const addedOk = added.every((id) => defined.has(id) && was.some((old) => !defined.has(old) && editDistance(old, id, 2) <= 2));
    if (!removedOk || !addedOk) out.push(`${key}: [${was}] -> [${now}]`);
  }
  for (const [id, was] of before.authority) {
    const now = after.authority.get(id);
    const wasValid = was !== undefined && AUTHORITIES.includes(was);
    if (wasValid || was === undefined ? now !== was : now !== was && !AUTHORITIES.includes(now ?? '')) out.push(`${id}.decisionAuthority: ${was} -> ${now}`);
  }
  for (const [id, was] of before.vision) if (after.vision.get(id) !== was) out.push(`${id}.vision: ${was} -> ${after.vision.get(id)}`);
  return out;
}

// ------------------------------------------------------------------- driver

describe('fix properties (every fixture, example, generated and mutated document, LF and CRLF)', function () {
  this.timeout(60_000);
  const docs = corpus();
  const stats = {
    documents: docs.length,
    parsing: 0,
    actions: 0,
    fixAll: 0,
    fixAllChanged: 0,
    failures: 0,
    pendingElsewhere: 0,
    deletedPeople: 0,
    secondDocuments: 0,
    keyShapes: 0,
    textDirectives: 0,
  };
  let failures: string[] = [];
  const fail = (doc: Doc, what: string): void => {
    stats.failures++;
    if (failures.length < 20) failures.push(`${doc.name}: ${what}`);
  };

  // Split in slices so that no single test runs long.
  const SLICES = 8;
  for (let s = 0; s < SLICES; s++) {
    it(`code actions and fix-all, slice ${s + 1} of ${SLICES}`, () => {
      failures = [];
      for (const doc of docs.filter((_, i) => i % SLICES === s)) {
        const errorsBefore = yamlErrors(doc.text);
        if (errorsBefore.length) continue; // only files that parse: a fix must keep them parsing
        stats.parsing++;
        if (doc.deleted) stats.deletedPeople++;
        if (doc.secondDocument !== undefined) stats.secondDocuments++;
        if (/^\s*(?:[&!?]|.*: [&!])/m.test(doc.text) && /^ +(?:&\S+ )?(?:!!str |\? )/m.test(doc.text)) stats.keyShapes++;
        if (/^ {4}# productteam-/m.test(doc.text)) stats.textDirectives++;
        const analysis = analyze(doc.text, doc.options);
        const ends = lineEnds(doc.text);
        const factsBefore = factsOf(doc.text);
        for (const problem of analysis.problems) {
          const fixes = getFixes(analysis, problem);
          if (fixes.filter((f) => f.isPreferred).length > 1) fail(doc, `several preferred fixes for ${problem.ruleId} at ${problem.start}`);
          const disagree = disagreement(problem, fixes);
          if (disagree) fail(doc, `${problem.ruleId} at ${problem.start}: ${disagree}`);
          for (const fix of fixes) {
            stats.actions++;
            const where = `'${fix.title}' for ${problem.ruleId} at ${problem.start}`;
            if (fix.kind !== 'safe' && fix.kind !== 'suggestion') fail(doc, `${where} has no kind`);
            if (fix.isPreferred && fix.kind !== 'safe') fail(doc, `${where} is a preferred suggestion`);
            const after = applyEdits(doc.text, fix.edits);
            const errors = yamlErrors(after);
            if (errors.length) {
              fail(doc, `${where} breaks the file (${errors.join(', ')})`);
              continue;
            }
            if (doc.secondDocument !== undefined && fix.edits.some((e) => e.start >= doc.secondDocument!)) fail(doc, `${where} edits the second document`);
            if (fix.kind === 'safe') for (const change of factChanges(factsBefore, factsOf(after))) fail(doc, `safe ${where} changes a fact: ${change}`);
            if (fix.kind === 'safe')
              for (const place of handedOver(doc, factsBefore, factsOf(after)))
                fail(doc, `safe ${where} hands ${doc.deleted}'s place ${place} to someone else`);
            const lost = [...lostComments(doc.text, after, fix.edits), ...lostTrailingComments(doc.text, after, fix.edits)];
            if (lost.length) fail(doc, `${where} drops comments: ${lost.join(' | ')}`);
            const endsAfter = lineEnds(after);
            if ((ends.crlf > 0 && ends.lf === 0 && endsAfter.lf > 0) || (ends.crlf === 0 && endsAfter.crlf > 0)) fail(doc, `${where} mixes line ends`);
            if (AWAITS_USER_INPUT.has(fix.title)) continue;
            const before = analysis.problems.filter((p) => sameFinding(p, problem)).length;
            const left = analyze(after, doc.options).problems.filter((p) => sameFinding(p, problem)).length;
            if (left < before) continue;
            if (extendsExpiredDirective(analysis, fix.edits)) stats.pendingElsewhere++;
            else fail(doc, `${where} leaves its finding: ${problem.message}`);
          }
        }
        stats.fixAll++;
        const once = fixAllText(doc.text, doc.options).text;
        if (once !== doc.text) stats.fixAllChanged++;
        const errors = yamlErrors(once);
        if (errors.length) fail(doc, `fix-all breaks the file (${errors.join(', ')})`);
        const twice = fixAllText(once, doc.options).text;
        if (twice !== once) fail(doc, 'fix-all is not idempotent');
        const ends2 = lineEnds(once);
        if ((ends.crlf > 0 && ends.lf === 0 && ends2.lf > 0) || (ends.crlf === 0 && ends2.crlf > 0)) fail(doc, 'fix-all mixes line ends');
        for (const change of factChanges(factsBefore, factsOf(once))) fail(doc, `fix-all changes a fact: ${change}`);
        for (const place of handedOver(doc, factsBefore, factsOf(once))) fail(doc, `fix-all hands ${doc.deleted}'s place ${place} to someone else`);
      }
      assert.deepEqual(failures, [], `${stats.failures} failures`);
    });
  }

  after(() => {
    console.log(
      `      fix properties: ${stats.documents} documents (${stats.parsing} parse), ${stats.actions} code actions applied, ` +
        `fix-all on ${stats.fixAll} (${stats.fixAllChanged} changed), ${stats.failures} failures; ` +
        `issue 16's shapes among them: ${stats.deletedPeople} with a deleted person, ${stats.keyShapes} with anchored, tagged or explicit keys, ` +
        `${stats.textDirectives} with directive-like lines in strings, ${stats.secondDocuments} with a second document` +
        (stats.pendingElsewhere ? ` (+${stats.pendingElsewhere} 'Disable … for this line' on an expired directive, fixed on the suppression branch)` : ''),
    );
  });

  it('the generator is seeded: the same corpus every run', () => {
    assert.deepEqual(
      corpus().map((d) => d.text),
      docs.map((d) => d.text),
    );
  });
});
