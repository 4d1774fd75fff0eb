// Issue 8, "checks that never switch off" and "slow on hostile input": what the
// fixtures cannot say (messages, line ends, fixes not offered, time bounds).
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/host/analyze';
import { getFixes } from '../../server/src/engine/fixes/fixes';
import { ParseCache } from '../../server/src/engine/syntax/incremental';
import { LineIndex } from '../../server/src/engine/syntax/lines';
import { isRealDate, parseSuppressions } from '../../server/src/engine/suppressions/suppressions';
import { Suggester } from '../../server/src/engine/text';

const TODAY = '2026-06-01';
const HEAD = 'version: 1\norganization: { name: Acme, stance: combined }\n';
const found = (text: string) => analyze(text, { today: TODAY }).problems;

describe('trust: no check switches off silently', () => {
  it('a structural parse error says that the other checks are paused', () => {
    const problems = found('version: 1\norganization:\n  name: Acme\n people:\n  alice: { name: Alice }\n');
    assert.deepEqual([...new Set(problems.map((p) => p.ruleId))], ['yaml-syntax']);
    assert.match(problems[0].message, /other checks are paused until the file parses/);
  });

  it('an unresolved alias is a yaml-syntax error at the alias, and the schema still reports everything else', () => {
    const text = `${HEAD}x-note: *nowhere\npeople:\n  alice: { name: Alice, discipline: engineering, shoeSize: 42 }\n  bob: { discipline: product }\n`;
    const problems = found(text);
    const syntax = problems.filter((p) => p.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.equal(text.slice(syntax[0].start, syntax[0].end), '*nowhere');
    assert.equal(problems.filter((p) => p.ruleId === 'schema').length, 3);
  });

  it('several documents: "one document per file", in our words', () => {
    const problems = found(`${HEAD}---\nversion: 1\n`);
    const syntax = problems.filter((p) => p.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /one document per file/);
    assert.doesNotMatch(syntax[0].message, /parseAllDocuments/);
  });

  it('CR-only line ends are line ends', () => {
    const text = 'version: 1\rorganization:\r  name: Acme\r  stage: bigco\r';
    const a = analyze(text, { today: TODAY });
    assert.deepEqual(
      a.problems.filter((p) => p.ruleId === 'yaml-syntax'),
      [],
    );
    const schema = a.problems.find((p) => p.ruleId === 'schema')!;
    assert.equal(text.slice(schema.start, schema.end), 'bigco');
    assert.deepEqual(a.lines.positionAt(schema.start), { line: 3, character: 9 });
    assert.equal(new LineIndex('a\rb\r\nc\nd').lineCount, 4);
  });

  it('yaml-syntax cannot be suppressed, and no fix offers to', () => {
    const text = '# productteam-disable yaml-syntax\n# productteam-disable-next-line\nversion: 1\norganization:\n  name: Acme\n people: {}\n';
    const a = analyze(text, { today: TODAY });
    const syntax = a.problems.filter((p) => p.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.ok(a.problems.some((p) => p.ruleId === 'invalid-suppression'));
    for (const p of a.problems) for (const f of getFixes(a, p)) assert.doesNotMatch(f.title, /^Disable yaml-syntax/);
    assert.deepEqual(getFixes(a, syntax[0]), []);
  });

  it('yaml-syntax cannot be turned off either: settings.rules says why, and the option is ignored', () => {
    const text = 'version: 1\norganization: { name: Acme }\nsettings:\n  rules:\n    yaml-syntax: off\npeople:\n  a: { name: A\n';
    const a = analyze(text, { today: TODAY });
    assert.ok(
      a.problems.some((p) => p.ruleId === 'yaml-syntax' && p.severity === 'error'),
      'the parse error is still reported',
    );
    const clean = 'version: 1\norganization: { name: Acme, stance: combined }\nsettings:\n  rules:\n    yaml-syntax: off\n';
    const schemaErrors = analyze(clean, { today: TODAY }).problems.filter((p) => p.ruleId === 'schema');
    assert.deepEqual(
      schemaErrors.map((p) => p.message),
      ["'yaml-syntax' cannot be 'off'. It cannot be turned off: a file that does not parse must never look clean."],
    );
    assert.ok(analyze(text, { today: TODAY, rules: { 'yaml-syntax': 'off' } }).problems.some((p) => p.ruleId === 'yaml-syntax'));
  });

  it('the "unused" hints stay quiet while the file does not parse', () => {
    const problems = found('# productteam-disable core-team\nversion: 1\norganization:\n  name: Acme\n people: {}\n');
    assert.deepEqual(
      problems.filter((p) => p.ruleId === 'unused-suppression'),
      [],
    );
  });

  it('"Disable … for this file" never appends to a dated, expired or invalid directive', () => {
    for (const directive of [
      '# productteam-disable single-owner -- until 2026-01-01',
      '# productteam-disable single-owner -- until 2026-13-45',
      '# productteam-disable single-ownr',
    ]) {
      const text = `${directive}\n${HEAD}people:\n  alice: { name: Alice }\n`;
      const a = analyze(text, { today: TODAY });
      const unused = a.problems.find((p) => p.ruleId === 'unused-person')!;
      const fix = getFixes(a, unused).find((f) => f.title === 'Disable unused-person for this file')!;
      assert.deepEqual(fix.edits, [{ start: 0, end: 0, newText: '# productteam-disable unused-person\n' }], directive);
      assert.equal(fix.kind, 'suggestion');
    }
  });
});

describe('trust: suppressions say what they do', () => {
  it('an expired suppression counts the findings it reports again', () => {
    const text = `# productteam-disable unused-person -- until 2026-01-01\n${HEAD}people:\n  alice: { name: Alice }\n  bob: { name: Bob }\n`;
    const expired = found(text).find((p) => p.ruleId === 'expired-suppression')!;
    assert.match(expired.message, /the 2 findings it hid \(unused-person\) are reported again/);
    const nothing = found(`# productteam-disable core-team -- until 2026-01-01\n${HEAD}`).find((p) => p.ruleId === 'expired-suppression')!;
    assert.match(nothing.message, /it hid nothing that is reported now/);
  });

  it('a disable below a finding does not hide it; enable ends the range', () => {
    const text = `${HEAD}people:\n  alice: { name: Alice }\n  # productteam-disable unused-person\n  bob: { name: Bob }\n  # productteam-enable unused-person\n  carol: { name: Carol }\n`;
    const ids = found(text)
      .filter((p) => p.ruleId === 'unused-person')
      .map((p) => text.slice(p.start, p.end));
    assert.deepEqual(ids, ['alice', 'carol']);
  });

  it('unused-suppression: one finding per unused id, on the id', () => {
    const text = `${HEAD}people:\n  alice: { name: Alice } # productteam-disable-line unused-person, core-team, vision-required\n`;
    const unused = found(text)
      .filter((p) => p.ruleId === 'unused-suppression')
      .map((p) => text.slice(p.start, p.end));
    assert.deepEqual(unused, ['core-team', 'vision-required']);
  });

  it('real dates only', () => {
    for (const d of ['2026-01-31', '2024-02-29', '2000-02-29']) assert.ok(isRealDate(d), d);
    for (const d of ['2026-13-45', '2026-02-29', '1900-02-29', '2026-04-31', '99999-01-01', '2026-1-1', '2026-00-10']) assert.ok(!isRealDate(d), d);
  });
});

describe('trust: linear on hostile input', () => {
  it('a directive padded with 4 × 60k spaces parses in well under a second', () => {
    const pad = ' '.repeat(60_000);
    const text = `${HEAD}# productteam-disable-next-line${pad}core-team,${pad}-- ${pad}until${pad}2030-01-01${pad}\n`;
    const started = Date.now();
    const [s] = parseSuppressions(text, new LineIndex(text));
    const ms = Date.now() - started;
    assert.deepEqual(s.ruleIds, ['core-team']);
    assert.equal(s.until, '2030-01-01');
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('"did you mean" stays bounded: 300 misspelt ids among 20,000 look-alikes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = () => Array.from({ length: 12 }, () => 'abcdefghij-'[Math.floor(rnd() * 11)]).join('');
    const known = Array.from({ length: 20_000 }, word);
    const suggester = new Suggester(['alice', ...known]);
    const started = Date.now();
    for (let i = 0; i < 300; i++) suggester.suggest(word(), 4);
    const ms = Date.now() - started;
    assert.ok(ms < 3000, `took ${ms} ms`);
    assert.deepEqual(suggester.suggest('alcie', 2), ['alice']);
  });
});

describe('trust: the parse cache and anchors', () => {
  it('gives the same findings as a full parse when anchors and aliases tie entries together', () => {
    const cache = new ParseCache();
    let text = `${HEAD}people:\n  alice: &a { name: Alice, discipline: product }\n  bob: { <<: *a, name: Bob }\n  carol: { name: Carol }\nproducts:\n  p:\n    name: P\n    owner: *who\n`;
    const steps = [
      (t: string) => t.replace('owner: *who', 'owner: alice'),
      (t: string) => t.replace('discipline: product', 'discipline: sales'),
      (t: string) => t.replace('&a ', ''),
    ];
    for (const step of [(t: string) => t, ...steps]) {
      text = step(text);
      const key = (ps: { ruleId: string; start: number; end: number; message: string }[]) => ps.map((p) => `${p.ruleId}@${p.start}-${p.end} ${p.message}`);
      assert.deepEqual(key(analyze(text, { today: TODAY, parseCache: cache }).problems), key(analyze(text, { today: TODAY }).problems));
    }
  });
});
