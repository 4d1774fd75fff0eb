// Quick fixes: each rule's own, plus "Disable <id> for this line / file",
// and "fix all" (every problem whose rule offers exactly one fix).
import type { Analysis } from './types';
import { applyEdits } from './edits';
import { canBeDisabled, isRuleId, ruleById, UNSUPPRESSIBLE_RULES } from './rules';
import { isActive, type Suppression } from './suppressions';
import { analyze } from './analyze';
import type { AnalyzeOptions, Fix, Problem, TextEdit } from './types';

export { applyEdits };

export function getFixes(analysis: Analysis, problem: Problem): Fix[] {
  const rule = ruleById(problem.ruleId);
  let fixes: Fix[] = [];
  try {
    fixes = rule?.fixes?.(problem, analysis) ?? [];
  } catch {
    fixes = [];
  }
  fixes = fixes.filter((f) => f.edits.length > 0);
  // No "Disable …" for a rule that cannot be suppressed (a file that does not
  // parse must never look clean), nor for findings about suppressions (they are
  // fixed, not suppressed).
  if (!rule || canBeDisabled(rule)) fixes.push(disableForLine(analysis, problem), disableForFile(analysis, problem));
  return fixes;
}

function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
}

/** A directive a new id may be added to: it suppresses today and names every id it means (no expired or impossible date, no bad id). */
function extendable(analysis: Analysis, s: Suppression): boolean {
  return isActive(s, analysis.settings.today) && s.ruleIds.length > 0 && s.ruleIds.every((id) => isRuleId(id) && !UNSUPPRESSIBLE_RULES.has(id));
}

function disableForLine(analysis: Analysis, problem: Problem): Fix {
  const { lines, text } = analysis;
  const line = lines.positionAt(problem.start).line;
  const title = `Disable ${problem.ruleId} for this line`;
  const existing = analysis.suppressions.find((s) => s.kind === 'next-line' && s.line === line - 1 && extendable(analysis, s));
  if (existing) return { title, kind: 'suggestion', isSuppression: true, edits: [{ start: existing.idsEnd, end: existing.idsEnd, newText: `, ${problem.ruleId}` }] };
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))![0];
  return { title, kind: 'suggestion', isSuppression: true, edits: [{ start, end: start, newText: `${indent}# productteam-disable-next-line ${problem.ruleId}${eolOf(text)}` }] };
}

function disableForFile(analysis: Analysis, problem: Problem): Fix {
  const title = `Disable ${problem.ruleId} for this file`;
  // Only a file-wide disable that no enable ends, with no date at all: a dated one would expire for the new id too.
  const existing = analysis.suppressions.find((s) => s.kind === 'disable' && s.fileWide && s.endLine.size === 0 && s.except.size === 0 && s.until === undefined && s.untilSpan === undefined && extendable(analysis, s));
  if (existing) return { title, kind: 'suggestion', isSuppression: true, edits: [{ start: existing.idsEnd, end: existing.idsEnd, newText: `, ${problem.ruleId}` }] };
  return { title, kind: 'suggestion', isSuppression: true, edits: [{ start: 0, end: 0, newText: `# productteam-disable ${problem.ruleId}${eolOf(analysis.text)}` }] };
}

/** The edits of every fix that is the only candidate for its problem, without overlaps. */
export function getFixAllEdits(analysis: Analysis): TextEdit[] {
  const out: TextEdit[] = [];
  const seen = new Set<string>();
  const overlaps = (e: TextEdit) => out.some((o) => (e.start < o.end && o.start < e.end) || (e.start === e.end && o.start === o.end && e.start === o.start && e.newText === o.newText));
  for (const problem of analysis.problems) {
    const rule = ruleById(problem.ruleId);
    let fixes: Fix[] = [];
    try {
      fixes = (rule?.fixes?.(problem, analysis) ?? []).filter((f) => f.edits.length > 0);
    } catch {
      continue;
    }
    if (fixes.length !== 1) continue;
    const edits = fixes[0].edits;
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    if (edits.some(overlaps)) continue;
    seen.add(key);
    out.push(...edits);
  }
  return out;
}

/**
 * Fix-all as a whole-text operation (the CLI's --fix, the editor's fix-all):
 * applies getFixAllEdits, re-analyses, and repeats until nothing changes, so
 * applying it twice equals applying it once. Bounded, in case two fixes undo
 * each other.
 */
export function fixAllText(text: string, options: AnalyzeOptions = {}, maxPasses = 10): { text: string; passes: number } {
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = getFixAllEdits(analyze(current, { ...options, parseCache: undefined }));
    if (edits.length === 0) return { text: current, passes: pass };
    const next = applyEdits(current, edits);
    if (next === current) return { text: current, passes: pass };
    current = next;
  }
  return { text: current, passes: maxPasses };
}
