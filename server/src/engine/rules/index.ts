// The rule registry's lookups and the loop that runs the rules. The list of
// rules itself is generated (registry.ts, by `npm run generate`): adding a
// rule file is enough to register it.
import type { Problem, ProblemData, Ref, RelatedInfo, Severity, Span } from '../types';
import type { OrganisationFacts, Rule, RuleContext, RuleMeta, RulePhase } from './rule';
import { DOCS_BASE } from './rule';
import { RULES as DECLARED } from './registry';

export type { Rule, RuleMeta, RuleContext, RuleProblem, RulePhase, OrganisationFacts, RuleReads, PersonField } from './rule';
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

/** The severity a problem of any rule gets: the user's setting wins over the rule's own choice; undefined when the rule is off. */
export function severityFor(settings: RuleContext['settings'], rule: RuleMeta, proposed?: Severity): Severity | undefined {
  const set = settings.ruleSettings.get(rule.id);
  // Nothing silences a rule declared unsuppressible: not a directive, not `off` (the schema and the CLI say so).
  if (set === 'off') return rule.unsuppressible ? (proposed ?? rule.defaultSeverity) : undefined;
  return set ?? proposed ?? rule.defaultSeverity;
}

/** One file of an organisation, as the rules read it. */
export interface FileToCheck {
  file: string | undefined;
  text: string;
  doc: RuleContext['doc'];
  lines: RuleContext['lines'];
  /** The file's own model (perFile rules read it; the others read the organisation's). */
  model: RuleContext['model'];
  schemaErrors: RuleContext['schemaErrors'];
  /** The file does not parse: only the rules that declare runsWhenParseFails look at it. */
  parseFailed: boolean;
  /** The file's suppressions; for the after-suppressions phase, the ones just applied (they record what they silenced). */
  suppressions: RuleContext['suppressions'];
}

/** Findings of the last check a rule may take instead of running (rules/reuse.ts). */
export interface RuleReuse {
  /** The rule's findings by file, moved past the edit; undefined: run it. */
  take(rule: Rule): Map<string | undefined, Problem[]> | undefined;
  /** What a rule that declares `reads` found this time, for the next check. */
  keep(rule: Rule, found: Map<string | undefined, Problem[]>): void;
}

/**
 * Tests set `verify`: every reused rule runs again, and a difference throws
 * (a `reads` that leaves something out). `reused` counts the rules whose
 * findings were taken from the last check, for tests and the benchmark.
 */
export const reuseChecks = { verify: false, reused: 0 };

/**
 * Runs the rules of one phase, in registry order. `findings`: a `perFile`
 * rule on each file, every other rule once over the organisation's model. A
 * rule pauses where a file does not parse (the organisation-wide ones when
 * any of its files does not), unless it declares `runsWhenParseFails`; a part
 * that no root includes runs only the perFile rules. `after-suppressions`:
 * each rule on each file, once the file's suppressions are applied; where the
 * findings phase paused, the context says so (`findingsPaused`). Each finding
 * goes to the file its span is in.
 */
