// overloaded-person: one person holding product roles in more domains than
// settings.maxDomainsPerPerson (default 2). The limit is a setting, not a
// figure from the articles, and no quote backs a domain count (SPEC 3 and 5).
// Owning a product is not a domain. At `stage: startup`, at most an info: a
// founder of a three-person company holds every role.
//   alice: PM of checkout, billing and refunds (limit 2)
//     -> Raise maxDomainsPerPerson to 3
import { setSetting } from '../fixes/edits';
import { productDomainsByPerson } from './common';
import { defineRule } from './rule';
import { rootNode } from '../syntax/nodes';

/** What a finding carries to its fixes. */
type Data = { id: string; domains: string[]; max: number };

export const overloadedPerson = defineRule<Data>()({
  id: 'overloaded-person',
  defaultSeverity: 'warning',
  description: 'A person holds a product role (owner, PM or PO) in more domains than `maxDomainsPerPerson` (a setting).',
  seeds: [],
  docs: {
    firesWhen:
      'A person holds a product role (owner, product manager or product owner) in more domains than `settings.maxDomainsPerPerson` (default 2; a setting, not a figure from the articles). Owning a product is not a domain.',
    severity: 'warning (info at `stage: startup`)',
  },
  rationale: {
    why: 'The limit of domains per person is a setting (maxDomainsPerPerson, default 2), not a figure from the articles: no article gives a number. Set it to what your organisation considers sustainable.',
    quoteIds: [],
  },
  reads: { people: 'ids', products: true },
  check(ctx) {
    const max = ctx.settings.maxDomainsPerPerson;
    for (const [id, held] of productDomainsByPerson(ctx.model)) {
      const person = ctx.model.people.get(id);
      const domains = held.map((d) => d.id);
      if (!person || domains.length <= max) continue;
      const startup = ctx.settings.stage === 'startup';
      ctx.report(
        person.key,
        `${id} holds product roles in ${domains.length} domains (${domains.join(', ')}); the limit set by maxDomainsPerPerson is ${max}${startup ? ' (at a startup, information only)' : ''}. Spread the work, or raise the setting.`,
        { id, domains, max },
        startup ? 'info' : undefined,
      );
    }
  },
  fixes(problem, analysis) {
    const n = (problem.data.domains ?? []).length;
    // An editor setting or CLI option overrides the file: raising the file's limit would change nothing.
    if (n === 0 || analysis.settings.maxDomainsSource === 'option') return [];
    return [
      { title: `Raise maxDomainsPerPerson to ${n}`, kind: 'suggestion', edits: setSetting(analysis, rootNode(analysis.doc), 'maxDomainsPerPerson', String(n)) },
    ];
  },
});
