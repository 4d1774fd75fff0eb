// One driver for every fixture under test/fixtures/: a folder per rule id
// (plus severity/), a case per file; a fix's case lives with the rule it
// fixes, a suppression directive's with the suppression rule that judges it
// (unused-, expired-, invalid-suppression). The
// expected findings are annotations in the file itself (format in
// test/helpers/fixtures.ts); a fixture with a `# fix:` or `# fix-all` header
// has its expected text after the fix beside it, `<case>.fixed.productteam.yaml`,
// compared byte for byte. `UPDATE_FIXTURES=1` rewrites those instead (review the diff).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, getFixAllEdits, getFixes, RULES } from '../server/src/engine';
import type { AnalyzeOptions, Fix, Problem, TextEdit } from '../server/src/engine';
import { AWAITS_USER_INPUT, compareFindings, lostCommentLines, parseAnnotations, parseHeader, toFinding, type Finding } from './helpers/fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');
const TODAY = '2026-06-01';
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const FIXED_SUFFIX = '.fixed.productteam.yaml';
const INPUT_SUFFIX = '.productteam.yaml';

const read = (file: string): string => fs.readFileSync(file, 'utf8');
const rel = (file: string): string => path.relative(FIXTURES, file).split(path.sep).join('/');

function optionsFor(text: string): AnalyzeOptions {
  return { today: TODAY, ...(parseHeader(text).options as AnalyzeOptions) };
}

function findingsOf(text: string, options: AnalyzeOptions): { problems: Problem[]; findings: Finding[] } {
  const analysis = analyze(text, options);
  return { problems: analysis.problems, findings: analysis.problems.map((p) => toFinding(p, text, analysis.lines)) };
}

/** Asserts that the annotations and the engine agree, exactly. */
export function checkFindings(text: string, options: AnalyzeOptions): void {
  const parsed = parseAnnotations(text);
  assert.deepEqual(parsed.errors, [], `malformed annotations:\n${parsed.errors.join('\n')}`);
  const known = new Set(RULES.map((r) => r.id));
  const unknown = parsed.findings.filter((f) => !known.has(f.ruleId)).map((f) => `line ${f.line + 1}: ${f.ruleId}`);
  assert.deepEqual(unknown, [], `annotations name unknown rule ids:\n${unknown.join('\n')}`);
  const { findings } = findingsOf(text, options);
  const diff = compareFindings(text, parsed.findings, findings);
  assert.ok(diff.length === 0, `findings differ from the annotations:\n${diff.join('\n')}`);
}

interface AppliedFix {
  fixed: string;
  title?: string;
  /** The rule whose problems must be fewer afterwards; undefined for fix-all (all problems). */
  ruleId?: string;
  edits: TextEdit[];
}

function applyHeaderFix(text: string, options: AnalyzeOptions): AppliedFix | undefined {
  const header = parseHeader(text);
  const analysis = analyze(text, options);
  if (header.fixAll) {
    const edits = getFixAllEdits(analysis);
    assert.ok(edits.length > 0, 'fix-all produced no edits');
    return { fixed: applyEdits(text, edits), edits };
  }
  if (header.fix === undefined) return undefined;
  const offers: { problem: Problem; fix: Fix }[] = [];
  for (const problem of analysis.problems) {
    for (const fix of getFixes(analysis, problem)) if (fix.title === header.fix) offers.push({ problem, fix });
  }
  const describe = (o: { problem: Problem }): string => `${o.problem.ruleId} at line ${analysis.lines.positionAt(o.problem.start).line + 1}`;
  let chosen = offers;
  if (header.fixAt) {
    const at = header.fixAt;
    chosen = offers.filter((o) => o.problem.ruleId === at.ruleId && analysis.lines.positionAt(o.problem.start).line + 1 === at.line);
  }
  assert.equal(
    chosen.length,
    1,
    `want exactly one fix titled "${header.fix}"${header.fixAt ? ` for ${header.fixAt.ruleId} at line ${header.fixAt.line}` : ''}, ` +
      `found ${chosen.length} (offered by: ${offers.map(describe).join(', ') || 'none'}; ` +
      `all titles: ${[...new Set(analysis.problems.flatMap((p) => getFixes(analysis, p).map((f) => f.title)))].join(' | ')})`,
  );
  const { problem, fix } = chosen[0];
  return { fixed: applyEdits(text, fix.edits), ruleId: problem.ruleId, edits: fix.edits, title: fix.title };
}

