// The examples/ folder is documentation that must stay true: the healthy
// organisation is clean, the troubled one shows every rule, the broken one
// does not parse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/engine';
import { hostFor } from './helpers/multi-file';

const EXAMPLES = path.join(__dirname, '..', 'examples');
// The date the fixtures use; the troubled example's expired suppression is older.
const TODAY = '2026-06-01';

function problemsOf(name: string) {
  const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
  const analysis = analyze(text, { today: TODAY });
  return analysis.problems.map((p) => ({ ...p, line: analysis.lines.positionAt(p.start).line + 1 }));
}

describe('examples', () => {
  it('healthy.productteam.yaml has no problems at any severity', () => {
    const problems = problemsOf('healthy.productteam.yaml');
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.severity} ${p.ruleId}: ${p.message}`),
      [],
    );
  });

  // What the troubled example is written to show: every rule of SPEC revision 2
  // that one parsing file can break. A statement about the example, not the
  // registry: a new rule is shown by its own fixtures (test/rules.test.ts
  // makes sure it has some) and joins the example when someone rewrites it.
  const SHOWN = [
    'schema',
    'unknown-reference',
    'single-owner',
    'single-backlog-owner',
    'role-split',
    'decision-authority',
    'vision-required',
    'overloaded-person',
    'team-single-domain',
    'departed-person',
    'scrum-master-not-product-owner',
    'customer-contact',
    'core-team',
    'domain-without-team',
    'team-without-domain',
    'outcomes-defined',
    'unused-person',
    'unused-suppression',
    'expired-suppression',
    'invalid-suppression',
    'duplicate-reference',
  ];

  it('troubled.productteam.yaml shows every rule it is written to show, and parses', () => {
    const fired = new Set(problemsOf('troubled.productteam.yaml').map((p) => p.ruleId));
    const missing = SHOWN.filter((id) => !fired.has(id));
    assert.deepEqual(missing, [], 'rules that do not fire in the troubled example');
    assert.ok(!fired.has('yaml-syntax'), 'the troubled example must parse');
  });

  it("troubled.productteam.yaml shows them on today's date too (its expired suppression stays expired)", () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'troubled.productteam.yaml'), 'utf8');
    const fired = new Set(analyze(text).problems.map((p) => p.ruleId));
    assert.ok(fired.has('expired-suppression'));
  });

  it('troubled.productteam.yaml declares a stance, so its role-split finding (the README hover) follows it', () => {
    const roleSplit = problemsOf('troubled.productteam.yaml').filter((p) => p.ruleId === 'role-split');
    assert.ok(roleSplit.length > 0);
    for (const p of roleSplit) assert.match(p.message, /^Under the combined stance you declared/);
  });

  it('undecided.productteam.yaml: no stance, no role-split; stance-declared previews each stance, as its header says', () => {
    const problems = problemsOf('undecided.productteam.yaml');
    assert.deepEqual(
      problems.map((p) => p.ruleId),
      ['stance-declared'],
    );
    const text = fs.readFileSync(path.join(EXAMPLES, 'undecided.productteam.yaml'), 'utf8');
    assert.match(problems[0].message, /Declared combined: 1 finding; separated: 1; contextual: 0; outcomes-first: 0/);
    assert.match(text, /Declare stance: combined \(1 finding\)/);
  });

  it('broken.productteam.yaml reports yaml-syntax', () => {
    const problems = problemsOf('broken.productteam.yaml');
    assert.ok(
      problems.some((p) => p.ruleId === 'yaml-syntax' && p.severity === 'error'),
      'want a yaml-syntax error',
    );
  });

  it('multi-file/ is one organisation whose only findings are the person not yet in the people directory', () => {
    const { host, keys, prefix } = hostFor(path.join(EXAMPLES, 'multi-file'));
    const snap = host.snapshot();
    assert.deepEqual(snap.organisationsOf(`${prefix}acme.productteam.yaml`)[0].files.length, keys.length, 'the root includes every file');
    const found = keys.flatMap((k) => snap.diagnostics(k).map((p) => `${k.slice(prefix.length)} ${p.ruleId} ${snap.text(k)!.slice(p.start, p.end)}`));
    assert.deepEqual(found, ['products/search.productteam.yaml unknown-reference nina', 'products/search.productteam.yaml unknown-reference nina']);
    // Adding her to the people file clears the product file.
    const people = `${prefix}people.productteam.yaml`;
    host.setFile(people, `${snap.text(people)}  nina: { name: Nina Roy, discipline: product }\n`);
    assert.deepEqual(host.snapshot().diagnostics(`${prefix}products/search.productteam.yaml`), []);
  });
});
