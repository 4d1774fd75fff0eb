// The ownership map and the semantic diff (SPEC section 10): the models in
// process on the pairs of test/ownership/ and the examples, the renderers
// (escaping, no network in the HTML), and `productteam-lint map` / `diff`
// end to end, `git:<ref>` included.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  buildMap,
  CHANGE_KINDS,
  diffOwnership,
  mapTargets,
  ownershipInput,
  renderDiffMarkdown,
  renderMapHtml,
  renderMapMarkdown,
  type OwnershipInput,
} from '../server/src/engine';
import { parseOwnershipArgs } from '../server/src/cli/ownership';
import { ensureBuilt, makeTree, ROOT, runCli } from './helpers/cli-run';

const DIR = path.join(ROOT, 'test', 'ownership');
const read = (name: string): string => fs.readFileSync(path.join(DIR, name), 'utf8');
const TODAY = '2026-06-01';

/** A git repository of the folder's files, committed once as the base of `git:HEAD`. */
function commitAll(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
    ['commit', '-qm', 'base'],
  ])
    execFileSync('git', args, { cwd: dir, env });
}
const input = (text: string, file = 'org.productteam.yaml'): OwnershipInput => ownershipInput(analyze(text, { today: TODAY }), file);

describe('ownership map model', () => {
  const map = buildMap(input(read('base.productteam.yaml')));

  it('lists products -> domains with owner, PM, PO, teams with type, outcomes', () => {
    assert.equal(map.organization.name, 'Acme');
    assert.deepEqual(
      map.products.map((p) => p.id),
      ['payments'],
    );
    const [checkout, billing] = map.products[0].domains;
    assert.deepEqual(
      checkout.owner.map((r) => r.id),
      ['alice'],
    );
    assert.equal(checkout.ownerSource, 'productManager');
    assert.deepEqual(
      checkout.productOwner.map((r) => r.id),
      ['alice'],
    );
    assert.equal(checkout.productOwnerSource, 'productManager');
    assert.deepEqual(checkout.outcomes, ['Cut checkout abandonment by 10%']);
    assert.deepEqual(
      billing.teams.map((t) => [t.id, t.type]),
      [
        ['billing-squad', 'stream-aligned'],
        ['platform', 'platform'],
      ],
    );
    assert.deepEqual(map.teams.find((t) => t.id === 'platform')?.domains, ['payments/billing']);
  });

  it('counts roles and domains per person against maxDomainsPerPerson', () => {
    const alice = map.people.find((p) => p.id === 'alice')!;
    assert.deepEqual(alice.roles, { owner: 2, productManager: 1, productOwner: 1, scrumMaster: 0, member: 0, stakeholder: 0 });
    assert.deepEqual(alice.domains, ['payments/checkout']);
    assert.equal(alice.overLimit, false);
    assert.equal(map.people.find((p) => p.id === 'erin')!.roles.member, 2);
    assert.equal(map.maxDomainsPerPerson, 2);
  });

  it('takes a domain with no owner and no PM to be owned by its sole PO', () => {
    const m = buildMap(
      input('version: 1\norganization: { name: A }\npeople:\n  po: { name: P }\nproducts:\n  p:\n    name: P\n    domains:\n      d: { productOwner: po }\n'),
    );
    const d = m.products[0].domains[0];
    assert.deepEqual([d.owner.map((r) => r.id), d.ownerSource], [['po'], 'productOwner']);
  });

  it("reads owners with the same function as single-owner: a product takes its only domain's owner, an empty owner list is no owner", () => {
    const text =
      'version: 1\norganization: { name: A, stance: combined }\npeople:\n  po: { name: P }\n  pm: { name: M }\nproducts:\n  p:\n    name: P\n    domains:\n      d: { productOwner: po }\n  q:\n    name: Q\n    domains:\n      e: { owner: [], productManager: pm }\n';
    const m = buildMap(input(text));
    const [p, q] = m.products;
    assert.deepEqual([p.owner.map((r) => r.id), p.ownerSource], [['po'], 'domain'], "one domain, no owner of its own: its domain's owner (SPEC 2)");
    assert.match(renderMapMarkdown(m), /Owner: `po` \(its only domain's owner\)/);
    const e = q.domains[0];
    assert.deepEqual([e.owner, e.ownerSource], [[], 'none'], '`owner: []` is written and empty: not its PM');
    const single = analyze(text, { today: TODAY }).problems.filter((f) => f.ruleId === 'single-owner');
    assert.deepEqual(
      single.map((f) => [f.data.product, f.data.domain]),
      [['q', 'e']],
      'single-owner agrees: only the empty owner list is reported',
    );
  });

  it('places each finding at the domain, product, person or team it is in', () => {
    const m = buildMap(input(fs.readFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), 'utf8')));
    const at = (ruleId: string): (string | undefined)[] => m.findings.filter((f) => f.ruleId === ruleId).map((f) => f.at);
    assert.deepEqual(at('overloaded-person'), ['person:quinn']);
    assert.deepEqual(at('single-backlog-owner'), ['domain:app/growth']);
    assert.deepEqual(at('single-owner'), ['product:app']);
    assert.deepEqual(at('team-without-domain'), ['team:growth-lab']);
    assert.equal(m.people.find((p) => p.id === 'quinn')!.overLimit, true);
    const growth = m.products[0].domains.find((d) => d.id === 'growth')!;
    assert.ok(growth.findings.some((i) => m.findings[i].ruleId === 'single-backlog-owner'));
    // Every clickable thing has a place to reveal.
    const targets = mapTargets(m);
    assert.equal(targets['domain:app/growth'].line, 48);
    assert.equal(targets['person:quinn'].filePath, 'org.productteam.yaml');
  });

  it('never throws on a file that does not parse or has the wrong shapes', () => {
    for (const text of [
      '',
      'version: 1\nproducts: [1, 2]\n',
      'people:\n  a: [x\n',
      'products:\n  p:\n    domains:\n      d:\n        outcomes: { a: 1 }\n        teams: 3\n',
    ]) {
      const m = buildMap(input(text));
      assert.ok(renderMapHtml(m).includes('</html>'));
      assert.ok(renderMapMarkdown(m).startsWith('# Ownership map'));
    }
  });
});

