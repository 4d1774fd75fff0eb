// Quick fixes over the wire: every fix title of SPEC section 4 is offered
// for its diagnostic, and applying its WorkspaceEdit changes only the lines it
// must, keeps every comment, and makes the finding go away.
import * as assert from 'node:assert/strict';
import { EngineHost } from '../../server/src/engine';
import { LspClient, applyWorkspaceEdit, changedLines, type CodeAction, type Diagnostic } from './client';
import { commentsOf, variant, variants } from './texts';

let n = 0;

interface Case {
  /** The document before the fix. */
  text: string;
  rule: string;
  title: string;
  /** The lines the fix removes and adds (exactly). */
  removed: string[];
  added: string[];
  /** Text on the diagnostic's line, when the rule fires more than once. */
  on?: string;
}

const withPo = (po: string): string => variant('        productManager: alice\n', `        productManager: alice\n        productOwner: ${po}\n`);

const CASES: Case[] = [
  {
    text: variant('owner: alice            # accountable owner', 'owner: [alice, bob]     # accountable owner'),
    rule: 'single-owner',
    title: 'Assign single owner: bob',
    removed: ['    owner: [alice, bob]     # accountable owner'],
    added: ['    owner: bob     # accountable owner'],
  },
  {
    // A vacant seat (revision 3) with no product manager: the domain has no owner, and the fix fills the seat.
    text: variant('        productManager: alice\n', '        owner: ~\n'),
    rule: 'single-owner',
    title: 'Assign owner: bob',
    removed: ['        owner: ~'],
    added: ['        owner: bob'],
  },
  {
    text: withPo('[bob, alice]'),
    rule: 'single-backlog-owner',
    title: 'Keep alice as the only product owner',
    removed: ['        productOwner: [bob, alice]'],
    added: ['        productOwner: alice'],
  },
  {
    text: withPo('bob'),
    rule: 'role-split',
    title: 'Make alice the product owner too',
    removed: ['        productOwner: bob'],
    added: ['        productOwner: alice'],
  },
  {
    text: withPo('bob'),
    rule: 'role-split',
    title: 'Make bob the product manager too',
    removed: ['        productManager: alice'],
    added: ['        productManager: bob'],
  },
  {
    text: variant('stance: combined', 'stance: separated'),
    rule: 'role-split',
    title: 'Hand the product owner role to bob',
    removed: [],
    added: ['        productOwner: bob'],
  },
  {
    text: variant('stance: combined', 'stance: separated'),
    rule: 'role-split',
    title: 'Add a product owner placeholder',
    removed: [],
    added: [], // two separate insertions: checked below
  },
  {
    text: variant('productManager: alice', 'productManager: alcie'),
    rule: 'unknown-reference',
    title: "Change to 'alice'",
    removed: ['        productManager: alcie'],
    added: ['        productManager: alice'],
  },
  {
    text: variant('members: [bob, carol, dan, erin]', 'members: [bob, carol, dan, erin, zed]'),
    rule: 'unknown-reference',
    title: "Add person 'zed'",
    removed: [],
    added: ['  zed:', '    name: Zed'],
  },
  {
    text: variant('teams: [checkout-squad]', 'teams: [checkout-squad, growth-squad]'),
    rule: 'unknown-reference',
    title: "Add team 'growth-squad'",
    removed: [],
    added: ['  growth-squad:', '    name: Growth Squad'],
  },
  {
    text: variant('discipline: ux', 'discipline: uxx'),
    rule: 'schema',
    title: "Change to 'ux'",
    removed: ['  dan: { name: Dan Ek, discipline: uxx }'],
    added: ['  dan: { name: Dan Ek, discipline: ux }'],
  },
  {
    text: variant('    name: Bob Chen', '    nmae: Bob Chen'),
    rule: 'schema',
    title: "Rename to 'name'",
    on: 'nmae',
    removed: ['    nmae: Bob Chen'],
    added: ['    name: Bob Chen'],
  },
  {
    text: variants(
      ['        productManager: alice\n', '        productManager: alice\n        productOwner: bob\n'],
      ['stance: combined', 'stance: separated'],
      ['    name: Bob Chen\n', '    name: Bob Chen\n    decisionAuthority: needs-approval\n'],
    ),
    rule: 'decision-authority',
    title: 'Grant full decision authority to bob',
    removed: ['    decisionAuthority: needs-approval'],
    added: ['    decisionAuthority: full'],
  },
  {
    text: variants(
      ['    vision: Paying should feel effortless.\n', ''],
      [
        '        teams: [checkout-squad]\n',
        '        teams: [checkout-squad]\n      wallet:\n        productManager: bob\n        outcomes: [More wallets]\n        teams: [checkout-squad]\n',
      ],
    ),
    rule: 'vision-required',
    title: 'Add a product vision',
    removed: [],
    added: ['    vision: ""'],
  },
  // Each title carries the stance preview's count: only separated would report Alice as PM and PO of checkout.
  ...(['combined', 'separated', 'contextual', 'outcomes-first'] as const).map<Case>((stance) => ({
    text: variant('  stance: combined   # one person per domain\n', ''),
    rule: 'stance-declared',
    title: `Declare stance: ${stance} (${stance === 'separated' ? '1 finding' : 'no findings'})`,
    removed: [],
    added: [`  stance: ${stance}`],
  })),
  {
    text: variant('productManager: alice', 'productManager: alcie'),
    rule: 'unknown-reference',
    title: 'Disable unknown-reference for this line',
    removed: [],
    added: ['        # productteam-disable-next-line unknown-reference'],
  },
  {
    text: variant('productManager: alice', 'productManager: alcie'),
    rule: 'unknown-reference',
    title: 'Disable unknown-reference for this file',
    removed: [],
    added: ['# productteam-disable unknown-reference'],
  },
];