function checkFix(file: string, text: string, options: AnalyzeOptions): void {
  const applied = applyHeaderFix(text, options);
  const fixedFile = file.slice(0, -INPUT_SUFFIX.length) + FIXED_SUFFIX;
  if (!applied) {
    assert.ok(!fs.existsSync(fixedFile), `${rel(fixedFile)} exists but ${rel(file)} has no "# fix:" or "# fix-all" header`);
    return;
  }
  const { fixed, ruleId, title } = applied;
  if (UPDATE) {
    const old = fs.existsSync(fixedFile) ? read(fixedFile) : undefined;
    if (old !== fixed) {
      fs.writeFileSync(fixedFile, fixed);
      console.log(`      wrote ${rel(fixedFile)}`);
    }
  } else {
    assert.ok(fs.existsSync(fixedFile), `missing ${rel(fixedFile)} (run with UPDATE_FIXTURES=1 and review it)`);
    assert.equal(fixed, read(fixedFile), `the fixed text differs from ${rel(fixedFile)}`);
  }

  const before = analyze(text, options).problems;
  const after = analyze(fixed, options).problems;
  const syntax = after.filter((p) => p.ruleId === 'yaml-syntax').map((p) => p.message);
  assert.deepEqual(syntax, [], 'the fixed text must still parse');
  const count = (ps: Problem[]): number => ps.filter((p) => ruleId === undefined || p.ruleId === ruleId).length;
  assert.ok(
    count(after) < count(before) || (title !== undefined && AWAITS_USER_INPUT.has(title) && count(after) === count(before)),
    `the fix must leave fewer ${ruleId ?? ''} problems: ${count(before)} before, ${count(after)} after`,
  );
  const lost = lostCommentLines(text, fixed, ruleId);
  assert.deepEqual(lost, [], 'the fix dropped comment lines');
}

function fixtureFolders(): string[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function casesIn(folder: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith(INPUT_SUFFIX) && !f.endsWith(FIXED_SUFFIX))
    .sort()
    .map((f) => path.join(FIXTURES, folder, f));
}

describe('fixtures', () => {
  for (const folder of fixtureFolders()) {
    describe(folder, () => {
      for (const file of casesIn(folder)) {
        it(rel(file), () => {
          const text = read(file);
          const options = optionsFor(text);
          checkFindings(text, options);
          checkFix(file, text, options);
        });
      }
      it(`${folder}/ has no stray .fixed files`, () => {
        const dir = path.join(FIXTURES, folder);
        const stray = fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(FIXED_SUFFIX))
          .filter((f) => !fs.existsSync(path.join(dir, f.slice(0, -FIXED_SUFFIX.length) + INPUT_SUFFIX)));
        assert.deepEqual(stray, [], 'a .fixed file without its input');
      });
    });
  }
});

