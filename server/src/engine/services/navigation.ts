// Go to definition, find references and rename for person and team ids.
// A target is either a reference (`owner: alice`) or the declaring key under
// `people:` / `teams:`; both lead to the same id.
import { parse } from 'yaml';
import type { Analysis, RefKind, Span, TextEdit } from '../types';
import { locate } from '../syntax/locate';

export interface Target {
  kind: RefKind;
  id: string;
  /** The id's text under the cursor (inside quotes, if quoted). */
  span: Span;
  /** The declaring key, when the id is defined. */
  declaration?: Span;
}

/** The span of an id without its quotes, if it is written quoted. */
export function idSpan(text: string, s: Span): Span {
  const q = text[s.start];
  if ((q === '"' || q === "'") && s.end - s.start >= 2 && text[s.end - 1] === q) return { start: s.start + 1, end: s.end - 1 };
  return s;
}

/** Where the id is defined: in this file, or (in an organisation of several files) in another, whose span says which. */
function declarationOf(analysis: Analysis, kind: RefKind, id: string): Span | undefined {
  const model = analysis.organisation ?? analysis.model;
  const e = kind === 'person' ? model.people.get(id) : model.teams.get(id);
  if (!e) return undefined;
  return e.key.file === analysis.file ? idSpan(analysis.text, e.key) : e.key;
}

/** The person or team whose declaring key (under `people:` or `teams:`) is at the offset. */
export function declarationAt(analysis: Analysis, offset: number): { kind: 'person' | 'team'; id: string; span: Span } | undefined {
  const within = (s: Span): boolean => s.start <= offset && offset <= s.end;
  for (const p of analysis.model.people.values()) if (within(p.key)) return { kind: 'person', id: p.id, span: p.key };
  for (const t of analysis.model.teams.values()) if (within(t.key)) return { kind: 'team', id: t.id, span: t.key };
  return undefined;
}

export function targetAt(analysis: Analysis, offset: number): Target | undefined {
  const ref = locate(analysis, offset)?.ref;
  if (ref) return { kind: ref.kind, id: ref.id, span: idSpan(analysis.text, ref), declaration: declarationOf(analysis, ref.kind, ref.id) };
  const decl = declarationAt(analysis, offset);
  if (decl) {
    const span = idSpan(analysis.text, decl.span);
    return { kind: decl.kind, id: decl.id, span, declaration: span };
  }
  return undefined;
}

export function definition(analysis: Analysis, offset: number): Span | undefined {
  return targetAt(analysis, offset)?.declaration;
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const t = targetAt(analysis, offset);
  if (!t) return [];
  const spans = analysis.model.refs.filter((r) => r.kind === t.kind && r.id === t.id).map((r) => idSpan(analysis.text, r));
  if (includeDeclaration && t.declaration) spans.unshift(t.declaration);
  return spans;
}

/** Why a new id cannot be used, or undefined when it can. */
export function invalidIdReason(analysis: Analysis, t: Target, newId: string): string | undefined {
  const noun = t.kind === 'person' ? 'person' : 'team';
  if (newId.trim() === '') return `A ${noun} id cannot be empty`;
  if (/[\s:#{}[\],"'`]/.test(newId) || /^[-?&*!|>%@]/.test(newId)) {
    return `'${newId}' is not a valid ${noun} id: use letters, digits, '-', '_' or '.', without spaces, ':', '#' or brackets`;
  }
  let parsed: unknown;
  try {
    parsed = parse(newId);
  } catch {
    parsed = undefined;
  }
  if (parsed !== newId) return `'${newId}' is not a valid ${noun} id: YAML would not read it as that text`;
  const model = analysis.organisation ?? analysis.model;
  const taken = t.kind === 'person' ? model.people.has(newId) : model.teams.has(newId);
  if (taken && newId !== t.id && t.declaration) return `A ${noun} '${newId}' already exists`;
  return undefined;
}

/** Every place the id is written: its references and its declaring key. Nothing else. */
function renameSpans(analysis: Analysis, t: Target): Span[] {
  const spans = analysis.model.refs.filter((r) => r.kind === t.kind && r.id === t.id).map((r) => idSpan(analysis.text, r));
  if (t.declaration) spans.push(t.declaration);
  return spans.sort((a, b) => a.start - b.start);
}

/** What a rename would change: the id under the cursor and its span, for the editor's rename box. */
export function prepareRename(analysis: Analysis, offset: number): { span: Span; placeholder: string } | undefined {
  const t = targetAt(analysis, offset);
  return t ? { span: t.span, placeholder: t.id } : undefined;
}

/** Why a rename cannot be made: nothing renameable at the cursor, or a bad new id. */
export interface RenameRefusal {
  reason: 'no-target' | 'invalid-name';
  message: string;
}

/** The edits that rename the person or team id at the offset everywhere it is written, or why not. */
export function rename(analysis: Analysis, offset: number, newId: string): { edits: TextEdit[] } | RenameRefusal {
  const t = targetAt(analysis, offset);
  if (!t) return { reason: 'no-target', message: 'Only person and team ids can be renamed' };
  const invalid = invalidIdReason(analysis, t, newId);
  if (invalid) return { reason: 'invalid-name', message: invalid };
  return { edits: newId === t.id ? [] : renameSpans(analysis, t).map((s) => ({ ...s, newText: newId })) };
}
