// Go to definition, find references, rename and the outline, over the wire.
import * as assert from 'node:assert/strict';
import { LspClient, ResponseError, applyWorkspaceEdit, changedLines, positionOf, type Position, type Range, type WorkspaceEdit } from './client';
import { commentsOf, variant } from './texts';

interface Location {
  uri: string;
  range: Range;
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

let n = 0;
const TEXT = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: "bob"\n');

describe('lsp: navigation', function () {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });
  beforeEach(async () => {
    uri = `file:///work/nav-${++n}.productteam.yaml`;
    client.open(uri, TEXT);
    await client.diagnostics(uri, 1);
  });

  const at = (position: Position) => ({ textDocument: { uri }, position });
  const textAt = (r: Range): string => {
    const lines = TEXT.split('\n');
    assert.equal(r.start.line, r.end.line);
    return lines[r.start.line].slice(r.start.character, r.end.character);
  };

  it("goes from a reference to the person's id under people:", async () => {
    const loc = await client.request<Location>('textDocument/definition', at(positionOf(TEXT, 'productManager: alice', 18)));
    assert.equal(loc.uri, uri);
    assert.deepEqual(loc.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 7 } });
    const quoted = await client.request<Location>('textDocument/definition', at(positionOf(TEXT, '"bob"', 2)));
    assert.equal(textAt(quoted.range), 'bob');
    assert.equal(quoted.range.start.line, 15);
  });

  it('goes from a team reference to the team under teams:', async () => {
    const loc = await client.request<Location>('textDocument/definition', at(positionOf(TEXT, '[checkout-squad]', 3)));
    assert.equal(textAt(loc.range), 'checkout-squad');
    assert.equal(TEXT.split('\n')[loc.range.start.line], '  checkout-squad:');
  });

  it('has no definition away from references', async () => {
    assert.equal(await client.request('textDocument/definition', at(positionOf(TEXT, 'Acme Payments', 2))), null);
  });

  it('finds every reference, with the declaration when asked', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      ...at(positionOf(TEXT, 'members: [bob', 11)),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map((r) => [r.range.start.line, textAt(r.range)]),
      [
        [31, 'bob'],
        [40, 'bob'],
      ],
    );
    const withDecl = await client.request<Location[]>('textDocument/references', {
      ...at(positionOf(TEXT, '  bob:', 3)),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      withDecl.map((r) => r.range.start.line),
      [15, 31, 40],
    );
    const alice = await client.request<Location[]>('textDocument/references', {
      ...at(positionOf(TEXT, 'owner: alice', 8)),
      context: { includeDeclaration: false },
    });
    assert.equal(alice.length, 2);
  });

  it('prepares a rename on a reference and on the declaring key, and nowhere else', async () => {
    const onRef = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(positionOf(TEXT, '"bob"', 1)));
    assert.equal(onRef.placeholder, 'bob');
    assert.equal(textAt(onRef.range), 'bob');
    const onKey = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(positionOf(TEXT, '  carol:', 4)));
    assert.equal(onKey.placeholder, 'carol');
    assert.equal(await client.request('textDocument/prepareRename', at(positionOf(TEXT, 'Acme Payments', 2))), null);
  });

  it('renames every reference and the declaration, and nothing else', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(positionOf(TEXT, 'members: [bob', 11)), newName: 'robert' });
    const after = applyWorkspaceEdit(TEXT, uri, edit);
    const diff = changedLines(TEXT, after);
    assert.deepEqual(diff.added.filter((l) => l.includes('robert')).length, 3);
    assert.ok(after.includes('  robert:\n    name: Bob Chen'));
    assert.ok(after.includes('productOwner: "robert"'), 'keeps the quotes');
    assert.ok(after.includes('members: [robert, carol, dan, erin]'));
    assert.ok(after.includes('name: Bob Chen'), 'the name is not an id');
    assert.equal(after.split('robert').length - 1, 3);
    for (const c of commentsOf(TEXT)) assert.ok(after.includes(c));
    const codes = (ds: { code?: string | number }[]): string[] => ds.map((d) => String(d.code));
    const before = codes(await client.diagnostics(uri, 1));
    client.change(uri, 2, after);
    assert.deepEqual(codes(await client.diagnostics(uri, 2)), before, 'no reference broken by the rename');
  });

  it('renames a team from its declaring key', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(positionOf(TEXT, '  checkout-squad:', 4)), newName: 'squad-one' });
    const after = applyWorkspaceEdit(TEXT, uri, edit);
    assert.ok(after.includes('teams: [squad-one]'));
    assert.ok(after.includes('\n  squad-one:\n'));
    assert.ok(after.includes('name: Checkout Squad'));
  });

  it('refuses to rename to an existing id or to an invalid one', async () => {
    const p = at(positionOf(TEXT, 'members: [bob', 11));
    await assert.rejects(client.request('textDocument/rename', { ...p, newName: 'carol' }), (e: ResponseError) => {
      assert.match(e.message, /A person 'carol' already exists/);
      return true;
    });
    for (const bad of ['', 'two words', 'a:b', 'a#b', '[x]', 'x,y', '{x}', 'true', '123']) {
      await assert.rejects(client.request('textDocument/rename', { ...p, newName: bad }), ResponseError, `'${bad}' refused`);
    }
    const team = at(positionOf(TEXT, '[checkout-squad]', 3));
    // Teams and people have separate ids: a team may take a person's id.
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...team, newName: 'carol' });
    assert.ok(applyWorkspaceEdit(TEXT, uri, edit).includes('teams: [carol]'));
    assert.ok(client.alive);
  });

  it('outlines products -> domains, people and teams', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['organization', 'people', 'products', 'teams'],
    );
    const [org, people, products, teams] = symbols;
    assert.equal(org.detail, 'Acme');
    assert.deepEqual(
      people.children!.map((s) => [s.name, s.detail]),
      [
        ['alice', 'Alice Moreau'],
        ['bob', 'Bob Chen'],
        ['carol', 'Carol Diaz'],
        ['dan', 'Dan Ek'],
        ['erin', 'Erin Fox'],
      ],
    );
    const payments = products.children![0];
    assert.equal(payments.name, 'payments');
    assert.equal(payments.detail, 'Acme Payments');
    assert.deepEqual(
      payments.children!.map((s) => [s.name, s.detail]),
      [['checkout', 'Checkout']],
    );
    assert.deepEqual(
      teams.children!.map((s) => [s.name, s.detail]),
      [['checkout-squad', 'Checkout Squad']],
    );
    // Ranges hold their selection ranges.
    const contains = (outer: Range, inner: Range): boolean =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    const walk = (s: DocumentSymbol): void => {
      assert.ok(contains(s.range, s.selectionRange), s.name);
      for (const c of s.children ?? []) {
        assert.ok(contains(s.range, c.range), `${c.name} inside ${s.name}`);
        walk(c);
      }
    };
    symbols.forEach(walk);
    assert.equal(payments.range.start.line, 23);
    assert.equal(payments.range.end.line, 34);
  });
});
