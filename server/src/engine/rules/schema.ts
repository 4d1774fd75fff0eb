// schema: what JSON Schema says (type, enum, required, unknown property),
// placed on the smallest node. Fixes: the closest allowed value or known key.
import { replaceSpanLike } from '../edits';
import type { SchemaErrorKind } from '../types';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { kind: SchemaErrorKind; pointer: string; property?: string; candidates: string[]; indirect?: true };

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
  check(ctx) {
    for (const e of ctx.schemaErrors) {
      ctx.report(e, e.message, { kind: e.kind, pointer: e.pointer, property: e.property, candidates: e.candidates ?? [], ...(e.indirect ? { indirect: true } : {}) });
    }
  },
  fixes(problem, analysis) {
    // Reported on a `<<` key or an alias: the value lives at the anchor, so no edit here can fix it.
    if (problem.data.indirect) return [];
    const candidates = problem.data.candidates ?? [];
    if (candidates.length === 0) return [];
    // Both kinds are reported on exactly the scalar to replace (the key, or the value).
    if (problem.data.kind === 'unknown-property') {
      return [{ title: `Rename to '${candidates[0]}'`, edits: [replaceSpanLike(analysis, problem, candidates[0])], isPreferred: true }];
    }
    if (problem.data.kind === 'enum') {
      return candidates.slice(0, 3).map((c, i) => ({ title: `Change to '${c}'`, edits: [replaceSpanLike(analysis, problem, c)], isPreferred: i === 0 && candidates.length === 1 }));
    }
    return [];
  },
});

