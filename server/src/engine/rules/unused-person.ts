// unused-person: a person who holds no role and is in no team.
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string };

export const unusedPerson = defineRule<Data>()({
  id: 'unused-person',
  defaultSeverity: 'hint',
  description: 'A person holds no role and no team membership.',
  seeds: [],
  docs: {
    firesWhen: 'A person holds no role and belongs to no team.',
  },
  rationale: {
    why: 'A person with no role and no team membership is probably a leftover, or a role that was meant to be assigned.',
    quoteIds: [],
  },
  unnecessary: true,
  check(ctx) {
    const used = new Set(ctx.model.refs.filter((r) => r.kind === 'person').map((r) => r.id));
    for (const person of ctx.model.people.values())
      if (!used.has(person.id)) ctx.report(person.key, `${person.id} holds no role and is in no team.`, { id: person.id });
  },
});
