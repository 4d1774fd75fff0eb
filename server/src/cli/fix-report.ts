// What `--fix-dry-run` shows: the unified diff `--fix` would write (made by
// the `diff` package, as `git diff` would print it) and, one line each, the
// fixes it leaves to a person.
import { createTwoFilesPatch } from 'diff';
import { getFixes, ruleById, todayNote, type Analysis } from '../engine';
import { escapeControl } from './escape';

/** A unified diff from `a/<name>` to `b/<name>`, or '' when nothing changes. Control characters escaped. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
  // The package starts with a line of '=' (its "Index:" banner); git's format does not have it.
  const body = patch.replace(/^=+\n/, '');
  return escapeControl(body, { keepLineBreaks: true });
}

export interface Suggestion {
  line: number;
  ruleId: string;
  title: string;
  /** Set when the finding compared a date with today: which day that was. */
  today?: string;
}

/** The fixes that are not safe (so `--fix` did not apply them), per finding, in text order. */
export function suggestionsLeft(analysis: Analysis): Suggestion[] {
  const out: Suggestion[] = [];
  const problems = [...analysis.problems].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const problem of problems) {
    for (const fix of getFixes(analysis, problem)) {
      // "Disable … for this line / file" silences a finding; it is not a suggestion to fix it.
      if (fix.kind === 'safe' || fix.isSuppression) continue;
      const today = ruleById(problem.ruleId)?.comparesWithToday ? { today: analysis.settings.today } : {};
      out.push({ line: analysis.lines.positionAt(problem.start).line + 1, ruleId: problem.ruleId, title: fix.title, ...today });
    }
  }
  return out;
}

/** `file:line rule title`, one line each (with which day is today when a date was compared), control characters escaped. */
export function formatSuggestions(name: string, suggestions: readonly Suggestion[]): string {
  return suggestions
    .map((s) => `${escapeControl(`${name}:${s.line}`)} ${s.ruleId} suggestion: ${escapeControl(s.title)}${s.today ? ` (${todayNote(s.today)})` : ''}\n`)
    .join('');
}