describe('lsp: code actions', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  async function openWith(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///work/fix-${++n}.productteam.yaml`;
    client.open(uri, text);
    return { uri, diagnostics: await client.diagnostics(uri, 1) };
  }

  function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], ...(only ? { only } : {}) },
    });
  }

  for (const c of CASES) {
    it(`${c.rule}: ${c.title}`, async () => {
      const { uri, diagnostics } = await openWith(c.text);
      const lines = c.text.split('\n');
      const d = diagnostics.find((x) => x.code === c.rule && (!c.on || lines[x.range.start.line].includes(c.on)));
      assert.ok(d, `no ${c.rule} in ${diagnostics.map((x) => x.code).join(', ')}`);
      const actions = await actionsFor(uri, d);
      const action = actions.find((a) => a.title === c.title);
      assert.ok(action, `'${c.title}' not among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [d], 'the action names the diagnostic it fixes');
      assert.ok(action.edit?.changes?.[uri], 'a WorkspaceEdit with changes for the document');
      // Every fix can also be turned off for the line and the file.
      assert.ok(actions.some((a) => a.title === `Disable ${c.rule} for this line`));
      assert.ok(actions.some((a) => a.title === `Disable ${c.rule} for this file`));

      const after = applyWorkspaceEdit(c.text, uri, action.edit);
      const diff = changedLines(c.text, after);
      if (c.title === 'Add a product owner placeholder') {
        assert.ok(
          diff.added.some((l) => /^ {8}productOwner: \S+/.test(l)),
          diff.added.join('\n'),
        );
        assert.ok(
          diff.added.some((l) => /^ {2}\S+:$/.test(l)),
          'a person to hold the placeholder role',
        );
      } else {
        assert.deepEqual(diff, { removed: c.removed, added: c.added });
      }
      for (const comment of commentsOf(c.text)) assert.ok(after.includes(comment), `comment kept: ${comment}`);

      client.change(uri, 2, after);
      const now = await client.diagnostics(uri, 2);
      assert.ok(!now.some((x) => x.code === 'yaml-syntax'), 'still parses');
      const same = now.filter((x) => x.code === c.rule && x.message === d.message);
      // 'Add a product vision' leaves an empty value for the user to write: the finding stays until then.
      if (c.title !== 'Add a product vision') assert.deepEqual(same, [], `${c.rule} still fires after '${c.title}'`);
    });
  }

  it('never marks a suggestion as preferred, even when it is the only one', async () => {
    // bob is the only candidate owner of the domain, but naming an owner is a fact about people.
    const text = variant('        productManager: alice\n', '');
    const { uri, diagnostics } = await openWith(text);
    const d = diagnostics.find((x) => x.code === 'single-owner')!;
    const actions = await actionsFor(uri, d);
    const assign = actions.filter((a) => a.title.startsWith('Assign owner: '));
    assert.ok(assign.length > 0, actions.map((a) => a.title).join(' | '));
    assert.ok(
      actions.every((a) => a.isPreferred === undefined),
      'no preferred action',
    );
  });

  it('marks the engine-preferred fix as preferred', async () => {
    const text = variant('productManager: alice', 'productManager: alcie');
    const { uri, diagnostics } = await openWith(text);
    const actions = await actionsFor(uri, diagnostics[0]);
    assert.equal(actions.find((a) => a.title === "Change to 'alice'")?.isPreferred, true);
    assert.equal(actions.find((a) => a.title === "Add person 'alcie'")?.isPreferred, undefined);
  });

  it('offers fixes only for the diagnostics in the request, found by code and data, not message', async () => {
    const text = variants(['productManager: alice', 'productManager: alcie'], ['discipline: ux', 'discipline: uxx']);
    const { uri, diagnostics } = await openWith(text);
    const schema = diagnostics.find((d) => d.code === 'schema')!;
    const actions = await actionsFor(uri, { ...schema, message: 'reworded by the client' });
    assert.ok(actions.some((a) => a.title === "Change to 'ux'"));
    assert.ok(!actions.some((a) => a.title === "Change to 'alice'"));
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: schema.range, context: { diagnostics: [] } }), []);
    // Diagnostics from another tool are left alone.
    assert.deepEqual(await actionsFor(uri, { ...schema, source: 'yaml' }), []);
  });

  it('returns quick fixes only when `only` asks for them', async () => {
    const { uri, diagnostics } = await openWith(variant('productManager: alice', 'productManager: alcie'));
    assert.ok((await actionsFor(uri, diagnostics[0], ['quickfix'])).length > 0);
    assert.deepEqual(await actionsFor(uri, diagnostics[0], ['refactor']), []);
  });

  it("source.fixAll.productteam applies each finding's single safe fix, as a minimal edit", async () => {
    const text = variants(
      ['    name: Bob Chen', '    nmae: Bob Chen'], // Rename to 'name': safe
      ['discipline: ux', 'discipline: uxx'], // Change to 'ux': safe
      ['members: [bob, carol, dan, erin]', 'members: [bob, carol, dan, erin, zed]'], // Add person 'zed': a suggestion, left alone
      ['owner: alice            # accountable owner', 'owner: [alice, bob]     # accountable owner'], // two candidates: left alone
    );
    const { uri, diagnostics } = await openWith(text);
    for (const only of [['source.fixAll.productteam'], ['source.fixAll'], ['source']]) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only },
      });
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.productteam');
      assert.ok(fixAll, `fix-all for only=${only.join(',')}`);
      assert.equal(actions.filter((a) => a.kind === 'quickfix').length, 0);
      const edits = fixAll.edit!.changes![uri];
      assert.ok(
        edits.every((e) => e.range.start.line > 0 || e.range.end.line < text.split('\n').length - 2),
        'no edit replaces the whole file',
      );
      const after = applyWorkspaceEdit(text, uri, fixAll.edit!);
      assert.match(after, /^ {4}name: Bob Chen$/m);
      assert.match(after, /discipline: ux \}/);
      assert.doesNotMatch(after, /^ {2}zed:/m);
      assert.match(after, /owner: \[alice, bob\] {5}# accountable owner/);
      for (const comment of commentsOf(text)) assert.ok(after.includes(comment));
    }
    // Not offered when not asked for.
    const plain = await actionsFor(uri, diagnostics[0]);
    assert.ok(!plain.some((a) => a.kind === 'source.fixAll.productteam'));
  });

  it('finds the problem again after the document moved on (stale diagnostic data)', async () => {
    const text = variant('productManager: alice', 'productManager: alcie');
    const { uri, diagnostics } = await openWith(text);
    const d = diagnostics.find((x) => x.code === 'unknown-reference')!;
    // Same text, new version: the offsets in data are from version 1, the range still matches.
    client.change(uri, 2, text);
    await client.diagnostics(uri, 2);
    const actions = await actionsFor(uri, d);
    assert.ok(actions.some((a) => a.title === "Change to 'alice'"));
  });

  it('sends versioned documentChanges to clients that support them', async () => {
    const c2 = await LspClient.start({ documentChanges: true });
    try {
      const uri = 'file:///work/versioned.productteam.yaml';
      const text = variant('productManager: alice', 'productManager: alcie');
      c2.open(uri, text, 5);
      const [d] = await c2.diagnostics(uri, 5);
      const actions = await c2.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const fix = actions.find((a) => a.title === "Change to 'alice'")!;
      assert.equal(fix.edit?.changes, undefined);
      assert.deepEqual(fix.edit?.documentChanges?.[0].textDocument, { uri, version: 5 });
      assert.match(applyWorkspaceEdit(text, uri, fix.edit!), /productManager: alice/);
    } finally {
      await c2.stop();
    }
  });
});

describe("lsp: fix-all asks the host, which holds the editor's options", () => {
  it("keeps the editor's productteam.coreTeam (and the rest) in every answer of the snapshot, fix-all included", () => {
    const host = new EngineHost();
    host.setOptions({ coreTeam: ['technology', 'ux'], maxDomainsPerPerson: 3, stance: 'combined', today: '2026-06-01' });
    const uri = 'file:///work/a.productteam.yaml';
    host.setFile(uri, 'version: 1\norganization: { name: A }\n');
    const settings = host.snapshot().analysis(uri)?.settings;
    assert.deepEqual(settings?.coreTeam, ['technology', 'ux']);
    assert.equal(settings?.maxDomainsPerPerson, 3);
    assert.equal(settings?.stance, 'combined');
    assert.equal(settings?.today, '2026-06-01');
  });
});
