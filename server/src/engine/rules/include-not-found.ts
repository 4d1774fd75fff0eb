// include-not-found: an `include` entry of a root file that brings no file
// into the organisation (SPEC section 9): it matches nothing, names the root
// itself or another root, or points outside the organisation's folder tree
// (the workspace folder in the editor). The organisation is analysed without
// it, so unknown references may follow; the message says so.
//   include:
//     - people.productteam.yml      <- matches no file (people.productteam.yaml exists)
import { defineRule } from './rule';

/** What a finding carries: the entry as written. */
type Data = { entry: string };

export const includeNotFound = defineRule<Data>()({
  id: 'include-not-found',
  defaultSeverity: 'error',
  description: 'An `include` entry matches no file, or names a file that cannot be part of this organisation.',
  seeds: [],
  docs: {
    firesWhen:
      "An `include` entry matches no file, names the root file itself, names another root file (one with `organization:`), or names a file outside the root's folder tree (in the editor: outside the workspace folder). The organisation is checked without it, so findings such as `unknown-reference` may follow from it.",
  },
  rationale: {
    why: 'A file that is not included is not checked with its organisation: its people and teams are missing from every other file.',
    quoteIds: [],
  },
  check(ctx) {
    for (const p of ctx.organisation.includeProblems) ctx.report(p.span, p.message, { entry: p.entry });
  },
});
