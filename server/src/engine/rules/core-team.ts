// core-team: a domain's people cover technology, UX and business (000: "Build
// yourself a Core Product Team consisting of the necessary experts:
// technology, UX and business."); `settings.coreTeam` may name other
// disciplines. Counted: the members of the domain's teams, its product
// manager, its product owner and its `stakeholders` (people outside the teams
// who belong to the domain: a business sponsor, a shared designer), each with
// every discipline listed (`discipline: [product, business]`), and nobody
// whose `until` has passed. Only domains with teams are judged
// (domain-without-team speaks for the others), and only when someone counted
// has a discipline written down: a file that records no disciplines says
// nothing about them. Domains with the same teams that miss the same
// disciplines are one finding, on the first of them, naming the others.
//   checkout: { productManager: alice, teams: [squad] }   squad: carol (technology)
//     -> info: lacks ux and business; counted alice (product), carol (technology)
import { ids, isKeptForNext, modelsBefore, peopleReplacedSince } from '../model/model';
import type { Domain, Model, Person, Team } from '../model/model';
import { hiddenMemo, memo } from '../memo';
import { suggestEnum } from '../schema/synonyms';
import { DISCIPLINES } from '../types';
import { defineRule } from './rule';
import { teamPeople, uniq } from './common';
import { sameSequence } from './reuse';
import { hasLeft } from './departed-person';

/** What a finding carries to its fixes. */
type Data = { product: string; domain: string; missing: string[]; counted: string[]; others?: string[] };
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

/** What a person's disciplines say, misspellings read as the schema reads them. */
function describeDisciplines(ws: string[]): string {
  if (ws.length === 0) return 'no discipline';
  return ws
    .map((w) => {
      const m = meant(w);
      return m !== w && m !== undefined ? `${w}, read as ${m}` : w;
    })
    .join(', ');
}

/** Who a domain's core team counts and which disciplines it lacks. */
interface Count {
  teams: string[];
  people: string[];
  written: Map<string, string[]>;
  missing: string[];
}

/**
 * A domain's count, with what it was worked out from: the records of its teams
 * and of everyone it looked up. An unchanged entry keeps its record objects
 * (model.ts), so while the domain and every record it looked up are the same
 * objects, and `today` and the disciplines needed are the same, so is the
 * count: a keystroke counts again only the domains whose people or teams it
 * changed.
 */
interface Counted extends Count {
  needed: readonly string[];
  today: string;
  lookedUpTeams: (Team | undefined)[];
  lookedUp: string[];
  lookedUpPeople: (Person | undefined)[];
  /** The model the count was last found right for. */
  on: Model;
}
const counted = memo<Domain, Counted>('productteam.core-team.count');

/**
 * What core-team knows of the model it last checked: its teams, and which
 * domains' counts looked up each person record. A keystroke that changes a
 * person or two takes the last model's people map over (model.ts,
 * peopleChange): then only the counts that looked up a replaced record are
 * looked at again, not the lookups of every domain.
 */
interface Checked {
  teamMap: Model['teams'];
  teams: Team[];
  countedBy: Map<Person, Set<Domain>>;
}
const checkedModels = hiddenMemo<Model, Checked | undefined>('productteam.core-team.checked');

/** The last check's knowledge, when `model` changed only some people of the model it checked (or of a model before that), and the counts those changes touch. */
function carried(model: Model): { since: Model; checked: Checked; touched: Set<Domain> } | undefined {
  const since = modelsBefore(model).find((m) => checkedModels.get(m));
  const checked = since && checkedModels.get(since);
  const replaced = since && peopleReplacedSince(model, since);
  if (!checked || !replaced || (checked.teamMap !== model.teams && !sameSequence(checked.teams, model.teams.values()))) return undefined;
  const touched = new Set<Domain>();
  for (const [before] of replaced) {
    for (const d of checked.countedBy.get(before) ?? []) touched.add(d);
    checked.countedBy.delete(before);
  }
  return { since, checked, touched };
}

