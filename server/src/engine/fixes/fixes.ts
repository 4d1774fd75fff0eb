// Quick fixes: each rule's own, plus "Disable <id> for this line / file",
// and fix-all: for each problem its single safe fix, to a fixed point.
import { parseDocument } from 'yaml';
import type { Analysis } from '../types';
import { addDuplicateKeyErrors } from '../syntax/duplicates';
import { applyEdits, eolOf } from './edits';
import { PARSE_OPTIONS } from '../syntax/incremental';
import { canBeDisabled, isRuleId, ruleById, UNSUPPRESSIBLE_RULES } from '../rules';
import { isActive, type Suppression } from '../suppressions/suppressions';
import { analyze } from '../host/analyze';
import type { AnalyzeOptions, Fix, Problem, TextEdit } from '../types';

export { applyEdits };

export function getFixes(analysis: Analysis, problem: Problem): Fix[] {
  const rule = ruleById(problem.ruleId);
  let fixes: Fix[] = [];
  try {
    fixes = rule?.fixes?.(problem, analysis) ?? [];
  } catch {
    fixes = [];
  }
  // Only a safe fix may be preferred (SPEC section 4), whatever a rule says.
  fixes = fixes.filter((f) => f.edits.length > 0).map((f) => (f.isPreferred && f.kind !== 'safe' ? { ...f, isPreferred: false } : f));
  // No "Disable …" for a rule that cannot be suppressed (a file that does not
  // parse must never look clean), nor for findings about suppressions (they are
  // fixed, not suppressed).
  if (!rule || canBeDisabled(rule)) {
    fixes.push(disableForLine(analysis, problem));
    const forFile = disableForFile(analysis, problem);
    if (forFile) fixes.push(forFile);
  }
  return fixes;
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
  if (existing)
    return { title, kind: 'suggestion', isSuppression: true, edits: [{ start: existing.idsEnd, end: existing.idsEnd, newText: `, ${problem.ruleId}` }] };
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))![0];
  return {
    title,
    kind: 'suggestion',
    isSuppression: true,
    edits: [{ start, end: start, newText: `${indent}# productteam-disable-next-line ${problem.ruleId}${eolOf(text)}` }],
  };
}

function disableForFile(analysis: Analysis, problem: Problem): Fix | undefined {
  const title = `Disable ${problem.ruleId} for this file`;
  // An `enable` for this rule (or a bare one) would end a disable written at the top before it reaches
  // the finding: "for this file" would be untrue, so it is not offered (the line fix still is).
  if (analysis.suppressions.some((s) => s.kind === 'enable' && (s.ruleIds.length === 0 || s.ruleIds.includes(problem.ruleId)))) return undefined;
  // Only a file-wide disable that no enable ends, with no date at all: a dated one would expire for the new id too.
  const existing = analysis.suppressions.find(
    (s) =>
      s.kind === 'disable' &&
      s.fileWide &&
      s.endLine.size === 0 &&
      s.except.size === 0 &&
      s.until === undefined &&
      s.untilSpan === undefined &&
      extendable(analysis, s),
  );
  if (existing)
    return { title, kind: 'suggestion', isSuppression: true, edits: [{ start: existing.idsEnd, end: existing.idsEnd, newText: `, ${problem.ruleId}` }] };
  return {
    title,
    kind: 'suggestion',
    isSuppression: true,
    edits: [{ start: 0, end: 0, newText: `# productteam-disable ${problem.ruleId}${eolOf(analysis.text)}` }],
  };
}

/** Whether two edits touch: overlapping replacements, or an insertion at or inside another edit. */
function touches(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** The fix fix-all may apply for a problem: its single safe fix, when it has exactly one. */
function bulkFixOf(analysis: Analysis, problem: Problem): Fix | undefined {
  const rule = ruleById(problem.ruleId);
  let fixes: Fix[];
  try {
    fixes = (rule?.fixes?.(problem, analysis) ?? []).filter((f) => f.edits.length > 0 && f.kind === 'safe');
  } catch {
    return undefined;
  }
  return fixes.length === 1 ? fixes[0] : undefined;
}

/** yaml's error counts by code: what a bulk edit must never add to. */
function yamlErrorCounts(text: string): Map<string, number> {
  const doc = parseDocument(text, PARSE_OPTIONS);
  addDuplicateKeyErrors(doc);
  const counts = new Map<string, number>();
  for (const e of doc.errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  return counts;
}

function noWorse(before: Map<string, number>, after: Map<string, number>): boolean {
  for (const [code, n] of after) if (n > (before.get(code) ?? 0)) return false;
  return true;
}

/**
 * One pass of fix-all: for each problem, its single safe fix (SPEC section 4),
 * never two edits that touch each other, and never a set of edits that makes
 * the file parse worse (two edits adding the same key, say). What is left out
 * here is picked up by the next pass of fixAllText.
 */
export function getFixAllEdits(analysis: Analysis): TextEdit[] {
  const chosen: TextEdit[][] = [];
  const seen = new Set<string>();
  for (const problem of analysis.problems) {
    const fix = bulkFixOf(analysis, problem);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => i < j && touches(e, o)))) continue;
    if (chosen.some((edits) => edits.some((o) => fix.edits.some((e) => touches(e, o))))) continue;
    seen.add(key);
    chosen.push(fix.edits);
  }
  if (chosen.length === 0) return [];
  const before = yamlErrorCounts(analysis.text);
  const all = chosen.flat();
  if (noWorse(before, yamlErrorCounts(applyEdits(analysis.text, all)))) return all;
  // Some combination breaks the file: keep each fix only if it leaves it no worse with the ones kept so far.
  const kept: TextEdit[] = [];
  for (const edits of chosen) {
    if (noWorse(before, yamlErrorCounts(applyEdits(analysis.text, [...kept, ...edits])))) kept.push(...edits);
  }
  return kept;
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

/**
 * The smallest single edit that turns `before` into `after` (their common
 * prefix and suffix kept), or none when they are equal: how a whole-text
 * result goes back to an editor without replacing the whole file.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a CRLF pair or a surrogate pair.
  const splits = (at: number): boolean =>
    (before[at - 1] === '\r' && before[at] === '\n') || (isHighSurrogate(before.charCodeAt(at - 1)) && isLowSurrogate(before.charCodeAt(at)));
  while (start > 0 && splits(start)) start--;
  while (end > 0 && splits(before.length - end)) end--;
  return [{ start, end: before.length - end, newText: after.slice(start, after.length - end) }];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
