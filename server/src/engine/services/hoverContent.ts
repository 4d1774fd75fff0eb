// What the hovers say (SPEC section 5), as pure functions that return
// markdown: the LSP layer only finds what is under the cursor and calls these.
//
// Neutral: a quote tagged with a stance appears only where every stance is
// shown side by side (the role-split finding and the `stance` value); every
// other hover shows untagged quotes or plain words. Text from the user's file
// goes in only through escapeMarkdown / inlineCode.
import type { EffectiveSettings } from '../types';
import {
  EVERY_STANCE_NOTE_ID,
  FRAMEWORK_INFO,
  LIFECYCLE_INFO,
  ROLES,
  ROLE_SPLIT_REASONS,
  STAGE_INFO,
  STANCE_INFO,
  formatQuote,
  quoteById,
  type Quote,
  type RoleSplitReason,
  type SettingInfo,
} from '../knowledge/knowledge';
import { escapeMarkdown, inlineCode } from './markdown';
import type { Domain, Model, Person, Product, Team } from '../model/model';
import { ruleById, ruleDocsUrl } from '../rules';
import { STANCES, type Problem, type Stance } from '../types';

export { escapeMarkdown, inlineCode } from './markdown';

/** Between the sections of one hover (findings first, then what the cursor is on). */
export const HOVER_SEPARATOR = '\n\n---\n\n';

/** SPEC section 5: a diagnostic's hover stays under this many characters of markdown. */
export const MAX_FINDING_HOVER_LENGTH = 1500;

export type RoleKey = keyof typeof ROLES;
type Settings = Pick<EffectiveSettings, 'stance' | 'stanceSource'> & Partial<Pick<EffectiveSettings, 'today'>>;

/** Only an untagged quote may stand in a hover that does not show every stance. */
function untagged(id: string | undefined): Quote | undefined {
  const q = id === undefined ? undefined : quoteById(id);
  return q && q.stance === undefined ? q : undefined;
}

function quote(id: string): string {
  const q = quoteById(id);
  return q ? formatQuote(q) : '';
}

