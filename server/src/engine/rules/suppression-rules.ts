// unused-suppression and expired-suppression: suppressions are code too, and
// rot like it. Both run after the other rules, once we know what each
// suppression silenced.
import type { EffectiveSettings } from '../analyze';
import { isExpired, type Suppression } from '../suppressions';
import type { Problem } from '../types';
import type { Rule } from './rule';

export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  defaultSeverity: 'hint',
  description: 'A suppression comment suppresses nothing, or names a rule that does not exist.',
  seeds: [],
  check() {},
  fixes(problem, analysis) {
    const s = analysis.suppressions.find((x) => x.start === problem.start);
    if (!s) return [];
    const lineStart = analysis.lines.lineStart(s.line);
    const lineEnd = analysis.lines.lineEnd(s.line);
    const alone = analysis.text.slice(lineStart, s.start).trim() === '';
    const end = alone ? Math.min(analysis.text.length, lineEnd + (analysis.text[lineEnd] === '\r' ? 2 : 1)) : s.end;
    const start = alone ? lineStart : s.start - (analysis.text.slice(0, s.start).match(/[ \t]*$/)?.[0].length ?? 0);
    const allUnused = (problem.data.unused as string[] | undefined)?.length === Math.max(1, s.ruleIds.length);
    return [{ title: 'Remove unused suppression', edits: [{ start, end, newText: '' }], kind: allUnused ? 'safe' : 'suggestion', isPreferred: allUnused }];
  },
};

export const expiredSuppression: Rule = {
  id: 'expired-suppression',
  defaultSeverity: 'warning',
  description: "A suppression's `until` date has passed, so it no longer suppresses.",
  seeds: [],
  check() {},
};

/** Findings about the suppressions themselves. */
export function checkSuppressions(suppressions: Suppression[], settings: EffectiveSettings, isRuleId: (id: string) => boolean): Problem[] {
  const out: Problem[] = [];
  const sev = (rule: Rule) => {
    const s = settings.ruleSettings.get(rule.id);
    return s === 'off' ? undefined : (s ?? rule.defaultSeverity);
  };
  const unusedSev = sev(unusedSuppression);
  const expiredSev = sev(expiredSuppression);
  for (const s of suppressions) {
    const what = s.ruleIds.length ? s.ruleIds.join(', ') : 'every rule';
    if (isExpired(s, settings.today)) {
      if (expiredSev)
        out.push({ ruleId: expiredSuppression.id, severity: expiredSev, start: s.start, end: s.end, message: `This suppression of ${what} expired on ${s.until}; the findings it hid are reported again. Fix them or extend the date.`, data: { until: s.until } });
      continue;
    }
    if (!unusedSev) continue;
    const unknown = s.ruleIds.filter((id) => !isRuleId(id));
    const unused = s.ruleIds.length === 0 ? (s.used.size ? [] : ['*']) : s.ruleIds.filter((id) => isRuleId(id) && !s.used.has(id));
    if (unknown.length)
      out.push({ ruleId: unusedSuppression.id, severity: unusedSev, start: s.start, end: s.end, message: `Unknown rule ${unknown.map((u) => `'${u}'`).join(', ')} in suppression comment.`, data: { unknown, unused } });
    else if (unused.length)
      out.push({ ruleId: unusedSuppression.id, severity: unusedSev, start: s.start, end: s.end, message: `Unused suppression: ${unused[0] === '*' ? 'nothing' : unused.join(', ')} ${s.kind === 'next-line' ? 'reports nothing on the next line' : 'reports nothing in this file'}.`, data: { unused } });
  }
  return out;
}
