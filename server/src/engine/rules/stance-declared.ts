// stance-declared: the file should say which side of the PM/PO debate it
// takes; until it does, the rules follow 'contextual'.
import { setMapProperty } from '../edits';
import { STANCES } from '../types';
import { defineRule } from './rule';

/** What a finding carries to its fixes. */
type Data = { candidates: string[] };

export const stanceDeclared = defineRule<Data>()({
  id: 'stance-declared',
  defaultSeverity: 'hint',
  description: '`organization.stance` is missing.',
  seeds: ['000_afd94fb3940db4b8.txt', '001_236220712318ff3c.txt', '002_737c81125a87b4e1.txt', '003_ac3b7604d2ffb3c6.txt', '004_2c53fa25eaf0eed7.txt'],
  docs: {
    firesWhen: '`organization.stance` is missing.',
  },
  rationale: {
    why: 'The articles openly disagree on whether PM and PO should be one person; until the file declares a stance, role-split only informs.',
    quoteIds: ['productboard-debate'],
  },
  check(ctx) {
    const org = ctx.model.organization;
    if (!org.key || !org.map || org.map.has('stance')) return;
    ctx.report(org.key, "No 'stance' declared: should one person be both product manager and product owner? The rules follow 'contextual' until you choose.", { candidates: [...STANCES] });
  },
  fixes(_problem, analysis) {
    const map = analysis.model.organization.map;
    if (!map) return [];
    return STANCES.map((s) => ({ title: `Declare stance: ${s}`, edits: setMapProperty(analysis, map, 'stance', s, ['stage', 'name']), kind: 'suggestion' as const }));
  },
});
