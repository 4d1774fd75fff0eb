// domain-without-team: a domain needs a team that works in it (000:
// "splitting your product space into different (sub-) domains and having
// (separate) teams responsible for each domain is a good idea").
//   checkout: { productManager: alice }      -> info: lists no teams
import { ids } from '../model';
import type { Rule } from './rule';

export const domainWithoutTeam: Rule = {
  id: 'domain-without-team',
  defaultSeverity: 'info',
  description: 'A domain lists no `teams`.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  check(ctx) {
    for (const p of ctx.model.products)
      for (const d of p.domains) {
        if (ids(d.teams).length > 0) continue;
        ctx.report(d.teams?.value ?? d.key, `Domain '${d.id}' lists no teams: name the team that builds it under 'teams'.`, { product: p.id, domain: d.id });
      }
  },
};
