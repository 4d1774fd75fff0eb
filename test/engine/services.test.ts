// The engine's language services, called in process with the cursor marked
// `$0` in the text (as json-languageservice's and rust-analyzer's tests do).
// The spawned-server suites in test/lsp only check the wiring around them.
import * as assert from 'node:assert/strict';
import {
  analyze,
  complete,
  definition,
  documentSymbols,
  hover,
  prepareRename,
  references,
  rename,
  type CompletionEntry,
  type Model,
  type SymbolNode,
} from '../../server/src/engine';
import { applyEdits, withCursor } from '../helpers/cursor';
import { CLEAN, variant } from '../lsp/texts';

/** CLEAN with `$0` put at `offsetInNeedle` characters into the one occurrence of `needle`. */
function mark(needle: string, offsetInNeedle: number, base = CLEAN): string {
  const i = base.indexOf(needle);
  assert.ok(i >= 0 && base.indexOf(needle, i + 1) < 0, `${needle} occurs once`);
  return base.slice(0, i + offsetInNeedle) + '$0' + base.slice(i + offsetInNeedle);
}

function at(marked: string) {
  const { text, offset } = withCursor(marked);
  return { text, offset, analysis: analyze(text, { today: '2026-01-01' }) };
}

function completions(marked: string, models?: Model[]): { text: string; items: CompletionEntry[] } {
  const { text, offset, analysis } = at(marked);
  return { text, items: complete(text, offset, models ?? [analysis.model]) };
}

const labels = (items: CompletionEntry[]): string[] => items.map((i) => i.label);
const pick = (items: CompletionEntry[], label: string): CompletionEntry => {
  const e = items.find((i) => i.label === label);
  assert.ok(e, `${label} in ${labels(items).join(', ')}`);
  return e;
};
const insert = (text: string, e: CompletionEntry): string => applyEdits(text, [{ ...e.span, newText: e.newText }]);

describe('engine: hover', () => {
  it('on a role key: the role, measured on the key', () => {
    const { text, analysis, offset } = at(mark('        productManager: alice', 10));
    const h = hover(analysis, offset)!;
    assert.match(h.markdown, /product manager/i);
    assert.equal(text.slice(h.span!.start, h.span!.end), 'productManager');
  });

  it('on a finding: the finding first, then what the reference is; the span is the finding', () => {
    const base = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: bob\n');
    const { text, analysis, offset } = at(mark('productOwner: bob', 15, base));
    const h = hover(analysis, offset)!;
    assert.ok(h.markdown.indexOf('**role-split**') === 0, h.markdown);
    assert.ok(h.markdown.indexOf('Bob Chen') > h.markdown.indexOf('role-split'));
    assert.equal(text.slice(h.span!.start, h.span!.end), 'bob');
  });

  it('on a person reference and on the declaring key: who they are and what they hold', () => {
    for (const marked of [mark('productManager: alice', 17), mark('  alice:\n', 3)]) {
      const { analysis, offset } = at(marked);
      const md = hover(analysis, offset)!.markdown;
      for (const s of ['Alice Moreau', 'Head of Product', 'Accountable owner of product', 'Product manager of domain']) {
        assert.ok(md.includes(s), `${s} in\n${md}`);
      }
    }
  });

  it('on a team reference: its people and the domains it serves', () => {
    const { analysis, offset } = at(mark('teams: [checkout-squad]', 9));
    const md = hover(analysis, offset)!.markdown;
    assert.match(md, /Checkout Squad/);
    assert.match(md, /Erin Fox/);
    assert.match(md, /Checkout/);
  });

  it('on an enum value: what the value means', () => {
    const { analysis, offset } = at(mark('discipline: ux', 13));
    assert.match(hover(analysis, offset)!.markdown, /^`ux`: /);
  });

  it('nothing on a free-text value or a blank line', () => {
    for (const marked of [mark('Paying should feel effortless.', 3), mark('version: 1\n\n', 11)]) {
      const { analysis, offset } = at(marked);
      assert.equal(hover(analysis, offset), undefined);
    }
  });
});

