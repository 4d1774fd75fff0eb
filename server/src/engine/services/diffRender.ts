// The semantic diff as markdown for a pull-request comment: a one-line
// summary, the changes grouped by what they are about, then the findings the
// change introduces and resolves. Every piece of the user's text is escaped.
import { escapeMarkdown, inlineCode } from './markdown';
import type { ChangeKind, OwnershipDiff } from './diff';
import type { LocatedFinding } from './ownership';

const GROUPS: { title: string; kinds: readonly ChangeKind[] }[] = [
  { title: 'Organization', kinds: ['organization-changed'] },
  { title: 'People', kinds: ['person-added', 'person-removed', 'person-renamed', 'person-leaving'] },
  { title: 'Products and domains', kinds: ['product-added', 'product-removed', 'domain-added', 'domain-removed'] },
  { title: 'Roles', kinds: ['role-changed'] },
  { title: 'Teams', kinds: ['team-moved', 'team-retyped'] },
];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function findingLine(f: LocatedFinding): string {
  return `- **${f.severity}** ${inlineCode(f.ruleId)} ${escapeMarkdown(f.message)} (${inlineCode(`${f.filePath}:${f.line}:${f.column}`)})`;
}

export function renderDiffMarkdown(diff: OwnershipDiff, title = 'Ownership changes'): string {
  const out = [`### ${escapeMarkdown(title)}`, ''];
  const errors = diff.introduced.filter((f) => f.severity === 'error').length;
  out.push(
    `${plural(diff.changes.length, 'change')} in meaning · ${plural(diff.introduced.length, 'finding')} introduced${errors ? ` (${plural(errors, 'error')})` : ''} · ${plural(diff.resolved.length, 'finding')} resolved`,
    '',
  );
  if (!diff.changes.length) out.push('No change in who owns what: reordering and reformatting are not changes.', '');
  for (const g of GROUPS) {
    const changes = diff.changes.filter((c) => g.kinds.includes(c.kind));
    if (!changes.length) continue;
    out.push(`#### ${g.title}`, '', ...changes.map((c) => `- ${escapeMarkdown(c.text)}`), '');
  }
  if (diff.introduced.length) out.push('#### Findings introduced', '', ...diff.introduced.map(findingLine), '');
  if (diff.resolved.length) out.push('#### Findings resolved', '', ...diff.resolved.map(findingLine), '');
  return out.join('\n');
}
