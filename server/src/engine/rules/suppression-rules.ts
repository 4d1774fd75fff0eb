// unused-suppression, expired-suppression and invalid-suppression:
// suppressions are code too, and rot like it. They run after the other rules,
// once we know what each suppression silenced.
//
//   # productteam-disable single-owner, vision-required   ← 'vision-required' suppresses nothing
//   # productteam-disable single-owners                   ← unknown rule: did you mean 'single-owner'?
//   # productteam-disable single-owner -- until 2026-13-45 ← not a real date: suppresses nothing
import type { Analysis } from '../types';
import { isExpired, type Suppression } from '../suppressions/suppressions';
import { didYouMean, safeCorrection, Suggester } from '../text';
import type { Fix, Problem, TextEdit } from '../types';
import { defineRule, type RuleMeta } from './rule';

/** Every finding about a suppression names the directive by where it starts. */
type AboutSuppression = { suppressionStart: number };
/** `id`: the unused id (absent for a directive without ids); `unused`: every unused id of the directive ('*' for one without ids). */
type UnusedSuppressionData = AboutSuppression & { id?: string; unused: string[] };
type ExpiredSuppressionData = AboutSuppression & { until?: string; revived: number };
type InvalidSuppressionData = AboutSuppression & {
  id?: string;
  reason: 'unsuppressible' | 'unknown-rule' | 'invalid-date' | 'unmatched-enable';
  candidates?: string[];
  safe?: string;
};

export const unusedSuppression = defineRule<UnusedSuppressionData>()({
  id: 'unused-suppression',
  defaultSeverity: 'hint',
  description: 'A suppression comment (or one rule id in it) suppresses nothing.',
  seeds: [],
  docs: {
    firesWhen: 'A suppression comment, or one rule id in it, suppresses nothing.',
  },
  rationale: {
    why: 'A suppression that suppresses nothing hides no finding today but will hide a real one tomorrow.',
    quoteIds: [],
  },
  phase: 'after-suppressions',
  unnecessary: true,
  check(ctx) {
    // Where the other rules paused, "it hides nothing" would be a lie.
    if (ctx.findingsPaused) return;
    const { isKnown, unsuppressible } = knownRules(ctx.rules);
    for (const s of ctx.suppressions) {
      if (s.kind === 'enable' || s.invalidUntil !== undefined || isExpired(s, ctx.settings.today)) continue;
      const base = { suppressionStart: s.start };
      if (s.ruleIds.length === 0) {
        if (s.used.size === 0) ctx.report({ start: s.start, end: s.end }, `Unused suppression: it hides nothing ${where(s)}.`, { ...base, unused: ['*'] });
        continue;
      }
      const unused = s.ruleIds.filter((id) => isKnown(id) && !unsuppressible.has(id) && !s.used.has(id));
      s.ruleIds.forEach((id, i) => {
        if (!unused.includes(id)) return;
        ctx.report({ start: s.idSpans[i].start, end: s.idSpans[i].end }, `Unused suppression: '${id}' reports nothing ${where(s)}.`, { ...base, id, unused });
      });
    }
  },
  fixes(problem, analysis) {
    const s = suppressionOf(problem, analysis);
    if (!s) return [];
    const unused = problem.data.unused ?? [];
    const id = problem.data.id;
    // The comment goes only when none of its ids is left.
    const edit = id === undefined || unused.length >= Math.max(1, s.ruleIds.length) ? removeComment(analysis, s) : removeId(analysis, s, s.ruleIds.indexOf(id));
    return [{ title: 'Remove unused suppression', kind: 'safe', isPreferred: true, edits: [edit] }];
  },
});

export const expiredSuppression = defineRule<ExpiredSuppressionData>()({
  id: 'expired-suppression',
  defaultSeverity: 'warning',
  description: "A suppression's `until` date has come, so it no longer suppresses.",
  seeds: [],
  docs: {
    firesWhen: "A suppression comment's `until YYYY-MM-DD` date has come: from that day on it no longer suppresses, and is reported.",
  },
  rationale: {
    why: 'A suppression with an until date was meant to be temporary; once the date has passed, the finding should be dealt with.',
    quoteIds: [],
  },
  comparesWithToday: true,
  phase: 'after-suppressions',
  check(ctx) {
    for (const s of ctx.suppressions) {
      if (s.kind === 'enable' || s.invalidUntil !== undefined || !isExpired(s, ctx.settings.today)) continue;
      const what = s.ruleIds.length ? s.ruleIds.join(', ') : 'every rule';
      const n = s.revived.length;
      const again =
        n === 0
          ? 'it hid nothing that is reported now'
          : `the ${n === 1 ? 'finding' : `${n} findings`} it hid (${[...new Set(s.revived)].join(', ')}) ${n === 1 ? 'is' : 'are'} reported again`;
      ctx.report(
        { start: s.start, end: s.end },
        `This suppression of ${what} expired on ${s.until}; ${again}. ${n === 0 ? 'Remove it or extend the date.' : n === 1 ? 'Fix it or extend the date.' : 'Fix them or extend the date.'}`,
        { suppressionStart: s.start, until: s.until, revived: n },
      );
    }
  },
  fixes(problem, analysis) {
    const s = suppressionOf(problem, analysis);
    if (!s) return [];
    const fixes: Fix[] = [{ title: 'Remove this suppression', kind: 'suggestion', edits: [removeComment(analysis, s)] }];
    if (s.until && s.untilSpan) {
      const later = addDays(analysis.settings.today > s.until ? analysis.settings.today : s.until, 90);
      fixes.push({ title: `Extend until ${later}`, kind: 'suggestion', edits: [{ ...s.untilSpan, newText: later }] });
    }
    return fixes;
  },
});

