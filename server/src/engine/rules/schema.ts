// schema: what JSON Schema says (type, enum, required, unknown property),
// placed on the smallest node. Fixes: the closest allowed value or known key.
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { replaceScalar } from '../edits';
import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A JSON-schema violation: wrong type, value not allowed, required property missing, unknown property.',
  seeds: [],
  check(ctx) {
    for (const e of ctx.schemaErrors) {
      ctx.report(e, e.message, { kind: e.kind, pointer: e.pointer, property: e.property, candidates: e.candidates ?? [] });
    }
  },
  fixes(problem, analysis) {
    const candidates = (problem.data.candidates as string[] | undefined) ?? [];
    const node = nodeAt(analysis.doc.contents as Node | null, problem.start, problem.end);
    if (!node || candidates.length === 0) return [];
    if (problem.data.kind === 'unknown-property') {
      return [{ title: `Rename to '${candidates[0]}'`, edits: [replaceScalar(node, candidates[0])], isPreferred: true }];
    }
    if (problem.data.kind === 'enum') {
      return candidates.slice(0, 3).map((c, i) => ({ title: `Change to '${c}'`, edits: [replaceScalar(node, c)], isPreferred: i === 0 && candidates.length === 1 }));
    }
    return [];
  },
};

/** The scalar (key or value) with exactly this span. */
function nodeAt(node: Node | null, start: number, end: number): Node | undefined {
  if (!node?.range) return undefined;
  if (node.range[0] === start && node.range[1] === end && isScalar(node)) return node;
  if (node.range[0] > end || node.range[2] < start) return undefined;
  const items = (node as { items?: unknown[] }).items;
  if (!items) return undefined;
  for (const item of items) {
    if (isMap(node)) {
      const p = item as Pair;
      const k = nodeAt(p.key as Node, start, end) ?? nodeAt(p.value as Node, start, end);
      if (k) return k;
    } else {
      const k = nodeAt(item as Node, start, end);
      if (k) return k;
    }
  }
  return undefined;
}
