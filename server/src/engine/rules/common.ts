// Questions several rules ask of the model.
import type { Domain, Model, Product } from '../model/model';
import { hasDiscipline, ids } from '../model/model';

export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** People of a domain's teams (members and scrum masters), known teams only. */
export function teamPeople(model: Model, d: Domain): string[] {
  const out: string[] = [];
  for (const teamId of ids(d.teams)) {
    const t = model.teams.get(teamId);
    if (t) out.push(...ids(t.members));
  }
  return uniq(out);
}

/** Ids that hold a product role (owner, PM or PO) anywhere in the file. */
export function productRoleHolders(model: Model): Set<string> {
  const out = new Set<string>();
  for (const p of model.products) {
    for (const id of ids(p.owner)) out.add(id);
    for (const d of p.domains) for (const f of [d.owner, d.productManager, d.productOwner]) for (const id of ids(f)) out.add(id);
  }
  return out;
}

/**
 * The domains in which each person holds a product role (owner, PM or PO as
 * written), in file order: what `maxDomainsPerPerson` limits. Owning a
 * product is not a domain.
 */
export function productDomainsByPerson(model: Model): Map<string, Domain[]> {
  const out = new Map<string, Domain[]>();
  for (const p of model.products) {
    for (const d of p.domains) {
      for (const id of new Set([...ids(d.owner), ...ids(d.productManager), ...ids(d.productOwner)])) {
        const list = out.get(id);
        if (list) list.push(d);
        else out.set(id, [d]);
      }
    }
  }
  return out;
}

/** Who could own a domain: its PM, its PO, then product people of its teams. */
export function domainOwnerCandidates(model: Model, d: Domain): string[] {
  const product = teamPeople(model, d).filter((id) => hasDiscipline(model.people.get(id), 'product'));
  return uniq([...ids(d.productManager), ...ids(d.productOwner), ...product]).filter((id) => model.people.has(id));
}

/** Who could own a product: its domains' owners, PMs and POs, then product people. */
export function productOwnerCandidates(model: Model, p: Product): string[] {
  const fromDomains = p.domains.flatMap((d) => [...ids(d.owner), ...ids(d.productManager), ...ids(d.productOwner)]);
  const product = p.domains.flatMap((d) => teamPeople(model, d)).filter((id) => hasDiscipline(model.people.get(id), 'product'));
  let out = uniq([...fromDomains, ...product]).filter((id) => model.people.has(id));
  if (out.length === 0) out = [...model.people.values()].filter((x) => hasDiscipline(x, 'product')).map((x) => x.id);
  return out;
}

export function findProduct(model: Model, productId: unknown): Product | undefined {
  return model.products.find((p) => p.id === productId);
}

export function findDomain(model: Model, productId: unknown, domainId: unknown): Domain | undefined {
  return findProduct(model, productId)?.domains.find((d) => d.id === domainId);
}