describe('engine: completion', () => {
  it('person ids with their names where a person goes; product people first for product roles', () => {
    const { text, items } = completions(variant('productManager: alice', 'productManager: $0'));
    assert.deepEqual(labels(items).sort(), ['alice', 'bob', 'carol', 'dan', 'erin']);
    const alice = pick(items, 'alice');
    assert.equal(alice.kind, 'reference');
    assert.equal(alice.detail, 'Alice Moreau');
    assert.match(alice.documentation!, /Head of Product/);
    assert.ok(alice.sortText! < pick(items, 'carol').sortText!, 'product discipline first');
    assert.match(insert(text, alice), /productManager: alice\n/);
  });

  it('replaces the partial word, and adds the space after a bare colon', () => {
    const partial = completions(variant('productManager: alice', 'productManager: al$0'));
    assert.match(insert(partial.text, pick(partial.items, 'bob')), /productManager: bob\n/);
    const bare = completions(variant('owner: alice  ', 'owner:$0  '));
    const bob = pick(bare.items, 'bob');
    assert.equal(bob.filterText, 'bob');
    assert.match(insert(bare.text, bob), /\n {4}owner: bob {2}/);
  });

  it('leaves out the people already in a list', () => {
    const { items } = completions(variant('members: [bob, carol, dan, erin]', 'members: [bob, carol, $0]'));
    assert.deepEqual(labels(items).sort(), ['alice', 'dan', 'erin']);
  });

  it("team ids in a domain's teams list", () => {
    const { items } = completions(variant('teams: [checkout-squad]', 'teams: [$0]'));
    assert.deepEqual(labels(items), ['checkout-squad']);
    assert.equal(items[0].detail, 'Checkout Squad');
  });

  it('enum values, described', () => {
    const { items } = completions(variant('stance: combined', 'stance: $0'));
    assert.deepEqual(labels(items), ['combined', 'separated', 'contextual', 'outcomes-first']);
    assert.ok(items.every((i) => i.kind === 'value' && (i.documentation ?? '').length > 0));
  });

  it('enum values in a list (revision 3: discipline lists, settings.coreTeam), less those written; framework takes safe', () => {
    assert.deepEqual(
      labels(completions(variant('carol: { name: Carol Diaz, discipline: technology }', 'carol: { name: Carol Diaz, discipline: [technology, $0] }')).items),
      ['product', 'ux', 'business', 'data', 'other'],
    );
    assert.deepEqual(labels(completions(variant('  stage: scaleup\n', '  stage: scaleup\n  framework: $0\n')).items), [
      'scrum',
      'kanban',
      'scrumban',
      'safe',
      'other',
    ]);
  });

  it('the keys an object takes, minus those present; an object key opens a block', () => {
    const { text, items } = completions(variant('        productManager: alice\n', '        productManager: alice\n        $0\n'));
    const keys = labels(items);
    assert.ok(keys.includes('productOwner') && !keys.includes('productManager'), keys.join(','));
    assert.ok(items.every((i) => i.kind === 'property'));
    assert.match(insert(text, pick(items, 'productOwner')), /\n {8}productOwner: \n/);
    const root = completions('version: 1\n$0\n');
    const org = pick(root.items, 'organization');
    assert.match(insert(root.text, org), /\norganization:\n {2}\n/);
  });

  it('no key completion where the user names ids', () => {
    assert.deepEqual(completions(mark('  carol:', 2)).items, []);
  });

  it('falls back to an older model when the current one has no people', () => {
    const older = analyze(CLEAN).model;
    const { items } = completions('people:\nproducts:\n  p:\n    owner: $0\n', [analyze('people:\n').model, older]);
    assert.ok(labels(items).includes('alice'));
  });
});

describe('engine: navigation and rename', () => {
  const TEXT = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: "bob"\n');

  it('definition: from a reference (quoted or not) to the declaring key', () => {
    for (const [needle, off, id] of [
      ['productManager: alice', 18, 'alice'],
      ['"bob"', 2, 'bob'],
      ['[checkout-squad]', 3, 'checkout-squad'],
    ] as const) {
      const { text, analysis, offset } = at(mark(needle, off, TEXT));
      const span = definition(analysis, offset)!;
      assert.equal(text.slice(span.start, span.end), id);
      assert.match(text.slice(span.start - 2, span.end + 1), new RegExp(`^ {2}${id}:$`));
    }
    const away = at(mark('Acme Payments', 2, TEXT));
    assert.equal(definition(away.analysis, away.offset), undefined);
  });

  it('references: every use, with the declaration first when asked', () => {
    const { text, analysis, offset } = at(mark('  bob:\n', 3, TEXT));
    const spans = references(analysis, offset, true);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['bob', 'bob', 'bob'],
    );
    assert.equal(text.slice(spans[0].start - 2, spans[0].end + 1), '  bob:', 'the declaration first');
    assert.equal(references(analysis, offset, false).length, 2);
  });

  it('prepareRename on an id only', () => {
    const ref = at(mark('"bob"', 2, TEXT));
    assert.deepEqual(prepareRename(ref.analysis, ref.offset), { span: { start: ref.offset - 1, end: ref.offset + 2 }, placeholder: 'bob' });
    const key = at(mark('productOwner: "bob"', 3, TEXT));
    assert.equal(prepareRename(key.analysis, key.offset), undefined);
  });

  it('rename: every reference and the declaration, quotes kept; or a reason why not', () => {
    const { text, analysis, offset } = at(mark('  bob:\n', 3, TEXT));
    const result = rename(analysis, offset, 'robert');
    assert.ok('edits' in result);
    const after = applyEdits(text, result.edits);
    assert.equal(after.split('robert').length - 1, 3);
    assert.ok(after.includes('productOwner: "robert"'));
    assert.ok(!/\bbob\b/.test(after.replace('Bob Chen', '')));
    assert.deepEqual(rename(analysis, offset, 'bob'), { edits: [] });
    assert.equal((rename(analysis, offset, 'alice') as { reason: string }).reason, 'invalid-name');
    assert.equal((rename(analysis, offset, 'a b') as { reason: string }).reason, 'invalid-name');
    const nowhere = at(mark('Acme Payments', 2, TEXT));
    assert.equal((rename(nowhere.analysis, nowhere.offset, 'x') as { reason: string }).reason, 'no-target');
  });
});

describe('engine: document symbols', () => {
  it("sections in document order with the engine's kinds", () => {
    const text = CLEAN;
    const symbols = documentSymbols(analyze(text));
    const flat = (s: SymbolNode): string => `${s.kind}:${s.name}${s.children?.length ? `(${s.children.map(flat).join(',')})` : ''}`;
    assert.deepEqual(symbols.map(flat), [
      'section:organization',
      'section:people(person:alice,person:bob,person:carol,person:dan,person:erin)',
      'section:products(product:payments(domain:checkout))',
      'section:teams(team:checkout-squad)',
    ]);
    const payments = symbols[2].children![0];
    assert.equal(text.slice(payments.selection.start, payments.selection.end), 'payments');
    assert.ok(text.slice(payments.span.start, payments.span.end).endsWith('teams: [checkout-squad]'));
  });
});
