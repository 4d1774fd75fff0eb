// unused-person: a person who holds no role, is in no team and is no
// domain's stakeholder: a leftover, or a role that was meant to be assigned.
//   zoe: { name: Zoe Lind }   (named nowhere)   -> Remove person 'zoe'
import { isMap, type YAMLMap } from 'yaml';
import { removePair } from '../fixes/edits';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { id: string };

export const unusedPerson = defineRule<Data>()({
  id: 'unused-person',
  defaultSeverity: 'hint',
  description: 'A person holds no role, no team membership and no stakeholder place.',
  seeds: [],
  docs: {
    firesWhen: "A person holds no role, belongs to no team and is no domain's stakeholder.",
  },
  rationale: {
    why: 'A person with no role and no team membership is probably a leftover, or a role that was meant to be assigned.',
    quoteIds: [],
  },
  unnecessary: true,
  reads: { people: 'ids', products: true, teams: true },
  check(ctx) {
    const used = new Set(ctx.model.refs.filter((r) => r.kind === 'person').map((r) => r.id));
    for (const person of ctx.model.people.values())
      if (!used.has(person.id)) ctx.report(person.key, `${person.id} holds no role, is in no team and is no domain's stakeholder.`, { id: person.id });
  },
  fixes(problem, analysis) {
    const id = String(problem.data.id);
    const person = analysis.model.people.get(id);
    const section = analysis.model.sections.get('people')?.value;
    if (!person || !isMap(section)) return [];
    return [{ title: `Remove person '${id}'`, kind: 'suggestion', edits: removePair(analysis, section as YAMLMap, person.pair) }];
  },
});
