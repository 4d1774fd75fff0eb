// customer-contact: every product role talks to customers (002, after Melissa
// Perri: "Requirements should not just be cascaded from top to bottom.").
// The message names the domains where the person holds each role.
//   alice: { customerContact: never }, productManager of checkout and billing
//     -> warning: alice is product manager of 'checkout' and 'billing' but never talks to customers
import { isScalar, type Node } from 'yaml';
import { pairOf } from '../fixes/edits';
import { domainProductOwners, ids } from '../model/model';
import { defineRule } from './rule';

function list(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length === 1 ? q[0] : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** What a finding carries to its fixes. */
type Data = { id: string; domains: string[] };

export const customerContact = defineRule<Data>()({
  id: 'customer-contact',
  defaultSeverity: 'warning',
  description: 'A product manager or product owner has `customerContact: never`.',
  seeds: ['002_737c81125a87b4e1.txt', '001_236220712318ff3c.txt'],
  docs: {
    firesWhen: 'A product manager or product owner has `customerContact: never`; the message names the domains where they hold the role.',
  },
  rationale: {
    why: 'Every product role needs to speak with customers; requirements cascaded from someone else get misread on the way.',
    quoteIds: ['tpm-every-role-customers', 'pragmatic-not-in-building', 'runyan-pm-client-interviews'],
  },
  reads: { people: ['customerContact'], products: true },
  check(ctx) {
    // person -> role -> domains, in document order.
    const roles = new Map<string, Map<string, string[]>>();
    const add = (id: string, role: string, domain: string) => {
      const byRole = roles.get(id) ?? new Map<string, string[]>();
      const ds = byRole.get(role) ?? [];
      if (!ds.includes(domain)) ds.push(domain);
      roles.set(id, byRole.set(role, ds));
    };
    for (const p of ctx.model.products)
      for (const d of p.domains) {
        for (const id of ids(d.productManager)) add(id, 'product manager', d.id);
        for (const id of domainProductOwners(d)) add(id, 'product owner', d.id);
      }
    for (const [id, byRole] of roles) {
      const person = ctx.model.people.get(id);
      if (person?.customerContact !== 'never') continue;
      const value = pairOf(person.map, 'customerContact')?.value as Node | undefined;
      if (!isScalar(value) || !value.range) continue;
      const held = [...byRole].map(([role, ds]) => `${role} of ${list(ds)}`).join(' and ');
      const domains = [...new Set([...byRole.values()].flat())];
      ctx.report({ start: value.range[0], end: value.range[1] }, `${id} is ${held} but never talks to customers; every product role needs customer contact.`, {
        id,
        domains,
      });
    }
  },
});
