// What the fixtures cannot say: the words of the revision-2 messages (who was
// counted, which domains, why a value is wrong), the kind of every fix, and
// the places that must see the new `stakeholders` reference field.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, complete, fixAllText, getFixes, type Problem } from '../server/src/engine';

const TODAY = '2026-06-01';
const FIXTURES = path.join(__dirname, 'fixtures');

const HEAD = `version: 1
organization:
  name: Acme
  stance: combined
`;

function problems(text: string, today = TODAY): Problem[] {
  return analyze(text, { today }).problems;
}

function only(text: string, ruleId: string, today = TODAY): Problem[] {
  return problems(text, today).filter((p) => p.ruleId === ruleId);
}

function fixTitles(text: string, p: Problem): string[] {
  return getFixes(analyze(text, { today: TODAY }), p).map((f) => f.title);
}

describe('revision 2: messages', () => {
  it('a quoted version says it is the number 1, never "Did you mean \'1\'"', () => {
    const [p] = only(`version: "1"\norganization: { name: Acme, stance: combined }\n`, 'schema');
    assert.match(p.message, /must be the number 1, not the text "1"/);
    assert.doesNotMatch(p.message, /Did you mean/);
  });

  it('suggests by meaning before spelling: engineering is technology, not product', () => {
    const text = `${HEAD}people:\n  carol: { name: Carol, discipline: engineering }\n  dan: { name: Dan, discipline: dev }\n  eve: { name: Eve, discipline: marketing }\n`;
    const msgs = only(text, 'schema').map((p) => p.message);
    assert.equal(msgs.length, 3);
    assert.match(msgs[0], /Did you mean 'technology'\?/);
    assert.doesNotMatch(msgs[0], /'product'\?/);
    assert.match(msgs[1], /Did you mean 'technology'\?/);
    assert.match(msgs[2], /Did you mean 'business'\?/);
  });

  it('a misspelt stance is named, is no stance until it is fixed (revision 3), and its one fix is safe', () => {
    const text = `version: 1\norganization:\n  name: Acme\n  stance: seperated\n`;
    const all = problems(text);
    // Revision 3: a stance that is not one of the four is no stance; the preview names what was written.
    assert.match(all.find((p) => p.ruleId === 'stance-declared')!.message, /'seperated' is not one of/);
    const [p] = all.filter((x) => x.ruleId === 'schema');
    assert.match(p.message, /Did you mean 'separated'\?/);
    assert.doesNotMatch(p.message, /the rules read the default/);
    const fixes = getFixes(analyze(text, { today: TODAY }), p);
    const change = fixes.find((f) => f.title === "Change to 'separated'")!;
    assert.equal(change.kind, 'safe');
    assert.equal(change.isPreferred, true);
  });

  it('an unquoted comma in a flow map is named in the message', () => {
    const text = `${HEAD}people:\n  tom: { name: Tom, title: Director, Freight Products }\n`;
    const [p] = only(text, 'schema');
    assert.match(p.message, /Unknown property 'Freight Products'/);
    assert.match(p.message, /unquoted comma/);
    assert.match(p.message, /title: "Director, Freight Products"/);
  });

  it('an unknown property with no close match offers x- and removal, as suggestions', () => {
    const text = `${HEAD}people:\n  tom: { name: Tom, slack: "@tom" }\n`;
    const [p] = only(text, 'schema');
    const fixes = getFixes(analyze(text, { today: TODAY }), p);
    const x = fixes.find((f) => f.title === "Rename to 'x-slack'")!;
    const rm = fixes.find((f) => f.title === "Remove property 'slack'")!;
    assert.equal(x.kind, 'suggestion');
    assert.equal(rm.kind, 'suggestion');
    assert.equal(applyEdits(text, rm.edits), `${HEAD}people:\n  tom: { name: Tom }\n`);
  });

  it('an until that is not a date says how to write one', () => {
    const [p] = only(`${HEAD}people:\n  tom: { name: Tom, until: 31/12/2026 }\n`, 'schema');
    assert.match(p.message, /'until' must be a date written YYYY-MM-DD, not '31\/12\/2026'/);
  });

  it('team-single-domain names every domain the team serves, once', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'team-single-domain', 'three-domains.productteam.yaml'), 'utf8');
    const found = only(text, 'team-single-domain');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /serves 3 domains \('checkout', 'billing', 'refunds'\)/);
    assert.deepEqual(fixTitles(text, found[0]).slice(0, 3), [
      "Remove team 'core-squad' from domain 'billing'",
      "Remove team 'core-squad' from domain 'refunds'",
      "Mark team 'core-squad' as a platform team",
    ]);
  });

  it('core-team says what is missing and who was counted, stakeholders included', () => {
    const text = `${HEAD}people:
  alice: { name: Alice, discipline: product }
  carol: { name: Carol, discipline: technology }
  gus: { name: Gus, discipline: business }
products:
  pay:
    name: Pay
    owner: alice
    domains:
      checkout:
        productManager: alice
        teams: [squad]
        stakeholders: [gus]
teams:
  squad:
    members: [carol]
`;
    const [p] = only(text, 'core-team');
    assert.match(p.message, /Domain 'checkout' has no ux person in its core team/);
    assert.match(p.message, /counted: carol \(technology\), alice \(product\), gus \(business\)/);
  });

  it('customer-contact names the domains where the person holds each role', () => {
    const text = `${HEAD}people:
  alice: { name: Alice, discipline: product, customerContact: never }
products:
  pay:
    name: Pay
    owner: alice
    domains:
      checkout: { productManager: alice }
      billing: { productManager: alice }
`;
    const [p] = only(text, 'customer-contact');
    assert.match(p.message, /alice is product manager of 'checkout' and 'billing' and product owner of 'checkout' and 'billing'/);
  });

  it('departed-person fires from the day after until, one finding per place', () => {
    const text = `${HEAD}people:
  alice: { name: Alice, discipline: product }
  zoe: { name: Zoe, discipline: technology, until: 2026-06-01 }
products:
  pay:
    name: Pay
    owner: alice
    domains:
      checkout: { productManager: alice, teams: [squad], stakeholders: [zoe] }
teams:
  squad: { scrumMaster: zoe, members: [zoe] }
`;
    assert.equal(only(text, 'departed-person', '2026-06-01').length, 0, 'the last day is still a working day');
    const found = only(text, 'departed-person', '2026-06-02');
    assert.equal(found.length, 3);
    assert.match(found[0].message, /zoe left on 2026-06-01 .* but is still a stakeholder of domain 'checkout'/);
    assert.match(found[1].message, /scrum master of team 'squad'/);
    assert.match(found[2].message, /a member of team 'squad'/);
  });
});