function count(
  model: Model,
  d: Domain,
  needed: readonly string[],
  today: string,
  carry: ReturnType<typeof carried>,
  countedBy: Checked['countedBy'] | undefined,
): Count {
  const held = counted.get(d);
  if (held && held.today === today && sameList(held.needed, needed)) {
    // Right for the last model and none of its people replaced since: right now (what it counted is registered already).
    if (carry && held.on === carry.since && !carry.touched.has(d)) {
      held.on = model;
      return held;
    }
    if (sameLookups(model, held)) {
      held.on = model;
      return register(held, d, countedBy);
    }
  }
  const teams = uniq(ids(d.teams));
  const lookedUpTeams = teams.map((id) => model.teams.get(id));
  const lookedUp = uniq([...teamPeople(model, d), ...ids(d.productManager), ...ids(d.productOwner), ...ids(d.stakeholders)]);
  const lookedUpPeople = lookedUp.map((id) => model.people.get(id));
  const written = new Map<string, string[]>();
  lookedUp.forEach((id, i) => {
    const p = lookedUpPeople[i];
    if (p && !hasLeft(p.until, today)) written.set(id, p.disciplines);
  });
  const people = [...written.keys()];
  const have = new Set([...written.values()].flatMap((ws) => ws.map(meant)));
  const missing = [...written.values()].some((x) => x.length > 0) ? needed.filter((x) => !have.has(x)) : [];
  return register(counted.set(d, { teams, people, written, missing, needed, today, lookedUpTeams, lookedUp, lookedUpPeople, on: model }), d, countedBy);
}

/** Notes that `d`'s count looked up each of its people's records. */
function register(held: Counted, d: Domain, countedBy: Checked['countedBy'] | undefined): Counted {
  if (!countedBy) return held;
  for (const p of held.lookedUpPeople) {
    if (!p) continue;
    const domains = countedBy.get(p);
    if (domains) domains.add(d);
    else countedBy.set(p, new Set([d]));
  }
  return held;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameLookups(model: Model, held: Counted): boolean {
  for (let i = 0; i < held.teams.length; i++) if (model.teams.get(held.teams[i]) !== held.lookedUpTeams[i]) return false;
  for (let i = 0; i < held.lookedUp.length; i++) if (model.people.get(held.lookedUp[i]) !== held.lookedUpPeople[i]) return false;
  return true;
}

export const coreTeam = defineRule<Data>()({
  id: 'core-team',
  defaultSeverity: 'info',
  description:
    "A domain that has teams lacks one of the `settings.coreTeam` disciplines (default technology, ux, business) among its teams' members, its PM, its PO and its stakeholders.",
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen:
      "A domain that has teams lacks at least one of the `settings.coreTeam` disciplines (default technology, ux and business) among its teams' members, its product manager, its product owner and its `stakeholders`, counting every listed discipline of each person and nobody whose `until` has passed; the message says who was counted. Domains with the same teams and the same gap are one finding, on the first, naming the others.",
  },
  rationale: {
    why: 'The product work needs a core team with technology, UX and business expertise to share discovery and delivery.',
    quoteIds: ['schutyser-core-team', 'patton-superhero'],
  },
  reads: { people: ['disciplines', 'until'], products: true, teams: true },
  check(ctx) {
    const { model, settings } = ctx;
    const needed = settings.coreTeam;
    /** The first domain reported for each set of teams and gap, and the domains that share it. */
    const groups = new Map<string, { first: Domain; missing: string[]; counted: string[]; shown: string; others: string[] }>();
    const carry = carried(model);
    // Who counted whom is noted only for a model a next one may take over (a text read once, as the CLI reads each file, notes nothing).
    const checked: Checked | undefined = carry ? carry.checked : isKeptForNext(model) ? { teamMap: model.teams, teams: [], countedBy: new Map() } : undefined;
    if (checked) {
      if (checked.teamMap !== model.teams || !carry) checked.teams = [...model.teams.values()];
      checked.teamMap = model.teams;
      if (carry) checkedModels.set(carry.since, undefined);
      checkedModels.set(model, checked);
    }
    for (const p of model.products) {
      for (const d of p.domains) {
        const { teams, people, written, missing } = count(model, d, needed, settings.today, carry, checked?.countedBy);
        if (teams.length === 0 || missing.length === 0) continue;
        const key = `${[...teams].sort().join('\n')}\u0000${missing.join('\n')}`;
        const group = groups.get(key);
        if (group) {
          group.others.push(d.id);
          continue;
        }
        const shown = people.slice(0, SHOWN).map((id) => `${id} (${describeDisciplines(written.get(id)!)})`);
        const more = people.length > SHOWN ? ` and ${people.length - SHOWN} more` : '';
        groups.set(key, { first: d, missing, counted: people, shown: `${shown.join(', ')}${more}`, others: [] });
      }
    }
    for (const { first: d, missing, counted, shown, others } of groups.values()) {
      const lacks = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
      const also =
        others.length === 0
          ? ''
          : others.length === 1
            ? ` Domain '${others[0]}' has the same teams and the same gap.`
            : ` Domains ${others.map((o) => `'${o}'`).join(', ')} have the same teams and the same gap.`;
      ctx.report(
        d.key,
        `Domain '${d.id}' has no ${lacks} person in its core team (counted: ${shown}).${also} Add one to a team, or list someone outside the teams under the domain's 'stakeholders'.`,
        { product: d.product.id, domain: d.id, missing, counted, ...(others.length ? { others } : {}) },
      );
    }
  },
});
