// schema: what JSON Schema says (type, enum, required, unknown property),
// placed on the smallest node. Fixes, each safe or a suggestion (SPEC 4):
//   version: "1"         -> Change to 1                      (safe)
//   stage: Scaleup       -> Change to 'scaleup'              (safe)
//   discipline: design   -> Change to 'ux'                   (safe: one by meaning)
//   teams: core          -> Make it a list                   (safe)
//   tilte: Head of X     -> Rename to 'title'                (safe: one close key)
//   slack: "@nia"        -> Rename to 'x-slack', Remove property 'slack'   (suggestions)
//   { title: Director, Freight Products } -> Quote 'Director, Freight Products' (safe)
// An owner or a list left empty mid-edit (`owner:`, `teams:`) means "none yet":
// the rule that judges "none" says so (single-owner, domain-without-team…), so
// the type error would be a second finding, at error, on the same place.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { makeList, mapWithKeyAt, pairOf, removePair, replaceSpanLike, setMapProperty } from '../fixes/edits';
import { realDate } from '../model/model';
import { locatePointer } from '../syntax/resolve';
import { titleCase } from '../text';
import type { Analysis } from '../types';
import type { Fix, SchemaError, SchemaErrorKind } from '../types';
import type { RuleProblem } from './rule';
import { defineRule } from './rule';
import { rootNode } from '../syntax/nodes';

/** What a finding carries to its fixes. */
type Data = {
  kind: SchemaErrorKind;
  pointer: string;
  property?: string;
  candidates: string[];
  /** The candidate the safe fix writes, when there is one (the message's "did you mean"). */
  safe?: string;
  allowed?: string[];
  to?: string;
  comma?: SchemaError['comma'];
  indirect?: true;
};

export const schema = defineRule<Data>()({
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A JSON-schema violation: wrong type, value not allowed, required property missing, unknown property.',
  seeds: [],
  docs: {
    firesWhen: 'A value has the wrong type, is not one of the allowed values, a required field is missing, or a property is unknown.',
  },
  rationale: {
    why: 'A misspelt property or value is ignored by every rule, so a typo can hide a real ownership problem.',
    quoteIds: [],
  },
  perFile: true,
  check(ctx) {
    for (const e of ctx.schemaErrors) {
      if (e.kind === 'type' && leftEmpty(ctx.doc, e.pointer)) continue;
      ctx.report(e, e.message, {
        kind: e.kind,
        pointer: e.pointer,
        property: e.property,
        candidates: e.candidates ?? [],
        ...(e.safe ? { safe: e.safe } : {}),
        ...(e.allowed ? { allowed: e.allowed } : {}),
        ...(e.to !== undefined ? { to: e.to } : {}),
        ...(e.comma ? { comma: e.comma } : {}),
        ...(e.indirect ? { indirect: true } : {}),
      });
    }
    // The pattern lets 2026-02-30 through; departed-person would then silently never fire.
    for (const person of ctx.model.people.values()) {
      // Most people have no `until`, or a real one: only the others are looked at (this runs on every keystroke).
      if (person.untilText === undefined || person.until !== undefined) continue;
      const v = pairOf(person.map, 'until')?.value;
      if (!isScalar(v) || typeof v.value !== 'string' || !v.range || !/^\d{4}-\d{2}-\d{2}$/.test(v.value) || realDate(v.value)) continue;
      if (ctx.schemaErrors.some((e) => e.start === v.range![0])) continue;
      ctx.report(
        { start: v.range[0], end: v.range[1] },
        `'until' must be a real date, not '${v.value}': there is no such day, so departed-person cannot tell when ${person.id} leaves.`,
        { kind: 'value', pointer: `/people/${person.id}/until`, candidates: [] },
      );
    }
  },
  fixes(problem, analysis) {
    // Reported on a `<<` key or an alias: the value lives at the anchor, so no edit here can fix it.
    if (problem.data.indirect) return [];
    const candidates = problem.data.candidates ?? [];
    switch (problem.data.kind) {
      case 'quoted': {
        const to = String(problem.data.to);
        return [{ title: `Change to ${to}`, kind: 'safe', isPreferred: true, edits: [{ start: problem.start, end: problem.end, newText: to }] }];
      }
      case 'not-a-list': {
        const node = nodeAt(analysis, problem);
        return node ? [{ title: 'Make it a list', kind: 'safe', isPreferred: true, edits: makeList(analysis, node) }] : [];
      }
      case 'enum': {
        const offered = candidates.length ? candidates.slice(0, 3) : (problem.data.allowed ?? []);
        const safe = problem.data.safe;
        return offered.map((c) => ({
          title: `Change to '${c}'`,
          kind: c === safe ? 'safe' : 'suggestion',
          isPreferred: c === safe || undefined,
          edits: [replaceSpanLike(analysis, problem, c)],
        }));
      }
      case 'unknown-property':
        return unknownPropertyFixes(problem, analysis, candidates);
      case 'missing-property':
        return missingPropertyFixes(problem, analysis);
      default:
        return [];
    }
  },
});

