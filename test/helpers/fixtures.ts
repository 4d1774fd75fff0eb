// Tests as data: the annotation format of test/fixtures/**.productteam.yaml.
//
// A finding is written as a YAML comment right under the line it is on:
//
//     owner: [alice, bob] # lead
//   #        ^^^^^^^^^^^^ error single-owner
//
// The first `^` sits at the problem's start column on the nearest previous
// line that is not itself an annotation, and there is one `^` per character
// of the problem on that line (its end is clipped to the line's end). Carets
// cannot sit at column 0 or 1, so a problem starting there is written
// `# @<col>+<len> <severity> <rule-id>`.
//
// Optional header comments at the very top of a fixture:
//   # options: {"stance": "combined"}   JSON passed to analyze()
//   # fix: <exact fix title>            apply that one fix
//   # fix-at: <rule-id> <1-based line>  which problem's fix, when several offer the title
//   # fix-all                           apply getFixAllEdits()
//
// This module knows nothing about the engine beyond the shapes it reads, so
// it can be unit-tested on its own.

/**
 * Fixes that write an empty value for the user to fill in (SPEC section 4:
 * "puts the cursor on an empty value; writes no TODO text"): the finding
 * stays until the user writes the value.
 */
export const AWAITS_USER_INPUT: ReadonlySet<string> = new Set(['Add a product vision']);

export const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;

/** One finding, as an annotation says it or as the engine reports it. 0-based line and column. */
export interface Finding {
  line: number;
  col: number;
  len: number;
  severity: string;
  ruleId: string;
}

export interface FixtureHeader {
  /** JSON from `# options:`; `{}` when absent. */
  options: Record<string, unknown>;
  /** Title from `# fix:`. */
  fix?: string;
  /** From `# fix-at:`; `line` is 1-based. */
  fixAt?: { ruleId: string; line: number };
  fixAll: boolean;
}

const SEV = '(error|warning|info|hint)';
const RULE = '([a-z][a-z0-9-]*)';
const CARET_ANNOTATION = new RegExp(`^(\\s*#\\s*)(\\^+)\\s+${SEV}\\s+${RULE}\\s*$`);
const AT_ANNOTATION = new RegExp(`^\\s*#\\s*@(\\d+)\\+(\\d+)\\s+${SEV}\\s+${RULE}\\s*$`);
/** Anything that starts like an annotation; if it does not parse as one, that is a mistake in the fixture. */
const LOOKS_LIKE_ANNOTATION = /^\s*#\s*(\^|@)/;

/** The text's lines without their line breaks (a trailing `\r` is dropped too). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function isAnnotationLine(line: string): boolean {
  return LOOKS_LIKE_ANNOTATION.test(line);
}

/** A comment line that is not an annotation: these must survive every fix. */
export function isPlainCommentLine(line: string): boolean {
  return /^\s*#/.test(line) && !isAnnotationLine(line);
}

export interface ParsedAnnotations {
  findings: Finding[];
  /** Malformed or misplaced annotations, as messages with 1-based line numbers. */
  errors: string[];
}

export function parseAnnotations(text: string): ParsedAnnotations {
  const lines = splitLines(text);
  const findings: Finding[] = [];
  const errors: string[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    if (!isAnnotationLine(line)) {
      target = i;
      return;
    }
    if (/productteam-disable/.test(line)) {
      errors.push(`line ${i + 1}: an annotation must not contain "productteam-disable": ${line}`);
      return;
    }
    if (target < 0) {
      errors.push(`line ${i + 1}: annotation with no line above it: ${line}`);
      return;
    }
    const caret = CARET_ANNOTATION.exec(line);
    const at = AT_ANNOTATION.exec(line);
    if (caret) {
      const col = caret[1].length;
      if (col < 2) {
        errors.push(`line ${i + 1}: carets cannot start at column ${col}; write "# @${col}+${caret[2].length} ${caret[3]} ${caret[4]}"`);
        return;
      }
      findings.push({ line: target, col, len: caret[2].length, severity: caret[3], ruleId: caret[4] });
    } else if (at) {
      findings.push({ line: target, col: Number(at[1]), len: Number(at[2]), severity: at[3], ruleId: at[4] });
    } else {
      errors.push(`line ${i + 1}: malformed annotation (want "#   ^^^ <severity> <rule-id>" or "# @<col>+<len> <severity> <rule-id>"): ${line}`);
      return;
    }
    const f = findings[findings.length - 1];
    const targetLength = lines[target].length;
    if (f.col + f.len > targetLength) {
      errors.push(`line ${i + 1}: annotation reaches column ${f.col + f.len}, past the end of line ${target + 1} (length ${targetLength})`);
    }
  });
  return { findings, errors };
}

