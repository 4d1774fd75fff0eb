// The ownership map (SPEC section 10): products → domains with their
// accountable owner, PM, PO, teams and outcomes; people with the roles they
// hold and their domain counts against `maxDomainsPerPerson`; teams; and
// every finding placed at the product, domain, person or team it is in.
// Plain data: the renderers (mapRender.ts) and the diff (diff.ts) read it.
// The roles are the file's, read as SPEC section 2 reads them (a missing
// `owner` is the PM, else the sole PO; a missing `productOwner` is held by the
// PM; a product with one domain and no `owner` takes that domain's owner),
// through the same functions as `single-owner` (model.ts), so the map and the
// rule never disagree; nothing here weighs one stance against another.
import { isScalar, isSeq } from 'yaml';
import { domainOwners, domainProductOwnersFrom, ids, productOwners } from '../model/model';
import type { DomainOwnerSource } from '../model/model';
import { productDomainsByPerson } from '../rules/common';
import type { Domain, Entity, Lifecycle, RefField, Span, Stage, Stance, TeamType } from '../types';
import type { LocatedFinding, OwnershipInput, SourceRange } from './ownership';
import { valueNode } from '../syntax/nodes';

/** A person or team named somewhere; `known` is false for an id that is not defined. */
export interface MapRef {
  id: string;
  name?: string;
  known: boolean;
}

export interface MapTeamRef extends MapRef {
  type: TeamType;
}

/** Where a domain's accountable owner comes from (SPEC section 2). */
export type OwnerSource = DomainOwnerSource;
/** Where a product's accountable owner comes from: its `owner`, or its only domain's owner (SPEC section 2). */
export type ProductOwnerOf = 'owner' | 'domain' | 'none';
/** Where a domain's product owner comes from: its own field, or its PM, who then holds that role too. */
export type ProductOwnerSource = 'productOwner' | 'productManager' | 'none';

/** What a clickable thing of the map is; its `key` is `<kind>:<id>` (a domain: `domain:<product>/<domain>`). */
export type MapTargetKind = 'product' | 'domain' | 'person' | 'team' | 'finding';

interface Located {
  /** `<kind>:<id>`, unique in the map. */
  key: string;
  location: SourceRange;
  /** Indexes into `OwnershipMap.findings` of the findings inside it. */
  findings: number[];
}

export interface MapDomain extends Located {
  id: string;
  name?: string;
  owner: MapRef[];
  ownerSource: OwnerSource;
  productManager: MapRef[];
  productOwner: MapRef[];
  productOwnerSource: ProductOwnerSource;
  teams: MapTeamRef[];
  stakeholders: MapRef[];
  outcomes: string[];
}

export interface MapProduct extends Located {
  id: string;
  name?: string;
  vision?: string;
  lifecycle: Lifecycle;
  owner: MapRef[];
  ownerSource: ProductOwnerOf;
  domains: MapDomain[];
}

export const MAP_ROLES = ['owner', 'productManager', 'productOwner', 'scrumMaster', 'member', 'stakeholder'] as const;
export type MapRole = (typeof MAP_ROLES)[number];
export const MAP_ROLE_LABEL: Record<MapRole, string> = {
  owner: 'Owner',
  productManager: 'PM',
  productOwner: 'PO',
  scrumMaster: 'Scrum master',
  member: 'Team member',
  stakeholder: 'Stakeholder',
};

export interface MapPerson extends Located {
  id: string;
  name?: string;
  title?: string;
  /** Every discipline written, in order (`discipline` is one value or a list). */
  disciplines: string[];
  until?: string;
  /** How many seats of each role the person holds (owner counts products and domains). */
  roles: Record<MapRole, number>;
  /** Domains where the person holds a product role as written (owner, PM or PO), as `<product>/<domain>`. */
  domains: string[];
  /** `domains.length > maxDomainsPerPerson`. */
  overLimit: boolean;
}

export interface MapTeam extends Located {
  id: string;
  name?: string;
  type: TeamType;
  scrumMaster: MapRef[];
  members: MapRef[];
  /** The domains the team serves, as `<product>/<domain>`. */
  domains: string[];
}

