// schema: what JSON Schema says (type, enum, required, unknown property),
// placed on the smallest node. Fixes: the closest allowed value or known key.
//   discipline: uxx      ->  Change to 'ux'      (safe: one close value)
//   nmae: Bob            ->  Rename to 'name'    (safe: one close key, not already there)
import { mapWithKeyAt, pairOf, replaceSpanLike } from '../edits';
import { closest } from '../text';
import type { Fix } from '../types';
import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A JSON-schema violation: wrong type, value not allowed, required property missing, unknown property.',
  seeds: [],
  check(ctx) {
    for (const e of ctx.schemaErrors) {
      ctx.report(e, e.message, { kind: e.kind, pointer: e.pointer, property: e.property, candidates: e.candidates ?? [], ...(e.value !== undefined ? { value: e.value } : {}) });
    }
  },
  fixes(problem, analysis): Fix[] {
    const candidates = (problem.data.candidates as string[] | undefined) ?? [];
    if (candidates.length === 0) return [];
    // Both kinds are reported on exactly the scalar to replace (the key, or the value).
    if (problem.data.kind === 'unknown-property') {
      // Renaming onto a key the mapping already has would write a duplicate key: not offered.
      const map = mapWithKeyAt(analysis.doc, problem.start);
      const free = candidates.filter((c) => !pairOf(map, c));
      return free.slice(0, 3).map((c) => {
        const safe = candidates.length === 1;
        return { title: `Rename to '${c}'`, edits: [replaceSpanLike(analysis, problem, c)], kind: safe ? 'safe' : 'suggestion', isPreferred: safe };
      });
    }
    if (problem.data.kind === 'enum') {
      // Safe only when one allowed value is close by spelling (the schema lists every value when none is).
      const value = typeof problem.data.value === 'string' ? problem.data.value : undefined;
      const close = value !== undefined && candidates.length === 1 && closest(value, candidates, Math.max(3, Math.ceil(value.length / 2))).length === 1;
      return candidates.slice(0, 3).map((c) => ({ title: `Change to '${c}'`, edits: [replaceSpanLike(analysis, problem, c)], kind: close ? 'safe' : 'suggestion', isPreferred: close }));
    }
    return [];
  },
};
