// Completion of person and team ids where a reference goes, of enum values
// and of property keys, with the schema's descriptions. The cursor context is
// read from the text (see syntax/cursorContext.ts) because a document being
// typed rarely parses; ids come from the last model that had them.
import type { Model, Person, Span, Team } from '../types';
import { REFERENCE_FIELDS, referenceFieldAt } from '../model/referenceFields';
import { cursorContext, type CursorContext } from '../syntax/cursorContext';
import { describe, enumValuesAt, isArrayAt, isIdMap, isObjectAt, propertiesAt } from './schemaInfo';
import { personSummary, teamSummary } from './people';

/** What a completion inserts: a property key, an allowed value, or a person/team id. */
export type CompletionKind = 'property' | 'value' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `span`. */
  newText: string;
  span: Span;
  sortText?: string;
  filterText?: string;
}

/** Keys whose values are person ids somewhere (the reference table): a half-typed path still gets people there. */
const PERSON_KEYS = new Set(REFERENCE_FIELDS.filter((f) => f.kind === 'person').map((f) => f.key as string));
/** Keys where someone from product is the likely answer (listed first). */
const PRODUCT_ROLE_KEYS = new Set(['owner', 'productManager', 'productOwner']);

function referenceKindAt(path: readonly string[]): 'person' | 'team' | undefined {
  const key = path[path.length - 1];
  const field = referenceFieldAt(path);
  if (field) return field.kind;
  if (path.length === 0 || path[0].startsWith('x-')) return undefined;
  return PERSON_KEYS.has(key) && (path[0] === 'products' || path[0] === 'teams') ? 'person' : undefined;
}

/**
 * @param models the current analysis' model first, then older ones that parsed
 *   (used only when the current one has no people or teams, mid-edit).
 */
export function complete(text: string, offset: number, models: readonly Model[]): CompletionEntry[] {
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  return ctx.kind === 'key' ? keyCompletions(ctx, offset) : valueCompletions(ctx, offset, models);
}

function valueCompletions(ctx: CursorContext, offset: number, models: readonly Model[]): CompletionEntry[] {
  const span = { start: ctx.start, end: offset };
  const lead = ctx.needsSpace ? ' ' : '';
  const refKind = referenceKindAt(ctx.path);
  const taken = new Set(ctx.existing);
  if (refKind === 'person') {
    const people = [...(models.find((m) => m.people.size > 0)?.people.values() ?? [])];
    const key = ctx.path[ctx.path.length - 1];
    const productFirst = PRODUCT_ROLE_KEYS.has(key);
    return people.filter((p) => !taken.has(p.id)).map((p, i) => personEntry(p, i, span, lead, productFirst));
  }
  if (refKind === 'team') {
    const teams = [...(models.find((m) => m.teams.size > 0)?.teams.values() ?? [])];
    return teams.filter((t) => !taken.has(t.id)).map((t, i) => teamEntry(t, i, span, lead));
  }
  // In a list (`discipline: [product, |`, `coreTeam: [|`), the items' values, less those already written.
  const values = ctx.inList ? enumValuesAt([...ctx.path, 0]).filter((v) => !taken.has(String(v.value))) : enumValuesAt(ctx.path);
  return values.map((v, i) => {
    const label = String(v.value);
    const e: CompletionEntry = { label, kind: 'value', newText: lead + label, span, sortText: pad(i) };
    if (v.description) e.detail = v.description;
    const doc = v.markdownDescription ?? v.description;
    if (doc) e.documentation = doc;
    if (lead) e.filterText = label;
    return e;
  });
}

function personEntry(p: Person, i: number, span: Span, lead: string, productFirst: boolean): CompletionEntry {
  const rank = productFirst && p.disciplines.includes('product') ? 0 : 1;
  const e: CompletionEntry = {
    label: p.id,
    kind: 'reference',
    detail: p.name ?? p.id,
    documentation: personSummary(p),
    newText: lead + p.id,
    span,
    sortText: `${rank}${pad(i)}`,
  };
  if (lead) e.filterText = p.id;
  return e;
}

function teamEntry(t: Team, i: number, span: Span, lead: string): CompletionEntry {
  const e: CompletionEntry = {
    label: t.id,
    kind: 'reference',
    detail: t.name ?? t.id,
    newText: lead + t.id,
    span,
    sortText: pad(i),
  };
  const doc = teamSummary(t);
  if (doc) e.documentation = doc;
  if (lead) e.filterText = t.id;
  return e;
}

function keyCompletions(ctx: CursorContext, offset: number): CompletionEntry[] {
  if (isIdMap(ctx.path)) return []; // people, products, teams, domains: the user names their ids
  const taken = new Set(ctx.existing);
  const span = { start: ctx.start, end: offset };
  return propertiesAt(ctx.path)
    .filter((p) => !taken.has(p.name))
    .map((p, i) => {
      const childPath = [...ctx.path, p.name];
      const opensBlock = isObjectAt(childPath) && !isArrayAt(childPath);
      const e: CompletionEntry = {
        label: p.name,
        kind: 'property',
        newText: opensBlock ? `${p.name}:\n${' '.repeat(ctx.indent + 2)}` : `${p.name}: `,
        span,
        sortText: `${p.required ? 0 : 1}${pad(i)}`,
      };
      if (p.node.title) e.detail = p.node.title;
      const doc = describe(p.node);
      if (doc) e.documentation = doc;
      return e;
    });
}

function pad(i: number): string {
  return String(i).padStart(4, '0');
}
