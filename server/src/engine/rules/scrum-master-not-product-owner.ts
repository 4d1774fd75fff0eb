// scrum-master-not-product-owner: an inference, so only an info. Aaron (004)
// reports his CSPO instructor saying "one of the roles of the CSM is to coach
// the CSPO", which one person cannot do for themself; he then questions it ("How
// can the CSM coach the CSPO on things the CSM is not taught?").
import { replaceRefField } from '../fixes/edits';
import { domainProductOwners, ids, type Domain } from '../model/model';
import { defineRule } from './rule';
import { productRoleHolders } from './common';

/** What a finding carries to its fixes. */
type Data = { id: string; team: string; domains: string[] };

export const scrumMasterNotProductOwner = defineRule<Data>()({
  id: 'scrum-master-not-product-owner',
  defaultSeverity: 'info',
  description: "A team's scrum master is also the product owner of a domain the team serves.",
  seeds: ['004_2c53fa25eaf0eed7.txt'],
  docs: {
    firesWhen: "A team's scrum master is also the product owner of a domain that team serves (an inference from what Aaron was taught).",
  },
  rationale: {
    why: 'An inference, not a settled rule: Aaron reports being taught that the scrum master coaches the product owner (which one person cannot do for themself), and then questions how that coaching can work.',
    quoteIds: ['aaron-csm-doubt', 'aaron-csm-coaches-cspo'],
  },
  reads: { products: true, teams: true },
  check(ctx) {
    // Which domains each team serves, in one pass (not teams × domains).
    const served = new Map<string, Domain[]>();
    for (const p of ctx.model.products) for (const d of p.domains) for (const t of new Set(ids(d.teams))) served.set(t, [...(served.get(t) ?? []), d]);
    for (const team of ctx.model.teams.values()) {
      const sm = ids(team.scrumMaster);
      if (sm.length !== 1 || !team.scrumMaster) continue;
      const domains = (served.get(team.id) ?? []).filter((d) => domainProductOwners(d).includes(sm[0])).map((d) => d.id);
      if (domains.length)
        ctx.report(
          team.scrumMaster.value,
          `${sm[0]} is scrum master of team '${team.id}' and product owner of ${domains.map((x) => `'${x}'`).join(', ')}, which the team serves. This is an inference from what Aaron was taught (the scrum master coaches the product owner, which no one can do for themself), and Aaron himself asks: "How can the CSM coach the CSPO on things the CSM is not taught?"`,
          { id: sm[0], team: team.id, domains },
        );
    }
  },
  // Make <id> the scrum master of '<t>': one per member who holds no product role (a suggestion: it changes who does what).
  fixes(problem, analysis) {
    const team = analysis.model.teams.get(problem.data.team);
    if (!team?.scrumMaster) return [];
    const holders = productRoleHolders(analysis.model);
    return ids(team.members)
      .filter((id, i, all) => all.indexOf(id) === i && !holders.has(id) && analysis.model.people.has(id))
      .map((id) => ({
        title: `Make ${id} the scrum master of '${team.id}'`,
        kind: 'suggestion' as const,
        edits: replaceRefField(analysis, team.scrumMaster!, id),
      }));
  },
});
