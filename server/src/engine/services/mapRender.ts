// The ownership map as markdown and as one self-contained HTML page (SPEC
// section 10): inline CSS and inline SVG, no script, no network (no URL at
// all), every piece of the user's text escaped. The same page serves the CLI
// (`map --format html`), which prints it, and the VS Code webview, which adds
// its content security policy and its click handler through `head`. Colours
// are CSS variables that take VS Code's theme colours when they exist, and
// follow the system's light or dark scheme when they do not.
import { escapeMarkdown, inlineCode } from './markdown';
import type { Severity } from '../types';
import { MAP_ROLE_LABEL, MAP_ROLES, type MapDomain, type MapFinding, type MapPerson, type MapProduct, type MapRef, type OwnershipMap } from './map';

// ---- markdown -------------------------------------------------------------------------

const mdRefs = (refs: readonly MapRef[]): string => (refs.length ? refs.map((r) => inlineCode(r.id) + (r.known ? '' : ' (not defined)')).join(', ') : '—');
const mdName = (x: { id: string; name?: string }): string => (x.name ? `${escapeMarkdown(x.name)} (${inlineCode(x.id)})` : inlineCode(x.id));
const mdCell = (s: string): string => s.replace(/\|/g, '\\|');
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ', hint: '·' };

function findingsNote(map: OwnershipMap, indexes: readonly number[]): string {
  if (!indexes.length) return '';
  const counts = new Map<Severity, number>();
  for (const i of indexes) counts.set(map.findings[i].severity, (counts.get(map.findings[i].severity) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${SEVERITY_MARK[s]} ${n} ${s}${n > 1 ? 's' : ''}`).join(', ');
}

function ownerNote(d: MapDomain): string {
  return d.ownerSource === 'productManager' ? ' (its PM)' : d.ownerSource === 'productOwner' ? ' (its sole PO)' : '';
}

function productOwnerNote(p: MapProduct): string {
  return p.ownerSource === 'domain' ? " (its only domain's owner)" : '';
}

function poNote(d: MapDomain): string {
  return d.productOwnerSource === 'productManager' ? ' (held by the PM)' : '';
}

function summaryLine(map: OwnershipMap): string {
  const c = map.counts;
  const org = map.organization;
  const parts = [
    `stage ${org.stage}`,
    org.stance
      ? `stance ${org.stance}${org.stanceSource === 'option' ? ' (set outside the file)' : ''}`
      : 'no stance declared (the PM/PO arrangement is not judged)',
  ];
  if (org.framework) parts.push(`framework ${org.framework}`);
  parts.push(`${c.products} products`, `${c.domains} domains`, `${c.people} people`, `${c.teams} teams`);
  parts.push(`${c.error} errors, ${c.warning} warnings, ${c.info} infos, ${c.hint} hints`);
  return parts.join(' · ');
}

export function renderMapMarkdown(map: OwnershipMap): string {
  const out: string[] = [];
  out.push(`# Ownership map: ${map.organization.name ? escapeMarkdown(map.organization.name) : 'unnamed organization'}`, '', summaryLine(map), '');
  out.push('## Products and domains', '');
  if (!map.products.length) out.push('No products.', '');
  for (const p of map.products) {
    const f = findingsNote(map, p.findings);
    out.push(`### ${mdName(p)}`, '', `Owner: ${mdRefs(p.owner)}${productOwnerNote(p)} · lifecycle ${p.lifecycle}${f ? ` · ${f}` : ''}`, '');
    if (!p.domains.length) {
      out.push('No domains.', '');
      continue;
    }
    out.push('| Domain | Owner | PM | PO | Teams | Outcomes | Findings |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const d of p.domains) {
      const teams = d.teams.length ? d.teams.map((t) => `${inlineCode(t.id)} (${t.type})`).join(', ') : '—';
      const outcomes = d.outcomes.length ? d.outcomes.map(escapeMarkdown).join('; ') : '—';
      const cells = [
        mdName(d),
        mdRefs(d.owner) + ownerNote(d),
        mdRefs(d.productManager),
        mdRefs(d.productOwner) + poNote(d),
        teams,
        outcomes,
        findingsNote(map, d.findings) || '—',
      ];
      out.push(`| ${cells.map(mdCell).join(' | ')} |`);
    }
    out.push('');
  }
  out.push(
    '## People',
    '',
    `Domains counts the domains where a person is owner, PM or PO as written; the limit (maxDomainsPerPerson) is ${map.maxDomainsPerPerson}.`,
    '',
  );
  out.push(`| Person | ${MAP_ROLES.map((r) => MAP_ROLE_LABEL[r]).join(' | ')} | Domains | Findings |`, `| --- |${' --- |'.repeat(MAP_ROLES.length + 2)}`);
  for (const p of map.people) {
    const domains = `${p.domains.length} / ${map.maxDomainsPerPerson}${p.overLimit ? ' ✖ over the limit' : ''}`;
    const cells = [mdName(p), ...MAP_ROLES.map((r) => String(p.roles[r] || '')), domains, findingsNote(map, p.findings) || '—'];
    out.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  out.push('', '## Teams', '');
  if (map.teams.length) {
    out.push('| Team | Type | Scrum master | Members | Domains |', '| --- | --- | --- | --- | --- |');
    for (const t of map.teams)
      out.push(
        `| ${[mdName(t), t.type, mdRefs(t.scrumMaster), mdRefs(t.members), t.domains.map((d) => inlineCode(d)).join(', ') || '—'].map(mdCell).join(' | ')} |`,
      );
  } else out.push('No teams.');
  out.push('', '## Findings', '');
  if (!map.findings.length) out.push('No findings.');
  for (const f of map.findings)
    out.push(
      `- ${SEVERITY_MARK[f.severity]} ${f.severity} ${inlineCode(f.ruleId)} at ${inlineCode(`${f.filePath}:${f.line}:${f.column}`)}: ${escapeMarkdown(f.message)}`,
    );
  out.push('');
  return out.join('\n');
}

// ---- HTML -----------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Text for HTML content and quoted attribute values. Control characters
 * become visible `\u001b` text, as in every CLI output (a terminal never
 * receives them raw).
 */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"'\u0000-\u0008\u000b-\u001f\u007f]/g, (c) =>
    c.charCodeAt(0) < 0x20 || c === '\u007f' ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `&#${c.charCodeAt(0)};`,
  );
}

export interface MapHtmlOptions {
  /** Markup added to `<head>` as is (the webview's CSP meta and script); never user text. */
  head?: string;
  /** Nonce for the `<style>` element, for a CSP that allows styles by nonce. */
  nonce?: string;
  /** Things are clickable (the webview): `data-target` elements look like links. */
  interactive?: boolean;
}

const CSS = `
:root{color-scheme:light dark;
--fg:var(--vscode-editor-foreground,#1f2328);--bg:var(--vscode-editor-background,#ffffff);--muted:var(--vscode-descriptionForeground,#59636e);
--line:var(--vscode-panel-border,#d1d9e0);--head:var(--vscode-sideBar-background,#f6f8fa);--link:var(--vscode-textLink-foreground,#0969da);
--error:var(--vscode-editorError-foreground,#cf222e);--warning:var(--vscode-editorWarning-foreground,#9a6700);--info:var(--vscode-editorInfo-foreground,#0969da);--hint:var(--muted);
--r0:#0969da;--r1:#8250df;--r2:#1a7f37;--r3:#bc4c00;--r4:#6e7781;--r5:#bf3989;
--font:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);--mono:var(--vscode-editor-font-family,ui-monospace,Menlo,Consolas,monospace)}
@media (prefers-color-scheme:dark){:root{--fg:var(--vscode-editor-foreground,#e6edf3);--bg:var(--vscode-editor-background,#0d1117);--muted:var(--vscode-descriptionForeground,#9198a1);
--line:var(--vscode-panel-border,#3d444d);--head:var(--vscode-sideBar-background,#151b23);--link:var(--vscode-textLink-foreground,#4493f8);
--error:var(--vscode-editorError-foreground,#f85149);--warning:var(--vscode-editorWarning-foreground,#d29922);--info:var(--vscode-editorInfo-foreground,#4493f8);
--r0:#4493f8;--r1:#ab7df8;--r2:#3fb950;--r3:#db6d28;--r4:#9198a1;--r5:#db61a2}}
body{font:14px/1.45 var(--font);color:var(--fg);background:var(--bg);margin:0;padding:16px 24px;max-width:1200px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}h3{font-size:1.05em;margin:18px 0 4px}
.meta,.note{color:var(--muted)}code{font-family:var(--mono);font-size:.9em}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.sev-error{border-left:4px solid var(--error)}.sev-warning{border-left:4px solid var(--warning)}.sev-info{border-left:4px solid var(--info)}.sev-hint{border-left:4px solid var(--hint)}
.b{display:inline-block;border-radius:8px;padding:0 6px;font-size:.85em;color:var(--bg);margin-right:2px}
.b.error{background:var(--error)}.b.warning{background:var(--warning)}.b.info{background:var(--info)}.b.hint{background:var(--hint)}
.over{color:var(--error);font-weight:600}.unknown{color:var(--error);text-decoration:underline wavy}.via{color:var(--muted);font-size:.85em}
.t{font-weight:600}.type{color:var(--muted);font-size:.85em}ul.outcomes{margin:0;padding-left:16px}
.legend span{margin-right:12px}.legend svg{vertical-align:middle}
svg.chart text{fill:var(--fg);font:12px var(--font)}svg.chart .lim{stroke:var(--error);stroke-dasharray:3 2}
.r0{fill:var(--r0)}.r1{fill:var(--r1)}.r2{fill:var(--r2)}.r3{fill:var(--r3)}.r4{fill:var(--r4)}.r5{fill:var(--r5)}
body.interactive [data-target]{cursor:pointer;color:var(--link)}body.interactive [data-target]:hover{text-decoration:underline}
@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--line:#999;--head:#eee;--link:#000}
body{max-width:none;padding:0;font-size:11px}h2{break-after:avoid}tr,article,svg{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** How many people the chart shows (those holding the most seats); the table lists everyone. */
const CHART_PEOPLE = 40;

function refsHtml(refs: readonly MapRef[]): string {
  if (!refs.length) return '<span class="note">—</span>';
  return refs
    .map((r) =>
      r.known
        ? `<span data-target="person:${escapeHtml(r.id)}" title="${escapeHtml(r.name ?? r.id)}">${escapeHtml(r.id)}</span>`
        : `<span class="unknown" title="not defined">${escapeHtml(r.id)}</span>`,
    )
    .join(', ');
}

function badges(map: OwnershipMap, indexes: readonly number[]): string {
  const counts = new Map<Severity, number>();
  for (const i of indexes) counts.set(map.findings[i].severity, (counts.get(map.findings[i].severity) ?? 0) + 1);
  return [...counts].map(([s, n]) => `<span class="b ${s}" title="${n} ${s}${n > 1 ? 's' : ''}">${n}</span>`).join('');
}

/** The most severe finding's class, to colour a row or a card. */
function worst(map: OwnershipMap, indexes: readonly number[]): string {
  for (const s of ['error', 'warning', 'info', 'hint'] as const) if (indexes.some((i) => map.findings[i].severity === s)) return ` class="sev-${s}"`;
  return '';
}

const nameHtml = (key: string, x: { id: string; name?: string }): string =>
  `<span class="t" data-target="${escapeHtml(key)}">${escapeHtml(x.name ?? x.id)}</span>${x.name ? ` <code>${escapeHtml(x.id)}</code>` : ''}`;

function domainRow(map: OwnershipMap, d: MapDomain): string {
  const teams = d.teams
    .map((t) =>
      t.known
        ? `<span data-target="team:${escapeHtml(t.id)}">${escapeHtml(t.id)}</span> <span class="type">${t.type}</span>`
        : `<span class="unknown" title="not defined">${escapeHtml(t.id)}</span>`,
    )
    .join('<br>');
  const outcomes = d.outcomes.length
    ? `<ul class="outcomes">${d.outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`
    : '<span class="note">—</span>';
  const via = (s: string): string => (s ? ` <span class="via">${escapeHtml(s.trim())}</span>` : '');
  return `<tr${worst(map, d.findings)}><td>${nameHtml(d.key, d)}</td><td>${refsHtml(d.owner)}${via(ownerNote(d))}</td><td>${refsHtml(d.productManager)}</td><td>${refsHtml(d.productOwner)}${via(poNote(d))}</td><td>${teams || '<span class="note">—</span>'}</td><td>${outcomes}</td><td>${badges(map, d.findings)}</td></tr>`;
}

function chart(map: OwnershipMap): string {
  const totals = new Map<MapPerson, number>();
  for (const p of map.people) {
    const n = MAP_ROLES.reduce((sum, r) => sum + p.roles[r], 0);
    if (n > 0) totals.set(p, n);
  }
  const total = (p: MapPerson): number => totals.get(p) ?? 0;
  const people = [...totals.keys()].sort((a, b) => total(b) - total(a) || (a.id < b.id ? -1 : 1)).slice(0, CHART_PEOPLE);
  if (!people.length) return '<p class="note">Nobody holds a role yet.</p>';
  const most = Math.max(...people.map(total));
  const labelW = 160;
  const barW = 520;
  const row = 20;
  const unit = barW / most;
  const rows = people.map((p, i) => {
    let x = labelW;
    const y = i * row;
    const bars = MAP_ROLES.map((r, k) => {
      const w = p.roles[r] * unit;
      const rect =
        w > 0
          ? `<rect class="r${k}" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}"><title>${escapeHtml(`${p.id}: ${MAP_ROLE_LABEL[r]} × ${p.roles[r]}`)}</title></rect>`
          : '';
      x += w;
      return rect;
    }).join('');
    const domains = `${p.domains.length}/${map.maxDomainsPerPerson} domains`;
    return `<g data-target="${escapeHtml(p.key)}"><text x="${labelW - 6}" y="${y + row - 6}" text-anchor="end">${escapeHtml(p.name ?? p.id)}</text>${bars}<text x="${(x + 6).toFixed(1)}" y="${y + row - 6}"${p.overLimit ? ' class="over"' : ''}>${total(p)} · ${domains}${p.overLimit ? ' over the limit' : ''}</text></g>`;
  });
  const legend = MAP_ROLES.map(
    (r, k) => `<span><svg width="12" height="12" aria-hidden="true"><rect class="r${k}" width="12" height="12"/></svg> ${MAP_ROLE_LABEL[r]}</span>`,
  ).join('');
  const more = totals.size > people.length ? `<p class="note">The ${CHART_PEOPLE} people with the most roles; the table below lists everyone.</p>` : '';
  return `<p class="legend">${legend}</p><svg class="chart" role="img" aria-label="Roles per person" width="${labelW + barW + 200}" height="${people.length * row}" viewBox="0 0 ${labelW + barW + 200} ${people.length * row}">${rows.join('')}</svg>${more}`;
}

