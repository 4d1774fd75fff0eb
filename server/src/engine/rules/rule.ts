// What a rule is. One rule per file in this folder, and everything about it in
// that file (after Biome's `declare_lint_rule!`): its id, default severity,
// docs and rationale, the flags the engine reads instead of special-casing an
// id, the type of the data its check hands to its fixes, and the two
// functions. The registry (`registry.ts`), the schema's `settings.rules`, the
// README's rule table and docs/rules/README.md are generated from these
// (`npm run generate`).
import type { Document } from 'yaml';
import type { Analysis, EffectiveSettings } from '../types';
import type { LineIndex } from '../syntax/lines';
import type { Model } from '../model/model';
import type { SchemaError } from '../schema/schema';
import type { Fix, Problem, ProblemData, RelatedInfo, Severity, Span, Suppression } from '../types';

export interface RuleMeta<Id extends string = string> {
  id: Id;
  defaultSeverity: Severity;
  /** One line: what the rule checks (the README's table, the schema's `settings.rules`, SARIF). */
  description: string;
  /** Seed articles the position comes from (file names in shared/seeds), empty for format rules. */
  seeds: string[];
  /** What the rule index (docs/rules/README.md) says. */
  docs: {
    /** "Fires when", in full: the edge cases a user may wonder about. */
    firesWhen: string;
    /** The default-severity cell when the severity varies, e.g. "info (warning under the outcomes-first stance)". */
    severity?: string;
  };
  /**
   * Why the rule exists, in our words, and the ids of the quotes behind it
   * (the quotes themselves are in knowledge.ts). A finding's hover shows the
   * first untagged quote; every rule but role-split lists untagged quotes only,
   * so that its hover takes no side.
   */
  rationale: { why: string; quoteIds: string[] };

  // ---- flags: what the engine does differently for this rule ----
  /** No directive can silence it, and no "Disable …" fix is offered (a file that does not parse must never look clean). */
  unsuppressible?: boolean;
  /**
   * When the rule runs. `findings` (the default): with every other rule, before
   * suppressions are applied. `after-suppressions`: about the suppressions
   * themselves, so it runs on each file once that file's suppressions have been
   * applied (they say what they silenced), and its findings are fixed, never
   * disabled.
   */
  phase?: RulePhase;
  /** Still runs when the file does not parse (every other rule pauses until it does). */
  runsWhenParseFails?: boolean;
  /** Its findings are about text that does nothing: editors fade it out (LSP `Unnecessary`). */
  unnecessary?: boolean;
  /**
   * Its findings' hovers set every stance's words side by side (SPEC section 5):
   * the only finding hover a stance-tagged quote may appear in. Its data
   * carries the `reason` that made it fire.
   */
  stanceDebate?: boolean;
  /**
   * It compares a date of the file with today (an `until` that has come): its
   * hover says which day "today" is, the local calendar date of the machine
   * that runs the check.
   */
  comparesWithToday?: boolean;
  /**
   * Its findings carry a preview of every stance (`data.preview`) and its hover
   * lists it, with each stance's named quote side by side (SPEC 3 and 5).
   */
  stancePreview?: boolean;
  /**
   * Looks at one file at a time (its text, tree and schema errors), so it runs
   * on each file of an organisation on its own, and it is one of the few rules
   * a part file that no root includes still runs (SPEC section 9).
   */
  perFile?: boolean;
  /**
   * What of the organisation's model the check reads, and nothing else (not
   * the text, the tree or the schema errors): when none of it changed since
   * the last check of the same organisation (same settings, stance and
   * files), the host reuses the rule's findings, moved past the edit, instead
   * of running it again (rules/reuse.ts). Absent: it always runs.
   */
  reads?: RuleReads;
}

/** The fields of a person a rule may read. */
export type PersonField = 'name' | 'title' | 'email' | 'disciplines' | 'customerContact' | 'decisionAuthority' | 'until';

/** See RuleMeta.reads. */
export interface RuleReads {
  /** People: only which ids exist (`'ids'`), or these fields of them as well. */
  people?: 'ids' | readonly PersonField[];
  /** Products and their domains, with the references and vacant seats in them. */
  products?: boolean;
  /** Teams, with their references. */
  teams?: boolean;
}

/** The order rules run in: see RuleMeta.phase. */
export type RulePhase = 'findings' | 'after-suppressions';

/**
 * What a rule knows about the organisation it checks (SPEC section 9): its
 * files in order (the root first, then the include order), what went wrong
 * with the includes, and whether this is a part that no root includes.
 */
export interface OrganisationFacts {
  /** The root file's key; absent for a part that no root includes. */
  root?: string;
  /** Each file's key and own model, in the organisation's order. */
  files: { file: string | undefined; model: Model }[];
  /** `include` entries that cannot be part of this organisation, with why. */
  includeProblems: { span: Span; message: string; entry: string }[];
  /** A part file that no root includes, analysed alone. */
  orphan: boolean;
}

/** A problem of one rule, with the data its check reported. */
export type RuleProblem<Data extends ProblemData = ProblemData> = Omit<Problem, 'data'> & { data: Data };

export interface RuleContext<Data extends ProblemData = ProblemData> {
  /** The file being checked (a perFile rule), or the root (every other rule): findings at a span without a file go here. */
  file?: string;
  organisation: OrganisationFacts;
  text: string;
  doc: Document;
  model: Model;
  settings: EffectiveSettings;
  schemaErrors: SchemaError[];
  lines: LineIndex;
  /** The file's suppressions; in the after-suppressions phase, applied: each records what it silenced. */
  suppressions: readonly Suppression[];
  /**
   * After-suppressions phase: some rules of the findings phase did not run on
   * this file (it, or another file of the organisation, does not parse), so
   * "this suppression silenced nothing" cannot be said.
   */
  findingsPaused: boolean;
  /** Every rule there is (what a suppression may name). */
  rules: readonly RuleMeta[];
  /** Reports a finding; `severity` replaces the default (e.g. role-split's info case) unless the user set one. */
  report(span: Span, message: string, data: Data, severity?: Severity, related?: RelatedInfo[]): void;
}

export interface Rule<Data extends ProblemData = ProblemData, Id extends string = string> extends RuleMeta<Id> {
  check(ctx: RuleContext<Data>): void;
  /** Quick fixes for one of this rule's problems, computed from the analysis on demand. */
  fixes?(problem: RuleProblem<Data>, analysis: Analysis): Fix[];
}

/**
 * Declares a rule: `defineRule<Data>()({ id: 'my-rule', … })`. The id keeps its
 * literal type (so the registry yields a closed `RuleId` union) and `Data` is
 * what `check` reports and `fixes` receives.
 */
export function defineRule<Data extends ProblemData = Record<string, never>>() {
  return <const Id extends string>(rule: Rule<Data, Id>): Rule<Data, Id> => rule;
}

/** Whether a "Disable … for this line / file" fix is offered for the rule's findings. */
export function canBeDisabled(rule: RuleMeta): boolean {
  return !rule.unsuppressible && rule.phase !== 'after-suppressions';
}

export const DOCS_BASE = 'https://github.com/productteam/productteam/blob/main/docs/rules/';
