// Inline suppression comments, as ESLint users know them:
//   # productteam-disable-next-line single-owner, role-split -- reason until 2027-01-01
//   # productteam-disable core-team -- whole file
import { Lexer } from 'yaml';
import type { LineIndex } from './lines';
import type { EffectiveSettings, Problem, Suppression } from './types';

export type { Suppression } from './types';

const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);
const DIRECTIVE = /^#\s*productteam-disable(-next-line)?(?=\s|$)(.*)$/;

export function parseSuppressions(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  // Only lines that mention the directive are lexed (with yaml's own lexer, so
  // a '#' inside a quoted string is not a comment): big files stay cheap.
  let lastLine = -1;
  for (let at = text.indexOf('productteam-disable'); at !== -1; at = text.indexOf('productteam-disable', at + 1)) {
    const line = lines.positionAt(at).line;
    if (line === lastLine) continue;
    lastLine = line;
    const lineStart = lines.lineStart(line);
    let offset = lineStart;
    for (const token of new Lexer().lex(text.slice(lineStart, lines.lineEnd(line)))) {
      if (token.startsWith('#')) {
        const s = parseDirective(token, offset, line);
        if (s) out.push(s);
      }
      // The lexer also yields one-character control tokens that are not source text.
      if (!CONTROL_TOKENS.has(token)) offset += token.length;
    }
  }
  return out;
}

function parseDirective(token: string, offset: number, line: number): Suppression | undefined {
  const m = DIRECTIVE.exec(token.trimEnd());
  if (!m) return undefined;
  const rest = m[2];
  const sep = rest.indexOf(' -- ');
  const idPart = sep >= 0 ? rest.slice(0, sep) : rest.replace(/\s+--\s*$/, '');
  const reason = sep >= 0 ? rest.slice(sep + 4).trim() : undefined;
  const until = reason ? /\buntil\s+(\d{4}-\d{2}-\d{2})\b/.exec(reason)?.[1] : undefined;
  return {
    kind: m[1] ? 'next-line' : 'file',
    ruleIds: idPart.split(',').map((s) => s.trim()).filter(Boolean),
    line,
    reason,
    until,
    start: offset,
    end: offset + token.trimEnd().length,
    idsEnd: offset + token.length - rest.length + idPart.trimEnd().length,
    used: new Set(),
  };
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
