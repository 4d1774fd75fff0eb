// Inline suppression comments, as ESLint users know them:
//   # productteam-disable-next-line single-owner, role-split -- reason until 2027-01-01
//   # productteam-disable core-team -- whole file
// Comments are found with yaml's own lexer, so a '#' inside a quoted string is
// never mistaken for one.
import { Lexer } from 'yaml';
import type { EffectiveSettings } from './analyze';
import type { LineIndex } from './lines';
import type { Problem, Span } from './types';

export interface Suppression extends Span {
  kind: 'next-line' | 'file';
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  /** 0-based line of the comment. */
  line: number;
  reason?: string;
  /** YYYY-MM-DD from "until …" in the reason. */
  until?: string;
  /** Span of the id list inside the comment (for fixes that extend it). */
  idsEnd: number;
  /** Rule ids this suppression actually silenced ('*' for a bare one). */
  used: Set<string>;
}

const DIRECTIVE = /^#\s*productteam-disable(-next-line)?(?=\s|$)(.*)$/;

export function parseSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('productteam-disable')) return [];
  const out: Suppression[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#') && token.includes('productteam-disable')) {
      const m = DIRECTIVE.exec(token.trimEnd());
      if (m) {
        const rest = m[2];
        const sep = rest.indexOf(' -- ');
        const idPart = sep >= 0 ? rest.slice(0, sep) : rest.replace(/\s+--\s*$/, '');
        const reason = sep >= 0 ? rest.slice(sep + 4).trim() : undefined;
        const until = reason ? /\buntil\s+(\d{4}-\d{2}-\d{2})\b/.exec(reason)?.[1] : undefined;
        const idsEnd = offset + token.length - rest.length + idPart.trimEnd().length;
        out.push({
          kind: m[1] ? 'next-line' : 'file',
          ruleIds: idPart.split(',').map((s) => s.trim()).filter(Boolean),
          line: lines.positionAt(offset).line,
          reason,
          until,
          start: offset,
          end: offset + token.trimEnd().length,
          idsEnd,
          used: new Set(),
        });
      }
    }
    offset += token.length;
  }
  return out;
}

export function isExpired(s: Suppression, today: string): boolean {
  return s.until !== undefined && today >= s.until;
}

/** Drops suppressed problems and marks which suppressions did something. */
export function applySuppressions(problems: Problem[], suppressions: Suppression[], lines: LineIndex, settings: EffectiveSettings): Problem[] {
  if (suppressions.length === 0) return problems.sort(byOffset);
  const active = suppressions.filter((s) => !isExpired(s, settings.today));
  const nextLine = new Map<number, Suppression[]>();
  for (const s of active) if (s.kind === 'next-line') nextLine.set(s.line + 1, [...(nextLine.get(s.line + 1) ?? []), s]);
  const fileWide = active.filter((s) => s.kind === 'file');
  const covers = (s: Suppression, ruleId: string) => s.ruleIds.length === 0 || s.ruleIds.includes(ruleId);

  const kept = problems.filter((p) => {
    const line = lines.positionAt(p.start).line;
    const by = (nextLine.get(line) ?? []).find((s) => covers(s, p.ruleId)) ?? fileWide.find((s) => covers(s, p.ruleId));
    if (!by) return true;
    by.used.add(by.ruleIds.length === 0 ? '*' : p.ruleId);
    return false;
  });
  return kept.sort(byOffset);
}

function byOffset(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
}
