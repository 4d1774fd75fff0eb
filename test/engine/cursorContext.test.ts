// The cursor-context parser reads a half-typed file from its text alone: which
// mapping a key goes into, whose value is typed, what is already written.
import * as assert from 'node:assert/strict';
import { cursorContext, type CursorContext } from '../../server/src/engine';
import { withCursor } from '../helpers/cursor';

function ctx(marked: string): CursorContext | undefined {
  const { text, offset } = withCursor(marked);
  return cursorContext(text, offset);
}

describe('engine: cursor context', () => {
  it('a key at a new position inside a block mapping, with its siblings', () => {
    const c = ctx('people:\n  carol:\n    name: Carol\n    disc$0\n    title: CTO\n');
    assert.deepEqual(c, {
      kind: 'key',
      path: ['people', 'carol'],
      partial: 'disc',
      start: 'people:\n  carol:\n    name: Carol\n    '.length,
      inList: false,
      existing: ['name', 'title'],
      needsSpace: false,
      indent: 4,
    });
  });

  it('an empty key position at the top level', () => {
    const c = ctx('version: 1\n$0\npeople: {}\n')!;
    assert.equal(c.kind, 'key');
    assert.deepEqual(c.path, []);
    assert.equal(c.partial, '');
    assert.deepEqual(c.existing.sort(), ['people', 'version']);
  });

  it('a value right after the colon needs a leading space', () => {
    const c = ctx('products:\n  payments:\n    owner:$0\n')!;
    assert.equal(c.kind, 'value');
    assert.deepEqual(c.path, ['products', 'payments', 'owner']);
    assert.equal(c.partial, '');
    assert.equal(c.needsSpace, true);
    assert.equal(c.inList, false);
  });

  it('a partial value after `key: ` is what a completion replaces', () => {
    const text = 'products:\n  payments:\n    owner: al$0\n';
    const c = ctx(text)!;
    assert.equal(c.kind, 'value');
    assert.equal(c.partial, 'al');
    assert.equal(c.start, text.indexOf('al$0'));
    assert.equal(c.needsSpace, false);
  });

  it('a quoted key is read without its quotes', () => {
    const c = ctx('"products":\n  payments:\n    owner: $0\n')!;
    assert.deepEqual(c.path, ['products', 'payments', 'owner']);
  });

  it('a block list item, with the items already listed', () => {
    const c = ctx('teams:\n  squad:\n    members:\n      - bob\n      - $0\n      - "dan"\n')!;
    assert.equal(c.kind, 'value');
    assert.deepEqual(c.path, ['teams', 'squad', 'members']);
    assert.equal(c.inList, true);
    assert.deepEqual(c.existing.sort(), ['bob', 'dan']);
  });

  it('a flow list item, with the items before it', () => {
    const c = ctx('teams:\n  squad:\n    members: [carol, bob, $0]\n')!;
    assert.equal(c.kind, 'value');
    assert.deepEqual(c.path, ['teams', 'squad', 'members']);
    assert.equal(c.inList, true);
    assert.deepEqual(c.existing, ['carol', 'bob']);
    assert.equal(c.needsSpace, false);
  });

  it('right after a comma in a flow list needs a space', () => {
    assert.equal(ctx('teams:\n  squad:\n    members: [carol,$0]\n')!.needsSpace, true);
  });

  it('a key in a flow mapping, with the keys before it', () => {
    const c = ctx('people:\n  carol: { name: Carol Diaz, disc$0 }\n')!;
    assert.equal(c.kind, 'key');
    assert.deepEqual(c.path, ['people', 'carol']);
    assert.equal(c.partial, 'disc');
    assert.deepEqual(c.existing, ['name']);
  });

  it('a value in a flow mapping', () => {
    const c = ctx('people:\n  carol: { name: Carol, discipline: tech$0 }\n')!;
    assert.equal(c.kind, 'value');
    assert.deepEqual(c.path, ['people', 'carol', 'discipline']);
    assert.equal(c.partial, 'tech');
  });

  it('a nested flow collection knows its path', () => {
    const c = ctx('products:\n  p:\n    domains: { d: { teams: [$0] } }\n')!;
    assert.deepEqual(c.path, ['products', 'p', 'domains', 'd', 'teams']);
    assert.equal(c.inList, true);
  });

  it('the parent is found across blank lines and comments', () => {
    const c = ctx('products:\n  payments:\n\n    # the owner\n    owner: $0\n')!;
    assert.deepEqual(c.path, ['products', 'payments', 'owner']);
  });

  it('a second YAML document starts afresh', () => {
    const c = ctx('people:\n  a: {}\n---\n$0\n')!;
    assert.equal(c.kind, 'key');
    assert.deepEqual(c.path, []);
  });

  it('nothing inside a comment, a quoted string, a closed flow collection or after a tab', () => {
    assert.equal(ctx('people: # who $0\n'), undefined);
    assert.equal(ctx('organization:\n  name: "Acme $0\n'), undefined);
    assert.equal(ctx('teams:\n  s:\n    members: [a, b] $0\n'), undefined);
    assert.equal(ctx('people:\n\tcarol$0\n'), undefined);
  });

  it('nothing where a value is not a plain word', () => {
    assert.equal(ctx('organization:\n  name: a: b$0\n'), undefined);
    assert.equal(ctx('people:\n  - [x$0\n'), undefined);
  });

  it('handles CRLF line ends', () => {
    const c = ctx('products:\r\n  payments:\r\n    owner: $0\r\n')!;
    assert.deepEqual(c.path, ['products', 'payments', 'owner']);
  });
});