export interface MapFinding extends LocatedFinding {
  key: string;
  /** The key of the product, domain, person or team the finding is in, if any. */
  at?: string;
}

export interface OwnershipMap {
  /** `stance` is absent when none is declared (`stanceSource` 'default'): then no rule judges the PM/PO arrangement (SPEC revision 3). */
  organization: { name?: string; stage: Stage; stance?: Stance; stanceSource: 'option' | 'file' | 'default'; framework?: string };
  maxDomainsPerPerson: number;
  products: MapProduct[];
  people: MapPerson[];
  teams: MapTeam[];
  findings: MapFinding[];
  counts: { products: number; domains: number; people: number; teams: number; error: number; warning: number; info: number; hint: number };
}

const noRoles = (): Record<MapRole, number> => ({ owner: 0, productManager: 0, productOwner: 0, scrumMaster: 0, member: 0, stakeholder: 0 });

/** The span of an entity: its key to the end of its value. */
function extent(e: Entity): Span {
  const value = valueNode(e.pair);
  const end = e.map?.range?.[1] ?? value?.range?.[1] ?? e.key.end;
  return { start: e.key.start, end: Math.max(e.key.end, end) };
}

const before = (a: { line: number; column: number }, line: number, column: number): boolean => a.line < line || (a.line === line && a.column <= column);

function contains(r: SourceRange, f: SourceRange): boolean {
  return r.filePath === f.filePath && before(r, f.line, f.column) && before({ line: f.line, column: f.column }, r.endLine, r.endColumn);
}

const compareStart = (a: SourceRange, b: SourceRange): number =>
  a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : a.line - b.line || a.column - b.column;

function byStart<T extends Located>(xs: T[]): T[] {
  return xs.sort((a, b) => compareStart(a.location, b.location));
}

/** The last of `sorted` (by start) that starts at or before `f`, if it holds `f`. */
function holderOf<T extends Located>(sorted: readonly T[], f: SourceRange): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareStart(sorted[mid].location, f) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && contains(sorted[found].location, f) ? sorted[found] : undefined;
}

/** The outcomes written under a domain, as text (anything that is not a plain value is left out). */
function outcomeTexts(d: Domain): string[] {
  const node = d.map?.get('outcomes', true);
  if (!isSeq(node)) return [];
  return node.items
    .filter(isScalar)
    .map((s) => String(s.value ?? ''))
    .filter((t) => t !== '');
}

