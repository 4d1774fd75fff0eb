// Quick fixes and fix-all. A diagnostic finds its problem again by rule id
// (`code`) and the offsets it carries in `data` (or its range, when the
// document moved on since), never by its message text.
// As in vscode-eslint and markdownlint, the quick-fix menu also offers "Fix
// all safe problems in this file" and, for every finding, "Show
// documentation for <rule id>"; a finding's only safe fix is preferred, so
// Ctrl+. then Enter applies it.
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic } from 'vscode-languageserver';
import type { Analysis, Problem, Snapshot } from '../engine';
import { diffEdits } from '../engine';
import {
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  diagnosticDataOf,
  problemDataOf,
  toFixAll,
  toQuickFix,
  toShowDocumentation,
  toSpan,
  type EditTarget,
} from './convert';

/** Whether an action of `kind` answers a request for `requested` (kinds are dot-separated hierarchies). */
function kindMatches(requested: string, kind: string): boolean {
  return requested === '' || kind === requested || kind.startsWith(`${requested}.`);
}

export function findProblem(analysis: Analysis, version: number | null, d: Diagnostic): Problem | undefined {
  const data = diagnosticDataOf(d);
  const ruleId = typeof d.code === 'string' ? d.code : data.ruleId;
  if (!ruleId) return undefined;
  const span =
    data.version === version && typeof data.start === 'number' && typeof data.end === 'number'
      ? { start: data.start, end: data.end }
      : toSpan(analysis, d.range);
  const same = analysis.problems.filter((p) => p.ruleId === ruleId && p.start === span.start && p.end === span.end);
  if (same.length <= 1) return same[0];
  const wanted = stableJson(problemDataOf(d));
  return same.find((p) => stableJson(p.data) === wanted) ?? same[0];
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** The document's quick fixes and fix-all, from the host's snapshot (`analysis` is the document's in it). */
export function codeActions(snap: Snapshot, analysis: Analysis, target: EditTarget, context: CodeActionContext): CodeAction[] {
  const only = context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => kindMatches(k, CodeActionKind.QuickFix))) {
    const docs: CodeAction[] = [];
    const documented = new Set<string>();
    let anySafe = false;
    for (const d of context.diagnostics) {
      // Some clients (ALE) echo diagnostics back without `source`; findProblem still matches rule and range.
      if (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE) continue;
      const problem = findProblem(analysis, target.version, d);
      if (!problem) continue;
      const fixes = snap.fixes(target.uri, problem);
      // Exactly one safe fix: that one is what the finding wants (SPEC section 6).
      const safe = fixes.filter((f) => f.kind === 'safe' && !f.isSuppression);
      anySafe ||= safe.length > 0;
      for (const fix of fixes) actions.push(toQuickFix(analysis, target, { ...fix, isPreferred: safe.length === 1 && fix === safe[0] }, d));
      if (!documented.has(problem.ruleId)) {
        documented.add(problem.ruleId);
        docs.push(toShowDocumentation(problem.ruleId, d));
      }
    }
    // After the finding's own fixes: fix-all, then the rules' pages (vscode-eslint's order).
    if (anySafe) {
      const fixAll = fixAllAction(snap, analysis, target, CodeActionKind.QuickFix);
      if (fixAll) actions.push(fixAll);
    }
    actions.push(...docs);
  }
  if (only?.some((k) => kindMatches(k, FIX_ALL_KIND))) {
    const fixAll = fixAllAction(snap, analysis, target, FIX_ALL_KIND);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The same fix-all as the CLI's --fix (safe fixes only, to a fixed point,
 * with the document's organisation around it), limited to this document and
 * sent back as the one edit that spans what changed; undefined when nothing
 * would change.
 */
function fixAllAction(snap: Snapshot, analysis: Analysis, target: EditTarget, kind: string): CodeAction | undefined {
  const fixed = snap.fixAll([target.uri]).texts.get(target.uri) ?? analysis.text;
  const edits = diffEdits(analysis.text, fixed);
  return edits.length ? toFixAll(analysis, target, edits, kind) : undefined;
}