describe('ownership map rendering', () => {
  const hostile = `version: 1
organization: { name: "<script>alert(1)</script> [x](https://evil.example)" }
people:
  a: { name: "<img src=https://evil.example/x.png>", title: '"><b>t</b>' }
  e: { name: "Red\\e[31m" }
products:
  p:
    name: "![i](http://evil.example/i.png)"
    owner: a
    domains:
      "d<b>":
        productManager: a
        outcomes: ["<iframe src='//evil.example'>", "www.evil.example"]
`;

  /** The attribute names of every tag, quoted values (escaped user text) left out. */
  const attributes = (html: string): Set<string> => {
    const names = new Set<string>();
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? [])
      for (const m of tag.replace(/"[^"]*"/g, '""').matchAll(/\s([a-z:-]+)=/gi)) names.add(m[1].toLowerCase());
    return names;
  };

  it('the HTML page is self-contained: no URL, no src or href, every user text escaped', () => {
    for (const text of [hostile, read('base.productteam.yaml'), fs.readFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), 'utf8')]) {
      const html = renderMapHtml(buildMap(input(text)));
      if (text !== hostile) assert.doesNotMatch(html, /https?:|\/\//i);
      for (const name of attributes(html))
        assert.ok(!['src', 'href', 'srcset', 'action', 'xlink:href', 'style', 'background', 'poster', 'data'].includes(name) && !name.startsWith('on'), name);
      assert.doesNotMatch(html, /<(script|img|iframe|link|object|embed|b>)/i);
      assert.doesNotMatch(html, /@import|url\(/i);
      assert.match(html, /^<!DOCTYPE html>/);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(html, /[\u0000-\u0008\u000b-\u001f]/, 'control characters are shown, not sent');
    }
    assert.match(renderMapHtml(buildMap(input(hostile))), /Red\\u001b\[31m/);
  });

  it('has a bar chart of roles per person, finding colours and print CSS', () => {
    const html = renderMapHtml(buildMap(input(fs.readFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), 'utf8'))));
    assert.match(html, /<svg class="chart"[^>]*aria-label="Roles per person"/);
    assert.match(html, /<rect class="r0"/);
    assert.match(html, /class="sev-error"/);
    assert.match(html, /@media print/);
    assert.match(html, /data-target="domain:app\/growth"/);
  });

  it('markdown escapes user text', () => {
    const md = renderMapMarkdown(buildMap(input(hostile)));
    assert.doesNotMatch(md, /\]\(http/);
    assert.doesNotMatch(md, /<script>/);
  });
});

