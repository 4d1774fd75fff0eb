// schema: what JSON Schema says (type, enum, required, unknown property),
// placed on the smallest node. Fixes: the closest allowed value or known key.
import { replaceSpanLike } from '../edits';
import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A JSON-schema violation: wrong type, value not allowed, required property missing, unknown property.',
  seeds: [],
  check(ctx) {
    for (const e of ctx.schemaErrors) {
      ctx.report(e, e.message, { kind: e.kind, pointer: e.pointer, property: e.property, candidates: e.candidates ?? [], ...(e.indirect ? { indirect: true } : {}) });
    }
  },
  fixes(problem, analysis) {
    // Reported on a `<<` key or an alias: the value lives at the anchor, so no edit here can fix it.
    if (problem.data.indirect) return [];
    const candidates = (problem.data.candidates as string[] | undefined) ?? [];
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
};

