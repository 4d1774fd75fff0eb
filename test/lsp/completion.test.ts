// Completion over the wire, on whole and on half-typed documents: ids where
// a reference goes, enum values and property keys, with the schema's words.
// `|` marks the cursor.
import * as assert from 'node:assert/strict';
import { LspClient, applyTextEdits, cursor, type TextEdit } from './client';
import { CLEAN, variant } from './texts';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string } | string;
  textEdit?: TextEdit;
  insertText?: string;
}

let n = 0;

describe('lsp: completion', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  async function complete(textWithBar: string, triggerCharacter?: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = cursor(textWithBar);
    const uri = `file:///work/complete-${++n}.productteam.yaml`;
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const r = await client.request<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    });
    const items = Array.isArray(r) ? r : (r?.items ?? []);
    return { items, text };
  }

  const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
  const doc = (i: CompletionItem | undefined): string => (typeof i?.documentation === 'string' ? i.documentation : (i?.documentation?.value ?? ''));

  it('advertises the trigger characters', () => {
    const caps = client.initializeResult?.capabilities as { completionProvider?: { triggerCharacters?: string[] } };
    assert.deepEqual([...(caps.completionProvider?.triggerCharacters ?? [])].sort(), [' ', ',', '-', ':', '['].sort());
  });

  it('offers person ids with their names at a productManager value', async () => {
    const { items, text } = await complete(variant('productManager: alice', 'productManager: |'), ' ');
    assert.deepEqual(labels(items).sort(), ['alice', 'bob', 'carol', 'dan', 'erin']);
    const alice = items.find((i) => i.label === 'alice')!;
    assert.equal(alice.detail, 'Alice Moreau');
    assert.match(doc(alice), /Head of Product/);
    assert.match(doc(alice), /product/);
    assert.equal(items.find((i) => i.label === 'carol')!.detail, 'Carol Diaz');
    assert.match(applyTextEdits(text, [alice.textEdit!]), /productManager: alice\n/);
  });

  it('offers person ids on a half-typed value with nothing after the colon', async () => {
    const { items, text } = await complete(variant('    owner: alice            # accountable owner', '    owner:|'), ':');
    assert.ok(labels(items).includes('alice'));
    const bob = items.find((i) => i.label === 'bob')!;
    assert.match(applyTextEdits(text, [bob.textEdit!]), /\n {4}owner: bob\n/, 'adds the space after the colon');
  });

  it('replaces the partial word', async () => {
    const { items, text } = await complete(variant('productManager: alice', 'productManager: al|'));
    const alice = items.find((i) => i.label === 'alice')!;
    assert.match(applyTextEdits(text, [alice.textEdit!]), /productManager: alice\n/);
  });

  it('offers person ids in flow lists, leaving out those already listed', async () => {
    const { items, text } = await complete(variant('members: [bob, carol, dan, erin]', 'members: [bob, carol, |]'), ' ');
    assert.deepEqual(labels(items).sort(), ['alice', 'dan', 'erin']);
    const dan = items.find((i) => i.label === 'dan')!;
    assert.match(applyTextEdits(text, [dan.textEdit!]), /members: \[bob, carol, dan\]/);
    const comma = await complete(variant('members: [bob, carol, dan, erin]', 'members: [bob,|'), ',');
    const carol = comma.items.find((i) => i.label === 'carol')!;
    assert.match(applyTextEdits(comma.text, [carol.textEdit!]), /members: \[bob, carol\n/);
  });

  it('offers person ids in block lists', async () => {
    const { items } = await complete(variant('    members: [bob, carol, dan, erin]', '    members:\n      - bob\n      - |'), ' ');
    assert.deepEqual(labels(items).sort(), ['alice', 'carol', 'dan', 'erin']);
  });

  it("offers team ids in a domain's teams list", async () => {
    const { items } = await complete(variant('teams: [checkout-squad]', 'teams: [|]'), '[');
    assert.deepEqual(labels(items), ['checkout-squad']);
    assert.equal(items[0].detail, 'Checkout Squad');
  });

  it('offers enum values with their descriptions', async () => {
    const stance = await complete(variant('stance: combined   # one person per domain', 'stance: |'), ' ');
    assert.deepEqual(labels(stance.items), ['combined', 'separated', 'contextual', 'outcomes-first']);
    assert.ok(
      stance.items.every((i) => doc(i).length > 0 || (i.detail ?? '').length > 0),
      'each value is described',
    );

    const cases: [string, string, string[]][] = [
      ['stage: scaleup', 'stage: |', ['startup', 'scaleup', 'enterprise']],
      ['    name: Acme Payments\n', '    name: Acme Payments\n    lifecycle: |\n', ['v1', 'growth', 'mature']],
      [
        '    discipline: product\n    customerContact: weekly',
        '    discipline: |\n    customerContact: weekly',
        ['product', 'technology', 'ux', 'business', 'data', 'other'],
      ],
      ['customerContact: weekly', 'customerContact: |', ['daily', 'weekly', 'monthly', 'rarely', 'never']],
      ['decisionAuthority: full', 'decisionAuthority: |', ['full', 'shared', 'needs-approval']],
      [
        'carol: { name: Carol Diaz, discipline: technology }',
        'carol: { name: Carol Diaz, discipline: |}',
        ['product', 'technology', 'ux', 'business', 'data', 'other'],
      ],
    ];
    for (const [from, to, expected] of cases) {
      const { items } = await complete(variant(from, to), ' ');
      assert.deepEqual(labels(items), expected, to);
    }
    const rules = await complete(variant('version: 1\n', 'version: 1\nsettings:\n  rules:\n    core-team: |\n'), ' ');
    assert.deepEqual(labels(rules.items), ['error', 'warning', 'info', 'hint', 'off']);
  });

  it('offers the keys an object takes, without those already present', async () => {
    const domain = await complete(variant('        productManager: alice\n', '        productManager: alice\n        |\n'));
    const keys = labels(domain.items);
    for (const k of ['productOwner', 'owner']) assert.ok(keys.includes(k), `${k} in ${keys.join(',')}`);
    for (const k of ['name', 'productManager', 'outcomes', 'teams']) assert.ok(!keys.includes(k), `${k} is already there`);
    assert.ok(doc(domain.items.find((i) => i.label === 'productOwner')).length > 0, 'described from the schema');

    const partial = await complete(variant('        productManager: alice\n', '        productManager: alice\n        pro|\n'));
    assert.ok(labels(partial.items).includes('productOwner'));
    const po = partial.items.find((i) => i.label === 'productOwner')!;
    assert.match(applyTextEdits(partial.text, [po.textEdit!]), /\n {8}productOwner: \n/);

    const person = await complete(variant('    name: Bob Chen\n    discipline: product\n', '    name: Bob Chen\n    discipline: product\n    |\n'));
    assert.ok(labels(person.items).includes('customerContact'));
    assert.ok(!labels(person.items).includes('name'));

    const root = await complete(`${CLEAN}|`);
    assert.deepEqual(labels(root.items), ['include', 'settings']);

    const flow = await complete(variant('carol: { name: Carol Diaz, discipline: technology }', 'carol: { name: Carol Diaz, |}'), ' ');
    assert.ok(labels(flow.items).includes('discipline'));
    assert.ok(!labels(flow.items).includes('name'));
  });

  it('offers no keys where ids go and nothing inside comments', async () => {
    const ids = await complete(variant('  carol:', '  |\n  carol:'));
    assert.deepEqual(ids.items, []);
    const comment = await complete(variant('# Who we are.', '# Who |we are.'), ' ');
    assert.deepEqual(comment.items, []);
  });
});

describe('lsp: completion mid-edit', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('still offers the people of the last text that parsed while the file is broken', async () => {
    const uri = 'file:///work/mid-edit.productteam.yaml';
    client.open(uri, CLEAN);
    await client.diagnostics(uri, 1);
    const broken = cursor(
      variant('  carol: { name: Carol Diaz, discipline: technology }\n', '  carol: { name: Carol Diaz, discipline: technology\n\tbroken: [\n').replace(
        'productManager: alice',
        'productManager: |',
      ),
    );
    client.change(uri, 2, broken.text);
    const ds = await client.diagnostics(uri, 2);
    assert.ok(ds.some((d) => d.code === 'yaml-syntax'));
    const r = await client.request<{ items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: broken.position });
    assert.ok(
      r.items.some((i) => i.label === 'alice' && i.detail === 'Alice Moreau'),
      JSON.stringify(r.items.map((i) => i.label)),
    );
  });
});
