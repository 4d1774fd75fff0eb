// What people write for an allowed value when they do not know the list:
// "engineering" means technology, not product (the closest by spelling). The
// schema's enum suggestions ask this table first, then spelling.
import { closest, safeCorrection } from '../text';

/** Written form (normalised: lower case, words split by one space) -> allowed value. */
const SYNONYMS: Record<string, string> = {
  // discipline
  engineering: 'technology',
  engineer: 'technology',
  dev: 'technology',
  developer: 'technology',
  development: 'technology',
  tech: 'technology',
  it: 'technology',
  software: 'technology',
  backend: 'technology',
  frontend: 'technology',
  architect: 'technology',
  architecture: 'technology',
  devops: 'technology',
  qa: 'technology',
  design: 'ux',
  designer: 'ux',
  ui: 'ux',
  'ui ux': 'ux',
  'user experience': 'ux',
  'user research': 'ux',
  sales: 'business',
  marketing: 'business',
  commercial: 'business',
  finance: 'business',
  operations: 'business',
  'customer success': 'business',
  'business analyst': 'business',
  pm: 'product',
  po: 'product',
  'product management': 'product',
  'product manager': 'product',
  'product owner': 'product',
  analytics: 'data',
  'data science': 'data',
  bi: 'data',
  // customerContact
  'every day': 'daily',
  always: 'daily',
  'every week': 'weekly',
  biweekly: 'weekly',
  fortnightly: 'weekly',
  'every month': 'monthly',
  quarterly: 'rarely',
  sometimes: 'rarely',
  occasionally: 'rarely',
  seldom: 'rarely',
  none: 'never',
  // decisionAuthority
  approval: 'needs-approval',
  'needs approval': 'needs-approval',
  'approval needed': 'needs-approval',
  'requires approval': 'needs-approval',
  limited: 'needs-approval',
  partial: 'shared',
  joint: 'shared',
  complete: 'full',
  autonomous: 'full',
  // stage
  'early stage': 'startup',
  seed: 'startup',
  'scale up': 'scaleup',
  corporate: 'enterprise',
  corporation: 'enterprise',
  large: 'enterprise',
  // stance
  split: 'separated',
  separate: 'separated',
  'two people': 'separated',
  combine: 'combined',
  'one person': 'combined',
  'same person': 'combined',
  depends: 'contextual',
  'it depends': 'contextual',
  hybrid: 'contextual',
  outcomes: 'outcomes-first',
  // lifecycle
  mvp: 'v1',
  beta: 'v1',
  alpha: 'v1',
  prototype: 'v1',
  new: 'v1',
  growing: 'growth',
  legacy: 'mature',
  stable: 'mature',
  established: 'mature',
  // team type
  stream: 'stream-aligned',
  feature: 'stream-aligned',
  'feature team': 'stream-aligned',
  'product team': 'stream-aligned',
  infrastructure: 'platform',
  infra: 'platform',
  enablement: 'enabling',
  coaching: 'enabling',
  specialist: 'complicated-subsystem',
  subsystem: 'complicated-subsystem',
  // severities
  warn: 'warning',
  information: 'info',
  err: 'error',
  disabled: 'off',
  disable: 'off',
};

/** Lower case, `-` and `_` read as spaces, blanks collapsed. */
export function normalise(v: string): string {
  return v
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/**
 * The allowed values a written value probably means, best first: the same
 * value in another case or with other separators (alone, when there is one),
 * then by meaning, then (alone) the one value it is the beginning of,
 * else by spelling. Never the value itself.
 */
export function suggestEnum(value: string, allowed: readonly string[]): string[] {
  return correctEnum(value, allowed).candidates;
}

/**
 * `suggestEnum`'s candidates, and the one a bulk fix may write: the value in
 * another case or with other separators, the one value it means by the
 * table above, or the one close value it is a likely typo of (`isLikelyTypo`);
 * a half-typed value (`te`) or a lookalike is only a suggestion.
 */
export function correctEnum(value: string, allowed: readonly string[]): { candidates: string[]; safe?: string } {
  const n = normalise(value);
  const same = allowed.filter((a) => normalise(a) === n && a !== value);
  if (same.length) return { candidates: same, ...(same.length === 1 ? { safe: same[0] } : {}) };
  const out: string[] = [];
  const meant = SYNONYMS[n];
  if (meant && allowed.includes(meant)) out.push(meant);
  // Half-typed (`pro`, `te`): the one allowed value it begins, not look-alikes by spelling (`ux`).
  const begun = n.length >= 2 ? allowed.filter((a) => normalise(a).startsWith(n)) : [];
  if (begun.length === 1 && out.length === 0) return { candidates: begun, ...(safeCorrection(value, begun) ? { safe: begun[0] } : {}) };
  const bySpelling = closest(value, allowed, Math.max(2, Math.ceil(value.length / 3)));
  for (const c of bySpelling) if (!out.includes(c) && c !== value) out.push(c);
  if (out.length !== 1) return { candidates: out };
  return { candidates: out, ...(out[0] === meant || safeCorrection(value, out) ? { safe: out[0] } : {}) };
}
