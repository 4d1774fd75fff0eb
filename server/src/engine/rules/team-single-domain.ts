// team-single-domain: a team serves one domain (000: domains with "(separate)
// teams responsible for each domain" — DDD, the Spotify Model, Conway's Law).
// The first domain that lists a team is its home; each further listing is flagged.
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string; domain: string; home: string };

export const teamSingleDomain = defineRule<Data>()({
  id: 'team-single-domain',
  defaultSeverity: 'warning',
  description: 'A team is listed in more than one domain.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen: 'A team is listed in more than one domain.',
  },
  rationale: {
    why: "Teams aligned with one domain each keep ownership clear and let the product scale, as Domain Driven Design and Conway's Law suggest.",
    quoteIds: ['schutyser-ddd'],
  },
  check(ctx) {
    const home = new Map<string, string>();
    for (const p of ctx.model.products) {
      for (const d of p.domains) {
        const seenHere = new Set<string>();
        for (const ref of d.teams?.refs ?? []) {
          if (seenHere.has(ref.id)) continue;
          seenHere.add(ref.id);
          const first = home.get(ref.id);
          if (first === undefined) home.set(ref.id, d.id);
          else ctx.report(ref, `Team '${ref.id}' already serves domain '${first}'; a team should serve a single domain.`, { id: ref.id, domain: d.id, home: first });
        }
      }
    }
  },
});