describe('fixture annotations (self-test)', () => {
  const text = [
    'products:',
    '  payments:',
    '    owner: [alice, bob] # lead',
    '#          ^^^^^^^^^^^^ error single-owner',
    '# @0+8 warning some-rule',
    '',
  ].join('\n');
  // What an engine would report for that text, as offsets.
  const ownerStart = text.indexOf('[alice');
  const problems = [
    { ruleId: 'single-owner', severity: 'error', start: ownerStart, end: ownerStart + '[alice, bob]'.length },
    { ruleId: 'some-rule', severity: 'warning', start: text.indexOf('    owner'), end: text.indexOf('    owner') + 8 },
  ];
  const positions = {
    positionAt(offset: number) {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    },
  };
  const actual = problems.map((p) => toFinding(p, text, positions));

  it('annotations point at the nearest previous non-annotation line', () => {
    const { findings, errors } = parseAnnotations(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(findings, [
      { line: 2, col: 11, len: 12, severity: 'error', ruleId: 'single-owner' },
      { line: 2, col: 0, len: 8, severity: 'warning', ruleId: 'some-rule' },
    ]);
  });

  it('matching annotations compare equal', () => {
    assert.deepEqual(compareFindings(text, parseAnnotations(text).findings, actual), []);
  });

  it('a caret one column off does not match', () => {
    const wrong = text.replace('#          ^', '#           ^');
    const diff = compareFindings(wrong, parseAnnotations(wrong).findings, actual);
    assert.equal(diff.length, 2, diff.join('\n'));
    assert.match(diff.join('\n'), /reported but not annotated/);
    assert.match(diff.join('\n'), /annotated but not reported/);
  });

  it('a wrong length, severity or rule id does not match', () => {
    for (const wrong of [
      text.replace('^^^^^^^^^^^^ error', '^^^^^^^^^^^ error'),
      text.replace('^ error single-owner', '^ warning single-owner'),
      text.replace('^ error single-owner', '^ error single-backlog-owner'),
    ]) {
      assert.notDeepEqual(compareFindings(wrong, parseAnnotations(wrong).findings, actual), []);
    }
  });

  it('an unannotated finding fails', () => {
    const missing = text.replace('# @0+8 warning some-rule\n', '');
    assert.equal(compareFindings(missing, parseAnnotations(missing).findings, actual).length, 1);
  });

  it('multi-line problems are clipped to their first line', () => {
    const t = 'a:\n  - x\n  - y\n';
    const f = toFinding({ ruleId: 'r', severity: 'error', start: 5, end: t.length }, t, {
      positionAt: (o) => ({ line: t.slice(0, o).split('\n').length - 1, character: o - (t.lastIndexOf('\n', o - 1) + 1) }),
    });
    assert.deepEqual(f, { line: 1, col: 2, len: 3, severity: 'error', ruleId: 'r' });
  });

  it('rejects malformed annotations', () => {
    for (const bad of [
      'a: 1\n#   ^^^ eror single-owner\n',
      'a: 1\n#^ error single-owner\n',
      'a: 1\n# @x+1 error single-owner\n',
      '#   ^^^ error single-owner\n',
      'a: 1\n#   ^^^^^^^ error single-owner\n',
    ]) {
      assert.notDeepEqual(parseAnnotations(bad).errors, [], bad);
    }
  });

  it('against the engine: the right caret passes, one column off fails', () => {
    const right = ['version: 1', 'organization: { name: Acme, stance: combined }', 'people:', '  zoe: { name: Zoe Lind }', '# ^^^ hint unused-person', ''].join(
      '\n',
    );
    checkFindings(right, { today: TODAY });
    const wrong = right.replace('# ^^^', '#  ^^^');
    assert.throws(() => checkFindings(wrong, { today: TODAY }), /reported but not annotated[\s\S]*annotated but not reported/);
  });

  it('reads the header', () => {
    const h = parseHeader('# options: {"stance": "separated"}\n# fix: Disable core-team for this line\n# fix-at: core-team 12\nversion: 1\n# fix-all\n');
    assert.deepEqual(h, {
      options: { stance: 'separated' },
      fix: 'Disable core-team for this line',
      fixAt: { ruleId: 'core-team', line: 12 },
      fixAll: false,
    });
  });

  it('notices a lost comment line but not a lost annotation', () => {
    assert.deepEqual(lostCommentLines('a: 1 # x\n# keep\n#  ^ error r\n', 'a: 2 # x\n'), ['# keep']);
  });

  it('accepts a suppression comment extended with the fixed rule id, and nothing else', () => {
    const before = '# productteam-disable-next-line core-team -- why\na: 1\n';
    const after = '# productteam-disable-next-line core-team, outcomes-defined -- why\na: 1\n';
    assert.deepEqual(lostCommentLines(before, after, 'outcomes-defined'), []);
    assert.deepEqual(lostCommentLines(before, after, 'role-split'), ['# productteam-disable-next-line core-team -- why']);
    assert.deepEqual(lostCommentLines(before, after), ['# productteam-disable-next-line core-team -- why']);
  });
});