/** The header comments at the very top of a fixture (stops at the first other line). */
export function parseHeader(text: string): FixtureHeader {
  const header: FixtureHeader = { options: {}, fixAll: false };
  for (const line of splitLines(text)) {
    let m: RegExpExecArray | null;
    if ((m = /^# options:\s*(.*)$/.exec(line))) {
      try {
        header.options = JSON.parse(m[1]) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`bad JSON in "# options:" header: ${(e as Error).message}`);
      }
    } else if ((m = /^# fix:\s?(.*)$/.exec(line))) {
      header.fix = m[1];
    } else if ((m = /^# fix-at:\s*([a-z][a-z0-9-]*)\s+(\d+)\s*$/.exec(line))) {
      header.fixAt = { ruleId: m[1], line: Number(m[2]) };
    } else if (/^# fix-all\s*$/.test(line)) {
      header.fixAll = true;
    } else {
      break;
    }
  }
  if (header.fix !== undefined && header.fixAll) throw new Error('a fixture has "# fix:" or "# fix-all", not both');
  if (header.fixAt && header.fix === undefined) throw new Error('"# fix-at:" needs a "# fix:" header');
  return header;
}

/** What converts an offset to a 0-based line and column (the engine's LineIndex fits). */
export interface PositionSource {
  positionAt(offset: number): { line: number; character: number };
}

export interface ProblemLike {
  ruleId: string;
  severity: string;
  start: number;
  end: number;
}

/** A problem as an annotation would say it: its start line and column, and its length clipped to that line. */
export function toFinding(problem: ProblemLike, text: string, positions: PositionSource): Finding {
  const start = positions.positionAt(problem.start);
  const lineText = splitLines(text)[start.line] ?? '';
  const lineEnd = problem.start - start.character + lineText.length;
  const len = Math.max(0, Math.min(problem.end, lineEnd) - problem.start);
  return { line: start.line, col: start.character, len, severity: problem.severity, ruleId: problem.ruleId };
}

const keyOf = (f: Finding): string => `${f.line}:${f.col}:${f.len}:${f.severity}:${f.ruleId}`;

/** The annotation that would describe a finding, for messages. */
export function renderAnnotation(f: Finding): string {
  return f.col >= 2 ? `#${' '.repeat(f.col - 1)}${'^'.repeat(Math.max(1, f.len))} ${f.severity} ${f.ruleId}` : `# @${f.col}+${f.len} ${f.severity} ${f.ruleId}`;
}

function describe(f: Finding, lines: string[]): string {
  return `  line ${f.line + 1}: ${lines[f.line] ?? ''}\n          ${renderAnnotation(f)}`;
}

/**
 * Compares the annotated findings with the reported ones as sets. Returns one
 * message per difference; empty means they match.
 */
export function compareFindings(text: string, expected: Finding[], actual: Finding[]): string[] {
  const lines = splitLines(text);
  const want = new Map(expected.map((f) => [keyOf(f), f]));
  const got = new Map(actual.map((f) => [keyOf(f), f]));
  const messages: string[] = [];
  for (const [k, f] of got) if (!want.has(k)) messages.push(`reported but not annotated:\n${describe(f, lines)}`);
  for (const [k, f] of want) if (!got.has(k)) messages.push(`annotated but not reported:\n${describe(f, lines)}`);
  return messages;
}

/** Plain comment lines (not annotations) of a text, with how often each occurs. */
export function plainCommentLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of splitLines(text)) if (isPlainCommentLine(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/**
 * Comment lines of `before` that `after` lost (a fix must keep every comment).
 * A suppression comment that a "Disable <ruleId> …" fix extended with
 * `, <ruleId>` counts as kept: adding the id to the existing comment is how
 * the fix keeps that comment's own suppression working.
 */
export function lostCommentLines(before: string, after: string, ruleId?: string): string[] {
  const kept = plainCommentLines(after);
  if (ruleId) {
    for (const [line, n] of [...kept]) {
      if (!line.includes('productteam-disable')) continue;
      const unextended = line.replace(`, ${ruleId}`, '');
      if (unextended !== line) kept.set(unextended, (kept.get(unextended) ?? 0) + n);
    }
  }
  // The suppression rules' own fixes remove or rewrite directives on purpose; every other comment must stay.
  const directivesMayGo = ruleId !== undefined && /^(unused|expired|invalid)-suppression$/.test(ruleId);
  const lost: string[] = [];
  for (const [line, n] of plainCommentLines(before)) {
    const m = kept.get(line) ?? 0;
    if (m < n && !(directivesMayGo && /productteam-(disable|enable)/.test(line))) lost.push(line);
  }
  return lost;
}
