// core-team: a domain's people cover technology, UX and business (000: "Build
// yourself a Core Product Team consisting of the necessary experts:
// technology, UX and business."). Counted: the members of the domain's teams,
// its product manager, its product owner and its `stakeholders` (people
// outside the teams who belong to the domain: a business sponsor, a shared
// designer). Only domains with teams are judged (domain-without-team speaks
// for the others), and only when someone counted has a discipline written
// down: a file that records no disciplines says nothing about them.
//   checkout: { productManager: alice, teams: [squad] }   squad: carol (technology)
//     -> info: lacks ux and business; counted alice (product), carol (technology)
import { ids } from '../model';
import { suggestEnum } from '../synonyms';
import { DISCIPLINES } from '../types';
import { defineRule } from './rule';
import { teamPeople, uniq } from './common';

/** What a finding carries to its fixes. */
type Data = { product: string; domain: string; missing: string[]; counted: string[] };

const NEEDED = ['technology', 'ux', 'business'] as const;
/** How many people a message names before it says "and N more". */
const SHOWN = 6;

/**
 * The discipline a person's value stands for: itself when allowed, else the
 * one value the schema finding proposes (`design` -> ux), so that a misspelt
 * discipline is reported once, by the schema, and not again here as missing.
 */
function meant(written: string | undefined): string | undefined {
  if (written === undefined || (DISCIPLINES as readonly string[]).includes(written)) return written;
  const s = suggestEnum(written, DISCIPLINES);
  return s.length === 1 ? s[0] : undefined;
}

export const coreTeam = defineRule<Data>()({
  id: 'core-team',
  defaultSeverity: 'info',
  description: "A domain that has teams lacks at least one of the disciplines technology, ux and business among its teams' members, its PM, its PO and its stakeholders.",
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen: "A domain that has teams lacks at least one of the disciplines technology, ux and business among its teams' members, its product manager, its product owner and its `stakeholders`; the message says who was counted.",
  },
  rationale: {
    why: 'The product work needs a core team with technology, UX and business expertise to share discovery and delivery.',
    quoteIds: ['schutyser-core-team', 'patton-superhero'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.products) {
      for (const d of p.domains) {
        if (ids(d.teams).length === 0) continue;
        const people = uniq([...teamPeople(model, d), ...ids(d.productManager), ...ids(d.productOwner), ...ids(d.stakeholders)]).filter((id) => model.people.has(id));
        const written = new Map(people.map((id) => [id, model.people.get(id)!.discipline]));
        if (![...written.values()].some((x) => x !== undefined)) continue;
        const have = new Set([...written.values()].map(meant));
        const missing = NEEDED.filter((x) => !have.has(x));
        if (missing.length === 0) continue;
        const shown = people.slice(0, SHOWN).map((id) => {
          const w = written.get(id);
          const m = meant(w);
          return `${id} (${w === undefined ? 'no discipline' : m !== w && m !== undefined ? `${w}, read as ${m}` : w})`;
        });
        const more = people.length > SHOWN ? ` and ${people.length - SHOWN} more` : '';
        const lacks = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
        ctx.report(
          d.key,
          `Domain '${d.id}' has no ${lacks} person in its core team (counted: ${shown.join(', ')}${more}). Add one to a team, or list someone outside the teams under the domain's 'stakeholders'.`,
          { product: p.id, domain: d.id, missing, counted: people },
        );
      }
    }
  },
});