describe('ownership diff model', () => {
  const base = input(read('base.productteam.yaml'), 'base.productteam.yaml');

  it('reports no change for a pure reordering and reformatting', () => {
    const diff = diffOwnership(base, input(read('reordered.productteam.yaml'), 'reordered.productteam.yaml'));
    assert.deepEqual(diff, { changes: [], introduced: [], resolved: [] });
    assert.match(renderDiffMarkdown(diff), /No change in who owns what/);
  });

  it('declaring a stance is a change, even contextual: with none declared, none is in force (SPEC revision 3)', () => {
    const none = 'version: 1\norganization: { name: A }\n';
    const before = input(none);
    const m = buildMap(before);
    assert.equal(m.organization.stance, undefined);
    assert.match(renderMapMarkdown(m), /no stance declared \(the PM\/PO arrangement is not judged\)/);
    assert.doesNotMatch(renderMapMarkdown(m), /stance contextual/);
    const diff = diffOwnership(before, input('version: 1\norganization: { name: A, stance: contextual }\n'));
    assert.deepEqual(
      diff.changes.map((c) => [c.path, c.before, c.after]),
      [['organization.stance', null, 'contextual']],
    );
  });

  it('reports changes by meaning, each with a kind from SPEC section 10', () => {
    const diff = diffOwnership(base, input(read('changed.productteam.yaml'), 'changed.productteam.yaml'));
    const got = diff.changes.map((c) => `${c.kind} ${c.path}`);
    assert.deepEqual(got, [
      'organization-changed organization.stance',
      'organization-changed organization.stage',
      'person-removed people.fay',
      'person-renamed people.alice.name',
      'person-renamed people.robert',
      'person-leaving people.carol.until',
      'person-added people.gus',
      'domain-removed products.payments.domains.billing',
      'role-changed products.payments.domains.checkout.productOwner',
      'domain-added products.payments.domains.refunds',
      'team-moved teams.billing-squad',
      'team-moved teams.platform',
      'team-retyped teams.platform.type',
    ]);
    for (const c of diff.changes) {
      assert.ok(CHANGE_KINDS.includes(c.kind));
      assert.deepEqual(Object.keys(c), ['kind', 'path', 'before', 'after', 'text']);
    }
    const po = diff.changes.find((c) => c.kind === 'role-changed')!;
    assert.deepEqual([po.before, po.after], [['alice'], ['gus']]);
    assert.deepEqual(diff.changes.find((c) => c.kind === 'team-retyped')!.after, 'enabling');
    assert.deepEqual(diff.introduced.map((f) => f.ruleId).sort(), ['core-team', 'decision-authority', 'outcomes-defined', 'role-split']);
    assert.deepEqual(diff.resolved, []);
    assert.deepEqual(Object.keys(diff.introduced[0]).sort(), ['column', 'endColumn', 'endLine', 'filePath', 'line', 'message', 'ruleId', 'severity']);
  });

  it('a role handed over is a role change; a renamed id is followed through the roles', () => {
    const text = read('base.productteam.yaml');
    const handed = text.replace('productManager: bob', 'productManager: carol');
    const diff = diffOwnership(base, input(handed));
    assert.deepEqual(
      diff.changes.filter((c) => c.kind === 'role-changed').map((c) => [c.path, c.before, c.after]),
      [
        ['products.payments.domains.billing.owner', ['bob'], ['carol']],
        ['products.payments.domains.billing.productManager', ['bob'], ['carol']],
        ['products.payments.domains.billing.productOwner', ['bob'], ['carol']],
      ],
    );
    const renamed = diffOwnership(base, input(text.replace(/\bbob\b/g, 'robert')));
    assert.deepEqual(
      renamed.changes.map((c) => c.kind),
      ['person-renamed'],
    );
  });

  it('a finding that only moved lines is unchanged; a fixed one is resolved', () => {
    const troubled = fs.readFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), 'utf8');
    const old = input(troubled);
    const moved = input(`# a comment\n\n${troubled}`);
    assert.ok(old.findings.length > 5);
    assert.deepEqual(diffOwnership(old, moved), { changes: [], introduced: [], resolved: [] });
    const fixed = diffOwnership(old, input(troubled.replace('members: [max, riley]', 'members: [max]')));
    assert.deepEqual(
      fixed.resolved.map((f) => f.ruleId),
      ['unknown-reference'],
    );
    assert.deepEqual(fixed.introduced, []);
  });
});

