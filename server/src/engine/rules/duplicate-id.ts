// duplicate-id: a person, team or product defined in two files of one
// organisation (SPEC section 9); reported at the second definition, in the
// organisation's order (the root, then include order), with the first as
// related information. Ids are per kind: a person and a team may share one.
//   people.productteam.yaml:  alice: { name: Alice Moreau }
//   products/app.productteam.yaml:  people: { alice: { name: Alice M. } }   <- duplicate-id
// (Two definitions in one file are a duplicate key: yaml-syntax.)
import type { Span } from '../types';
import { defineRule } from './rule';

/** What a finding carries: the id, its kind and where it was first defined. */
type Data = { id: string; kind: 'person' | 'team' | 'product'; first?: string };

export const duplicateId = defineRule<Data>()({
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'A person, team or product id is defined in two files of one organisation.',
  seeds: [],
  docs: {
    firesWhen:
      'A person, team or product id is defined in two files of one organisation (a root and the files it includes); reported at the second definition, in the order root first, then the `include` order. A person, a team and a product may share an id. Two definitions in one file are a duplicate key (`yaml-syntax`).',
  },
  rationale: {
    why: 'Only the first definition counts: the second one, and whatever it says about the person, team or product, is silently ignored.',
    quoteIds: [],
  },
  check(ctx) {
    const files = ctx.organisation.files;
    if (files.length < 2) return;
    const first = new Map<string, { file: string | undefined; key: Span }>();
    const see = (kind: Data['kind'], id: string, file: string | undefined, key: Span) => {
      const k = `${kind}:${id}`;
      const was = first.get(k);
      if (!was) {
        first.set(k, { file, key });
        return;
      }
      if (was.file === file) return; // a duplicate key: yaml-syntax's finding
      const noun = kind === 'person' ? 'Person' : kind === 'team' ? 'Team' : 'Product';
      ctx.report(
        key,
        `${noun} '${id}' is already defined in ${was.file ?? 'another file'}: only that first definition counts, and this one is ignored.`,
        { id, kind, ...(was.file !== undefined ? { first: was.file } : {}) },
        undefined,
        [{ ...was.key, message: `First definition of ${kind} '${id}'` }],
      );
    };
    for (const { file, model } of files) {
      for (const p of model.people.values()) see('person', p.id, file, p.key);
      for (const t of model.teams.values()) see('team', t.id, file, t.key);
      for (const p of model.products) see('product', p.id, file, p.key);
    }
  },
});
