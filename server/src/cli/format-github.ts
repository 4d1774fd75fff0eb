// `--format github`: workflow commands that GitHub Actions turns into
// annotations on the pull request. Escaping follows the runner's own
// (actions/toolkit core/src/command.ts): `%`, CR and LF everywhere, and
// additionally `:` and `,` inside properties.
import type { Severity } from '../engine';
import { escapeControl } from './escape';
import { slashPath } from './paths';
import type { LintResult } from './results';

export interface GithubOptions {
  cwd: string;
}

const COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Text from users' files: control characters as visible escapes first (a CI
 * log renders ANSI); line breaks are left to escapeData, as the runner wants.
 */
function userData(s: string): string {
  return escapeData(escapeControl(s, { keepLineBreaks: true }));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[], options: GithubOptions): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(escapeControl(slashPath(result.filePath, options.cwd), { keepLineBreaks: true }));
    for (const m of result.messages) {
      const props =
        `file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},` +
        `title=${escapeProperty(escapeControl(m.ruleId, { keepLineBreaks: true }))}`;
      lines.push(`::${COMMAND[m.severity]} ${props}::${userData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
