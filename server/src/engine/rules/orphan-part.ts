// orphan-part: a part file (no `organization:`) that no root file includes
// (SPEC section 9). It is checked on its own with the rules that need no
// organisation (yaml-syntax, schema, the suppression rules and the perFile
// ones); this hint on its first line says why the others are quiet.
//   # a file with people: but no organization:, included by no root  <- orphan-part
import { defineRule } from './rule';

export const orphanPart = defineRule()({
  id: 'orphan-part',
  defaultSeverity: 'hint',
  description: 'A part file (no `organization:`) that no root file includes.',
  seeds: [],
  docs: {
    firesWhen:
      "A file without `organization:` (a part) is included by no root file's `include`. It is checked alone, with only `yaml-syntax`, `schema`, the suppression rules and the other per-file rules; references, ownership and people are checked once a root includes it.",
  },
  rationale: {
    why: 'A part is checked with its organisation; alone, the people and teams it names are defined elsewhere, so most checks cannot run.',
    quoteIds: [],
  },
  perFile: true,
  check(ctx) {
    if (!ctx.organisation.orphan) return;
    const end = ctx.lines.lineEnd(0);
    ctx.report(
      { start: 0, end: Math.max(end, 0) },
      "Not included by any organisation file: add this file to a root file's 'include' list (the file with 'organization:'). Until then only the syntax and the schema are checked here.",
      {},
    );
  },
});
