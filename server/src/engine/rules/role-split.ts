// role-split: is the outward-facing product manager of a domain also its
// inward-facing product owner? The experts disagree (000 and Perri: yes, "Two
// roles, one person."; 001, Runyan: no, "It is an 'or'"; 002 and Peltier: it
// depends). The file's `stance` decides which side this rule takes:
//   combined        PM and PO are different people              -> warning
//   separated       one person is both                          -> warning
//   contextual      startup or v1: as combined; enterprise or mature: one
//                   person as both -> info; otherwise nothing
//   outcomes-first  never
import type { Node } from 'yaml';
import type { Analysis } from '../analyze';
import { addSectionEntry, replaceRefField, setMapProperty } from '../edits';
import type { Domain } from '../model';
import { ids } from '../model';
import type { Fix, Severity, Stance } from '../types';
import type { Rule } from './rule';
import { findDomain, productRoleHolders, teamPeople } from './common';

/** What the stance asks of a domain: 'combined' (one person), 'separated' (two), or nothing. */
export function roleSplitExpectation(stance: Stance, stage: string, lifecycle: string): { want: 'combined' | 'separated'; severity: Severity; why: string } | undefined {
  switch (stance) {
    case 'combined':
      return { want: 'combined', severity: 'warning', why: "the 'combined' stance" };
    case 'separated':
      return { want: 'separated', severity: 'warning', why: "the 'separated' stance" };
    case 'contextual':
      if (stage === 'startup' || lifecycle === 'v1')
        return { want: 'combined', severity: 'warning', why: `the 'contextual' stance for ${stage === 'startup' ? 'a startup' : 'a v1 product'}` };
      if (stage === 'enterprise' || lifecycle === 'mature')
        return { want: 'separated', severity: 'info', why: `the 'contextual' stance for ${stage === 'enterprise' ? 'an enterprise' : 'a mature product'}` };
      return undefined;
    default:
      return undefined;
  }
}

export const roleSplit: Rule = {
  id: 'role-split',
  defaultSeverity: 'warning',
  description: "The PM/PO arrangement of a domain goes against the declared stance.",
  seeds: ['000_afd94fb3940db4b8.txt', '001_236220712318ff3c.txt', '002_737c81125a87b4e1.txt'],
  check(ctx) {
    const { stance, stage } = ctx.settings;
    for (const p of ctx.model.products) {
      const expect = roleSplitExpectation(stance, stage, p.lifecycle);
      if (!expect) continue;
      for (const d of p.domains) {
        const pm = ids(d.productManager);
        const po = d.productOwner ? ids(d.productOwner) : pm;
        // Several PMs or POs is single-owner's / single-backlog-owner's finding, not this one's.
        if (pm.length !== 1 || po.length !== 1) continue;
        const same = pm[0] === po[0];
        const data = { product: p.id, domain: d.id, pm: pm[0], po: po[0], want: expect.want, stance };
        if (expect.want === 'combined' && !same) {
          ctx.report(d.productOwner!.value, `Under ${expect.why}, one person should be both product manager and product owner of domain '${d.id}', but ${pm[0]} is PM and ${po[0]} is PO.`, data, expect.severity);
        } else if (expect.want === 'separated' && same) {
          const msg =
            expect.severity === 'info'
              ? `${pm[0]} is both product manager and product owner of domain '${d.id}'; under ${expect.why}, consider a development-focused product owner.`
              : `Under ${expect.why}, the product manager and the product owner of domain '${d.id}' should be two people, but ${pm[0]} ${d.productOwner ? 'holds both roles' : 'is PM and, with no productOwner, PO too'}.`;
          ctx.report(d.productOwner ? d.productOwner.value : d.key, msg, data, expect.severity);
        }
      }
    }
  },
  fixes(problem, analysis) {
    const d = findDomain(analysis.model, problem.data.product, problem.data.domain);
    if (!d) return [];
    const pm = String(problem.data.pm);
    const po = String(problem.data.po);
    if (problem.data.want === 'combined') {
      const fixes: Fix[] = [];
      if (d.productOwner) fixes.push({ title: `Make ${pm} the product owner too`, edits: replaceRefField(analysis, d.productOwner, pm), kind: 'suggestion' });
      if (d.productManager) fixes.push({ title: `Make ${po} the product manager too`, edits: replaceRefField(analysis, d.productManager, po), kind: 'suggestion' });
      return fixes;
    }
    const holders = productRoleHolders(analysis.model);
    const fixes: Fix[] = teamPeople(analysis.model, d)
      .filter((id) => !holders.has(id) && analysis.model.people.has(id))
      .map((id): Fix => ({ title: `Hand the product owner role to ${id}`, edits: setProductOwner(analysis, d, id), kind: 'suggestion' }));
    const placeholder = freeId(analysis, `${d.id}-product-owner`);
    fixes.push({
      title: 'Add a product owner placeholder',
      edits: [
        ...setProductOwner(analysis, d, placeholder),
        ...addSectionEntry(analysis, analysis.doc.contents as Node | null, 'people', placeholder, [['name', `Product owner for ${d.name ?? d.id} (to be named)`]]),
      ],
      kind: 'suggestion',
    });
    return fixes;
  },
};

function setProductOwner(analysis: Analysis, d: Domain, id: string) {
  if (d.productOwner) return replaceRefField(analysis, d.productOwner, id);
  return d.map ? setMapProperty(analysis, d.map, 'productOwner', id, ['productManager', 'name']) : [];
}

function freeId(analysis: Analysis, base: string): string {
  let id = base;
  for (let i = 2; analysis.model.people.has(id); i++) id = `${base}-${i}`;
  return id;
}