describe('revision 2: fix kinds', () => {
  const MINE = new Set([
    'schema',
    'team-single-domain',
    'departed-person',
    'overloaded-person',
    'unused-person',
    'core-team',
    'customer-contact',
    'domain-without-team',
    'team-without-domain',
  ]);

  it('every fix of these rules has a kind, and only safe fixes are preferred', () => {
    let checked = 0;
    for (const folder of fs.readdirSync(FIXTURES)) {
      const dir = path.join(FIXTURES, folder);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.productteam.yaml') && !x.endsWith('.fixed.productteam.yaml'))) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        const analysis = analyze(text, { today: TODAY });
        for (const p of analysis.problems.filter((x) => MINE.has(x.ruleId))) {
          for (const fix of getFixes(analysis, p)) {
            if (fix.title.startsWith('Disable ')) continue;
            assert.ok(fix.kind === 'safe' || fix.kind === 'suggestion', `${folder}/${f}: "${fix.title}" has no kind`);
            if (fix.isPreferred) assert.equal(fix.kind, 'safe', `${folder}/${f}: "${fix.title}" is preferred but not safe`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 20, `only ${checked} fixes checked`);
  });

  it('fix-all applies the safe form fixes and is idempotent', () => {
    const text = `version: "1"
organization:
  name: Acme
  stage: Scaleup
  stance: combined
people:
  alice: { name: Alice, discipline: product, decisionAuthority: Shared }
  carol: { name: Carol, discipline: design, slack: "@c" }
products:
  pay:
    name: Pay
    owner: alice
    domains:
      checkout:
        productManager: alice
        teams: squad
teams:
  squad: { members: [carol] }
`;
    const once = fixAllText(text, { today: TODAY }).text;
    assert.match(once, /^version: 1$/m);
    assert.match(once, /stage: scaleup/);
    assert.match(once, /decisionAuthority: shared/);
    assert.match(once, /discipline: ux/);
    assert.match(once, /teams: \[squad\]/);
    assert.match(once, /slack: "@c"/, 'an unknown property with no close match is left to a person');
    assert.equal(fixAllText(once, { today: TODAY }).text, once);
  });
});

describe('revision 2: stakeholders is a reference field', () => {
  const text = `${HEAD}people:
  alice: { name: Alice, discipline: product }
  gus: { name: Gus, discipline: business }
products:
  pay:
    name: Pay
    owner: alice
    domains:
      checkout: { productManager: alice, stakeholders: [gus, gsu] }
`;
  it('unknown ids are unknown-reference errors, with a fix', () => {
    const [p] = only(text, 'unknown-reference');
    assert.equal(text.slice(p.start, p.end), 'gsu');
    assert.ok(fixTitles(text, p).includes("Change to 'gus'"));
  });

  it('its ids are references (find references and rename use them), and a stakeholder is not unused', () => {
    const a = analyze(text, { today: TODAY });
    const refs = a.model.refs.filter((r) => r.role === 'stakeholders');
    assert.deepEqual(
      refs.map((r) => [r.id, r.kind]),
      [
        ['gus', 'person'],
        ['gsu', 'person'],
      ],
    );
    assert.ok(!a.problems.some((p) => p.ruleId === 'unused-person'));
  });

  it('completion offers person ids there', () => {
    const model = analyze(text, { today: TODAY }).model;
    const typing = `${HEAD}people:\n  gus: { name: Gus }\nproducts:\n  pay:\n    name: Pay\n    domains:\n      checkout:\n        stakeholders: [`;
    const labels = complete(typing, typing.length, [model]).map((e) => e.label);
    assert.ok(labels.includes('gus'), `offered: ${labels.join(', ')}`);
  });
});

describe('revision 2: messages mid-edit', () => {
  it('an empty enum value is one finding, and a list item is named by its place', () => {
    const text = `${HEAD}people:\n  tod:\n    name: Tod\n    discipline:\nproducts:\n  p:\n    name: P\n    owner: tod\n    domains:\n      d:\n        productManager: tod\n        outcomes:\n          -\n`;
    const msgs = only(text, 'schema').map((p) => p.message);
    assert.deepEqual(msgs, ["'discipline' must be text or a list (Discipline), not empty.", "Item 1 of 'outcomes' must be text, not empty."]);
  });
});

describe('revision 2: until', () => {
  it('a day that does not exist is a schema error, not a silent never-leaves', () => {
    const text = `${HEAD}people:\n  tom: { name: Tom, until: 2026-02-30 }\n`;
    const [p] = only(text, 'schema');
    assert.match(p.message, /'until' must be a real date, not '2026-02-30'/);
    assert.equal(text.slice(p.start, p.end), '2026-02-30');
  });
});
