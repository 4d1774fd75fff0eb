// What a rule is. One rule per file in this folder: its id, default severity,
// the seed article it comes from, its check, and the fixes it offers.
import type { Document } from 'yaml';
import type { Analysis, EffectiveSettings } from '../types';
import type { LineIndex } from '../lines';
import type { Model } from '../model';
import type { SchemaError } from '../schema';
import type { Fix, Problem, ProblemData, Severity, Span } from '../types';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Seed articles the position comes from (file names in shared/seeds), empty for format rules. */
  seeds: string[];
}

export interface RuleContext {
  text: string;
  doc: Document;
  model: Model;
  settings: EffectiveSettings;
  schemaErrors: SchemaError[];
  lines: LineIndex;
  /** Reports a finding; `severity` replaces the default (e.g. role-split's info case) unless the user set one. */
  report(span: Span, message: string, data?: ProblemData, severity?: Severity): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
  /** Quick fixes for one of this rule's problems, computed from the analysis on demand. */
  fixes?(problem: Problem, analysis: Analysis): Fix[];
}

export const DOCS_BASE = 'https://github.com/productteam/productteam/blob/main/docs/rules/';
