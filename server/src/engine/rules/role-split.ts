// role-split: is the outward-facing product manager of a domain also its
// inward-facing product owner? The experts disagree, so this rule judges only
// under the stance the file declares (SPEC 1 and 3, revision 3):
//   combined        PM and PO are different people                 -> warning
//   separated       one person is both                             -> warning
//   contextual      Peltier's advice only: a v1 product with two people -> warning;
//                   one person as both of a released product under scrum (or
//                   safe, read as scrum) -> info
//   outcomes-first  never
// With no stance declared (or one that is not one of the four) it does not
// run: stance-declared previews what each stance would report, with the same
// logic (`roleSplitFindings`) on the model already built.
//   organization: { stance: combined }
//   checkout: { productManager: alice, productOwner: bob }
//     -> warning; Make alice the product owner too | Make bob the product manager too
import type { Analysis } from '../types';
import { addSectionEntry, replaceRefField, setMapProperty } from '../fixes/edits';
import { ROLE_SPLIT_REASONS, type RoleSplitReason } from '../knowledge/knowledge';
import type { Domain, Model } from '../model/model';
import { hasDiscipline, ids } from '../model/model';
import type { EffectiveSettings, Fix, Lifecycle, Severity, Span, Stance } from '../types';
import { defineRule } from './rule';
import { findDomain, productRoleHolders, teamPeople } from './common';
import { rootNode } from '../syntax/nodes';

/** What a finding carries to its fixes: the domain, its PM and PO, and why the rule fired. */
type RoleSplitData = {
  product: string;
  domain: string;
  pm: string;
  po: string;
  want: RoleSplitExpectation['want'];
  stance: Stance;
  reason: RoleSplitReason;
};

export interface RoleSplitExpectation {
  /** 'combined': one person should hold both roles; 'separated': two people should. */
  want: 'combined' | 'separated';
  severity: Severity;
  reason: RoleSplitReason;
}

/** What the stance asks of a domain of a product, if anything. */
export function roleSplitExpectation(stance: Stance, lifecycle: Lifecycle, framework: string | undefined, same: boolean): RoleSplitExpectation | undefined {
  switch (stance) {
    case 'combined':
      return { want: 'combined', severity: 'warning', reason: 'combined' };
    case 'separated':
      return { want: 'separated', severity: 'warning', reason: 'separated' };
    case 'contextual':
      // Peltier: during initial development of a v1 product "the role should be a single person".
      if (lifecycle === 'v1') return same ? undefined : { want: 'combined', severity: 'warning', reason: 'v1' };
      // (His v1 advice is the specific one: a v1 product in one person's hands is what he asks for, whatever the framework.)
      // Peltier: "Scrum itself makes this shared role difficult to pull off well." SAFe is read as Scrum (the tool's inference).
      if (same && (framework === 'scrum' || framework === 'safe')) return { want: 'separated', severity: 'info', reason: 'scrum' };
      // Nothing else: "Upon release … can leverage" permits, 002 on stages describes (SPEC 1).
      return undefined;
    default:
      return undefined;
  }
}

/** One finding role-split would report under a stance: what stance-declared's preview counts and lists. */
export interface RoleSplitFinding {
  domain: Domain;
  pm: string;
  po: string;
  expect: RoleSplitExpectation;
  /** Where it is reported: the product owner value, else the domain key. */
  at: Span;
  /** The reason in a few words, for the preview. */
  short: string;
}

/** The findings of role-split under `stance`, on a model already built (no re-analysis: the stance preview calls it four times). */
export function roleSplitFindings(model: Model, stance: Stance): RoleSplitFinding[] {
  const out: RoleSplitFinding[] = [];
  const framework = model.organization.framework;
  for (const p of model.products) {
    for (const d of p.domains) {
      const pm = ids(d.productManager);
      const po = d.productOwner ? ids(d.productOwner) : pm;
      // Several PMs or POs is single-owner's / single-backlog-owner's finding, not this one's.
      if (pm.length !== 1 || po.length !== 1) continue;
      const same = pm[0] === po[0];
      const expect = roleSplitExpectation(stance, p.lifecycle, framework, same);
      if (!expect) continue;
      if (expect.want === 'combined' && !same) {
        out.push({
          domain: d,
          pm: pm[0],
          po: po[0],
          expect,
          at: d.productOwner!.value,
          short: expect.reason === 'v1' ? `v1 product, PM ${pm[0]}, PO ${po[0]}` : `PM ${pm[0]}, PO ${po[0]}`,
        });
      } else if (expect.want === 'separated' && same) {
        // A vacant seat (`productOwner: ~  # hiring`) is where the answer goes: report there.
        const vacant = d.productOwner ? undefined : model.vacancies.find((v) => v.holder === d && v.role === 'productOwner');
        out.push({
          domain: d,
          pm: pm[0],
          po: po[0],
          expect,
          at: d.productOwner ? d.productOwner.value : (vacant?.key ?? d.key),
          short: `${pm[0]} is PM and PO${expect.reason === 'scrum' ? `, with ${framework}` : ''}`,
        });
      }
    }
  }
  return out;
}

