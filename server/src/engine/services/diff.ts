// The semantic diff (SPEC section 10): two versions of an organisation
// compared by meaning, through their ownership maps, so that reordering,
// reformatting and moving a product to another file change nothing. Every
// comparison is by id; lists of people and teams are compared as sets.
// Findings are matched by rule, severity and message, never by line: a
// finding that only moved is neither introduced nor resolved.
import { buildMap, type MapDomain, type MapRef, type OwnershipMap } from './map';
import type { LocatedFinding, OwnershipInput } from './ownership';

export const CHANGE_KINDS = [
  'person-added',
  'person-removed',
  'person-renamed',
  'person-leaving',
  'role-changed',
  'team-moved',
  'team-retyped',
  'organization-changed',
  'product-added',
  'product-removed',
  'domain-added',
  'domain-removed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type ChangeValue = string | number | string[] | null;

export interface OwnershipChange {
  kind: ChangeKind;
  /** Where, by ids: `people.alice`, `products.pay.domains.checkout.productOwner`, `teams.core.type`, `organization.stance`. */
  path: string;
  before: ChangeValue;
  after: ChangeValue;
  /** One sentence; ids and names are the file's, unescaped (renderers escape). */
  text: string;
}

export interface OwnershipDiff {
  changes: OwnershipChange[];
  introduced: LocatedFinding[];
  resolved: LocatedFinding[];
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const listText = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : 'nobody');
const named = (id: string, name: string | undefined): string => (name && name !== id ? `${id} (${name})` : id);

/** A finding's identity across versions: its rule, severity and message, with any line or column numbers left out. */
function findingKey(f: LocatedFinding): string {
  return `${f.ruleId}\u0000${f.severity}\u0000${f.message.replace(/\b(line|column|col)\s+\d+/gi, '$1')}`;
}

/** Findings of `a` that `b` does not have (as many times as `a` has more of them). */
function findingsOnlyIn(a: readonly LocatedFinding[], b: readonly LocatedFinding[]): LocatedFinding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  const out: LocatedFinding[] = [];
  for (const f of a) {
    const k = findingKey(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

const ROLE_WORDS = { owner: 'accountable owner', productManager: 'product manager', productOwner: 'product owner', scrumMaster: 'scrum master' } as const;

export function diffMaps(
  oldMap: OwnershipMap,
  newMap: OwnershipMap,
  oldFindings: readonly LocatedFinding[],
  newFindings: readonly LocatedFinding[],
): OwnershipDiff {
  const changes: OwnershipChange[] = [];
  const add = (kind: ChangeKind, path: string, before: ChangeValue, after: ChangeValue, text: string): void => {
    changes.push({ kind, path, before, after, text });
  };

  // ---- the organisation
  const o0 = oldMap.organization;
  const o1 = newMap.organization;
  for (const field of ['name', 'stance', 'stage', 'framework'] as const) {
    const b = o0[field] ?? null;
    const a = o1[field] ?? null;
    if (b !== a) add('organization-changed', `organization.${field}`, b, a, `Organization ${field}: ${b ?? 'not set'} → ${a ?? 'not set'}.`);
  }
  if (oldMap.maxDomainsPerPerson !== newMap.maxDomainsPerPerson) {
    add(
      'organization-changed',
      'settings.maxDomainsPerPerson',
      oldMap.maxDomainsPerPerson,
      newMap.maxDomainsPerPerson,
      `maxDomainsPerPerson: ${oldMap.maxDomainsPerPerson} → ${newMap.maxDomainsPerPerson}.`,
    );
  }

  // ---- people; an id that went away while a new one with the same name came is a rename
  const oldPeople = new Map(oldMap.people.map((p) => [p.id, p]));
  const newPeople = new Map(newMap.people.map((p) => [p.id, p]));
  const removed = oldMap.people.filter((p) => !newPeople.has(p.id));
  const added = newMap.people.filter((p) => !oldPeople.has(p.id));
  /** Old id → new id, for people whose id changed. */
  const renamedId = new Map<string, string>();
  for (const p of added) {
    const was = removed.find((r) => r.name !== undefined && r.name === p.name && !renamedId.has(r.id));
    if (was) renamedId.set(was.id, p.id);
  }
  const newIdOf = (id: string): string => renamedId.get(id) ?? id;
  for (const p of removed) {
    if (!renamedId.has(p.id)) add('person-removed', `people.${p.id}`, p.id, null, `${named(p.id, p.name)} was removed.`);
  }
  for (const p of newMap.people) {
    const oldId = [...renamedId].find(([, to]) => to === p.id)?.[0];
    const q = oldPeople.get(oldId ?? p.id);
    if (!q) {
      add('person-added', `people.${p.id}`, null, p.id, `${named(p.id, p.name)} was added.`);
      continue;
    }
    if (oldId) add('person-renamed', `people.${p.id}`, oldId, p.id, `${named(p.id, p.name)} was ${oldId} before (id renamed).`);
    else if ((q.name ?? null) !== (p.name ?? null))
      add('person-renamed', `people.${p.id}.name`, q.name ?? null, p.name ?? null, `${p.id} is now called ${p.name ?? p.id} (was ${q.name ?? q.id}).`);
    if ((q.until ?? null) !== (p.until ?? null)) {
      add(
        'person-leaving',
        `people.${p.id}.until`,
        q.until ?? null,
        p.until ?? null,
        p.until
          ? `${named(p.id, p.name)} is leaving: last day ${p.until}${q.until ? ` (was ${q.until})` : ''}.`
          : `${named(p.id, p.name)} is no longer leaving (was ${q.until}).`,
      );
    }
  }

  // ---- products, domains and their roles
  const refIds = (refs: readonly MapRef[], rename: boolean): string[] => sorted(refs.map((r) => (rename ? newIdOf(r.id) : r.id)));
  const role = (path: string, what: string, word: string, before: readonly MapRef[], after: readonly MapRef[], note = ''): void => {
    const b = refIds(before, true);
    const a = refIds(after, false);
    if (sameSet(b, a)) return;
    const gained = a.filter((x) => !b.includes(x));
    const lost = b.filter((x) => !a.includes(x));
    const parts = [...gained.map((x) => `${x} became ${word}`), ...lost.map((x) => `${x} is no longer ${word}`)];
    add('role-changed', path, b, a, `${what}: ${parts.join('; ')} (${listText(b)} → ${listText(a)})${note}.`);
  };
  const label = (x: { id: string; name?: string }): string => named(x.id, x.name);
  const domainRoles = (path: string, what: string, d0: MapDomain, d1: MapDomain): void => {
    const via = d1.ownerSource === 'productManager' ? ', as its product manager' : d1.ownerSource === 'productOwner' ? ', as its sole product owner' : '';
    role(`${path}.owner`, what, ROLE_WORDS.owner, d0.owner, d1.owner, via);
    role(`${path}.productManager`, what, ROLE_WORDS.productManager, d0.productManager, d1.productManager);
    role(
      `${path}.productOwner`,
      what,
      ROLE_WORDS.productOwner,
      d0.productOwner,
      d1.productOwner,
      d1.productOwnerSource === 'productManager' ? ', held by its product manager' : '',
    );
  };
  const oldProducts = new Map(oldMap.products.map((p) => [p.id, p]));
  const newProductIds = new Set(newMap.products.map((p) => p.id));
  for (const p of oldMap.products)
    if (!newProductIds.has(p.id))
      add('product-removed', `products.${p.id}`, p.id, null, `Product ${label(p)} was removed, with ${p.domains.length} domain(s).`);
  for (const p of newMap.products) {
    const q = oldProducts.get(p.id);
    if (!q) {
      add(
        'product-added',
        `products.${p.id}`,
        null,
        p.id,
        `Product ${label(p)} was added, with ${p.domains.length} domain(s)${p.owner.length ? `, owned by ${listText(p.owner.map((r) => r.id))}` : ''}.`,
      );
      continue;
    }
    role(`products.${p.id}.owner`, `Product ${label(p)}`, ROLE_WORDS.owner, q.owner, p.owner);
    const oldDomains = new Map(q.domains.map((d) => [d.id, d]));
    const newDomainIds = new Set(p.domains.map((d) => d.id));
    for (const d of q.domains)
      if (!newDomainIds.has(d.id))
        add('domain-removed', `products.${p.id}.domains.${d.id}`, `${p.id}/${d.id}`, null, `Domain ${label(d)} of ${p.id} was removed.`);
    for (const d of p.domains) {
      const path = `products.${p.id}.domains.${d.id}`;
      const e = oldDomains.get(d.id);
      if (!e) {
        const who = [
          `owner ${listText(d.owner.map((r) => r.id))}`,
          `PM ${listText(d.productManager.map((r) => r.id))}`,
          `PO ${listText(d.productOwner.map((r) => r.id))}`,
        ];
        add('domain-added', path, null, `${p.id}/${d.id}`, `Domain ${label(d)} of ${p.id} was added (${who.join(', ')}).`);
        continue;
      }
      domainRoles(path, `Domain ${label(d)} of ${p.id}`, e, d);
    }
  }

  // ---- teams: the domains they serve, their type and scrum master
  const oldTeams = new Map(oldMap.teams.map((t) => [t.id, t]));
  for (const t of newMap.teams) {
    const u = oldTeams.get(t.id);
    const b = sorted(u?.domains ?? []);
    const a = sorted(t.domains);
    if (!sameSet(b, a))
      add(
        'team-moved',
        `teams.${t.id}`,
        b,
        a,
        `Team ${label(t)} now serves ${listText(a).replace(/^nobody$/, 'no domain')} (was ${listText(b).replace(/^nobody$/, 'no domain')}).`,
      );
    if (u && u.type !== t.type) add('team-retyped', `teams.${t.id}.type`, u.type, t.type, `Team ${label(t)} is now ${t.type} (was ${u.type}).`);
    if (u) role(`teams.${t.id}.scrumMaster`, `Team ${label(t)}`, ROLE_WORDS.scrumMaster, u.scrumMaster, t.scrumMaster);
  }
  const newTeamIds = new Set(newMap.teams.map((t) => t.id));
  for (const u of oldMap.teams) {
    if (!newTeamIds.has(u.id) && u.domains.length)
      add('team-moved', `teams.${u.id}`, sorted(u.domains), [], `Team ${label(u)} was removed; it served ${listText(sorted(u.domains))}.`);
  }

  return { changes, introduced: findingsOnlyIn(newFindings, oldFindings), resolved: findingsOnlyIn(oldFindings, newFindings) };
}

/** Two versions of an organisation compared by meaning. */
export function diffOwnership(oldInput: OwnershipInput, newInput: OwnershipInput): OwnershipDiff {
  return diffMaps(buildMap(oldInput), buildMap(newInput), oldInput.findings, newInput.findings);
}
