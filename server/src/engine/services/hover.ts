// Hovers (SPEC section 5): a finding with why it matters (and, for
// role-split, both sides of the debate); a role key with what the role is; a
// stance or stage value with its school of thought; a person or team id with
// who they are and what they hold; any other key with the schema's words.
// Everything is markdown; a hover may combine several of these, findings first.
import type { Analysis, Problem, Span, Stance } from '../types';
import { STANCES } from '../types';
import { locate } from '../locate';
import { ruleById, ruleDocsUrl } from '../rules';
import {
  RULE_RATIONALE,
  ROLES,
  STAGE_INFO,
  STANCE_INFO,
  formatQuote,
  quotesById,
  quotesForStance,
  type Quote,
} from '../knowledge';
import { declarationAt } from './navigation';
import { personHover, teamHover } from './people';
import { describe, enumValuesAt, schemaAt } from './schemaInfo';

export interface HoverResult {
  markdown: string;
  span?: Span;
}

const SEPARATOR = '\n\n---\n\n';
const MAX_FINDINGS = 4;

type RoleKey = keyof typeof ROLES;

/** A role key where the format puts one: product/domain owner, domain PM/PO, team scrum master. */
function roleKeyAt(path: readonly (string | number)[]): RoleKey | undefined {
  const key = path[path.length - 1];
  if (path[0] === 'products' && path.length === 3 && key === 'owner') return 'owner';
  if (path[0] === 'products' && path.length === 5 && path[2] === 'domains' && (key === 'owner' || key === 'productManager' || key === 'productOwner')) return key;
  if (path[0] === 'teams' && path.length === 3 && key === 'scrumMaster') return 'scrumMaster';
  return undefined;
}

function quotes(qs: readonly Quote[], max: number): string {
  return qs.slice(0, max).map(formatQuote).join('\n\n');
}

/** The stance's curated quotes, or any quote that supports it. */
function stanceQuotes(stance: Stance): Quote[] {
  const curated = quotesById(STANCE_INFO[stance].quoteIds).filter((q) => q.stance === stance);
  return curated.length ? curated : quotesForStance(stance);
}

function roleSplitDebate(current: Stance): string {
  const side = (s: Stance, n: number): string => {
    const info = STANCE_INFO[s];
    const mark = s === current ? ' *(this file)*' : '';
    return `**${info.label}**${mark}\n\n${quotes(stanceQuotes(s), n)}`;
  };
  return [
    '#### Both sides of the debate',
    side('combined', 2),
    side('separated', 2),
    side('contextual', 1),
    side('outcomes-first', 1),
  ].join('\n\n');
}

function findingHover(analysis: Analysis, p: Problem): string {
  const rule = ruleById(p.ruleId);
  const parts = [`**${p.ruleId}** (${p.severity}): ${p.message}`];
  const why = RULE_RATIONALE[p.ruleId];
  if (why) parts.push(`*Why it matters:* ${why.why}`);
  else if (rule?.description) parts.push(rule.description);
  if (p.ruleId === 'role-split') parts.push(roleSplitDebate(analysis.settings.stance));
  else if (why?.quoteIds.length) parts.push(quotes(quotesById(why.quoteIds), 2));
  parts.push(`[Rule \`${p.ruleId}\`](${ruleDocsUrl(p.ruleId)})`);
  return parts.join('\n\n');
}

function roleHover(key: RoleKey): string {
  const role = ROLES[key];
  return [`### ${role.title} (\`${key}\`)`, role.summary, quotes(quotesById(role.quoteIds), 3)].filter(Boolean).join('\n\n');
}

function stanceHover(analysis: Analysis, stance: Stance): string {
  const info = STANCE_INFO[stance];
  const parts = [`### Stance: ${info.label}`, info.summary, quotes(quotesById(info.quoteIds), 3), `**What the rules do:** ${info.rules}`];
  if (analysis.settings.stanceSource === 'option' && analysis.settings.stance !== stance) {
    parts.push(`*The editor setting \`productteam.stance\` overrides this file: the rules follow \`${analysis.settings.stance}\`.*`);
  }
  return parts.filter(Boolean).join('\n\n');
}

function stageHover(stage: keyof typeof STAGE_INFO): string {
  const info = STAGE_INFO[stage];
  return [`### Stage: \`${stage}\``, info.summary, quotes(quotesById(info.quoteIds), 2), `**What the rules do:** ${info.rules}`]
    .filter(Boolean)
    .join('\n\n');
}

function valueText(analysis: Analysis, span: Span): string {
  return analysis.text.slice(span.start, span.end).replace(/^(["'])(.*)\1$/, '$2');
}

export function hoverAt(analysis: Analysis, offset: number): HoverResult | undefined {
  const sections: string[] = [];
  let span: Span | undefined;

  const findings = analysis.problems.filter((p) => p.start <= offset && (offset < p.end || (p.start === p.end && offset === p.start)));
  for (const p of findings.slice(0, MAX_FINDINGS)) sections.push(findingHover(analysis, p));
  if (findings.length) span = { start: findings[0].start, end: findings[0].end };

  const loc = locate(analysis, offset);
  const decl = declarationAt(analysis, offset);
  if (loc?.ref) {
    sections.push(loc.ref.kind === 'person' ? personHover(analysis.model, loc.ref.id) : teamHover(analysis.model, loc.ref.id));
    span ??= { start: loc.ref.start, end: loc.ref.end };
  } else if (decl) {
    sections.push(decl.kind === 'person' ? personHover(analysis.model, decl.id) : teamHover(analysis.model, decl.id));
    span ??= decl.span;
  } else if (loc) {
    const info = loc.on === 'key' ? keyInfo(loc.path) : valueInfo(analysis, loc.path, loc.span);
    if (info) {
      sections.push(info);
      span ??= loc.span;
    }
  }
  if (!sections.length) return undefined;
  return { markdown: sections.join(SEPARATOR), span };
}

function keyInfo(path: (string | number)[]): string | undefined {
  const role = roleKeyAt(path);
  if (role) return roleHover(role);
  return describe(schemaAt(path));
}

function valueInfo(analysis: Analysis, path: (string | number)[], span: Span): string | undefined {
  const value = valueText(analysis, span);
  if (path.length === 2 && path[0] === 'organization' && path[1] === 'stance' && (STANCES as readonly string[]).includes(value)) {
    return stanceHover(analysis, value as Stance);
  }
  if (path.length === 2 && path[0] === 'organization' && path[1] === 'stage' && value in STAGE_INFO) {
    return stageHover(value as keyof typeof STAGE_INFO);
  }
  const allowed = enumValuesAt(path).find((v) => String(v.value) === value);
  const doc = allowed?.markdownDescription ?? allowed?.description;
  return doc ? `\`${value}\`: ${doc}` : undefined;
}
