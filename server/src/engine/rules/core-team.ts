// core-team: a domain's people cover technology, UX and business (000: "Build
// yourself a Core Product Team consisting of the necessary experts:
// technology, UX and business.").
import { ids } from '../model';
import { defineRule } from './rule';
import { teamPeople, uniq } from './common';

/** What a finding carries to its fixes. */
type Data = { product: string; domain: string; missing: string[] };

const NEEDED = ['technology', 'ux', 'business'] as const;

export const coreTeam = defineRule<Data>()({
  id: 'core-team',
  defaultSeverity: 'info',
  description: "The people of a domain's teams, with its PM and PO, lack at least one of the disciplines technology, ux and business.",
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen: "The people of a domain's teams, with its product manager and product owner, lack at least one of the disciplines technology, ux and business (a domain with no team lacks all three).",
  },
  rationale: {
    why: 'The product work needs a core team with technology, UX and business expertise to share discovery and delivery.',
    quoteIds: ['schutyser-core-team', 'patton-superhero'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.products) {
      for (const d of p.domains) {
        const people = uniq([...teamPeople(model, d), ...ids(d.productManager), ...ids(d.productOwner)]);
        const have = new Set(people.map((id) => model.people.get(id)?.discipline));
        const missing = NEEDED.filter((x) => !have.has(x));
        if (missing.length === 0) continue;
        const noTeam = ids(d.teams).length === 0;
        ctx.report(d.key, `Domain '${d.id}' ${noTeam ? 'has no team, so it ' : ''}lacks ${missing.join(', ')} in its core team.`, { product: p.id, domain: d.id, missing });
      }
    }
  },
});
