// Hovers (SPEC section 5): finds what is under the cursor (findings, a
// reference or declaration, a key or a value) and asks the engine's
// hoverContent for the markdown; a hover may combine several, findings first.
import type { Analysis, Span, Stance } from '../types';
import { STANCES } from '../types';
import { locate } from '../syntax/locate';
import {
  HOVER_SEPARATOR,
  MAX_HOVER_LENGTH,
  enumValueHover,
  findingHover,
  frameworkHover,
  lifecycleHover,
  personHover,
  roleHover,
  stageHover,
  stanceHover,
  teamHover,
  vacantHover,
  type RoleKey,
} from './hoverContent';
import { FRAMEWORK_INFO, LIFECYCLE_INFO, STAGE_INFO } from '../knowledge/knowledge';
import { declarationAt } from './navigation';
import { describe, enumValuesAt, schemaAt } from './schemaInfo';

export interface HoverResult {
  markdown: string;
  span?: Span;
}

const MAX_FINDINGS = 4;

/** A role key where the format puts one: product/domain owner, domain PM/PO, team scrum master. */
function roleKeyAt(path: readonly (string | number)[]): RoleKey | undefined {
  const key = path[path.length - 1];
  if (path[0] === 'products' && path.length === 3 && key === 'owner') return 'owner';
  if (path[0] === 'products' && path.length === 5 && path[2] === 'domains' && (key === 'owner' || key === 'productManager' || key === 'productOwner'))
    return key;
  if (path[0] === 'teams' && path.length === 3 && key === 'scrumMaster') return 'scrumMaster';
  return undefined;
}

function valueText(analysis: Analysis, span: Span): string {
  return analysis.text.slice(span.start, span.end).replace(/^(["'])(.*)\1$/, '$2');
}

export function hoverAt(analysis: Analysis, offset: number): HoverResult | undefined {
  const sections: string[] = [];
  let span: Span | undefined;

  const findings = analysis.problems.filter((p) => p.start <= offset && (offset < p.end || (p.start === p.end && offset === p.start)));
  for (const p of findings.slice(0, MAX_FINDINGS)) {
    // The whole hover at one position stays under SPEC 5's limit: a finding that would pass it is named, with its page.
    const full = findingHover(p, analysis.settings);
    sections.push([...sections, full].join(HOVER_SEPARATOR).length < MAX_HOVER_LENGTH - 200 ? full : findingHover(p, analysis.settings, true));
  }
  if (findings.length) span = { start: findings[0].start, end: findings[0].end };

  const loc = locate(analysis, offset);
  const decl = declarationAt(analysis, offset);
  const vacancy = analysis.model.vacancies.find((v) => v.span.start <= offset && offset <= v.span.end);
  /** The section about what the cursor is on, full when the whole hover stays under SPEC 5's limit, else its short form. */
  const fitting = (full: string, short: string): string => ([...sections, full].join(HOVER_SEPARATOR).length < MAX_HOVER_LENGTH ? full : short);
  if (vacancy) {
    sections.push(fitting(vacantHover(vacancy.role), vacantHover(vacancy.role, true)));
    span ??= vacancy.span;
  } else if (loc?.ref) {
    sections.push(
      loc.ref.kind === 'person'
        ? personHover(analysis.organisation ?? analysis.model, loc.ref.id)
        : teamHover(analysis.organisation ?? analysis.model, loc.ref.id),
    );
    span ??= { start: loc.ref.start, end: loc.ref.end };
  } else if (decl) {
    sections.push(
      decl.kind === 'person' ? personHover(analysis.organisation ?? analysis.model, decl.id) : teamHover(analysis.organisation ?? analysis.model, decl.id),
    );
    span ??= decl.span;
  } else if (loc) {
    const role = loc.on === 'key' ? roleKeyAt(loc.path) : undefined;
    const info = role ? fitting(roleHover(role), roleHover(role, true)) : loc.on === 'key' ? keyInfo(loc.path) : valueInfo(analysis, loc.path, loc.span);
    if (info) {
      sections.push(info);
      span ??= loc.span;
    }
  }
  if (!sections.length) return undefined;
  return { markdown: sections.join(HOVER_SEPARATOR), span };
}

function keyInfo(path: (string | number)[]): string | undefined {
  const role = roleKeyAt(path);
  if (role) return roleHover(role);
  return describe(schemaAt(path));
}

function valueInfo(analysis: Analysis, path: (string | number)[], span: Span): string | undefined {
  const value = valueText(analysis, span);
  const at = (...keys: string[]): boolean => path.length === keys.length && keys.every((k, i) => k === '*' || path[i] === k);
  if (at('organization', 'stance') && (STANCES as readonly string[]).includes(value)) return stanceHover(value as Stance, analysis.settings);
  if (at('organization', 'stage') && Object.hasOwn(STAGE_INFO, value)) return stageHover(value as keyof typeof STAGE_INFO);
  if (at('organization', 'framework') && Object.hasOwn(FRAMEWORK_INFO, value)) return frameworkHover(value as keyof typeof FRAMEWORK_INFO);
  if (at('products', '*', 'lifecycle') && Object.hasOwn(LIFECYCLE_INFO, value)) return lifecycleHover(value as keyof typeof LIFECYCLE_INFO);
  const allowed = enumValuesAt(path).find((v) => String(v.value) === value);
  const doc = allowed?.markdownDescription ?? allowed?.description;
  return doc ? enumValueHover(value, doc) : undefined;
}
