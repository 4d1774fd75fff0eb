// `--format stylish` (the default): ESLint's layout (SPEC section 7). Each
// file's name, then its findings in aligned `line:col  severity  message
// rule` columns, then one summary line with what `--fix` would fix. Clean
// runs print nothing, as ESLint's stylish does.
import type { Severity } from '../engine';
import { ANSI, painter } from './colors';
import { escapeControl } from './escape';
import { displayPath } from './paths';
import { totals, type LintResult } from './results';

export interface StylishOptions {
  cwd: string;
  color?: boolean;
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.blue,
  hint: ANSI.cyan,
};

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A finding is one line of output, whatever the message holds. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `✖ 9 problems (2 errors, 5 warnings, 2 infos), 3 fixable with --fix`, or '' when there is nothing. Infos and hints are named when there are some. */
export function summaryLine(results: readonly LintResult[], paint = painter(false)): string {
  const t = totals(results);
  const problems = t.errorCount + t.warningCount + t.infoCount + t.hintCount;
  if (problems === 0) return '';
  const fixable = results.reduce((n, r) => n + r.messages.filter((m) => m.fixable).length, 0);
  const counts = [plural(t.errorCount, 'error'), plural(t.warningCount, 'warning')];
  if (t.infoCount) counts.push(plural(t.infoCount, 'info'));
  if (t.hintCount) counts.push(plural(t.hintCount, 'hint'));
  const text = `\u2716 ${plural(problems, 'problem')} (${counts.join(', ')})${fixable ? `, ${fixable} fixable with --fix` : ''}`;
  const color = t.errorCount > 0 ? ANSI.red : t.warningCount > 0 ? ANSI.yellow : ANSI.blue;
  return `${paint(ANSI.bold + color, text)}\n`;
}

export function formatStylish(results: readonly LintResult[], options: StylishOptions): string {
  const paint = painter(options.color);
  let out = '';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => ({
      position: `${m.line}:${m.column}`,
      severity: m.severity as string,
      message: escapeControl(oneLine(m.message)),
      rule: escapeControl(m.ruleId),
    }));
    // Padded before painting, so escape codes never count as width.
    const width = (key: 'position' | 'severity' | 'message'): number => Math.max(...rows.map((r) => r[key].length));
    const [wPos, wSev, wMsg] = [width('position'), width('severity'), width('message')];
    out += `\n${paint(ANSI.underline, escapeControl(displayPath(result.filePath, options.cwd)))}\n`;
    for (const [i, r] of rows.entries()) {
      out +=
        `  ${paint(ANSI.dim, r.position.padEnd(wPos))}  ${paint(SEVERITY_COLOR[result.messages[i].severity], r.severity.padEnd(wSev))}` +
        `  ${r.message.padEnd(wMsg)}  ${paint(ANSI.dim, r.rule)}\n`;
    }
  }
  return out ? `${out}\n${summaryLine(results, paint)}` : '';
}
