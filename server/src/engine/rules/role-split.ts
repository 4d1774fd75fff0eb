// role-split: is the outward-facing product manager of a domain also its
// inward-facing product owner? The experts disagree (000 and Perri: yes, "Two
// roles, one person."; 001, Runyan: no, "the answer is no"; 002 and Peltier:
// it depends). The stance in force decides which side this rule takes
// (SPEC section 3):
//   combined        PM and PO are different people              -> warning
//   separated       one person is both                          -> warning
//   contextual      v1 or startup: as combined; otherwise one person as both
//                   at a mature product, an enterprise or with Scrum -> info
//                   quoting that reason; nothing otherwise
//   outcomes-first  never
// With no stance declared the rules follow contextual, but this rule never
// reports above info and says so: the tool takes no side the file did not take.
import type { Node } from 'yaml';
import type { Analysis } from '../types';
import { addSectionEntry, replaceRefField, setMapProperty } from '../edits';
import { ROLE_SPLIT_REASONS, type RoleSplitReason } from '../knowledge';
import type { Domain } from '../model';
import { ids } from '../model';
import type { Fix, Framework, Lifecycle, Severity, Stage, Stance } from '../types';
import { defineRule } from './rule';
import { findDomain, productRoleHolders, teamPeople } from './common';

/** What a finding carries to its fixes: the domain, its PM and PO, and why the rule fired. */
type RoleSplitData = {
  product: string;
  domain: string;
  pm: string;
  po: string;
  want: RoleSplitExpectation['want'];
  stance: Stance;
  reason: RoleSplitReason;
  declared: boolean;
};

export interface RoleSplitExpectation {
  /** 'combined': one person should hold both roles; 'separated': two people should. */
  want: 'combined' | 'separated';
  severity: Severity;
  reason: RoleSplitReason;
}

/** What the stance asks of a domain of a product, or nothing. */
export function roleSplitExpectation(
  stance: Stance,
  context: { stage: Stage; lifecycle: Lifecycle; framework?: Framework },
): RoleSplitExpectation | undefined {
  switch (stance) {
    case 'combined':
      return { want: 'combined', severity: 'warning', reason: 'combined' };
    case 'separated':
      return { want: 'separated', severity: 'warning', reason: 'separated' };
    case 'contextual': {
      // Peltier: one person "during initial development of a v1 product"; 002: in startups "the product manager role is the most common".
      if (context.lifecycle === 'v1') return { want: 'combined', severity: 'warning', reason: 'v1' };
      if (context.stage === 'startup') return { want: 'combined', severity: 'warning', reason: 'startup' };
      // "can leverage" permits a second person, it does not require one: an info, never a warning.
      if (context.lifecycle === 'mature') return { want: 'separated', severity: 'info', reason: 'mature' };
      if (context.stage === 'enterprise') return { want: 'separated', severity: 'info', reason: 'enterprise' };
      if (context.framework === 'scrum') return { want: 'separated', severity: 'info', reason: 'scrum' };
      return undefined;
    }
    default:
      return undefined;
  }
}

const NO_STANCE = 'No stance is declared, so this is information only. ';

/** A misspelt stance (`seperated`) is no stance, but the message says what was written (the schema error says how to fix it). */
function noStanceLead(written: unknown): string {
  return typeof written === 'string' && written.trim() !== ''
    ? `No stance is declared ('${written}' is not one of combined, separated, contextual, outcomes-first), so this is information only. `
    : NO_STANCE;
}

