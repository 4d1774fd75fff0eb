// single-backlog-owner: a domain's backlog has one owner (003: "The product
// owner is the sole person responsible for backlog grooming.").
//   productOwner: [bob, carol]  ->  Keep bob as the only product owner | Keep carol …
// Under `framework: safe`, or when each listed PO sits in a different team of
// the domain, the list is most likely team backlogs: the message says they are
// written as one domain per team, each with its product owner.
import { replaceRefField } from '../fixes/edits';
import type { Fix } from '../types';
import { defineRule } from './rule';
import { findDomain, uniq } from './common';
import type { Domain, Model } from '../model/model';
import { ids } from '../model/model';

/** Whether each of these people sits in a team of the domain that none of the others sits in (one team each). */
function eachInADifferentTeam(model: Model, d: Domain, people: string[]): boolean {
  const used = new Set<string>();
  for (const id of people) {
    const team = ids(d.teams).find((t) => {
      const team = model.teams.get(t);
      return !used.has(t) && team !== undefined && (ids(team.members).includes(id) || ids(team.scrumMaster).includes(id));
    });
    if (team === undefined) return false;
    used.add(team);
  }
  return true;
}

/** What a finding carries to its fixes. */
type Data = { product: string; domain: string; candidates: string[] };

export const singleBacklogOwner = defineRule<Data>()({
  id: 'single-backlog-owner',
  defaultSeverity: 'error',
  description: 'A domain lists more than one `productOwner`.',
  seeds: ['003_ac3b7604d2ffb3c6.txt', '002_737c81125a87b4e1.txt'],
  docs: {
    firesWhen: 'A domain lists more than one `productOwner`.',
  },
  rationale: {
    why: 'A backlog has one order of priorities, and that needs one person who sets it.',
    quoteIds: ['productboard-sole-backlog-owner', 'tpm-po-owns-backlog'],
  },
  reads: { products: true, teams: true },
  check(ctx) {
    for (const p of ctx.model.products) {
      for (const d of p.domains) {
        const po = d.productOwner;
        if (!po || po.refs.length <= 1) continue;
        const owners = uniq(po.refs.map((r) => r.id));
        const teamBacklogs = owners.length > 1 && (ctx.model.organization.framework === 'safe' || eachInADifferentTeam(ctx.model, d, owners));
        const advice = teamBacklogs
          ? ' A backlog has one owner: team backlogs are written as one domain per team, each with its own product owner.'
          : ' The backlog needs exactly one owner.';
        ctx.report(
          po.value,
          `Domain '${d.id}' lists ${owners.length > 1 ? `${owners.length} product owners (${owners.join(', ')})` : 'its product owner more than once'}.${advice}`,
          {
            product: p.id,
            domain: d.id,
            candidates: owners,
          },
        );
      }
    }
  },
  fixes(problem, analysis): Fix[] {
    const d = findDomain(analysis.model, problem.data.product, problem.data.domain);
    if (!d?.productOwner) return [];
    const candidates = problem.data.candidates ?? [];
    // Safe only when the list names one person several times; choosing among people is a suggestion.
    const safe = candidates.length === 1;
    return candidates.map((id) => ({
      title: `Keep ${id} as the only product owner`,
      edits: replaceRefField(analysis, d.productOwner!, id),
      kind: safe ? 'safe' : 'suggestion',
      isPreferred: safe,
    }));
  },
});
