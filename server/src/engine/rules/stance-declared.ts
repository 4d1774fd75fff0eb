// stance-declared: the file should say which side of the PM/PO debate it
// takes. Until it does, role-split does not run, and this hint previews what
// each of the four stances would report in this file (SPEC 3, revision 3), so
// that the people who own it choose with the consequences in front of them.
//   organization: { name: Acme }
//     -> hint: "No stance declared, so the PM/PO arrangement is not judged.
//        Declared combined: 3 findings; separated: 1; contextual: 0; outcomes-first: 2 …"
//     -> Declare stance: combined (3 findings) | … separated (1 finding) | … (no findings)
import { setMapProperty } from '../fixes/edits';
import type { Model } from '../model/model';
import { STANCES, type EffectiveSettings, type Stance } from '../types';
import { defineRule } from './rule';
import { roleSplitFindings } from './role-split';

/** How many domains per stance the hover lists. */
const LISTED = 5;

/** What one stance would report: the count, and up to five domains with the reason in a few words. */
export interface StancePreview {
  stance: Stance;
  count: number;
  domains: { domain: string; reason: string }[];
}

/** What a finding carries to its fixes and its hover. */
type Data = { preview: StancePreview[] };

/**
 * What each stance would report, computed on the model already built: role-split's own logic under
 * each stance, and for outcomes-first the outcomes-defined findings that would become warnings.
 */
export function stancePreview(model: Model, settings: Pick<EffectiveSettings, 'ruleSettings'>): StancePreview[] {
  return STANCES.map((stance): StancePreview => {
    if (stance === 'outcomes-first') {
      // A severity the user set for outcomes-defined does not change with the stance.
      const noOutcomes = settings.ruleSettings.has('outcomes-defined') ? [] : model.products.flatMap((p) => p.domains.filter((d) => d.outcomeCount === 0));
      return {
        stance,
        count: noOutcomes.length,
        domains: noOutcomes.slice(0, LISTED).map((d) => ({ domain: d.id, reason: 'no outcomes: info becomes warning' })),
      };
    }
    const found = roleSplitFindings(model, stance);
    return { stance, count: found.length, domains: found.slice(0, LISTED).map((f) => ({ domain: f.domain.id, reason: f.short })) };
  });
}

/** `3 findings`, `1 finding`, `no findings`. */
export function findingCount(n: number): string {
  return n === 0 ? 'no findings' : n === 1 ? '1 finding' : `${n} findings`;
}

export const stanceDeclared = defineRule<Data>()({
  id: 'stance-declared',
  defaultSeverity: 'hint',
  description: '`organization.stance` is missing (or not one of the four); the message previews what each stance would report.',
  seeds: ['000_afd94fb3940db4b8.txt', '001_236220712318ff3c.txt', '002_737c81125a87b4e1.txt', '003_ac3b7604d2ffb3c6.txt', '004_2c53fa25eaf0eed7.txt'],
  docs: {
    firesWhen:
      '`organization.stance` is missing or is not one of combined, separated, contextual, outcomes-first. role-split does not run until a stance is declared; the message gives the number of findings each stance would report, the hover lists up to five domains per stance, and each fix says its count.',
  },
  rationale: {
    why: 'The articles openly disagree on whether PM and PO should be one person; until the file declares a stance, no rule judges the arrangement, and this preview shows what each stance would report.',
    quoteIds: ['productboard-debate'],
  },
  stancePreview: true,
  // role-split's findings under each stance and the domains without outcomes; the stance as written is in every check's key.
  reads: { products: true },
  check(ctx) {
    const org = ctx.model.organization;
    if (!org.key || !org.map || org.declaredStance) return;
    const preview = stancePreview(ctx.model, ctx.settings);
    const counts = preview.map(
      (p, i) =>
        `${i === 0 ? `Declared ${p.stance}: ${p.count === 1 ? '1 finding' : `${p.count} findings`}` : `${p.stance}: ${p.count}`}${p.stance === 'outcomes-first' ? ' (outcomes-defined infos that would become warnings)' : ''}`,
    );
    const written = org.map.get('stance');
    const lead =
      written === undefined || written === null || written === ''
        ? 'No stance declared'
        : `No stance declared ('${String(written)}' is not one of ${STANCES.join(', ')})`;
    ctx.report(org.key, `${lead}, so the PM/PO arrangement is not judged. ${counts.join('; ')}.`, { preview });
  },
  fixes(problem, analysis) {
    const map = analysis.model.organization.map;
    if (!map) return [];
    const preview = problem.data.preview ?? stancePreview(analysis.model, analysis.settings);
    return preview.map((p) => ({
      title: `Declare stance: ${p.stance} (${findingCount(p.count)})`,
      edits: setMapProperty(analysis, map, 'stance', p.stance, ['stage', 'name']),
      kind: 'suggestion' as const,
    }));
  },
});
