// overloaded-person: one person holding product roles in many domains is a
// "superhero" job (000, Jeff Patton; 004: "recognize that it is a big job").
// Owning a product is not a domain; settings.maxDomainsPerPerson sets the limit.
//   alice: PM of checkout, billing and refunds (limit 2)
//     -> Raise maxDomainsPerPerson to 3
import { setSetting } from '../edits';
import type { Node } from 'yaml';
import { productDomainsByPerson } from './common';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string; domains: string[]; max: number };

export const overloadedPerson = defineRule<Data>()({
  id: 'overloaded-person',
  defaultSeverity: 'warning',
  description: 'A person holds a product role (owner, PM or PO) in more domains than `maxDomainsPerPerson`.',
  seeds: ['000_afd94fb3940db4b8.txt', '004_2c53fa25eaf0eed7.txt', '001_236220712318ff3c.txt'],
  docs: {
    firesWhen: 'A person holds a product role (owner, product manager or product owner) in more domains than `settings.maxDomainsPerPerson` (default 2). Owning a product is not a domain.',
  },
  rationale: {
    why: 'Holding product roles in many domains is a big job; spread the work, or narrow the domains. The limit (maxDomainsPerPerson, default 2) is a setting, not a figure from the articles.',
    quoteIds: ['patton-superhero', 'aaron-big-job'],
  },
  check(ctx) {
    const max = ctx.settings.maxDomainsPerPerson;
    for (const [id, held] of productDomainsByPerson(ctx.model)) {
      const person = ctx.model.people.get(id);
      const domains = held.map((d) => d.id);
      if (!person || domains.length <= max) continue;
      ctx.report(person.key, `${id} holds product roles in ${domains.length} domains (${domains.join(', ')}); the limit is ${max}. Spread the work or raise settings.maxDomainsPerPerson.`, { id, domains, max });
    }
  },
  fixes(problem, analysis) {
    const n = (problem.data.domains ?? []).length;
    // An editor setting or CLI option overrides the file: raising the file's limit would change nothing.
    if (n === 0 || analysis.settings.maxDomainsSource === 'option') return [];
    return [{ title: `Raise maxDomainsPerPerson to ${n}`, kind: 'suggestion', edits: setSetting(analysis, analysis.doc.contents as Node | null, 'maxDomainsPerPerson', String(n)) }];
  },
});
