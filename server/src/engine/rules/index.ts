// The rule registry's lookups and the loop that runs the rules. The list of
// rules itself is generated (registry.ts, by `npm run generate`): adding a
// rule file is enough to register it.
import type { Problem, ProblemData, Severity, Span } from '../types';
import type { Rule, RuleContext, RuleMeta } from './rule';
import { DOCS_BASE } from './rule';
import { RULES as DECLARED } from './registry';

export type { Rule, RuleMeta, RuleContext, RuleProblem } from './rule';
export { canBeDisabled } from './rule';

/** Every rule id there is: a closed union, from the literal ids of the rule files. */
export type RuleId = (typeof DECLARED)[number]['id'];

/** Every rule, by id. */
export const RULES: readonly Rule[] = DECLARED;

export const RULE_IDS: readonly RuleId[] = DECLARED.map((r) => r.id);

const byId = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/** Rules no directive can silence. */
export const UNSUPPRESSIBLE_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.unsuppressible).map((r) => r.id));

/** The severity a problem gets: the user's setting wins over the rule's own choice. */
export function severityFor(ctx: Pick<RuleContext, 'settings'>, rule: RuleMeta, proposed?: Severity): Severity | undefined {
  const set = ctx.settings.ruleSettings.get(rule.id);
  // Nothing silences a rule declared unsuppressible: not a directive, not `off` (the schema and the CLI say so).
  if (set === 'off') return rule.unsuppressible ? (proposed ?? rule.defaultSeverity) : undefined;
  return set ?? proposed ?? rule.defaultSeverity;
}

/**
 * Runs every rule but those about suppressions (they run once suppressions
 * are applied); when the file does not parse, only the rules that declare
 * `runsWhenParseFails`.
 */
export function runRules(base: Omit<RuleContext, 'report'>, parseFailed = false): Problem[] {
  const problems: Problem[] = [];
  for (const rule of RULES) {
    if (parseFailed && !rule.runsWhenParseFails) continue;
    if (rule.aboutSuppressions) continue;
    if (base.settings.ruleSettings.get(rule.id) === 'off' && !rule.unsuppressible) continue;
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
