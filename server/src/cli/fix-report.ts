// What `--fix-dry-run` shows: the unified diff `--fix` would write (made by
// the `diff` package, as `git diff` would print it) and, one line each, the
// fixes it leaves to a person.
import { createTwoFilesPatch } from 'diff';
import { getFixes, type Analysis } from '../engine';
import { escapeControl } from './escape';

/** A unified diff from `a/<name>` to `b/<name>`, or '' when nothing changes. Control characters escaped. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
  // The package starts with a line of '=' (its "Index:" banner); git's format does not have it.
  const body = patch.replace(/^=+\n/, '');
  return escapeControl(body, { keepLineBreaks: true });
}

/**
 * The "Disable <rule> for this line / file" actions the engine offers for every
 * finding: a way to silence it, not a suggestion to fix it.
 */
const SUPPRESSION_FIX = /^Disable \S+ for this (line|file)$/;

export interface Suggestion {
  line: number;
  ruleId: string;
  title: string;
}

/** The fixes that are not safe (so `--fix` did not apply them), per finding, in text order. */
export function suggestionsLeft(analysis: Analysis): Suggestion[] {
  const out: Suggestion[] = [];
  const problems = [...analysis.problems].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const problem of problems) {
    for (const fix of getFixes(analysis, problem)) {
      if (fix.kind === 'safe' || SUPPRESSION_FIX.test(fix.title)) continue;
      out.push({ line: analysis.lines.positionAt(problem.start).line + 1, ruleId: problem.ruleId, title: fix.title });
    }
  }
  return out;
}

/** `file:line rule title`, one line each, control characters escaped. */
export function formatSuggestions(name: string, suggestions: readonly Suggestion[]): string {
  return suggestions.map((s) => `${escapeControl(`${name}:${s.line}`)} ${s.ruleId} suggestion: ${escapeControl(s.title)}\n`).join('');
}
