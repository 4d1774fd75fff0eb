// decision-authority: whoever holds the product-owner role must be empowered
// to decide (004: "as long as the person filling the Product Owner role has
// the authority to make decisions for the project.").
//   productOwner: bob   (bob: decisionAuthority: needs-approval)
//     -> Grant full decision authority to bob
import { setMapProperty } from '../fixes/edits';
import type { Ref } from '../model/model';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string; product: string; domain: string };

export const decisionAuthority = defineRule<Data>()({
  id: 'decision-authority',
  defaultSeverity: 'warning',
  description: "A domain's product owner (or, with no product owner, its product manager) has `decisionAuthority: needs-approval`.",
  seeds: ['004_2c53fa25eaf0eed7.txt'],
  docs: {
    firesWhen: "A domain's product owner (or, when it has no product owner, its product manager) has `decisionAuthority: needs-approval`.",
  },
  rationale: {
    why: 'A product owner who must take every question back to someone else for approval stalls sprint planning and backlog review.',
    quoteIds: ['aaron-authority', 'aaron-questions-back', 'aaron-empowered'],
  },
  reads: { people: ['decisionAuthority'], products: true },
  check(ctx) {
    const { people } = ctx.model;
    for (const p of ctx.model.products) {
      for (const d of p.domains) {
        const refs: Ref[] = d.productOwner ? d.productOwner.refs : (d.productManager?.refs ?? []);
        for (const ref of refs) {
          if (people.get(ref.id)?.decisionAuthority !== 'needs-approval') continue;
          const role = d.productOwner ? 'product owner' : 'product manager and, with no productOwner, product owner';
          ctx.report(
            ref,
            `${ref.id} is ${role} of domain '${d.id}' but has decisionAuthority: needs-approval; whoever owns the backlog must be empowered to decide.`,
            { id: ref.id, product: p.id, domain: d.id },
          );
        }
      }
    }
  },
  fixes(problem, analysis) {
    const id = problem.data.id;
    const person = analysis.model.people.get(id);
    if (!person?.map) return [];
    return [{ title: `Grant full decision authority to ${id}`, edits: setMapProperty(analysis, person.map, 'decisionAuthority', 'full'), kind: 'suggestion' }];
  },
});
