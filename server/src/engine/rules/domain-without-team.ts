// domain-without-team: a domain needs a team that works in it (000:
// "splitting your product space into different (sub-) domains and having
// (separate) teams responsible for each domain is a good idea").
//   checkout: { productManager: alice }      -> info: lists no teams
import { ids } from '../model/model';
import { defineRule } from './rule';

export const domainWithoutTeam = defineRule<{ product: string; domain: string }>()({
  id: 'domain-without-team',
  defaultSeverity: 'info',
  description: 'A domain lists no `teams`.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen: 'A domain lists no `teams`.',
  },
  rationale: {
    why: 'A domain is meant to have a team responsible for it; a domain with none has nobody to build what its product manager decides.',
    quoteIds: ['schutyser-ddd'],
  },
  reads: { products: true },
  check(ctx) {
    for (const p of ctx.model.products)
      for (const d of p.domains) {
        if (ids(d.teams).length > 0) continue;
        ctx.report(d.teams?.value ?? d.key, `Domain '${d.id}' lists no teams: name the team that builds it under 'teams'.`, { product: p.id, domain: d.id });
      }
  },
});