export function buildMap(input: OwnershipInput): OwnershipMap {
  const { model, settings } = input;
  const person = (id: string): MapRef => {
    const p = model.people.get(id);
    return p ? { id, name: p.name, known: true } : { id, known: false };
  };
  const team = (id: string): MapTeamRef => {
    const t = model.teams.get(id);
    return t ? { id, name: t.name, known: true, type: t.type } : { id, known: false, type: 'stream-aligned' };
  };
  const refsOf = (xs: readonly string[]): MapRef[] => [...new Set(xs)].map(person);
  const people = (f: RefField | undefined): MapRef[] => refsOf(ids(f));
  // Written out in each literal rather than spread: spreading made a 1,000-domain map several times slower.
  const where = (e: Entity): SourceRange => input.locate(extent(e));

  const roles = new Map<string, Record<MapRole, number>>();
  const count = (refs: readonly MapRef[], role: MapRole): void => {
    for (const r of refs) {
      let rs = roles.get(r.id);
      if (!rs) roles.set(r.id, (rs = noRoles()));
      rs[role]++;
    }
  };
  const teamDomains = new Map<string, string[]>();

  const products = model.products.map((p): MapProduct => {
    const po = productOwners(p);
    const owner = refsOf(po.ids);
    const productOwnerOf: ProductOwnerOf = p.owner ? 'owner' : po.fromDomain && owner.length ? 'domain' : 'none';
    count(owner, 'owner');
    const domains = p.domains.map((d): MapDomain => {
      const productManager = people(d.productManager);
      const o = domainOwners(d);
      const owner2 = refsOf(o.ids);
      const ownerSource: OwnerSource = owner2.length ? o.source : 'none';
      const dpo = domainProductOwnersFrom(d);
      const productOwner = refsOf(dpo.ids);
      const productOwnerSource: ProductOwnerSource = productOwner.length ? dpo.source : 'none';
      count(owner2, 'owner');
      count(productManager, 'productManager');
      count(productOwner, 'productOwner');
      const stakeholders = people(d.stakeholders);
      count(stakeholders, 'stakeholder');
      const path = `${p.id}/${d.id}`;
      const teams = [...new Set(ids(d.teams))].map(team);
      for (const t of teams) teamDomains.set(t.id, [...(teamDomains.get(t.id) ?? []), path]);
      return {
        key: `domain:${path}`,
        location: where(d),
        findings: [],
        id: d.id,
        name: d.name,
        owner: owner2,
        ownerSource,
        productManager,
        productOwner,
        productOwnerSource,
        teams,
        stakeholders,
        outcomes: outcomeTexts(d),
      };
    });
    return {
      key: `product:${p.id}`,
      location: where(p),
      findings: [],
      id: p.id,
      name: p.name,
      vision: p.vision,
      lifecycle: p.lifecycle,
      owner,
      ownerSource: productOwnerOf,
      domains,
    };
  });

  const teams = [...model.teams.values()].map((t): MapTeam => {
    const scrumMaster = people(t.scrumMaster);
    const members = people(t.members);
    count(scrumMaster, 'scrumMaster');
    count(members, 'member');
    return {
      key: `team:${t.id}`,
      location: where(t),
      findings: [],
      id: t.id,
      name: t.name,
      type: t.type,
      scrumMaster,
      members,
      domains: teamDomains.get(t.id) ?? [],
    };
  });

  const held = productDomainsByPerson(model);
  const max = settings.maxDomainsPerPerson;
  const mapPeople = [...model.people.values()].map((p): MapPerson => {
    const domains = (held.get(p.id) ?? []).map((d) => `${d.product.id}/${d.id}`);
    return {
      key: `person:${p.id}`,
      location: where(p),
      findings: [],
      id: p.id,
      name: p.name,
      title: p.title,
      disciplines: [...p.disciplines],
      until: p.until,
      roles: roles.get(p.id) ?? noRoles(),
      domains,
      overLimit: domains.length > max,
    };
  });

  // Each finding goes to the innermost thing that holds it: a domain, person or team (they never
  // nest), else a product. Both lists sorted by where they start, so a lookup is a binary search.
  const leaves = byStart([...products.flatMap((p) => p.domains), ...mapPeople, ...teams]);
  const outer = byStart([...products]);
  const counts = { products: products.length, domains: 0, people: mapPeople.length, teams: teams.length, error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of products) counts.domains += p.domains.length;
  const findings = input.findings.map((f, i): MapFinding => {
    counts[f.severity]++;
    const holder = holderOf(leaves, f) ?? holderOf(outer, f);
    holder?.findings.push(i);
    return { ...f, key: `finding:${i}`, at: holder?.key };
  });

  const org = model.organization;
  return {
    organization: {
      name: org.name,
      stage: org.stage,
      stance: settings.stanceSource === 'default' ? undefined : settings.stance,
      stanceSource: settings.stanceSource,
      framework: org.framework,
    },
    maxDomainsPerPerson: max,
    products,
    people: mapPeople,
    teams,
    findings,
    counts,
  };
}

/** Every clickable thing of the map by key, with where it is: what an editor reveals on a click. */
export function mapTargets(map: OwnershipMap): Record<string, SourceRange> {
  const out: Record<string, SourceRange> = {};
  for (const p of map.products) {
    out[p.key] = p.location;
    for (const d of p.domains) out[d.key] = d.location;
  }
  for (const x of [...map.people, ...map.teams]) out[x.key] = x.location;
  for (const f of map.findings) out[f.key] = f;
  return out;
}
