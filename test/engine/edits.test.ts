// The edit helpers on their own: ids written with yaml's own scalar writer
// read back as the same string wherever they go, and a whole-text fix-all
// goes back to an editor as one minimal edit.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, diffEdits } from '../../server/src/engine';
import { yamlString } from '../../server/src/engine/fixes/edits';

const TRICKY = [
  'alice',
  'on-call: x',
  '#1',
  'a #b',
  'true',
  'True',
  'yes',
  'on',
  'null',
  '~',
  '1.0',
  '0o17',
  '0x1f',
  '2026-01-01',
  '.inf',
  '*nowhere',
  '&anchor',
  '!tag',
  '%percent',
  '@at',
  '`tick',
  '- dash',
  '? key',
  '|pipe',
  '>fold',
  'a,b',
  '[x]',
  '{x}',
  "it's",
  'say "hi"',
  ' leading',
  'trailing ',
  'nbsp\u00a0',
  'line\nbreak',
  'tab\there',
  '',
  '<<',
  'x'.repeat(120) + ' ' + 'y'.repeat(120),
];

describe('edits: yamlString', () => {
  for (const value of TRICKY) {
    it(`writes ${JSON.stringify(value)} so that it reads back as that string everywhere`, () => {
      for (const style of ['plain', 'single', 'double'] as const) {
        const w = yamlString(value, style);
        assert.ok(!/[\r\n]/.test(w), `one line: ${w}`);
        assert.deepEqual(parse(`k: ${w}\n`), { k: value }, `block value: ${w}`);
        assert.deepEqual(parse(`k: [a, ${w}, b]\n`), { k: ['a', value, 'b'] }, `flow item: ${w}`);
        assert.deepEqual(parse(`${w}: v\n`), { [value]: 'v' }, `block key: ${w}`);
        assert.deepEqual(parse(`{ ${w}: v }\n`), { [value]: 'v' }, `flow key: ${w}`);
        assert.deepEqual(parse(`k: ${w}\n`, { version: '1.1' }), { k: value }, `YAML 1.1 reader: ${w}`);
        assert.deepEqual(parse(`${w}: v\n`, { merge: true }), { [value]: 'v' }, `key with merge keys on: ${w}`);
      }
    });
  }

  it('leaves plain what needs no quotes, and keeps the asked-for quote style', () => {
    assert.equal(yamlString('alice'), 'alice');
    assert.equal(yamlString('checkout-squad'), 'checkout-squad');
    assert.equal(yamlString('Alice Moreau'), 'Alice Moreau');
    assert.equal(yamlString('alice', 'single'), "'alice'");
    assert.equal(yamlString('alice', 'double'), '"alice"');
  });
});

describe('edits: diffEdits', () => {
  it('is empty for equal texts and one edit spanning only what changed otherwise', () => {
    assert.deepEqual(diffEdits('a: 1\n', 'a: 1\n'), []);
    const before = 'a: 1\nb: uxx\nc: 3\n';
    const after = 'a: 1\nb: ux\nc: 3\n';
    const edits = diffEdits(before, after);
    assert.equal(edits.length, 1);
    assert.ok(edits[0].start >= 'a: 1\nb: '.length && edits[0].end <= 'a: 1\nb: uxx'.length, JSON.stringify(edits));
    assert.equal(applyEdits(before, edits), after);
  });

  it('never splits a CRLF pair or a surrogate pair', () => {
    for (const [before, after] of [
      ['a: 1\r\nb: 2\r\n', 'a: 1\r\nx: 0\r\nb: 2\r\n'],
      ['a: 1\r\n', 'a: 1\r\n\r\n'],
      ['n: 😀\n', 'n: 😃\n'],
      ['', 'a: 1\n'],
      ['a: 1\n', ''],
    ]) {
      const edits = diffEdits(before, after);
      assert.equal(applyEdits(before, edits), after);
      for (const e of edits) {
        assert.ok(!(before[e.start - 1] === '\r' && before[e.start] === '\n'), 'starts inside CRLF');
        assert.ok(!(before[e.end - 1] === '\r' && before[e.end] === '\n'), 'ends inside CRLF');
        const c = before.charCodeAt(e.start);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), 'starts inside a surrogate pair');
      }
    }
  });
});