export function runRules(
  files: readonly FileToCheck[],
  model: RuleContext['model'],
  settings: RuleContext['settings'],
  organisation: OrganisationFacts,
  phase: RulePhase = 'findings',
  reuse?: RuleReuse,
): Map<string | undefined, Problem[]> {
  const out = new Map<string | undefined, Problem[]>(files.map((f) => [f.file, []]));
  const texts = new Map<string | undefined, string>(files.map((f) => [f.file, f.text]));
  const anyParseFailed = files.some((f) => f.parseFailed);
  const later = phase === 'after-suppressions';
  for (const rule of RULES) {
    if ((rule.phase ?? 'findings') !== phase) continue;
    const perFile = rule.perFile || later;
    if (organisation.orphan && !perFile) continue;
    if (severityFor(settings, rule) === undefined) continue;
    // A perFile rule over an organisation of one file reads that file's model, which is the organisation's: reusable alike.
    const reusable = reuse !== undefined && rule.reads !== undefined && (!perFile || (!later && files.length === 1)) && !anyParseFailed;
    const taken = reusable ? reuse.take(rule) : undefined;
    if (taken) reuseChecks.reused++;
    if (taken && reuse && !reuseChecks.verify) {
      for (const [file, found] of taken) out.get(file)?.push(...found);
      reuse.keep(rule, taken);
      continue;
    }
    const before = new Map([...out].map(([file, list]) => [file, list.length]));
    for (const f of perFile ? files : files.slice(0, 1)) {
      if (!later && (rule.perFile ? f.parseFailed : anyParseFailed) && !rule.runsWhenParseFails) continue;
      const ctx: RuleContext = {
        file: f.file,
        organisation,
        text: f.text,
        doc: f.doc,
        lines: f.lines,
        model: rule.perFile ? f.model : model,
        settings,
        schemaErrors: f.schemaErrors,
        suppressions: f.suppressions,
        findingsPaused: later && (f.parseFailed || (anyParseFailed && !organisation.orphan)),
        rules: RULES,
        report(span: Span, message: string, data: ProblemData = {}, severity?: Severity, related?: RelatedInfo[]) {
          const sev = severityFor(settings, rule, severity);
          if (!sev) return;
          const file = span.file !== undefined && out.has(span.file) ? span.file : f.file;
          const text = texts.get(file) ?? '';
          // Block collections end after their last line break; a squiggle should not.
          let end = Math.max(span.end, span.start);
          // Only YAML's own white space: a no-break space at the end of a value is part of it.
          while (end > span.start && /[ \t\r\n]/.test(text[end - 1])) end--;
          const problem: Problem = { ruleId: rule.id, severity: sev, message, start: span.start, end, data };
          const all = [...(related ?? []), ...definedElsewhere(ctx.model, span, file)];
          if (all.length) problem.related = all;
          out.get(file)!.push(problem);
        },
      };
      try {
        rule.check(ctx);
      } catch (err) {
        // A rule bug must not take the editor down with it: say so where the user looks.
        out
          .get(f.file)!
          .push({ ruleId: rule.id, severity: 'error', message: `Internal error in rule '${rule.id}': ${(err as Error).message}`, start: 0, end: 0, data: {} });
      }
    }
    if (!reusable || !reuse) continue;
    const found = new Map([...out].map(([file, list]) => [file, list.slice(before.get(file))]));
    if (taken) verifyReused(rule, taken, found);
    reuse.keep(rule, found);
  }
  return out;
}

/** A reused rule's findings must be what running it gives: else its `reads` leaves something out. */
function verifyReused(rule: Rule, taken: Map<string | undefined, Problem[]>, found: Map<string | undefined, Problem[]>): void {
  const text = (m: Map<string | undefined, Problem[]>) => JSON.stringify([...m].filter(([, list]) => list.length > 0));
  if (text(taken) !== text(found))
    throw new Error(
      `rule '${rule.id}' gave other findings than the ones reused: its 'reads' leaves something out\nreused: ${text(taken)}\nfound: ${text(found)}`,
    );
}

/**
 * SPEC section 9: a finding at a reference whose person or team is defined in
 * another file of the organisation points at that definition.
 */
function definedElsewhere(model: RuleContext['model'], span: Span, file: string | undefined): RelatedInfo[] {
  const ref = span as Partial<Ref>;
  if (file === undefined || typeof ref.id !== 'string' || (ref.kind !== 'person' && ref.kind !== 'team')) return [];
  const entity = ref.kind === 'person' ? model.people.get(ref.id) : model.teams.get(ref.id);
  if (!entity || entity.key.file === undefined || entity.key.file === file) return [];
  return [{ ...entity.key, message: `${ref.kind === 'person' ? 'Person' : 'Team'} '${ref.id}' is defined here` }];
}
