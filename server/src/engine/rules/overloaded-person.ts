// overloaded-person: one person holding product roles in many domains is a
// "superhero" job (000, Jeff Patton; 004: "recognize that it is a big job").
// Owning a product is not a domain; settings.maxDomainsPerPerson sets the limit.
//   alice: PM of checkout, billing and refunds (limit 2)
//     -> Raise maxDomainsPerPerson to 3
import { setSetting } from '../edits-more';
import { ids } from '../model';
import type { Node } from 'yaml';
import type { Rule } from './rule';

export const overloadedPerson: Rule = {
  id: 'overloaded-person',
  defaultSeverity: 'warning',
  description: 'A person holds a product role (owner, PM or PO) in more domains than `maxDomainsPerPerson`.',
  seeds: ['000_afd94fb3940db4b8.txt', '004_2c53fa25eaf0eed7.txt', '001_236220712318ff3c.txt'],
  check(ctx) {
    const max = ctx.settings.maxDomainsPerPerson;
    const domainsOf = new Map<string, string[]>();
    for (const p of ctx.model.products) {
      for (const d of p.domains) {
        const holders = new Set([...ids(d.owner), ...ids(d.productManager), ...ids(d.productOwner)]);
        for (const id of holders) domainsOf.set(id, [...(domainsOf.get(id) ?? []), d.id]);
      }
    }
    for (const [id, domains] of domainsOf) {
      const person = ctx.model.people.get(id);
      if (!person || domains.length <= max) continue;
      ctx.report(person.key, `${id} holds product roles in ${domains.length} domains (${domains.join(', ')}); the limit is ${max}. Spread the work or raise settings.maxDomainsPerPerson.`, { id, domains, max });
    }
  },
  fixes(problem, analysis) {
    const n = ((problem.data.domains as string[] | undefined) ?? []).length;
    // An editor setting or CLI option overrides the file: raising the file's limit would change nothing.
    if (n === 0 || analysis.settings.maxDomainsSource === 'option') return [];
    return [{ title: `Raise maxDomainsPerPerson to ${n}`, kind: 'suggestion', edits: setSetting(analysis, analysis.doc.contents as Node | null, 'maxDomainsPerPerson', String(n)) }];
  },
};
