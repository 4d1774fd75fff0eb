// customer-contact: every product role talks to customers (002, after Melissa
// Perri: "Requirements should not just be cascaded from top to bottom.").
import { isScalar, type Node } from 'yaml';
import { pairOf } from '../edits';
import { domainProductOwners, ids } from '../model';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string };

export const customerContact = defineRule<Data>()({
  id: 'customer-contact',
  defaultSeverity: 'warning',
  description: 'A product manager or product owner has `customerContact: never`.',
  seeds: ['002_737c81125a87b4e1.txt', '001_236220712318ff3c.txt'],
  docs: {
    firesWhen: 'A product manager or product owner has `customerContact: never`.',
  },
  rationale: {
    why: 'Every product role needs to speak with customers; requirements cascaded from someone else get misread on the way.',
    quoteIds: ['tpm-every-role-customers', 'pragmatic-not-in-building', 'runyan-pm-client-interviews'],
  },
  check(ctx) {
    const roles = new Map<string, Set<string>>();
    const add = (id: string, role: string) => roles.set(id, (roles.get(id) ?? new Set()).add(role));
    for (const p of ctx.model.products)
      for (const d of p.domains) {
        for (const id of ids(d.productManager)) add(id, 'product manager');
        for (const id of domainProductOwners(d)) add(id, 'product owner');
      }
    for (const [id, held] of roles) {
      const person = ctx.model.people.get(id);
      if (person?.customerContact !== 'never') continue;
      const value = pairOf(person.map, 'customerContact')?.value as Node | undefined;
      if (!isScalar(value) || !value.range) continue;
      ctx.report({ start: value.range[0], end: value.range[1] }, `${id} is ${[...held].join(' and ')} but never talks to customers; every product role needs customer contact.`, { id });
    }
  },
});
