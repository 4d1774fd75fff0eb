// Issue 16, "a safe fix never changes who does what": one test per defect
// the third trust probe found in the engine (the CLI's writes are in
// test/cli-write.test.ts, the new shapes in the fuzz and property tests).
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { analyze, applyEdits, fixAllText, getFixes, hover } from '../../server/src/engine';
import type { Problem } from '../../server/src/engine';
import { localToday } from '../../server/src/engine/host/analyze';
import { PARSE_OPTIONS } from '../../server/src/engine/syntax/incremental';
import { editDistance, isLikelyTypo, safeCorrection, typoLimit } from '../../server/src/engine/text';

const TODAY = '2026-06-01';
const HEAD = 'version: 1\norganization: { name: Acme, stance: combined }\n';
const run = (text: string) => analyze(text, { today: TODAY });
const fixAll = (text: string) => fixAllText(text, { today: TODAY }).text;
const of = (text: string, rule: string): Problem[] => run(text).problems.filter((p) => p.ruleId === rule);
const parses = (text: string) => parseDocument(text, PARSE_OPTIONS).errors.length === 0;

/** ann has been deleted from people:, dan is still there. */
const DELETED_ANN = `${HEAD}people:
  dan: { name: Dan, discipline: product }
  lina: { name: Lina, discipline: ux }
  alice-k: { name: Alice K, discipline: business }
products:
  p:
    name: P
    owner: ann
    domains:
      d:
        productManager: liv
        productOwner: alice-m
        teams: [t-cash]
teams:
  t-car: { members: [dan, ann] }
`;

