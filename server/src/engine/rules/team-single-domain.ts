// team-single-domain: a stream-aligned team serves one domain (000: domains
// with "(separate) teams responsible for each domain" — DDD, the Spotify
// Model, Conway's Law). Platform, enabling and complicated-subsystem teams
// serve several domains by design (Team Topologies), so they are left alone.
// Reported once per team, on its second listing, naming every domain; quiet
// when the organisation has only one stream-aligned team (nothing to align).
//   checkout: { teams: [core-squad] }
//   billing:  { teams: [core-squad] }   <- warning: serves checkout and billing
//     -> Remove team 'core-squad' from domain 'billing'
//     -> Mark team 'core-squad' as a platform team
import { removeListItem, setMapProperty } from '../fixes/edits';
import type { Domain, Ref } from '../model/model';
import type { Fix } from '../types';
import { defineRule } from './rule';
import { findDomain } from './common';

/** What a finding carries to its fixes. */
type Data = { id: string; domains: { product: string; domain: string }[] };

export const teamSingleDomain = defineRule<Data>()({
  id: 'team-single-domain',
  defaultSeverity: 'warning',
  description: 'A stream-aligned team is listed in more than one domain.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen:
      'A stream-aligned team (the default `type`) is listed in more than one domain; reported once per team, on its second listing, naming every domain it serves. Not when the organisation has only one stream-aligned team (nothing to align).',
  },
  rationale: {
    why: "Teams aligned with one domain each keep ownership clear and let the product scale, as Domain Driven Design and Conway's Law suggest.",
    quoteIds: ['schutyser-ddd'],
  },
  reads: { products: true, teams: true },
  check(ctx) {
    // With one stream-aligned team there is nothing to align: it serves every domain (SPEC 3, revision 3).
    if ([...ctx.model.teams.values()].filter((t) => t.type === 'stream-aligned').length <= 1) return;
    const listings = new Map<string, { domain: Domain; ref: Ref }[]>();
    for (const p of ctx.model.products)
      for (const d of p.domains) {
        const seenHere = new Set<string>();
        for (const ref of d.teams?.refs ?? []) {
          if (seenHere.has(ref.id)) continue;
          seenHere.add(ref.id);
          listings.set(ref.id, [...(listings.get(ref.id) ?? []), { domain: d, ref }]);
        }
      }
    for (const [teamId, list] of listings) {
      const team = ctx.model.teams.get(teamId);
      // An undefined team is unknown-reference's business; a typed team may serve many domains.
      if (!team || team.type !== 'stream-aligned' || list.length < 2) continue;
      const products = new Set(list.map((l) => l.domain.product.id));
      const names = list.map((l) => (products.size > 1 ? `'${l.domain.id}' (${l.domain.product.id})` : `'${l.domain.id}'`));
      ctx.report(
        list[1].ref,
        `Team '${teamId}' serves ${list.length} domains (${names.join(', ')}); a stream-aligned team should serve a single domain. If it serves several by design, give it a type: platform, enabling or complicated-subsystem.`,
        { id: teamId, domains: list.map((l) => ({ product: l.domain.product.id, domain: l.domain.id })) },
      );
    }
  },
  fixes(problem, analysis) {
    const teamId = problem.data.id;
    const domains = problem.data.domains ?? [];
    const fixes: Fix[] = [];
    for (const { product, domain } of domains.slice(1)) {
      const d = findDomain(analysis.model, product, domain);
      const ref = d?.teams?.refs.find((r) => r.id === teamId);
      if (!d?.teams || !ref) continue;
      fixes.push({ title: `Remove team '${teamId}' from domain '${domain}'`, kind: 'suggestion', edits: removeListItem(analysis, d.teams, ref) });
    }
    const team = analysis.model.teams.get(teamId);
    if (team?.map)
      fixes.push({
        title: `Mark team '${teamId}' as a platform team`,
        kind: 'suggestion',
        edits: setMapProperty(analysis, team.map, 'type', 'platform', ['name']),
      });
    return fixes;
  },
});
