// Who someone is and what they hold in the file, in words, for hovers and
// completion. Roles are read from the model, including the ones a domain
// gives implicitly (no productOwner: its product manager holds that role;
// no owner: its product manager is accountable).
import type { Domain, Model, Person, Product, Team } from '../engine';

const ROLE_LABEL = {
  owner: 'Accountable owner',
  productManager: 'Product manager',
  productOwner: 'Product owner',
  scrumMaster: 'Scrum master',
  members: 'Member',
  stakeholders: 'Stakeholder',
} as const;

function label(e: { id: string; name?: string }): string {
  return e.name ? `**${e.name}** (\`${e.id}\`)` : `**\`${e.id}\`**`;
}

function domainLabel(d: Domain): string {
  return `domain ${label(d)} of ${d.product.name ?? d.product.id}`;
}

/** One line per role the person holds, in document order of the holders. */
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

/** Name, title and the person's attributes, as markdown. */
export function personSummary(p: Person): string {
  const lines = [p.name ? `**${p.name}** (\`${p.id}\`)` : `\`${p.id}\``];
  if (p.title) lines.push(`*${p.title}*`);
  const facts: string[] = [];
  if (p.discipline) facts.push(`Discipline: \`${p.discipline}\``);
  if (p.customerContact) facts.push(`Customer contact: \`${p.customerContact}\``);
  if (p.decisionAuthority) facts.push(`Decision authority: \`${p.decisionAuthority}\``);
  if (p.email) facts.push(`Email: ${p.email}`);
  if (facts.length) lines.push(facts.join(' · '));
  return lines.join('\n\n');
}

export function personHover(model: Model, id: string): string {
  const p = model.people.get(id);
  if (!p) return `\`${id}\` is not defined under \`people\`.`;
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

export function teamHover(model: Model, id: string): string {
  const t: Team | undefined = model.teams.get(id);
  if (!t) return `\`${id}\` is not defined under \`teams\`.`;
  const who = (pid: string): string => {
    const p = model.people.get(pid);
    return p?.name ? `${p.name} (\`${pid}\`)` : `\`${pid}\``;
  };
  const lines = [t.name ? `**${t.name}** (\`${t.id}\`)` : `**\`${t.id}\`**`];
  const sm = t.scrumMaster?.refs.map((r) => who(r.id));
  if (sm?.length) lines.push(`Scrum master: ${sm.join(', ')}`);
  const members = t.members?.refs.map((r) => who(r.id));
  if (members?.length) lines.push(`Members: ${members.join(', ')}`);
  const serves = teamDomains(model, id).map(({ domain }) => `- ${domainLabel(domain)}`);
  if (serves.length) lines.push(`**Serves**\n\n${serves.join('\n')}`);
  return lines.join('\n\n');
}
