// The rule registry and the loop that runs it.
import type { Problem, ProblemData, Severity, Span } from '../types';
import type { Rule, RuleContext, RuleMeta } from './rule';
import { DOCS_BASE } from './rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { unknownReference } from './unknown-reference';
import { singleOwner } from './single-owner';
import { singleBacklogOwner } from './single-backlog-owner';
import { roleSplit } from './role-split';
import { decisionAuthority } from './decision-authority';
import { visionRequired } from './vision-required';
import { overloadedPerson } from './overloaded-person';
import { teamSingleDomain } from './team-single-domain';
import { scrumMasterNotProductOwner } from './scrum-master-not-product-owner';
import { customerContact } from './customer-contact';
import { coreTeam } from './core-team';
import { outcomesDefined } from './outcomes-defined';
import { stanceDeclared } from './stance-declared';
import { unusedPerson } from './unused-person';
import { departedPerson } from './departed-person';
import { domainWithoutTeam } from './domain-without-team';
import { teamWithoutDomain } from './team-without-domain';
import { unusedSuppression, expiredSuppression, invalidSuppression } from './suppression-rules';

export type { Rule, RuleMeta, RuleContext } from './rule';

/** Every rule, in the order of SPEC section 3. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  unknownReference,
  singleOwner,
  singleBacklogOwner,
  roleSplit,
  decisionAuthority,
  visionRequired,
  overloadedPerson,
  teamSingleDomain,
  departedPerson,
  scrumMasterNotProductOwner,
  customerContact,
  coreTeam,
  domainWithoutTeam,
  teamWithoutDomain,
  outcomesDefined,
  stanceDeclared,
  unusedPerson,
  unusedSuppression,
  expiredSuppression,
  invalidSuppression,
];

/** Rules about the suppressions themselves: they run after suppressions are applied. */
export const SUPPRESSION_RULES = new Set([unusedSuppression.id, expiredSuppression.id, invalidSuppression.id]);

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function isRuleId(id: string): boolean {
  return byId.has(id);
}

/** The severity a problem gets: the user's setting wins over the rule's own choice. */
export function severityFor(ctx: Pick<RuleContext, 'settings'>, rule: RuleMeta, proposed?: Severity): Severity | undefined {
  const set = ctx.settings.ruleSettings.get(rule.id);
  if (set === 'off') return undefined;
  return set ?? proposed ?? rule.defaultSeverity;
}

export function runRules(base: Omit<RuleContext, 'report'>, only?: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const rule of RULES) {
    if (only && !only.includes(rule.id)) continue;
    if (SUPPRESSION_RULES.has(rule.id)) continue; // run after suppressions
    if (base.settings.ruleSettings.get(rule.id) === 'off') continue;
    const ctx: RuleContext = {
      ...base,
      report(span: Span, message: string, data: ProblemData = {}, severity?: Severity) {
        const sev = severityFor(base, rule, severity);
        if (!sev) return;
        // Block collections end after their last line break; a squiggle should not.
        let end = Math.max(span.end, span.start);
        // Only YAML's own white space: a no-break space at the end of a value is part of it.
        while (end > span.start && /[ \t\r\n]/.test(base.text[end - 1])) end--;
        problems.push({ ruleId: rule.id, severity: sev, message, start: span.start, end, data });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not take the editor down with it: say so where the user looks.
      problems.push({ ruleId: rule.id, severity: 'error', message: `Internal error in rule '${rule.id}': ${(err as Error).message}`, start: 0, end: 0, data: {} });
    }
  }
  return problems;
}
