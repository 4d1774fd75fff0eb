// single-owner: a product, and each of its domains, has exactly one
// accountable owner (000: "With split responsibilities, there is often no
// clear owner of the product.").
//   owner: [alice, bob]   ->  Assign single owner: alice | Assign single owner: bob
//   (no owner, no PM)     ->  Assign owner: <PM, PO, product people of its teams>
import { replaceRefField, setMapProperty } from '../fixes/edits';
import { domainOwners, ids, productOwners } from '../model/model';
import type { Fix } from '../types';
import { defineRule } from './rule';
import { domainOwnerCandidates, findDomain, findProduct, productOwnerCandidates, uniq } from './common';

/** What a finding carries to its fixes: whose owner is missing (or which field lists several), and who could own it. */
type Data = { product: string; domain?: string; missing?: true; field?: 'owner' | 'productManager'; candidates: string[] };

export const singleOwner = defineRule<Data>()({
  id: 'single-owner',
  defaultSeverity: 'error',
  description: 'A product or domain has no accountable owner, or more than one.',
  seeds: ['000_afd94fb3940db4b8.txt'],
  docs: {
    firesWhen:
      "A product or domain has no accountable owner, or more than one. A domain's owner is its `owner`, else its `productManager`, else its sole `productOwner`; a product with exactly one domain and no `owner` of its own takes that domain's owner (when the domain has none either, only the domain is reported). A vacant seat (`owner: ~`) counts as missing.",
  },
  rationale: {
    why: 'A product or domain with no accountable owner, or with several, ends up owned by nobody; the rule asks for exactly one person.',
    quoteIds: [],
  },
  reads: { people: ['disciplines'], products: true, teams: true },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.products) {
      const owners = uniq(ids(p.owner));
      // A product with exactly one domain and no owner of its own takes that domain's owner (SPEC 3, revision 3):
      // nothing to report on the product; if the domain has none either, the domain is reported below.
      const { fromDomain } = productOwners(p);
      if (owners.length === 0 && !fromDomain) {
        const vacant = model.vacancies.find((v) => v.holder === p && v.role === 'owner');
        const at = p.owner && p.owner.refs.length === 0 && p.owner.node?.range ? p.owner.value : (vacant?.value ?? p.key);
        const how = vacant ? "its 'owner' is vacant" : "it has no 'owner'";
        const one = p.domains.length > 1 ? ` (it has ${p.domains.length} domains, so none of their owners stands for it)` : '';
        ctx.report(at, `Product '${p.id}' has no accountable owner: ${how}${one}. Name exactly one person as 'owner'.`, {
          product: p.id,
          missing: true,
          candidates: productOwnerCandidates(model, p),
        });
      } else if (p.owner && p.owner.refs.length > 1) {
        ctx.report(
          p.owner.value,
          `Product '${p.id}' has ${owners.length > 1 ? `${owners.length} accountable owners (${owners.join(', ')})` : 'its owner listed more than once'}; it needs exactly one.`,
          {
            product: p.id,
            field: 'owner',
            candidates: owners,
          },
        );
      }
      for (const d of p.domains) {
        const { ids: o, field } = domainOwners(d);
        const owners2 = uniq(o);
        if (owners2.length === 0) {
          const target = field && field.node?.range ? field.value : d.key;
          const why = d.owner ? "its 'owner' is empty" : "it has no 'owner', no 'productManager' and no sole 'productOwner'";
          ctx.report(target, `Domain '${d.id}' has no accountable owner: ${why}.`, {
            product: p.id,
            domain: d.id,
            missing: true,
            candidates: domainOwnerCandidates(model, d),
          });
        } else if (field && field.refs.length > 1 && field !== d.productOwner) {
          const which = field === d.owner ? 'owner' : 'productManager';
          ctx.report(
            field.value,
            `Domain '${d.id}' has ${owners2.length > 1 ? `${owners2.length} accountable owners (${owners2.join(', ')})` : 'its owner listed more than once'}${which === 'productManager' ? ' through its product managers' : ''}; it needs exactly one.`,
            {
              product: p.id,
              domain: d.id,
              field: which,
              candidates: owners2,
            },
          );
        }
      }
    }
  },
  fixes(problem, analysis) {
    const { model } = analysis;
    const candidates = problem.data.candidates ?? [];
    const product = findProduct(model, problem.data.product);
    if (!product) return [];
    const domain = problem.data.domain !== undefined ? findDomain(model, problem.data.product, problem.data.domain) : undefined;
    const fixes: Fix[] = [];
    if (problem.data.missing) {
      const map = domain ? domain.map : product.map;
      const existing = domain ? domain.owner : product.owner;
      for (const id of candidates) {
        const edits = existing
          ? replaceRefField(analysis, existing, id)
          : map
            ? setMapProperty(analysis, map, 'owner', id, domain ? ['productOwner', 'productManager', 'name'] : ['name'])
            : [];
        // Naming an owner is a fact about people: always a suggestion, however few the candidates.
        if (edits.length) fixes.push({ title: `Assign owner: ${id}`, edits, kind: 'suggestion' });
      }
      return fixes;
    }
    const field = domain ? (problem.data.field === 'owner' ? domain.owner : domain.productManager) : product.owner;
    if (!field) return [];
    // Safe only when the list names one person several times: cutting it to once changes nobody's role.
    const safe = candidates.length === 1;
    for (const id of candidates)
      fixes.push({ title: `Assign single owner: ${id}`, edits: replaceRefField(analysis, field, id), kind: safe ? 'safe' : 'suggestion', isPreferred: safe });
    return fixes;
  },
});
