// Default output: one `path:line:col severity message rule-id` line per
// finding (SPEC section 7), grouped by file, then a one-line summary.
// Clean runs print nothing, as ESLint's stylish does.
import type { Severity } from '../engine';
import { escapeControl } from './escape';
import { displayPath } from './paths';
import { totals, type LintResult } from './results';

export interface StylishOptions {
  cwd: string;
  color?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.blue,
  hint: ANSI.cyan,
};

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  const paint = (code: string, s: string): string => (options.color ? `${code}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeControl(displayPath(result.filePath, options.cwd));
    for (const m of result.messages) {
      lines.push(
        `${file}:${m.line}:${m.column} ${paint(SEVERITY_COLOR[m.severity], m.severity)} ` +
          `${escapeControl(oneLine(m.message))} ${paint(ANSI.dim, escapeControl(m.ruleId))}`,
      );
    }
  }
  if (lines.length === 0) return '';
  const t = totals(results);
  const summary =
    `\u2716 ${plural(lines.length, 'problem')} (${plural(t.errorCount, 'error')}, ` +
    `${plural(t.warningCount, 'warning')}, ${plural(t.infoCount, 'info')}, ${plural(t.hintCount, 'hint')})`;
  const summaryColor = t.errorCount > 0 ? ANSI.red : t.warningCount > 0 ? ANSI.yellow : ANSI.blue;
  return `${lines.join('\n')}\n\n${paint(ANSI.bold + summaryColor, summary)}\n`;
}

/** A finding is one line of output, whatever the message holds. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
