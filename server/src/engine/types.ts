import type { ParseCache } from './incremental';

// The engine's vocabulary. Everything here is plain data measured in offsets
// into the document text; line/column only appear when a caller converts with
// LineIndex (see lines.ts), exactly once, at the edge.

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

export const STANCES = ['combined', 'separated', 'contextual', 'outcomes-first'] as const;
export type Stance = (typeof STANCES)[number];
export const STAGES = ['startup', 'scaleup', 'enterprise'] as const;
export type Stage = (typeof STAGES)[number];
export const LIFECYCLES = ['v1', 'growth', 'mature'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const DISCIPLINES = ['product', 'technology', 'ux', 'business', 'data', 'other'] as const;
export const CUSTOMER_CONTACTS = ['daily', 'weekly', 'monthly', 'rarely', 'never'] as const;
export const DECISION_AUTHORITIES = ['full', 'shared', 'needs-approval'] as const;

/** A half-open span of the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A minimal replacement of the text between two offsets. */
export interface TextEdit extends Span {
  newText: string;
}

/**
 * SPEC section 4: a `safe` fix only corrects the form of what the file already
 * says and cannot change who does what; a `suggestion` changes a fact about
 * people or roles, or adds a placeholder. Only safe fixes run in bulk.
 */
export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe (fix-all and `--fix` may apply it) or a suggestion (offered, never applied in bulk). */
  kind: FixKind;
  /** The one obviously right fix (only ever a safe one). */
  isPreferred?: boolean;
}

/**
 * What a problem's fixes need, carried with the problem so that a language
 * server can hand it back later (it travels as LSP `Diagnostic.data`).
 * Everything is JSON-serialisable.
 */
export interface ProblemData {
  /** Ids a fix may pick from (owners, product owners, closest ids, enum values…). */
  candidates?: string[];
  /** The id the problem is about (a person, team, domain or product id). */
  id?: string;
  /** Extra JSON payload specific to a rule. */
  [key: string]: unknown;
}

export interface Problem extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  data: ProblemData;
}

export interface AnalyzeOptions {
  /** Overrides `organization.stance` in the file (editor setting or `--stance`). */
  stance?: Stance;
  /** Severity per rule id; merged over the file's `settings.rules` (these win). */
  rules?: Record<string, RuleSetting>;
  /** Overrides `settings.maxDomainsPerPerson`. */
  maxDomainsPerPerson?: number;
  /** Today's date as YYYY-MM-DD, for `until` dates in suppressions. Defaults to the clock. */
  today?: string;
  /**
   * The parsed chunks of earlier texts of the same document, so that only what
   * changed is parsed again (the language server keeps one per open document).
   * Analyses made with one cache share nodes: each stays valid until the next.
   */
  parseCache?: ParseCache;
}
