// `--format json`: one array, a record per file, in the shape ESLint users
// already parse (SPEC section 7), plus `infoCount` and `hintCount`; as in
// ESLint, `fix` marks a message `--fix` would fix (ours says only that one
// exists: `true`), and the fixable counts are ESLint's.
import { escapeJson } from './escape';
import type { LintResult } from './results';

export function formatJson(results: readonly LintResult[]): string {
  const records = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fixable ? { fix: true } : {}),
    })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    hintCount: r.hintCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  }));
  return `${escapeJson(JSON.stringify(records))}\n`;
}
