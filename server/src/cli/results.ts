// The CLI's plain results shape: what every formatter reads. Built once per
// file from the engine's Analysis, converting offsets to 1-based line/column
// here and nowhere else in the CLI.
import type { Problem, Severity } from '../engine';

/** One finding, 1-based; `endColumn` is exclusive (ESLint and SARIF agree). */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix exists: `--fix` would apply it. */
  fixable: boolean;
}

/** One file's findings: ESLint's JSON record, plus info and hint counts. */
export interface LintResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  /** Errors and warnings that `--fix` would fix (ESLint's fields). */
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** What the CLI knows about one linted file. */
export interface LintInput {
  filePath: string;
  text: string;
  analysis: {
    problems: readonly Problem[];
    lines: { positionAt(offset: number): { line: number; character: number } };
  };
  /** Whether a finding has a safe fix; none has when not given. */
  fixable?: (problem: Problem) => boolean;
}

export interface ResultOptions {
  /** Errors only: drop every other finding from messages and counts. */
  quiet?: boolean;
}

export function toLintResult(input: LintInput, options: ResultOptions = {}): LintResult {
  const { lines } = input.analysis;
  const problems = [...input.analysis.problems].filter((p) => !options.quiet || p.severity === 'error').sort((a, b) => a.start - b.start || a.end - b.end);
  const messages = problems.map((p): LintMessage => {
    const start = lines.positionAt(p.start);
    const end = lines.positionAt(Math.max(p.start, p.end));
    return {
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      fixable: input.fixable?.(p) ?? false,
    };
  });
  return {
    filePath: input.filePath,
    messages,
    ...countBySeverity(messages),
    fixableErrorCount: messages.filter((m) => m.fixable && m.severity === 'error').length,
    fixableWarningCount: messages.filter((m) => m.fixable && m.severity === 'warning').length,
  };
}

export interface SeverityCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
}

export function countBySeverity(messages: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { errorCount: 0, warningCount: 0, infoCount: 0, hintCount: 0 };
  for (const m of messages) counts[`${m.severity}Count`]++;
  return counts;
}

export function totals(results: readonly LintResult[]): SeverityCounts {
  const t: SeverityCounts = { errorCount: 0, warningCount: 0, infoCount: 0, hintCount: 0 };
  for (const r of results) {
    t.errorCount += r.errorCount;
    t.warningCount += r.warningCount;
    t.infoCount += r.infoCount;
    t.hintCount += r.hintCount;
  }
  return t;
}
