// The rules say everything about themselves in their own files; what is
// derived from them must agree: the generated copies are up to date, the
// registry holds exactly the rules SPEC section 3 defines (but those not built
// yet), and every rule has its docs page and its fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, getFixes, RULES, ruleById, isRuleId } from '../server/src/engine';
import { outOfDate, replaceRegion } from '../scripts/generate';
import { specAvailable, specRuleIds, specSkipMessage } from './helpers/spec';

const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Rules SPEC section 3 defines that are not built yet. Remove an id when its
 * rule lands (the test fails until you do).
 */
const NOT_YET_BUILT = new Set<string>([]);

/** The text of every fixture (not the expected `.fixed` ones), recursively. */
function fixtureTexts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return fixtureTexts(p);
    return e.name.endsWith('.productteam.yaml') && !e.name.endsWith('.fixed.productteam.yaml') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

describe('rules', () => {
  it('the generated files are up to date (run `npm run generate` if not)', async function () {
    this.timeout(15000);
    const stale = await outOfDate(REPO_ROOT);
    assert.deepEqual(
      stale.map((f) => f.path),
      [],
      'these files differ from what the rules say: run `npm run generate` and commit the result',
    );
  });

  it('every rule id is unique, kebab-case and its own registry key', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.equal(ruleById(id)?.id, id);
      assert.ok(isRuleId(id));
    }
    assert.ok(!isRuleId('not-a-rule'));
  });

  it('every rule declares its docs and rationale, and has a docs page and a fixture where it fires', () => {
    const fixtures = fixtureTexts(path.join(REPO_ROOT, 'test', 'fixtures'));
    for (const r of RULES) {
      assert.ok(r.description.trim() && r.docs.firesWhen.trim() && r.rationale.why.trim(), r.id);
      const page = path.join(REPO_ROOT, 'docs', 'rules', `${r.id}.md`);
      assert.ok(fs.existsSync(page), `missing docs/rules/${r.id}.md`);
      const annotation = new RegExp(`^\\s*#.*\\b(error|warning|info|hint) ${r.id}\\b`, 'm');
      assert.ok(
        fixtures.some((t) => annotation.test(t)),
        `no fixture under test/fixtures/ expects a finding of ${r.id}`,
      );
    }
  });

  it('the flags replace what used to be special cases by id', () => {
    const flagged = (flag: 'unsuppressible' | 'runsWhenParseFails' | 'unnecessary' | 'stanceDebate') =>
      RULES.filter((r) => r[flag])
        .map((r) => r.id)
        .sort();
    assert.deepEqual(flagged('unsuppressible'), ['yaml-syntax']);
    assert.deepEqual(flagged('runsWhenParseFails'), ['yaml-syntax']);
    const afterSuppressions = RULES.filter((r) => r.phase === 'after-suppressions')
      .map((r) => r.id)
      .sort();
    assert.deepEqual(afterSuppressions, ['expired-suppression', 'invalid-suppression', 'unused-suppression']);
    assert.deepEqual(flagged('unnecessary'), ['unused-person', 'unused-suppression']);
    assert.deepEqual(flagged('stanceDebate'), ['role-split']);
  });

  it('marks the "Disable …" fixes, and offers them only for rules that can be disabled', () => {
    const text = [
      '# productteam-disable-next-line core-team, not-a-rule',
      'version: 1',
      'organization: { name: Acme, stance: combined }',
      'people:',
      '  alice: { name: Alice, discipline: product }',
      '  zoe: { name: Zoe, discipline: data }',
      'products:',
      '  pay:',
      '    name: Pay',
      '    owner: alice',
      '    domains:',
      '      checkout: { productManager: alice, outcomes: [x] }',
      'key: [',
      '',
    ].join('\n');
    const parses = analyze(text.replace('key: [\n', ''), { today: '2026-06-01' });
    const unused = parses.problems.find((p) => p.ruleId === 'unused-person')!;
    const fixes = getFixes(parses, unused);
    assert.deepEqual(
      fixes.filter((f) => f.isSuppression).map((f) => f.title),
      ['Disable unused-person for this line', 'Disable unused-person for this file'],
    );
    const invalid = parses.problems.find((p) => p.ruleId === 'invalid-suppression')!;
    assert.ok(
      getFixes(parses, invalid).length > 0 && getFixes(parses, invalid).every((f) => !f.isSuppression),
      'findings about suppressions are fixed, not disabled',
    );
    const broken = analyze(text.replace(/^# productteam-disable-next-line .*\n/, ''), { today: '2026-06-01' });
    assert.deepEqual([...new Set(broken.problems.map((p) => p.ruleId))], ['yaml-syntax'], 'only runsWhenParseFails rules run on a broken file');
    assert.ok(
      broken.problems.every((p) => getFixes(broken, p).every((f) => !f.isSuppression)),
      'an unsuppressible rule offers no Disable fix',
    );
  });

  describe('against SPEC section 3', () => {
    it('reads the rule ids of every table of section 3', () => {
      const text =
        '## 2. Format\n| `not-this` | x |\n## 3. Rules\n| id | default |\n| --- | --- |\n| `one` | error |\n\nprose `two`\n| `three-3` | hint |\n## 4. Fixes\n| `not-that` | x |\n';
      assert.deepEqual(specRuleIds(text), ['one', 'three-3']);
    });

    it('every implemented rule is in SPEC, and every SPEC rule is implemented but those not built yet', function () {
      if (!specAvailable()) {
        console.warn(`    ${specSkipMessage()}`);
        this.skip();
      }
      const spec = specRuleIds();
      assert.ok(spec.length >= RULES.length, 'SPEC section 3 lists fewer rules than the registry: is the parser reading the tables?');
      const implemented = new Set(RULES.map((r) => r.id));
      assert.deepEqual(
        [...implemented].filter((id) => !spec.includes(id)),
        [],
        'rules SPEC section 3 does not define',
      );
      assert.deepEqual(
        spec.filter((id) => !implemented.has(id) && !NOT_YET_BUILT.has(id)),
        [],
        'rules of SPEC section 3 that are not implemented (add them to NOT_YET_BUILT if they belong to a later issue)',
      );
      assert.deepEqual(
        [...NOT_YET_BUILT].filter((id) => implemented.has(id) || !spec.includes(id)),
        [],
        'NOT_YET_BUILT lists rules that are built, or that SPEC no longer defines: take them off',
      );
    });
  });

  describe('generated regions', () => {
    it('replaces only what lies between the markers', () => {
      const text = 'before\n<!-- generated:rules (note) -->\nold\ntable\n<!-- end generated:rules -->\nafter\n';
      assert.equal(replaceRegion(text, 'rules', 'new', 'x.md'), 'before\n<!-- generated:rules (note) -->\nnew\n<!-- end generated:rules -->\nafter\n');
    });

    it('says which file lacks its markers', () => {
      assert.throws(() => replaceRegion('no markers\n', 'rules', 'new', 'x.md'), /x\.md: no '<!-- generated:rules/);
    });
  });
});
