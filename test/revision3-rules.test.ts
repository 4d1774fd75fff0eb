// What the fixtures cannot say about revision 3 (SPEC sections 1-5): the
// stance preview's counts under each stance (checked against what the rules
// then really report), the words of the messages (the stance named, the SAFe
// inference, the grouped core-team finding), the kind of each new fix, and the
// hovers on vacant seats and on overloaded-person.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, getFixes, hover, STANCES, type Analysis, type Problem, type Stance } from '../server/src/engine';

const TODAY = '2026-06-01';
const FIXTURES = path.join(__dirname, 'fixtures');
const read = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

function only(a: Analysis, ruleId: string): Problem[] {
  return a.problems.filter((p) => p.ruleId === ruleId);
}

/** The file with `stance: <s>` written into its organization (what "Declare stance" does). */
function declared(text: string, s: Stance): Analysis {
  const [fix] = getFixes(analyze(text, { today: TODAY }), only(analyze(text, { today: TODAY }), 'stance-declared')[0]).filter((f) =>
    f.title.startsWith(`Declare stance: ${s} (`),
  );
  assert.ok(fix, `no Declare stance fix for ${s}`);
  let out = text;
  for (const e of [...fix.edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return analyze(out, { today: TODAY });
}

describe('revision 3: no stance, no judgement; the stance preview', () => {
  const text = read('stance-declared/preview-all-differ.productteam.yaml');
  const a = analyze(text, { today: TODAY });

  it('role-split does not run without a stance, and stance-declared gives every count in its message', () => {
    assert.equal(only(a, 'role-split').length, 0);
    const [hint] = only(a, 'stance-declared');
    assert.equal(hint.severity, 'hint');
    assert.match(
      hint.message,
      /^No stance declared, so the PM\/PO arrangement is not judged\. Declared combined: 3 findings; separated: 2; contextual: 1; outcomes-first: 4 \(outcomes-defined infos that would become warnings\)\.$/,
    );
  });

  it('each fix carries its count, and the count is what the rules then report under that stance', () => {
    const [hint] = only(a, 'stance-declared');
    const titles = getFixes(a, hint)
      .filter((f) => f.title.startsWith('Declare stance'))
      .map((f) => f.title);
    assert.deepEqual(titles, [
      'Declare stance: combined (3 findings)',
      'Declare stance: separated (2 findings)',
      'Declare stance: contextual (1 finding)',
      'Declare stance: outcomes-first (4 findings)',
    ]);
    const counts = new Set<number>();
    for (const s of STANCES) {
      const after = declared(text, s);
      const n = s === 'outcomes-first' ? only(after, 'outcomes-defined').filter((p) => p.severity === 'warning').length : only(after, 'role-split').length;
      assert.equal(String(n), /\((\d+) findings?\)|\(no findings\)/.exec(titles[STANCES.indexOf(s)])![1] ?? '0', `${s}: the preview and the rules disagree`);
      assert.equal(only(after, 'stance-declared').length, 0);
      counts.add(n);
    }
    assert.equal(counts.size, 4, 'the fixture is meant to make all four stances differ');
  });

  it('the preview hover lists domains per stance with the reason, beside each named quote, under the limits', () => {
    const [hint] = only(a, 'stance-declared');
    const h = hover(a, hint.start)!;
    assert.match(
      h.markdown,
      /\*\*combined\*\*: 3 role-split findings: `checkout` \(PM alice, PO bob\), `billing` \(PM alice, PO carol\), `ledger` \(PM erin, PO dan\)/,
    );
    assert.match(h.markdown, /\*\*separated\*\*: 2 role-split findings: `search` \(bob is PM and PO\), `refunds` \(carol is PM and PO\)/);
    assert.match(h.markdown, /\*\*outcomes-first\*\*: 4 outcomes-defined warnings/);
    for (const q of ['Have one person responsible for both roles', 'By separating the roles', 'However, depending on the size', 'Titles are not as important'])
      assert.ok(h.markdown.includes(q), q);
    assert.ok(h.markdown.length < 2500, `${h.markdown.length} characters`);
  });

  it('a misspelt stance is named, and previewed like a missing one', () => {
    const t = read('role-split/stance-misspelt.productteam.yaml');
    const b = analyze(t, { today: TODAY });
    assert.equal(only(b, 'role-split').length, 0);
    assert.match(
      only(b, 'stance-declared')[0].message,
      /^No stance declared \('seperated' is not one of combined, separated, contextual, outcomes-first\), so the PM\/PO arrangement is not judged\./,
    );
  });
});

describe('revision 3: role-split follows only the declared stance, naming it', () => {
  it('contextual with safe: an info quoting Peltier on Scrum and Scrumban, saying SAFe is read as Scrum by inference', () => {
    const [p, ...more] = only(analyze(read('role-split/contextual-safe.productteam.yaml'), { today: TODAY }), 'role-split');
    assert.equal(more.length, 0);
    assert.equal(p.severity, 'info');
    assert.match(p.message, /^Under the contextual stance you declared, framework 'safe' is read as scrum \(the tool's inference/);
    assert.match(
      p.message,
      /"Scrum itself makes this shared role difficult to pull off well\." and "Moving to Scrumban is one way to lessen the administrative burden on the product owner"/,
    );
  });

  it('a vacant product owner seat is no schema error, and under separated the warning is on the seat', () => {
    const t = read('role-split/separated-vacant-po.productteam.yaml');
    const a = analyze(t, { today: TODAY });
    assert.equal(only(a, 'schema').length, 0);
    const [p] = only(a, 'role-split');
    assert.equal(t.slice(p.start, p.end), 'productOwner');
    assert.match(p.message, /^Under the separated stance you declared, .* hana is PM and, with no productOwner \(or a vacant one\), PO too\.$/);
    const h = hover(a, p.start)!.markdown;
    assert.match(h, /\*\*Vacant\*\* `productOwner`/);
    assert.ok(h.length < 2500, `${h.length} characters`);
  });

  it('with the stance from an option, the message says so', () => {
    const t = read('role-split/combined-different.productteam.yaml').replace(/stance: combined/, 'stance: outcomes-first');
    const [p] = only(analyze(t, { today: TODAY, stance: 'combined' }), 'role-split');
    assert.match(p.message, /^Under the combined stance set for this run \(editor setting or --stance\)/);
  });

  it('the separated fix offers product people only, never an engineer', () => {
    const t = read('role-split/separated-same.productteam.yaml');
    const a = analyze(t, { today: TODAY });
    const titles = getFixes(a, only(a, 'role-split')[0]).map((f) => f.title);
    assert.ok(titles.includes('Hand the product owner role to carol'));
    assert.ok(!titles.some((x) => /to (finn|dan|erin)$/.test(x)), titles.join(' | '));
  });
});

describe('revision 3: rules on real shapes', () => {
  it('core-team: one finding for domains with the same teams and gap, naming the others; lists and leavers', () => {
    const a = analyze(read('core-team/revision3.productteam.yaml'), { today: TODAY });
    const [p, ...more] = only(a, 'core-team');
    assert.equal(more.length, 0);
    assert.match(
      p.message,
      /^Domain 'cards' has no ux or business person in its core team \(counted: tomas \(technology\), viktor \(product\)\)\. Domains 'loans', 'fees' have the same teams and the same gap\./,
    );
    assert.doesNotMatch(p.message, /greg/);
  });

  it('core-team reads settings.coreTeam, and the coreTeam option wins over the file', () => {
    const t = read('core-team/setting.productteam.yaml');
    assert.deepEqual(
      only(analyze(t, { today: TODAY }), 'core-team').map((p) => p.message.slice(0, 40)),
      ["Domain 'engine' has no ux person in its "],
    );
    assert.deepEqual(only(analyze(t, { today: TODAY, coreTeam: ['technology'] }), 'core-team'), []);
    assert.equal(only(analyze(t, { today: TODAY, coreTeam: ['technology', 'ux', 'business'] }), 'core-team').length, 2);
  });

  it('overloaded-person at a startup is an info, and its hover says the limit is a setting, with no quote', () => {
    const a = analyze(read('overloaded-person/startup.productteam.yaml'), { today: TODAY });
    const [p] = only(a, 'overloaded-person');
    assert.equal(p.severity, 'info');
    assert.match(p.message, /the limit set by maxDomainsPerPerson is 2 \(at a startup, information only\)/);
    const h = hover(a, p.start)!.markdown;
    assert.match(h, /setting/);
    assert.doesNotMatch(h, /superhero|^>/m);
  });

  it('single-backlog-owner under safe points to one domain per team backlog', () => {
    const [p] = only(analyze(read('single-backlog-owner/safe-team-backlogs.productteam.yaml'), { today: TODAY }), 'single-backlog-owner');
    assert.match(p.message, /team backlogs are written as one domain per team, each with its own product owner/);
    const plain = `version: 1\norganization: { name: Acme, stance: combined }\npeople:\n  a: { name: A }\n  b: { name: B }\nproducts:\n  p:\n    name: P\n    owner: a\n    domains:\n      d:\n        productManager: a\n        productOwner: [a, b]\n`;
    assert.match(only(analyze(plain, { today: TODAY }), 'single-backlog-owner')[0].message, /The backlog needs exactly one owner\.$/);
  });

  it('single-owner: a one-domain product takes its domain owner; a sole PO owns a domain', () => {
    assert.deepEqual(only(analyze(read('single-owner/sole-po-is-owner.productteam.yaml'), { today: TODAY }), 'single-owner'), []);
  });

  it('duplicate-reference: safe, preferred; a repeat whose line has a comment is only a suggestion', () => {
    const a = analyze(read('duplicate-reference/members-twice.productteam.yaml'), { today: TODAY });
    const kinds = only(a, 'duplicate-reference').map((p) =>
      getFixes(a, p)
        .filter((f) => !f.isSuppression)
        .map((f) => `${f.title}:${f.kind}`),
    );
    assert.deepEqual(kinds, [["Remove the repeated 'checkout-squad':safe"], ["Remove the repeated 'gus':suggestion"], ["Remove the repeated 'carol':safe"]]);
  });

  it('discipline lists are read item by item; a misspelt item is reported on the item', () => {
    const t = read('schema/revision3-format.productteam.yaml');
    const a = analyze(t, { today: TODAY });
    const schema = only(a, 'schema');
    assert.deepEqual(
      schema.map((p) => t.slice(p.start, p.end)),
      ['engineering'],
    );
    assert.match(schema[0].message, /Did you mean 'technology'\?/);
    assert.deepEqual(a.model.people.get('nadia')!.disciplines, ['product', 'business']);
  });

  it('a vacant seat hovers as vacant, on the key and on the value', () => {
    const t = read('schema/revision3-format.productteam.yaml');
    const a = analyze(t, { today: TODAY });
    for (const at of [t.indexOf('productOwner: ~') + 2, t.indexOf('productOwner: ~') + 'productOwner: '.length, t.indexOf('scrumMaster: ~') + 1]) {
      assert.match(hover(a, at)!.markdown, /\*\*Vacant\*\*/, t.slice(at, at + 20));
    }
  });
});
