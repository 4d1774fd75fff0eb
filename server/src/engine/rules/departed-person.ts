// departed-person: someone whose last day (`until`) has passed still holds a
// product role, a scrum-master seat, a team membership or a stakeholder place.
// A role held by someone who has left is a role nobody holds. One finding per
// place, so that each can be handed over on its own.
//   zoe: { name: Zoe Park, until: 2026-03-31 }    (today: 2026-06-01)
//   productManager: zoe     -> warning; Make bob the product manager of 'checkout'
//   members: [carol, zoe]   -> warning; Remove zoe from team 'squad'
import { removeListItem, replaceSpanLike } from '../fixes/edits';
import type { Domain, Product, Ref, RefField, RoleName, Team } from '../model/model';
import { hasDiscipline, ids } from '../model/model';
import type { Fix } from '../types';
import type { Analysis } from '../types';
import { defineRule } from './rule';
import { domainOwnerCandidates, productOwnerCandidates, productRoleHolders } from './common';

const ROLE_WORDS: Record<RoleName, string> = {
  owner: 'accountable owner',
  productManager: 'product manager',
  productOwner: 'product owner',
  scrumMaster: 'scrum master',
  members: 'a member',
  teams: 'team',
  stakeholders: 'a stakeholder',
};

/** Whether `until` (the last day) is before `today`: both YYYY-MM-DD, so text order is date order. */
export function hasLeft(until: string | undefined, today: string): boolean {
  return until !== undefined && until < today;
}

function place(ref: Ref): string {
  const h = ref.holder;
  if ('product' in h) return `of domain '${h.id}'`;
  if ('domains' in h) return `of product '${h.id}'`;
  return `of team '${h.id}'`;
}

/** What a finding carries to its fixes: who left, and which place they still hold. */
type Data = { id: string; role: RoleName; holder: string; product?: string };

export const departedPerson = defineRule<Data>()({
  id: 'departed-person',
  defaultSeverity: 'warning',
  description: 'A person whose `until` date has passed still holds a product role, a scrum-master seat, a team membership or a stakeholder place.',
  seeds: [],
  docs: {
    firesWhen:
      'A person whose `until` date has passed still holds a product role, a scrum-master seat, a team membership or a stakeholder place; one finding per place.',
  },
  rationale: {
    why: 'A role, seat or team place held by someone who has left is held by nobody: each needs handing over.',
    quoteIds: [],
  },
  comparesWithToday: true,
  reads: { people: ['until'], products: true, teams: true },
  check(ctx) {
    const { model, settings } = ctx;
    for (const ref of model.refs) {
      if (ref.kind !== 'person') continue;
      const person = model.people.get(ref.id);
      if (!person || !hasLeft(person.until, settings.today)) continue;
      ctx.report(ref, `${ref.id} left on ${person.until} (their 'until' date) but is still ${ROLE_WORDS[ref.role]} ${place(ref)}: hand it over or remove it.`, {
        id: ref.id,
        role: ref.role,
        holder: ref.holder.id,
        product: 'product' in ref.holder ? (ref.holder as Domain).product.id : undefined,
      });
    }
  },
  fixes(problem, analysis) {
    const { model } = analysis;
    const { id, role } = problem.data;
    const ref = model.refs.find((r) => r.start === problem.start && r.id === id);
    if (!ref) return [];
    const gone = (x: string) => hasLeft(model.people.get(x)?.until, analysis.settings.today);
    const h = ref.holder;
    const fixes: Fix[] = [];
    if (role === 'members' || role === 'stakeholders') {
      const field = role === 'members' ? (h as Team).members : (h as Domain).stakeholders;
      const title = role === 'members' ? `Remove ${id} from team '${h.id}'` : `Remove ${id} from the stakeholders of '${h.id}'`;
      if (field) fixes.push({ title, kind: 'suggestion', edits: removeListItem(analysis, field, ref) });
      return fixes;
    }
    if (role === 'scrumMaster') {
      const team = h as Team;
      const holders = productRoleHolders(model);
      for (const c of ids(team.members)) {
        if (c === id || gone(c) || holders.has(c) || !model.people.has(c)) continue;
        fixes.push(handOver(analysis, ref, c, `Make ${c} the scrum master of '${team.id}'`));
      }
      return fixes;
    }
    // A product role: the candidates single-owner offers when a domain or product has no owner.
    const field = (h as unknown as Record<string, RefField | undefined>)[role];
    const already = new Set(ids(field));
    const usable = (c: string) => c !== id && !gone(c) && !already.has(c);
    let candidates = ('product' in h ? domainOwnerCandidates(model, h as Domain) : productOwnerCandidates(model, h as Product)).filter(usable);
    // Nobody close to the role: anyone in product who is still here.
    if (candidates.length === 0) candidates = [...model.people.values()].filter((x) => hasDiscipline(x, 'product') && usable(x.id)).map((x) => x.id);
    for (const c of candidates) {
      fixes.push(handOver(analysis, ref, c, `Make ${c} the ${ROLE_WORDS[role]} of '${h.id}'`));
    }
    return fixes;
  },
});

function handOver(analysis: Analysis, ref: Ref, to: string, title: string): Fix {
  return { title, kind: 'suggestion', edits: [replaceSpanLike(analysis, ref, to)] };
}