function findingItem(f: MapFinding): string {
  return `<li class="sev-${f.severity}"><span class="b ${f.severity}">${f.severity}</span> <span data-target="${escapeHtml(f.key)}"><code>${escapeHtml(`${f.filePath}:${f.line}:${f.column}`)}</code></span> ${escapeHtml(f.message)} <code class="note">${escapeHtml(f.ruleId)}</code></li>`;
}

export function renderMapHtml(map: OwnershipMap, options: MapHtmlOptions = {}): string {
  const org = map.organization;
  const title = org.name ?? 'unnamed organization';
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>Ownership map: ${escapeHtml(title)}</title>`);
  if (options.head) out.push(options.head);
  out.push(`<style${options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : ''}>${CSS}</style></head>`);
  out.push(`<body${options.interactive ? ' class="interactive"' : ''}>`);
  out.push(`<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(summaryLine(map))}</p></header>`);
  out.push('<section id="products"><h2>Products and domains</h2>');
  if (!map.products.length) out.push('<p class="note">No products.</p>');
  for (const p of map.products) {
    out.push(
      `<article${worst(map, p.findings)}><h3>${nameHtml(p.key, p)} ${badges(map, p.findings)}</h3><p class="meta">Owner: ${refsHtml(p.owner)}${productOwnerNote(p) ? ` <span class="via">${escapeHtml(productOwnerNote(p).trim())}</span>` : ''} · lifecycle ${p.lifecycle}${p.vision ? ` · ${escapeHtml(p.vision)}` : ''}</p>`,
    );
    if (p.domains.length) {
      out.push('<table><thead><tr><th>Domain</th><th>Owner</th><th>PM</th><th>PO</th><th>Teams</th><th>Outcomes</th><th>Findings</th></tr></thead><tbody>');
      for (const d of p.domains) out.push(domainRow(map, d));
      out.push('</tbody></table>');
    } else out.push('<p class="note">No domains.</p>');
    out.push('</article>');
  }
  out.push('</section>');
  out.push(`<section id="people"><h2>People</h2><h3>Roles per person</h3>${chart(map)}`);
  out.push(
    `<p class="note">Domains counts the domains where a person is owner, PM or PO as written; the limit (maxDomainsPerPerson) is ${map.maxDomainsPerPerson}.</p>`,
  );
  out.push(
    `<table><thead><tr><th>Person</th>${MAP_ROLES.map((r) => `<th>${MAP_ROLE_LABEL[r]}</th>`).join('')}<th>Domains</th><th>Findings</th></tr></thead><tbody>`,
  );
  for (const p of map.people) {
    const who = `${nameHtml(p.key, p)}${p.title ? ` <span class="type">${escapeHtml(p.title)}</span>` : ''}${p.until ? ` <span class="type">until ${escapeHtml(p.until)}</span>` : ''}`;
    const domains = `<td class="n${p.overLimit ? ' over' : ''}" title="${escapeHtml(p.domains.join(', '))}">${p.domains.length} / ${map.maxDomainsPerPerson}</td>`;
    out.push(
      `<tr${worst(map, p.findings)}><td>${who}</td>${MAP_ROLES.map((r) => `<td class="n">${p.roles[r] || ''}</td>`).join('')}${domains}<td>${badges(map, p.findings)}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');
  out.push('<section id="teams"><h2>Teams</h2>');
  if (map.teams.length) {
    out.push('<table><thead><tr><th>Team</th><th>Type</th><th>Scrum master</th><th>Members</th><th>Domains</th><th>Findings</th></tr></thead><tbody>');
    for (const t of map.teams) {
      const domains = t.domains.map((d) => `<span data-target="domain:${escapeHtml(d)}">${escapeHtml(d)}</span>`).join(', ') || '<span class="note">—</span>';
      out.push(
        `<tr${worst(map, t.findings)}><td>${nameHtml(t.key, t)}</td><td>${t.type}</td><td>${refsHtml(t.scrumMaster)}</td><td>${refsHtml(t.members)}</td><td>${domains}</td><td>${badges(map, t.findings)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  } else out.push('<p class="note">No teams.</p>');
  out.push('</section><section id="findings"><h2>Findings</h2>');
  out.push(map.findings.length ? `<ul>${map.findings.map(findingItem).join('')}</ul>` : '<p class="note">No findings.</p>');
  out.push('</section></body></html>', '');
  return out.join('\n');
}