function join(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

function ruleLink(ruleId: string, text = `Rule \`${ruleId}\``): string {
  return `[${text}](${ruleDocsUrl(ruleId)})`;
}

// ---- findings ----

/**
 * The finding, once: the editor already shows the message beside the hover
 * (SPEC section 5), so the hover names the rule and its severity and adds to it.
 */
function findingLine(p: Problem): string {
  return `**${p.ruleId}** (${p.severity})`;
}

/**
 * The hover of one finding: the finding, why it matters, at most one quote, the rule page.
 * `short`: the finding and its page only, when the whole hover would pass SPEC 5's limit.
 */
export function findingHover(p: Problem, settings: Settings, short = false): string {
  const rule = ruleById(p.ruleId);
  if (short) return join([findingLine(p), ruleLink(p.ruleId)]);
  if (rule?.stanceDebate) return roleSplitHover(p, settings);
  if (rule?.stancePreview) return stancePreviewHover(p);
  const why = rule?.rationale;
  const q = why?.quoteIds.map(untagged).find((x) => x !== undefined);
  return join([
    findingLine(p),
    rule?.comparesWithToday && settings.today ? todayLine(settings.today) : undefined,
    why ? `*Why it matters:* ${why.why}` : undefined,
    q ? formatQuote(q) : undefined,
    ruleLink(p.ruleId),
  ]);
}

/** Which day an `until` was compared with, in the same words in the hover and in `--fix-dry-run`. */
export function todayNote(today: string): string {
  return `today is ${today}, the local calendar date of the machine that runs the check (not UTC)`;
}

function todayLine(today: string): string {
  return `*Dates:* ${todayNote(today)}.`;
}

/** SPEC section 5 (revision 3): the role-split section of a hover stays under this many characters. */
export const MAX_DEBATE_HOVER_LENGTH = 1800;

/** SPEC section 5 (revision 3): everything a hover shows at one position (findings, then the key or person) stays under this. */
export const MAX_HOVER_LENGTH = 2500;

/**
 * The stance debate (role-split): the quotes of the stance that made it fire
 * first (for contextual, Peltier's sentence for the reason, then the stance's
 * own thesis), then the named quote of each other stance, Aaron's note that
 * holds under every stance, and the rule page with the full debate.
 */
export function roleSplitHover(p: Problem, settings: Settings): string {
  const reasonId = String(p.data.reason ?? settings.stance) as RoleSplitReason;
  const reason = ROLE_SPLIT_REASONS[reasonId] ?? ROLE_SPLIT_REASONS.combined;
  const others = STANCES.filter((s) => s !== reason.stance).map((s) => `**${s}**\n\n${quote(STANCE_INFO[s].quoteId)}`);
  return join([
    findingLine(p),
    `*The articles disagree; the stance in force is \`${settings.stance}\`.*`,
    `**${reason.stance}** (why this fired)\n\n${reason.quoteIds.map(quote).join('\n\n')}`,
    ...others,
    `*Under every stance:*\n\n${quote(EVERY_STANCE_NOTE_ID)}`,
    ruleLink(p.ruleId, 'The full debate'),
  ]);
}

interface PreviewEntry {
  stance: Stance;
  count: number;
  domains: { domain: string; reason: string }[];
}

/**
 * The stance preview (stance-declared): for each stance, what it would report
 * here (up to five domains, with the reason in a few words) and its named
 * quote, side by side; the tool takes no side and hides no consequence.
 */
export function stancePreviewHover(p: Problem): string {
  const preview = (Array.isArray(p.data.preview) ? p.data.preview : []) as PreviewEntry[];
  const build = (listed: number): string => {
    const parts = preview.map((e) => {
      const what = e.stance === 'outcomes-first' ? 'outcomes-defined warnings' : 'role-split findings';
      const head = `**${e.stance}**: ${e.count} ${what}`;
      const shown = e.domains.slice(0, listed);
      const names = shown.map((d) => `${inlineCode(d.domain)} (${escapeMarkdown(d.reason)})`).join(', ');
      const more = e.count > shown.length ? `, and ${e.count - shown.length} more` : '';
      return join([names ? `${head}: ${names}${more}` : head, quote(STANCE_INFO[e.stance].quoteId)]);
    });
    return join([findingLine(p), '*What each stance would report here:*', ...parts, ruleLink(p.ruleId)]);
  };
  // Up to five domains per stance (SPEC 3), fewer when long ids would pass the debate hovers' limit (SPEC 5).
  for (let listed = 5; listed > 0; listed--) {
    const md = build(listed);
    if (md.length < MAX_DEBATE_HOVER_LENGTH) return md;
  }
  return build(0);
}

// ---- keys and values ----

/** On `productManager`, `productOwner`, `owner`, `scrumMaster`: what the role is, with untagged quotes (none when `short`). */
export function roleHover(key: RoleKey, short = false): string {
  const role = ROLES[key];
  if (short) return join([`### ${role.title} (\`${key}\`)`, role.summary]);
  const quotes = role.quoteIds
    .map(untagged)
    .filter((q): q is Quote => q !== undefined)
    .slice(0, 3)
    .map(formatQuote);
  return join([`### ${role.title} (\`${key}\`)`, role.summary, ...quotes]);
}

const VACANT_MEANS: Record<RoleKey, string> = {
  productOwner: "the domain's product manager holds the product owner role too",
  productManager: "with no owner, the domain's owner is then its sole product owner",
  owner: "a domain's owner is then its product manager; a product has no owner unless it has exactly one domain",
  scrumMaster: 'the team has no scrum master',
};

/** On a role seat written empty (`productOwner: ~`): that the seat is vacant, and (unless `short`) what the role is. */
export function vacantHover(key: RoleKey, short = false): string {
  const line = `**Vacant** ${inlineCode(key)}: the seat is empty, and the rules read it as if the key were missing (${VACANT_MEANS[key]}).`;
  return short ? line : join([line, roleHover(key)]);
}

/** On a `stance` value: that school of thought first, then the other three, one quote each, and what the rules do. */
export function stanceHover(stance: Stance, settings: Settings): string {
  const info = STANCE_INFO[stance];
  const others = STANCES.filter((s) => s !== stance).map((s) => `**${STANCE_INFO[s].label}**\n\n${quote(STANCE_INFO[s].quoteId)}`);
  const parts = [
    `### Stance: ${info.label}`,
    info.summary,
    quote(info.quoteId),
    `**What the rules do:** ${info.rules}`,
    '#### The other schools of thought',
    ...others,
  ];
  if (settings.stanceSource === 'option' && settings.stance !== stance) {
    parts.push(`*The editor setting \`productteam.stance\` overrides this file: the rules follow \`${settings.stance}\`.*`);
  }
  return join(parts);
}

function settingHover(title: string, info: SettingInfo): string {
  return join([title, info.summary, `**What the rules do:** ${info.rules}`]);
}

/** On an `organization.stage` value, in plain words. */
export function stageHover(stage: keyof typeof STAGE_INFO): string {
  return settingHover(`### Stage: \`${stage}\``, STAGE_INFO[stage]);
}

/** On a `products.*.lifecycle` value, in plain words. */
export function lifecycleHover(lifecycle: keyof typeof LIFECYCLE_INFO): string {
  return settingHover(`### Lifecycle: \`${lifecycle}\``, LIFECYCLE_INFO[lifecycle]);
}

/** On an `organization.framework` value, in plain words. */
export function frameworkHover(framework: keyof typeof FRAMEWORK_INFO): string {
  return settingHover(`### Framework: \`${framework}\``, FRAMEWORK_INFO[framework]);
}

/** An enum value with its schema description (the value is the user's text, so it is fenced). */
export function enumValueHover(value: string, doc: string): string {
  return `${inlineCode(value)}: ${doc}`;
}

// ---- people and teams ----

const ROLE_LABEL = {
  owner: 'Accountable owner',
  productManager: 'Product manager',
  productOwner: 'Product owner',
  scrumMaster: 'Scrum master',
  members: 'Member',
  stakeholders: 'Stakeholder',
} as const;

/** `**Name** (`id`)`, or the id alone; both escaped. */
function label(e: { id: string; name?: string }): string {
  return e.name ? `**${escapeMarkdown(e.name)}** (${inlineCode(e.id)})` : `**${inlineCode(e.id)}**`;
}

function domainLabel(d: Domain): string {
  return `domain ${label(d)} of ${escapeMarkdown(d.product.name ?? d.product.id)}`;
}

/** One line per role the person holds, in document order of the holders (markdown, escaped). */
export function rolesOf(model: Model, personId: string): string[] {
  const out: string[] = [];
  const has = (ids: readonly string[] | undefined): boolean => !!ids?.includes(personId);
  const idsOf = (f: { refs: { id: string }[] } | undefined): string[] | undefined => f?.refs.map((r) => r.id);
  for (const product of model.products) {
    if (has(idsOf(product.owner))) out.push(`${ROLE_LABEL.owner} of product ${label(product)}`);
    for (const d of product.domains) {
      const pms = idsOf(d.productManager);
      if (has(pms)) out.push(`${ROLE_LABEL.productManager} of ${domainLabel(d)}`);
      if (has(idsOf(d.productOwner))) out.push(`${ROLE_LABEL.productOwner} of ${domainLabel(d)}`);
      else if (!d.productOwner && has(pms)) out.push(`${ROLE_LABEL.productOwner} of ${domainLabel(d)}, as its product manager (no separate \`productOwner\`)`);
      if (has(idsOf(d.owner))) out.push(`${ROLE_LABEL.owner} of ${domainLabel(d)}`);
      else if (!d.owner && has(pms)) out.push(`${ROLE_LABEL.owner} of ${domainLabel(d)}, as its product manager (no \`owner\`)`);
      if (has(idsOf(d.stakeholders))) out.push(`${ROLE_LABEL.stakeholders} of ${domainLabel(d)}`);
    }
  }
  for (const team of model.teams.values()) {
    if (has(idsOf(team.scrumMaster))) out.push(`${ROLE_LABEL.scrumMaster} of team ${label(team)}`);
    if (has(idsOf(team.members))) out.push(`${ROLE_LABEL.members} of team ${label(team)}`);
  }
  return out;
}

/** Name, title and the person's attributes, as markdown (hover and completion documentation). */
export function personSummary(p: Person): string {
  const lines = [p.name ? `**${escapeMarkdown(p.name)}** (${inlineCode(p.id)})` : inlineCode(p.id)];
  if (p.title) lines.push(`*${escapeMarkdown(p.title)}*`);
  const facts: string[] = [];
  if (p.disciplines.length) facts.push(`Discipline: ${p.disciplines.map(inlineCode).join(', ')}`);
  if (p.customerContact) facts.push(`Customer contact: ${inlineCode(p.customerContact)}`);
  if (p.decisionAuthority) facts.push(`Decision authority: ${inlineCode(p.decisionAuthority)}`);
  if (p.email) facts.push(`Email: ${escapeMarkdown(p.email)}`);
  if (facts.length) lines.push(facts.join(' · '));
  return lines.join('\n\n');
}

export function personHover(model: Model, id: string): string {
  const p = model.people.get(id);
  if (!p) return `${inlineCode(id)} is not defined under \`people\`.`;
  const roles = rolesOf(model, id);
  const held = roles.length ? `**Roles in this file**\n\n${roles.map((r) => `- ${r}`).join('\n')}` : '*Holds no role and is in no team.*';
  return `${personSummary(p)}\n\n${held}`;
}

function teamDomains(model: Model, teamId: string): { domain: Domain; product: Product }[] {
  const out: { domain: Domain; product: Product }[] = [];
  for (const product of model.products) {
    for (const domain of product.domains) if (domain.teams?.refs.some((r) => r.id === teamId)) out.push({ domain, product });
  }
  return out;
}

/** A team in one paragraph for completion documentation: its name and members. */
export function teamSummary(t: Team): string | undefined {
  const members = t.members?.refs.map((r) => inlineCode(r.id)).join(', ');
  return members ? `**${escapeMarkdown(t.name ?? t.id)}**\n\nMembers: ${members}` : undefined;
}

export function teamHover(model: Model, id: string): string {
  const t: Team | undefined = model.teams.get(id);
  if (!t) return `${inlineCode(id)} is not defined under \`teams\`.`;
  const who = (pid: string): string => {
    const p = model.people.get(pid);
    return p?.name ? `${escapeMarkdown(p.name)} (${inlineCode(pid)})` : inlineCode(pid);
  };
  const lines = [label(t)];
  const sm = t.scrumMaster?.refs.map((r) => who(r.id));
  if (sm?.length) lines.push(`Scrum master: ${sm.join(', ')}`);
  const members = t.members?.refs.map((r) => who(r.id));
  if (members?.length) lines.push(`Members: ${members.join(', ')}`);
  const serves = teamDomains(model, id).map(({ domain }) => `- ${domainLabel(domain)}`);
  if (serves.length) lines.push(`**Serves**\n\n${serves.join('\n')}`);
  return lines.join('\n\n');
}