/**
 * Owners and lists whose absence another rule judges: an owner (single-owner),
 * a domain's teams (domain-without-team), stakeholders and outcomes
 * (outcomes-defined), a team's members. Roles that default to someone else
 * when missing (productManager, productOwner, scrumMaster) are not here: an
 * empty one is still a type error, never read as "the default".
 */
const READ_AS_NONE = [/^\/products\/[^/]+\/owner$/, /^\/products\/[^/]+\/domains\/[^/]+\/(owner|teams|stakeholders|outcomes)$/, /^\/teams\/[^/]+\/members$/];

/** The value at `pointer` is empty (`teams:` with nothing after it, `~`, `null`) and means "none". */
function leftEmpty(doc: Analysis['doc'], pointer: string): boolean {
  if (!READ_AS_NONE.some((re) => re.test(pointer))) return false;
  const { node } = locatePointer(doc, pointer);
  return isScalar(node) && node.value === null;
}

function unknownPropertyFixes(problem: RuleProblem<Data>, analysis: Analysis, candidates: string[]): Fix[] {
  const key = String(problem.data.property);
  const fixes: Fix[] = [];
  const comma = problem.data.comma;
  if (comma)
    fixes.push({
      title: `Quote ${comma.newText.replace(/^"|"$/g, "'")}`,
      kind: 'safe',
      isPreferred: true,
      edits: [{ start: comma.start, end: comma.end, newText: comma.newText }],
    });
  const safe = comma ? undefined : problem.data.safe;
  // Renaming onto a key the mapping already has would write a duplicate key: not offered.
  const map = mapWithKeyAt(analysis.doc, problem.start);
  for (const c of candidates.slice(0, 3).filter((x) => !pairOf(map, x)))
    fixes.push({
      title: `Rename to '${c}'`,
      kind: c === safe ? 'safe' : 'suggestion',
      isPreferred: c === safe || undefined,
      edits: [replaceSpanLike(analysis, problem, c)],
    });
  if (!comma) fixes.push({ title: `Rename to 'x-${key}'`, kind: 'suggestion', edits: [replaceSpanLike(analysis, problem, `x-${key}`)] });
  const owner = map;
  if (owner) {
    const pair = (owner.items as { key: unknown }[]).find((p) => (p.key as Node | null)?.range?.[0] === problem.start);
    if (pair) fixes.push({ title: `Remove property '${key}'`, kind: 'suggestion', edits: removePair(analysis, owner, pair as never) });
  }
  return fixes;
}

/**
 * `Add '<key>'` with a value from the file: a `name` from the entry's id
 * (`checkout-squad` -> Checkout Squad), `version: 1` at the top. A suggestion:
 * the name is a guess.
 */
function missingPropertyFixes(problem: RuleProblem<Data>, analysis: Analysis): Fix[] {
  const key = String(problem.data.property);
  const pointer = String(problem.data.pointer ?? '');
  if (key === 'version' && pointer === '') {
    const eol = analysis.text.includes('\r\n') ? '\r\n' : '\n';
    // After any leading comment lines, before the first key.
    const root = rootNode(analysis.doc);
    const at = root?.range ? analysis.lines.lineStart(analysis.lines.positionAt(root.range[0]).line) : 0;
    return [{ title: `Add '${key}'`, kind: 'suggestion', edits: [{ start: at, end: at, newText: `version: 1${eol}${eol}` }] }];
  }
  if (key !== 'name') return [];
  const segments = pointer
    .split('/')
    .slice(1)
    .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = analysis.doc.contents as unknown;
  for (const seg of segments)
    node = isMap(node) ? (node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === seg)?.value as unknown) : undefined;
  const id = segments[segments.length - 1];
  if (!isMap(node) || id === undefined) return [];
  return [{ title: `Add '${key}'`, kind: 'suggestion', edits: setMapProperty(analysis, node as YAMLMap, 'name', titleCase(id), []) }];
}

/** The scalar value node the problem is reported on. */
function nodeAt(analysis: Analysis, span: { start: number }): Node | undefined {
  let found: Node | undefined;
  const visit = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    const node = n as Node & { items?: unknown[]; key?: unknown; value?: unknown };
    if ('range' in node && node.range && node.range[0] === span.start && !('items' in node)) {
      found = node;
      return;
    }
    if (Array.isArray(node.items)) for (const it of node.items) visit(it);
    if ('key' in node) visit(node.key);
    if ('value' in node) visit(node.value);
  };
  visit(analysis.doc.contents);
  return found;
}
