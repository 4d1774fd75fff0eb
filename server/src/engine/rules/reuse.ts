// Findings reused from the last check of the same organisation (issue 19): a
// rule that declares what of the model it reads (RuleMeta.reads) gives the
// same findings when none of that changed, only moved past the edit. A
// keystroke changes one entry, so most rules are not run again; which of them
// are follows from what the edit changed (the model delta below), not from
// where it was.
//
// Sound as long as a rule reads only what it declares: the records of
// unchanged entries are the same objects, moved in place with their nodes
// (model.ts), so a finding about them is the same finding at a moved place.
// A finding that touches the edited text is never moved: the rule runs again.
// Tests run every reused rule again and compare (`verifyReuse`).
import type { Model, Person, Problem, RelatedInfo } from '../types';
import { peopleReplacedSince } from '../model/model';
import type { PersonField, RuleReads } from './rule';
import type { TextShift } from '../text';

/** What changed between two models of an organisation. */
export interface ModelDelta {
  /** 'ids': people were added, removed or reordered; else the fields that changed in some person. */
  people: 'ids' | ReadonlySet<PersonField>;
  products: boolean;
  teams: boolean;
}

const PERSON_FIELDS: readonly PersonField[] = ['name', 'title', 'email', 'disciplines', 'customerContact', 'decisionAuthority', 'until'];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Whether two sequences hold the same objects in the same order. */
export function sameSequence<T>(a: Iterable<T>, b: Iterable<T>): boolean {
  // Spread, not a second iterator stepped by hand: V8 copies a Map's keys or values natively, where each next() made an object (twice as slow at 12k people).
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function modelDelta(before: Model, after: Model): ModelDelta {
  let people: ModelDelta['people'];
  const fields = new Set<PersonField>();
  const compare = (b: Person, a: Person) => {
    for (const f of PERSON_FIELDS) if (!sameValue(b[f], a[f])) fields.add(f);
  };
  if (before.people === after.people) {
    // One map, changed in place by the models after (model.ts): what changed is what they replaced, when they came from this very model.
    const replaced = peopleReplacedSince(after, before);
    if (!replaced) people = 'ids';
    else {
      for (const [b, a] of replaced) compare(b, a);
      people = fields;
    }
  } else if (!sameSequence(before.people.keys(), after.people.keys())) people = 'ids';
  else {
    for (const [id, b] of before.people) {
      const a = after.people.get(id)!;
      if (a !== b) compare(b, a);
    }
    people = fields;
  }
  return {
    people,
    products: before.products !== after.products && !sameSequence(before.products, after.products),
    teams: before.teams !== after.teams && !sameSequence(before.teams.values(), after.teams.values()),
  };
}

/** Whether a rule that reads `reads` gives the same findings after a change of `delta` (undefined reads: never). */
export function unaffected(reads: RuleReads | undefined, delta: ModelDelta): boolean {
  if (!reads) return false;
  if (reads.products && delta.products) return false;
  if (reads.teams && delta.teams) return false;
  // Which people exist decides more than the rules that read people: where a finding at a reference points to (its definition).
  if (delta.people === 'ids') return false;
  if (reads.people === undefined || reads.people === 'ids') return true;
  const changed = delta.people;
  return !reads.people.some((f) => changed.has(f));
}

/**
 * A rule's findings of the last check, moved past each file's edit; undefined
 * when one of them (or its related information) touches an edited stretch.
 */
export function relocate(
  found: ReadonlyMap<string | undefined, readonly Problem[]>,
  shifts: ReadonlyMap<string | undefined, TextShift | undefined>,
): Map<string | undefined, Problem[]> | undefined {
  const out = new Map<string | undefined, Problem[]>();
  /** The span moved, or undefined when it touches the edit. */
  const move = <S extends { start: number; end: number }>(s: S, file: string | undefined): S | undefined => {
    const shift = shifts.get(file);
    if (!shift) return s;
    if (s.end < shift.start) return s;
    if (s.start > shift.oldEnd) return { ...s, start: s.start + shift.by, end: s.end + shift.by };
    return undefined;
  };
  for (const [file, problems] of found) {
    const list: Problem[] = [];
    for (const p of problems) {
      const moved = move(p, file);
      if (!moved) return undefined;
      if (p.related) {
        const related: RelatedInfo[] = [];
        for (const r of p.related) {
          const m = move(r, r.file ?? file);
          if (!m) return undefined;
          related.push(m);
        }
        if (moved !== p || related.some((r, i) => r !== p.related![i])) {
          list.push({ ...moved, related });
          continue;
        }
      }
      list.push(moved);
    }
    out.set(file, list);
  }
  return out;
}
