// `--format compact`: one `path:line:col severity message rule` line per
// finding (what grep, editors' problem matchers and `file:line` links read),
// then the summary line of stylish.
import { painter, ANSI } from './colors';
import { escapeControl } from './escape';
import { SEVERITY_COLOR, oneLine, summaryLine, type StylishOptions } from './format-stylish';
import { displayPath } from './paths';
import type { LintResult } from './results';

export function formatCompact(results: readonly LintResult[], options: StylishOptions): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeControl(displayPath(result.filePath, options.cwd));
    for (const m of result.messages) {
      lines.push(
        `${file}:${m.line}:${m.column} ${paint(SEVERITY_COLOR[m.severity], m.severity)} ${escapeControl(oneLine(m.message))} ${paint(ANSI.dim, escapeControl(m.ruleId))}`,
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n\n${summaryLine(results, paint)}` : '';
}