export const roleSplit = defineRule<RoleSplitData>()({
  id: 'role-split',
  defaultSeverity: 'warning',
  description: 'The PM/PO arrangement of a domain goes against the declared stance.',
  seeds: ['000_afd94fb3940db4b8.txt', '001_236220712318ff3c.txt', '002_737c81125a87b4e1.txt'],
  docs: {
    firesWhen: "A domain's product manager / product owner arrangement goes against the file's declared `stance`.",
    severity: 'warning (info in the contextual cases of Peltier, and always info when no stance is declared)',
  },
  rationale: {
    why: 'The articles disagree on whether one person should be both product manager and product owner of a domain; this rule follows the stance the file declares.',
    quoteIds: ['schutyser-two-roles', 'runyan-answer-is-no', 'tpm-coexist', 'king-titles', 'aaron-authority'],
  },
  stanceDebate: true,
  check(ctx) {
    const { stance, stage, stanceSource } = ctx.settings;
    const declared = stanceSource !== 'default';
    const framework = ctx.model.organization.framework;
    for (const p of ctx.model.products) {
      const expect = roleSplitExpectation(stance, { stage, lifecycle: p.lifecycle, framework });
      if (!expect) continue;
      const reason = ROLE_SPLIT_REASONS[expect.reason];
      const severity: Severity = declared ? expect.severity : 'info';
      const lead = declared ? '' : noStanceLead(ctx.model.organization.map?.get('stance'));
      const under = declared ? `under ${reason.phrase}` : `under the default ${reason.phrase.replace(/^the /, '')}`;
      for (const d of p.domains) {
        const pm = ids(d.productManager);
        const po = d.productOwner ? ids(d.productOwner) : pm;
        // Several PMs or POs is single-owner's / single-backlog-owner's finding, not this one's.
        if (pm.length !== 1 || po.length !== 1) continue;
        const same = pm[0] === po[0];
        const data = { product: p.id, domain: d.id, pm: pm[0], po: po[0], want: expect.want, stance, reason: expect.reason, declared };
        if (expect.want === 'combined' && !same) {
          ctx.report(
            d.productOwner!.value,
            `${lead}${capitalise(under)}, one person would be both product manager and product owner of domain '${d.id}' (${reason.words}), but ${pm[0]} is PM and ${po[0]} is PO.`,
            data,
            severity,
          );
        } else if (expect.want === 'separated' && same) {
          const holds = d.productOwner ? 'holds both roles' : 'is PM and, with no productOwner, PO too';
          const msg =
            expect.severity === 'info'
              ? `${lead}${pm[0]} is both product manager and product owner of domain '${d.id}'; ${under}, consider a development-focused product owner (${reason.words}).`
              : `${lead}${capitalise(under)}, the product manager and the product owner of domain '${d.id}' should be two people (${reason.words}), but ${pm[0]} ${holds}.`;
          ctx.report(d.productOwner ? d.productOwner.value : d.key, msg, data, severity);
        }
      }
    }
  },
  fixes(problem, analysis) {
    const d = findDomain(analysis.model, problem.data.product, problem.data.domain);
    if (!d) return [];
    const pm = problem.data.pm;
    const po = problem.data.po;
    if (problem.data.want === 'combined') {
      const fixes: Fix[] = [];
      if (d.productOwner) fixes.push({ title: `Make ${pm} the product owner too`, edits: replaceRefField(analysis, d.productOwner, pm), kind: 'suggestion' });
      if (d.productManager) fixes.push({ title: `Make ${po} the product manager too`, edits: replaceRefField(analysis, d.productManager, po), kind: 'suggestion' });
      return fixes;
    }
    const holders = productRoleHolders(analysis.model);
    const fixes: Fix[] = teamPeople(analysis.model, d)
      .filter((id) => !holders.has(id) && analysis.model.people.has(id))
      .map((id): Fix => ({ title: `Hand the product owner role to ${id}`, edits: setProductOwner(analysis, d, id), kind: 'suggestion' }));
    const placeholder = freeId(analysis, `${d.id}-product-owner`);
    fixes.push({
      title: 'Add a product owner placeholder',
      edits: [
        ...setProductOwner(analysis, d, placeholder),
        ...addSectionEntry(analysis, analysis.doc.contents as Node | null, 'people', placeholder, [['name', `Product owner for ${d.name ?? d.id} (to be named)`]]),
      ],
      kind: 'suggestion',
    });
    return fixes;
  },
});

function setProductOwner(analysis: Analysis, d: Domain, id: string) {
  if (d.productOwner) return replaceRefField(analysis, d.productOwner, id);
  return d.map ? setMapProperty(analysis, d.map, 'productOwner', id, ['productManager', 'name']) : [];
}

function freeId(analysis: Analysis, base: string): string {
  let id = base;
  for (let i = 2; analysis.model.people.has(id); i++) id = `${base}-${i}`;
  return id;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