describe('issue 16: trust, round 3', () => {
  describe('1. a safe rename is a likely typo, not a lookalike', () => {
    it('deleting a person hands nobody their roles: fix-all leaves every unknown lookalike alone', () => {
      assert.equal(fixAll(DELETED_ANN), DELETED_ANN);
      for (const p of of(DELETED_ANN, 'unknown-reference')) {
        assert.doesNotMatch(p.message, /Did you mean/, p.message);
        for (const f of getFixes(run(DELETED_ANN), p)) assert.equal(f.kind, 'suggestion', `${p.message}: ${f.title}`);
      }
      assert.match(of(DELETED_ANN, 'unknown-reference')[0].message, /Unknown person 'ann'.*Similar: 'dan'\./);
    });

    it('a clear typo is still safe, and the message names exactly what the safe fix writes', () => {
      const text = `${HEAD}people:\n  alice: { name: Alice, discipline: product }\nproducts:\n  p:\n    name: P\n    owner: alcie\n    domains:\n      d:\n        productManger: alice\n        productOwner: alice\n`;
      const a = run(text);
      for (const p of a.problems.filter((x) => /Did you mean|Similar/.test(x.message))) {
        const safe = getFixes(a, p).filter((f) => f.kind === 'safe');
        const named = /Did you mean '([^']+)'\?/.exec(p.message)?.[1];
        assert.equal(safe.length, named ? 1 : 0, p.message);
        if (named) assert.match(safe[0].title, new RegExp(`'${named}'`));
      }
      assert.match(of(text, 'unknown-reference')[0].message, /Did you mean 'alice'\?/);
      assert.match(of(text, 'schema')[0].message, /Unknown property 'productManger' in 'd'\. Did you mean 'productManager'\?/);
      const fixed = fixAll(text);
      assert.match(fixed, /owner: alice\n/);
      assert.match(fixed, /productManager: alice\n/);
    });

    it('a name the same list already holds is never the safe one: [dan, dna] does not become [dan, dan]', () => {
      const text = `${HEAD}people:\n  dan: { name: Dan }\nteams:\n  core: { members: [dan, dna] }\n`;
      assert.equal(fixAll(text), text);
      assert.doesNotMatch(of(text, 'unknown-reference')[0].message, /Did you mean/);
      const solo = `${HEAD}people:\n  dan: { name: Dan }\nteams:\n  core: { members: [dna] }\n`;
      assert.match(fixAll(solo), /members: \[dan\]/);
    });

    it('enum values and suppression rule ids follow the same rule', () => {
      const enumText = `version: 1\norganization: { name: Acme, stance: seperated, stage: scaleupp }\npeople:\n  a: { name: A, customerContact: dayly }\n`;
      const fixed = fixAll(enumText);
      assert.match(fixed, /stance: separated/);
      assert.match(fixed, /stage: scaleup\b/);
      assert.match(fixed, /customerContact: dayly/, 'a replaced letter in a short word is a lookalike: a suggestion');
      const sup = `${HEAD}# productteam-disable-next-line single-owners\nproducts: {}\n# productteam-disable-next-line single-owner, single-owners\nteams: {}\n`;
      const found = of(sup, 'invalid-suppression');
      assert.match(found[0].message, /Did you mean 'single-owner'\?/);
      assert.match(found[1].message, /Similar: 'single-owner'/, 'the directive already names it');
      const kinds = (p: Problem) =>
        getFixes(run(sup), p)
          .filter((f) => f.title.startsWith('Change to'))
          .map((f) => `${f.title} ${f.kind}`);
      assert.deepEqual(kinds(found[0]), ["Change to 'single-owner' safe"]);
      assert.deepEqual(kinds(found[1]), ["Change to 'single-owner' suggestion"]);
    });

    it('the shared rule: small relative to the length, short names only by case or a swap, no changed number, first letter kept', () => {
      assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 9, 30].map(typoLimit), [1, 1, 1, 1, 1, 1, 2, 2, 2]);
      const typo = [
        'alcie:alice',
        'productManger:productManager',
        'technolgy:technology',
        'scaleupp:scaleup',
        'seperated:separated',
        'laice:alice',
        'Scaleup:scaleup',
        'nmae:name',
        'grwoth:growth',
        'discpline:discipline',
        'uxx:ux',
        'annn:ann',
      ];
      const notSafe = [
        'ann:dan',
        'ann:anna',
        'ana:anna',
        'jon:john',
        'ful:full',
        'liv:lina',
        't-cash:t-car',
        'alice-m:alice-k',
        'team-1:team-2',
        'team-1:team-12',
        'eric:erin',
        'dayly:daily',
        'pro:product',
        'ownr:owner',
        'kitten:sitting',
        'alice:alice',
      ];
      for (const pair of typo) assert.ok(isLikelyTypo(...(pair.split(':') as [string, string])), pair);
      for (const pair of notSafe) assert.ok(!isLikelyTypo(...(pair.split(':') as [string, string])), pair);
      assert.equal(safeCorrection('productManger', ['productManager', 'productOwner']), 'productManager', 'only one within the limit');
      assert.equal(safeCorrection('alcie', ['alice', 'alcee']), undefined, 'two within the limit');
      assert.equal(
        safeCorrection('alcie', ['alice'], (c) => c === 'alice'),
        undefined,
        'already in the list',
      );
    });
  });

  describe('2 and 7. insertions follow the YAML tree, in the first document', () => {
    const shapes: Record<string, string> = {
      anchored: '  &lead alice:\n    name: Alice\n    discipline: product\n  # the rest\n  bob: { name: Bob }\n',
      tagged: '  !!str alice:\n    name: Alice\n',
      'anchored and tagged': '  &a !!str alice: { name: Alice }\n',
      explicit: '  ? alice\n  : name: Alice\n  ? bob\n',
      'comment between entries': '  alice:\n    name: Alice\n\n  # bob joins in May\n  bob:\n    name: Bob\n',
      flow: '  { alice: { name: Alice }, bob: { name: Bob } }\n',
    };
    for (const [shape, people] of Object.entries(shapes)) {
      it(`Add person, Add team and the product owner placeholder with ${shape} entries: the file parses and the finding goes`, () => {
        const body = people.startsWith('  {') ? `people: ${people.trim()}\n` : `people:\n${people}`;
        const teams = body
          .replace(/^people:/, 'teams:')
          .replace(/alice/g, 'core')
          .replace(/bob/g, 'ops');
        const text = `version: 1\norganization: { name: Acme, stance: separated }\n${body}${teams}products:\n  p:\n    name: P\n    owner: alice\n    domains:\n      d:\n        productManager: zoe\n        productOwner: alice\n        teams: [mobile]\n      e:\n        productManager: alice\n        productOwner: alice\n`;
        const a = run(text);
        const wanted = [
          { rule: 'unknown-reference', title: "Add person 'zoe'" },
          { rule: 'unknown-reference', title: "Add team 'mobile'" },
          { rule: 'role-split', title: 'Add a product owner placeholder' },
        ];
        for (const { rule, title } of wanted) {
          const p = a.problems.find((x) => x.ruleId === rule && getFixes(a, x).some((f) => f.title === title));
          assert.ok(p, `${title} offered`);
          const fix = getFixes(a, p).find((f) => f.title === title)!;
          const after = applyEdits(text, fix.edits);
          assert.ok(parses(after), `${title} breaks the file:\n${after}`);
          assert.ok(!run(after).problems.some((x) => x.ruleId === p.ruleId && x.message === p.message), `${title} leaves its finding:\n${after}`);
        }
      });
    }

    it('an insertion that would land in a second document is not offered', () => {
      const text = `${HEAD}products:\n  p:\n    name: P\n    owner: zoe\n---\npeople: {}\n`;
      const p = of(text, 'unknown-reference')[0];
      assert.deepEqual(
        getFixes(run(text), p).filter((f) => f.title.startsWith('Add')),
        [],
      );
      const one = `${HEAD}products:\n  p:\n    name: P\n    owner: zoe\n`;
      assert.ok(getFixes(run(one), of(one, 'unknown-reference')[0]).some((f) => f.title === "Add person 'zoe'"));
    });
  });

  describe('4 and 5. suppression comments are comments, and until is read as people write it', () => {
    const OWNERS = 'products:\n  p:\n    name: P\n    owner: [alice, bob]\n';
    it('a directive-like line inside a | block or a multi-line quoted string suppresses nothing', () => {
      const text = `${HEAD}x-notes: |\n  # productteam-disable single-owner, unknown-reference\nx-quoted: "first\n  # productteam-disable-next-line unknown-reference\n  last"\n${OWNERS}`;
      const a = run(text);
      assert.deepEqual(a.suppressions, []);
      assert.equal(a.problems.filter((p) => p.severity === 'error').length, 3, a.problems.map((p) => p.message).join('\n'));
      const real = `${HEAD}# productteam-disable single-owner, unknown-reference\n${OWNERS}`;
      assert.equal(run(real).problems.filter((p) => p.severity === 'error').length, 0);
    });

    const dir = (reason: string) =>
      `${HEAD}people:\n  alice: { name: A }\n  bob: { name: B }\n# productteam-disable-next-line single-owner -- ${reason}\n${OWNERS.replace('products:\n  p:\n    name: P\n', 'products:\n  p:\n    name: P\n')}`;
    for (const reason of [
      '\u00a0Until 2020-01-31',
      'until: 2020-01-31',
      '(until 2020-01-31)',
      'until\u00a02020-01-31',
      'until\u30002020-01-31',
      'until=2020-01-31',
      'UNTIL [2020-01-31].',
    ]) {
      it(`'${reason}' is an until date, and it has passed`, () => {
        const text = `${HEAD}people:\n  alice: { name: A }\n  bob: { name: B }\nproducts:\n  p:\n    name: P\n    # productteam-disable-next-line single-owner -- ${reason}\n    owner: [alice, bob]\n`;
        const rules = run(text).problems.map((p) => p.ruleId);
        assert.ok(rules.includes('expired-suppression'), rules.join());
        assert.ok(rules.includes('single-owner'), rules.join());
      });
    }
    it('a date in other digits is invalid-suppression, never "no date"', () => {
      const text = `${HEAD}people:\n  alice: { name: A }\n  bob: { name: B }\nproducts:\n  p:\n    name: P\n    # productteam-disable-next-line single-owner -- until \uff12\uff10\uff12\uff10-01-31\n    owner: [alice, bob]\n`;
      const rules = run(text).problems.map((p) => p.ruleId);
      assert.ok(rules.includes('invalid-suppression') && rules.includes('single-owner'), rules.join());
      assert.ok(dir('until the migration').length > 0);
      const prose = `${HEAD}people:\n  alice: { name: A }\n  bob: { name: B }\nproducts:\n  p:\n    name: P\n    # productteam-disable-next-line single-owner -- until the migration\n    owner: [alice, bob]\n`;
      assert.deepEqual(
        run(prose)
          .problems.filter((p) => p.severity !== 'hint')
          .map((p) => p.ruleId),
        [],
      );
    });
  });

  describe('8. today is the local calendar date', () => {
    it('far from UTC, today is the day where the machine is', () => {
      const tz = process.env.TZ;
      try {
        process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
        assert.equal(localToday(new Date(Date.UTC(2026, 0, 31, 12))), '2026-02-01');
        process.env.TZ = 'Pacific/Pago_Pago'; // UTC-11
        assert.equal(localToday(new Date(Date.UTC(2026, 1, 1, 6))), '2026-01-31');
      } finally {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
      assert.equal(localToday(new Date(2026, 11, 7, 23, 59)), '2026-12-07');
    });

    it('the hover of an expired suppression and of a departed person says which day today is', () => {
      const text = `${HEAD}people:\n  alice: { name: A, until: 2026-01-31 }\n  bob: { name: B }\nproducts:\n  p:\n    name: P\n    # productteam-disable-next-line single-owner -- until 2026-02-01\n    owner: [alice, bob]\n`;
      const a = run(text);
      for (const rule of ['expired-suppression', 'departed-person']) {
        const p = a.problems.find((x) => x.ruleId === rule)!;
        assert.ok(p, rule);
        const h = hover(a, p.start);
        assert.match(h?.markdown ?? '', /today is 2026-06-01, the local calendar date of the machine that runs the check/, rule);
      }
    });
  });

  describe('9. "did you mean" is bounded by length', () => {
    it('the banded distance equals the full one wherever it is within the bound', () => {
      let s = 7;
      const r = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const word = (n: number) => Array.from({ length: n }, () => 'abc'[Math.floor(r() * 3)]).join('');
      for (let i = 0; i < 2000; i++) {
        const a = word(Math.floor(r() * 9));
        const b = word(Math.floor(r() * 9));
        const full = editDistance(a, b);
        for (const max of [0, 1, 2, 3]) assert.equal(editDistance(a, b, max), full <= max ? full : max + 1, `${a} ${b} ${max}`);
      }
      const long = 'x'.repeat(1000);
      assert.equal(editDistance(`${long}ab`, `${long}ba`, 2), 1);
      assert.equal(editDistance(`a${long}`, `${long}b`, 2), 2);
    });
  });
});
