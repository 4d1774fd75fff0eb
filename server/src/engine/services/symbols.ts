// The document outline: products -> domains, people, teams (and the
// organization), built from the model so it matches what the rules see.
import type { Node, Pair } from 'yaml';
import type { Analysis, Span } from '../types';
import { valueNode } from '../syntax/nodes';

/** What an outline entry is: a top-level section, or one of the file's entities. */
export type SymbolKind = 'section' | 'product' | 'domain' | 'person' | 'team';

export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole entry (key through value). */
  span: Span;
  /** The key that names it. */
  selection: Span;
  children?: SymbolNode[];
}

/** From a pair's key to the end of its value, without the line breaks a block value ends with. */
function pairSpan(text: string, pair: Pair, key: Span): Span {
  let end = Math.max(valueNode(pair)?.range?.[1] ?? key.end, key.end);
  while (end > key.end && /\s/.test(text[end - 1])) end--;
  return { start: key.start, end };
}

function section(analysis: Analysis, name: string, kind: SymbolKind, children: SymbolNode[], detail?: string): SymbolNode | undefined {
  const pair = analysis.model.sections.get(name);
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const key = { start: keyRange[0], end: keyRange[1] };
  const node: SymbolNode = { name, kind, span: pairSpan(analysis.text, pair, key), selection: key, children };
  if (detail) node.detail = detail;
  return node;
}

export function documentSymbols(analysis: Analysis): SymbolNode[] {
  const { model } = analysis;
  const out: (SymbolNode | undefined)[] = [];
  out.push(section(analysis, 'organization', 'section', [], model.organization.name));
  const products = model.products.map<SymbolNode>((p) => ({
    name: p.id,
    detail: p.name,
    kind: 'product',
    span: pairSpan(analysis.text, p.pair, p.key),
    selection: p.key,
    children: p.domains.map<SymbolNode>((d) => ({
      name: d.id,
      detail: d.name,
      kind: 'domain',
      span: pairSpan(analysis.text, d.pair, d.key),
      selection: d.key,
    })),
  }));
  out.push(section(analysis, 'products', 'section', products));
  const people = [...model.people.values()].map<SymbolNode>((p) => ({
    name: p.id,
    detail: p.name,
    kind: 'person',
    span: pairSpan(analysis.text, p.pair, p.key),
    selection: p.key,
  }));
  out.push(section(analysis, 'people', 'section', people));
  const teams = [...model.teams.values()].map<SymbolNode>((t) => ({
    name: t.id,
    detail: t.name,
    kind: 'team',
    span: pairSpan(analysis.text, t.pair, t.key),
    selection: t.key,
  }));
  out.push(section(analysis, 'teams', 'section', teams));
  return out.filter((s): s is SymbolNode => s !== undefined).sort((a, b) => a.selection.start - b.selection.start);
}