/** "Under the combined stance you declared": advice about the arrangement always names the stance it comes from (SPEC 5). */
function underStance(settings: Pick<EffectiveSettings, 'stance' | 'stanceSource'>): string {
  return settings.stanceSource === 'file'
    ? `Under the ${settings.stance} stance you declared`
    : `Under the ${settings.stance} stance set for this run (editor setting or --stance)`;
}

function messageFor(f: RoleSplitFinding, settings: Pick<EffectiveSettings, 'stance' | 'stanceSource'>, framework: string | undefined): string {
  const under = underStance(settings);
  const d = f.domain.id;
  const words = ROLE_SPLIT_REASONS[f.expect.reason].words;
  switch (f.expect.reason) {
    case 'combined':
      return `${under}, one person is both product manager and product owner of a domain (${words}); domain '${d}' has ${f.pm} as PM and ${f.po} as PO.`;
    case 'separated': {
      const holds = f.domain.productOwner ? 'holds both roles' : 'is PM and, with no productOwner (or a vacant one), PO too';
      return `${under}, the product manager and the product owner of a domain are two people (${words}); in domain '${d}', ${f.pm} ${holds}.`;
    }
    case 'v1':
      return `${under}, a v1 product's domain has one person in both roles (${words}); domain '${d}' has ${f.pm} as PM and ${f.po} as PO.`;
    case 'scrum': {
      const safe =
        framework === 'safe' ? " framework 'safe' is read as scrum (the tool's inference: Peltier wrote about Scrum, and SAFe's teams run Scrum);" : '';
      return `${under},${safe} ${f.pm} is both product manager and product owner of domain '${d}' (${words}).`;
    }
  }
}

export const roleSplit = defineRule<RoleSplitData>()({
  id: 'role-split',
  defaultSeverity: 'warning',
  description: 'The PM/PO arrangement of a domain goes against the declared stance.',
  seeds: ['000_afd94fb3940db4b8.txt', '001_236220712318ff3c.txt', '002_737c81125a87b4e1.txt'],
  docs: {
    firesWhen:
      "A domain's product manager / product owner arrangement goes against the file's declared `stance`; with no stance declared it does not run (`stance-declared` previews each stance).",
    severity: 'warning (info for one person in both roles under contextual with Scrum or SAFe)',
  },
  rationale: {
    why: 'The articles disagree on whether one person should be both product manager and product owner of a domain; this rule follows the stance the file declares, and only that.',
    quoteIds: ['schutyser-one-person-sub-domain', 'runyan-separating', 'tpm-coexist', 'king-titles', 'aaron-authority'],
  },
  stanceDebate: true,
  // Domains' PMs and POs, their products' lifecycles and vacant seats; the stance and the framework are in every check's key.
  reads: { products: true },
  check(ctx) {
    const { settings, model } = ctx;
    // No stance, no judgement (SPEC 3, revision 3): stance-declared shows what each stance would say.
    if (settings.stanceSource === 'default') return;
    for (const f of roleSplitFindings(model, settings.stance)) {
      const data: RoleSplitData = {
        product: f.domain.product.id,
        domain: f.domain.id,
        pm: f.pm,
        po: f.po,
        want: f.expect.want,
        stance: settings.stance,
        reason: f.expect.reason,
      };
      ctx.report(f.at, messageFor(f, settings, model.organization.framework), data, f.expect.severity);
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
      if (d.productManager)
        fixes.push({ title: `Make ${po} the product manager too`, edits: replaceRefField(analysis, d.productManager, po), kind: 'suggestion' });
      return fixes;
    }
    const holders = productRoleHolders(analysis.model);
    // Only people whose discipline is product: an engineer is not offered as product owner.
    const fixes: Fix[] = teamPeople(analysis.model, d)
      .filter((id) => !holders.has(id) && hasDiscipline(analysis.model.people.get(id), 'product'))
      .map((id): Fix => ({ title: `Hand the product owner role to ${id}`, edits: setProductOwner(analysis, d, id), kind: 'suggestion' }));
    const placeholder = freeId(analysis, `${d.id}-product-owner`);
    fixes.push({
      title: 'Add a product owner placeholder',
      edits: [
        ...setProductOwner(analysis, d, placeholder),
        ...addSectionEntry(analysis, rootNode(analysis.doc), 'people', placeholder, [['name', `Product owner for ${d.name ?? d.id} (to be named)`]]),
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