export const invalidSuppression = defineRule<InvalidSuppressionData>()({
  id: 'invalid-suppression',
  defaultSeverity: 'warning',
  description:
    'A suppression comment names an unknown rule or `yaml-syntax`, has an `until` that is not a real date, or is an `enable` with no open `disable`.',
  seeds: [],
  docs: {
    firesWhen:
      'A suppression comment names an unknown rule or `yaml-syntax`, has an `until` that is not a real date, or is an `enable` with no open `disable`.',
  },
  rationale: {
    why: 'A suppression that names no real rule, or a date that does not exist, silences nothing while looking as if it did; one that names yaml-syntax would hide a file that does not parse.',
    quoteIds: [],
  },
  phase: 'after-suppressions',
  check(ctx) {
    const { isKnown, unsuppressible, suggester } = knownRules(ctx.rules);
    for (const s of ctx.suppressions) {
      const base = { suppressionStart: s.start };
      s.ruleIds.forEach((id, i) => {
        const span = { start: s.idSpans[i].start, end: s.idSpans[i].end };
        if (unsuppressible.has(id)) {
          ctx.report(span, `'${id}' cannot be suppressed: a file that does not parse is never clean. Fix the YAML instead.`, {
            ...base,
            id,
            reason: 'unsuppressible',
          });
        } else if (!isKnown(id)) {
          const candidates = suggester.suggest(id, 3).slice(0, 3);
          // Naming the same rule twice in one directive is not a correction.
          const safe = safeCorrection(id, candidates, (c) => s.ruleIds.includes(c));
          ctx.report(span, `Unknown rule '${id}' in suppression comment.${didYouMean(candidates, safe)}`, {
            ...base,
            id,
            reason: 'unknown-rule',
            candidates,
            ...(safe ? { safe } : {}),
          });
        }
      });
      if (s.invalidUntil !== undefined && s.untilSpan) {
        ctx.report(
          { start: s.untilSpan.start, end: s.untilSpan.end },
          `'${s.invalidUntil}' is not a real date (YYYY-MM-DD), so this suppression suppresses nothing.`,
          { ...base, reason: 'invalid-date' },
        );
      }
      if (s.kind === 'enable') {
        for (const id of s.unmatched.filter((u) => u === '*' || (isKnown(u) && !unsuppressible.has(u)))) {
          const span = id === '*' ? s : s.idSpans[s.ruleIds.indexOf(id)];
          ctx.report(
            { start: span.start, end: span.end },
            id === '*'
              ? "This 'productteam-enable' has no open 'productteam-disable' to end."
              : `This 'productteam-enable' of '${id}' has no open 'productteam-disable' of it to end.`,
            { ...base, reason: 'unmatched-enable' },
          );
        }
      }
    }
  },
  fixes(problem, analysis) {
    const s = suppressionOf(problem, analysis);
    if (!s) return [];
    const fixes: Fix[] = [];
    const candidates = problem.data.candidates ?? [];
    if (problem.data.reason === 'unknown-rule') {
      const safe = problem.data.safe;
      for (const c of candidates)
        fixes.push({
          title: `Change to '${c}'`,
          kind: c === safe ? 'safe' : 'suggestion',
          isPreferred: c === safe || undefined,
          edits: [{ start: problem.start, end: problem.end, newText: c }],
        });
    }
    fixes.push({ title: 'Remove this directive', kind: 'suggestion', edits: [removeComment(analysis, s)] });
    return fixes;
  },
});

function suppressionOf(problem: Problem, analysis: Analysis): Suppression | undefined {
  const at = problem.data.suppressionStart;
  return analysis.suppressions.find((x) => x.start === at);
}

function lineBreakAt(text: string, i: number): number {
  if (text[i] === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return text[i] === '\n' ? 1 : 0;
}

/** The comment, with its line when it stands alone, else with the blanks before it. */
function removeComment(analysis: Analysis, s: Suppression): TextEdit {
  const { text, lines } = analysis;
  const lineStart = lines.lineStart(s.line);
  const lineEnd = lines.lineEnd(s.line);
  if (text.slice(lineStart, s.start).trim() === '' && text.slice(s.end, lineEnd).trim() === '') {
    return { start: lineStart, end: lineEnd + lineBreakAt(text, lineEnd), newText: '' };
  }
  let start = s.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: s.end, newText: '' };
}

/** One id of several, with the comma that joins it to a neighbour. */
function removeId(analysis: Analysis, s: Suppression, i: number): TextEdit {
  if (i < 0 || s.ruleIds.length < 2) return removeComment(analysis, s);
  if (i + 1 < s.idSpans.length) return { start: s.idSpans[i].start, end: s.idSpans[i + 1].start, newText: '' };
  return { start: s.idSpans[i - 1].end, end: s.idSpans[i].end, newText: '' };
}

function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function where(s: Suppression): string {
  if (s.kind === 'next-line') return 'on the next line';
  if (s.kind === 'line') return 'on this line';
  if (s.fileWide && s.endLine.size === 0) return 'in this file';
  return 'from here to its enable or the end of the file';
}

/** What the registry says about suppressing, worked out once per registry. */
let known: { rules: readonly RuleMeta[]; isKnown: (id: string) => boolean; unsuppressible: Set<string>; suggester: Suggester } | undefined;

function knownRules(rules: readonly RuleMeta[]): NonNullable<typeof known> {
  if (known?.rules !== rules) {
    const ids = new Set(rules.map((r) => r.id));
    const unsuppressible = new Set(rules.filter((r) => r.unsuppressible).map((r) => r.id));
    known = { rules, isKnown: (id) => ids.has(id), unsuppressible, suggester: new Suggester([...ids].filter((id) => !unsuppressible.has(id))) };
  }
  return known;
}
