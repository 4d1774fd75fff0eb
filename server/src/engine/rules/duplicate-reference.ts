// duplicate-reference: a list of ids names the same id twice (`members`,
// `teams`, `stakeholders`). Reported at the second mention; the fix removes it.
//   members: [carol, dan, carol]   ->  Remove the repeated 'carol'   (safe)
//   members: [carol, dan]
// Removing a repeat changes nobody's role: the id stays listed once. When the
// repeated item's line carries a comment the fix would take with it, the fix
// is a suggestion instead, so that no bulk fix ever drops a comment.
import { removeListItem } from '../fixes/edits';
import type { RefField } from '../model/model';
import type { Fix, Span } from '../types';
import { defineRule } from './rule';

/** What a finding carries to its fixes: the repeated id and where its second mention is. */
type Data = { id: string; role: string; at: Span };

const LIST_ROLES = new Set(['members', 'teams', 'stakeholders']);

export const duplicateReference = defineRule<Data>()({
  id: 'duplicate-reference',
  defaultSeverity: 'warning',
  description: 'A list of ids (`members`, `teams`, `stakeholders`) names the same id twice.',
  seeds: [],
  docs: {
    firesWhen: 'A list of ids (`members`, `teams`, `stakeholders`) names the same id twice; reported at the second mention (and at each later one).',
  },
  rationale: {
    why: 'A repeated id is a slip: the list means the same with it once, and a repeat can hide which entry someone meant to change.',
    quoteIds: [],
  },
  // A list is in one file: each file's own lists, so a part that no root includes is checked too (SPEC section 9).
  perFile: true,
  reads: { products: true, teams: true },
  check(ctx) {
    const fields = new Set<RefField>();
    const collect = (f: RefField | undefined) => {
      if (f?.isList) fields.add(f);
    };
    for (const p of ctx.model.products) for (const d of p.domains) [d.teams, d.stakeholders].forEach(collect);
    for (const t of ctx.model.teams.values()) collect(t.members);
    for (const f of fields) {
      const seen = new Set<string>();
      for (const ref of f.refs) {
        if (!LIST_ROLES.has(ref.role)) continue;
        if (!seen.has(ref.id)) {
          seen.add(ref.id);
          continue;
        }
        const where = 'product' in ref.holder ? `domain '${ref.holder.id}'` : `team '${ref.holder.id}'`;
        ctx.report(ref, `'${ref.id}' is listed twice in the ${ref.role} of ${where}.`, { id: ref.id, role: ref.role, at: { start: ref.start, end: ref.end } });
      }
    }
  },
  fixes(problem, analysis) {
    const ref = analysis.model.refs.find((r) => r.start === problem.data.at?.start && r.id === problem.data.id);
    if (!ref) return [];
    const field = (ref.holder as unknown as Record<string, RefField | undefined>)[ref.role];
    if (!field) return [];
    const edits = removeListItem(analysis, field, ref);
    if (edits.length === 0) return [];
    const dropsComment = edits.some((e) => analysis.text.slice(e.start, e.end).includes('#'));
    const fix: Fix = { title: `Remove the repeated '${ref.id}'`, edits, kind: dropsComment ? 'suggestion' : 'safe' };
    if (!dropsComment) fix.isPreferred = true;
    return [fix];
  },
});