describe('productteam-lint map and diff', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('parses their own flags', () => {
    assert.deepEqual(parseOwnershipArgs('diff', ['a', 'b', '--format=json', '--fail-on-new-errors']), {
      ok: true,
      options: { format: 'json', failOnNewErrors: true, help: false, paths: ['a', 'b'] },
    });
    assert.equal(parseOwnershipArgs('map', ['--format', 'pdf']).ok, false);
    assert.equal(parseOwnershipArgs('map', ['--fail-on-new-errors']).ok, false);
    assert.equal(parseOwnershipArgs('diff', ['only-one']).ok, false);
    assert.deepEqual(parseOwnershipArgs('map', ['--core-team', 'technology, ux']), {
      ok: true,
      options: { format: 'markdown', failOnNewErrors: false, help: false, paths: [], coreTeam: ['technology', 'ux'] },
    });
    assert.equal(parseOwnershipArgs('map', ['--core-team=,']).ok, false);
  });

  it('map --core-team overrides settings.coreTeam, as the lint command does', () => {
    const org =
      'version: 1\norganization: { name: A }\npeople:\n  pm: { name: M, discipline: product }\n  dev: { name: D, discipline: technology }\nproducts:\n  p:\n    name: P\n    owner: pm\n    domains:\n      d: { productManager: pm, teams: [t] }\nteams:\n  t: { members: [dev] }\n';
    const tree = makeTree({ 'org.productteam.yaml': org });
    try {
      const coreTeam = (args: string[]): number => {
        const r = runCli(['map', 'org.productteam.yaml', '--format', 'json', ...args], { cwd: tree.dir });
        assert.equal(r.status, 0, r.stderr);
        return (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.filter((f) => f.ruleId === 'core-team').length;
      };
      assert.equal(coreTeam([]), 1, 'ux and business are missing by default');
      assert.equal(coreTeam(['--core-team', 'technology,product']), 0);
    } finally {
      tree.cleanup();
    }
  });

  it('map prints markdown, json and html; finds the root file when none is named', () => {
    const tree = makeTree({ 'org.productteam.yaml': read('base.productteam.yaml'), 'part.productteam.yaml': 'version: 1\npeople: {}\n' });
    try {
      const md = runCli(['map'], { cwd: tree.dir });
      assert.equal(md.status, 0, md.stderr);
      assert.match(md.stdout, /^# Ownership map: Acme/);
      assert.match(md.stdout, /\| Checkout \(`checkout`\) \| `alice` \(its PM\) \|/);
      const json = runCli(['map', 'org.productteam.yaml', '-f', 'json'], { cwd: tree.dir });
      assert.equal(json.status, 0, json.stderr);
      assert.equal(JSON.parse(json.stdout).products[0].domains[1].id, 'billing');
    } finally {
      tree.cleanup();
    }
  });

  it('map prints html; an unreadable file is exit 2 with a one-line reason', () => {
    const tree = makeTree({ 'org.productteam.yaml': read('base.productteam.yaml') });
    try {
      const html = runCli(['map', 'org.productteam.yaml', '--format=html'], { cwd: tree.dir });
      assert.match(html.stdout, /<!DOCTYPE html>/);
      assert.doesNotMatch(html.stdout, /https?:/);
      const bad = runCli(['map', 'missing.productteam.yaml'], { cwd: tree.dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /cannot read 'missing.productteam.yaml'/);
    } finally {
      tree.cleanup();
    }
  });

  it('diff prints markdown and the JSON of SPEC section 10; new warnings do not fail', () => {
    const tree = makeTree({ 'old.productteam.yaml': read('base.productteam.yaml'), 'new.productteam.yaml': read('changed.productteam.yaml') });
    try {
      const md = runCli(['diff', 'old.productteam.yaml', 'new.productteam.yaml'], { cwd: tree.dir });
      assert.equal(md.status, 0, md.stderr);
      assert.match(md.stdout, /^### Ownership changes\n\n13 changes in meaning/);
      const json = runCli(['diff', 'old.productteam.yaml', 'new.productteam.yaml', '--format', 'json', '--fail-on-new-errors'], { cwd: tree.dir });
      assert.equal(json.status, 0, 'warnings and infos do not fail');
      const out = JSON.parse(json.stdout) as Record<string, unknown[]>;
      assert.deepEqual(Object.keys(out), ['changes', 'introduced', 'resolved']);
      assert.equal((out.introduced[0] as { filePath: string }).filePath, 'new.productteam.yaml');
    } finally {
      tree.cleanup();
    }
  });

  it('diff --fail-on-new-errors exits 1 when the change introduces an error, 0 without the flag', () => {
    const withError = read('base.productteam.yaml').replace('members: [carol]', 'members: [carol, nobody]');
    const tree = makeTree({ 'old.productteam.yaml': read('base.productteam.yaml'), 'err.productteam.yaml': withError });
    try {
      const failing = runCli(['diff', 'old.productteam.yaml', 'err.productteam.yaml', '--fail-on-new-errors'], { cwd: tree.dir });
      assert.equal(failing.status, 1);
      assert.match(failing.stdout, /\*\*error\*\* `unknown-reference`/);
      assert.equal(runCli(['diff', 'old.productteam.yaml', 'err.productteam.yaml'], { cwd: tree.dir }).status, 0);
    } finally {
      tree.cleanup();
    }
  });

  it('diff with one file is bad usage (exit 2)', () => {
    const tree = makeTree({ 'old.productteam.yaml': read('base.productteam.yaml') });
    try {
      const usage = runCli(['diff', 'old.productteam.yaml'], { cwd: tree.dir });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /diff takes two files/);
    } finally {
      tree.cleanup();
    }
  });

  it('diff reads git:<ref> with git show, by the path from the repository root', () => {
    const tree = makeTree({ 'teams/org.productteam.yaml': read('base.productteam.yaml') });
    try {
      commitAll(tree.dir);
      fs.writeFileSync(path.join(tree.dir, 'teams/org.productteam.yaml'), read('reordered.productteam.yaml'));
      const same = runCli(['diff', 'git:HEAD', 'org.productteam.yaml', '-f', 'json'], { cwd: path.join(tree.dir, 'teams') });
      assert.equal(same.status, 0, same.stderr);
      assert.deepEqual(JSON.parse(same.stdout), { changes: [], introduced: [], resolved: [] });
      fs.writeFileSync(path.join(tree.dir, 'teams/org.productteam.yaml'), read('changed.productteam.yaml'));
      const changed = runCli(['diff', 'git:HEAD', 'teams/org.productteam.yaml', '-f', 'json'], { cwd: tree.dir });
      assert.equal(JSON.parse(changed.stdout).changes.length, 13);
      const noRef = runCli(['diff', 'git:no-such-ref', 'teams/org.productteam.yaml'], { cwd: tree.dir });
      assert.equal(noRef.status, 2);
      assert.match(noRef.stderr, /cannot read teams\/org.productteam.yaml at no-such-ref/);
    } finally {
      tree.cleanup();
    }
  });
  it('map of a multi-file root shows the whole organisation: people from the directory, findings of every file', () => {
    const r = runCli(['map', 'examples/multi-file/acme.productteam.yaml', '-f', 'json'], { cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const map = JSON.parse(r.stdout) as { products: { id: string }[]; people: { id: string }[]; findings: { filePath: string; ruleId: string }[] };
    assert.deepEqual(map.products.map((p) => p.id).sort(), ['payments', 'search']);
    assert.ok(
      map.people.some((p) => p.id === 'frank'),
      'people defined in people.productteam.yaml',
    );
    assert.ok(
      map.findings.some((f) => f.ruleId === 'unknown-reference' && f.filePath === 'examples/multi-file/products/search.productteam.yaml'),
      'a finding of a product file, located in that file',
    );
  });

  it('diff git:<ref> of a multi-file root reads every file at <ref>: moving a product to another file is no change', () => {
    const files: Record<string, string> = {};
    for (const f of ['acme.productteam.yaml', 'people.productteam.yaml', 'products/payments.productteam.yaml', 'products/search.productteam.yaml']) {
      files[f] = fs.readFileSync(path.join(ROOT, 'examples', 'multi-file', f), 'utf8');
    }
    const tree = makeTree(files);
    try {
      commitAll(tree.dir);
      // The search product moves into the payments file (its teams with it): same organisation.
      const search = files['products/search.productteam.yaml'];
      const product = search.slice(search.indexOf('  search:'), search.indexOf('\nteams:'));
      const team = search.slice(search.indexOf('  search-squad:'));
      const payments = files['products/payments.productteam.yaml'].replace('products:\n', `products:\n${product}\n`).replace('teams:\n', `teams:\n${team}`);
      fs.writeFileSync(path.join(tree.dir, 'products/payments.productteam.yaml'), payments);
      fs.writeFileSync(path.join(tree.dir, 'products/search.productteam.yaml'), 'version: 1\n');
      const moved = runCli(['diff', 'git:HEAD', 'acme.productteam.yaml', '-f', 'json'], { cwd: tree.dir });
      assert.equal(moved.status, 0, moved.stderr);
      assert.deepEqual(JSON.parse(moved.stdout).changes, []);
      // A person added to the people directory is a change of the organisation (and resolves the finding about her).
      fs.appendFileSync(path.join(tree.dir, 'people.productteam.yaml'), '  nina: { name: Nina Park, discipline: product }\n');
      const added = JSON.parse(runCli(['diff', 'git:HEAD', 'acme.productteam.yaml', '-f', 'json'], { cwd: tree.dir }).stdout) as {
        changes: { kind: string }[];
        resolved: { ruleId: string }[];
      };
      assert.deepEqual(
        added.changes.map((c) => c.kind),
        ['person-added'],
      );
      assert.ok(added.resolved.some((f) => f.ruleId === 'unknown-reference'));
    } finally {
      tree.cleanup();
    }
  });
});
