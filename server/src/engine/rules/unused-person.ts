// unused-person: a person who holds no role and is in no team.
import type { Rule } from './rule';

export const unusedPerson: Rule = {
  id: 'unused-person',
  defaultSeverity: 'hint',
  description: 'A person holds no role and no team membership.',
  seeds: [],
  check(ctx) {
    const used = new Set(ctx.model.refs.filter((r) => r.kind === 'person').map((r) => r.id));
    for (const person of ctx.model.people.values())
      if (!used.has(person.id)) ctx.report(person.key, `${person.id} holds no role and is in no team.`, { id: person.id });
  },
};
