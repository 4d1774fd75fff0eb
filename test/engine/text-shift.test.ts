// textShift: the one stretch two texts differ in, found by halving (the parse
// cache and the reuse of findings move everything outside it). Checked
// against a plain scan over seeded random edits, at the ends and in the middle;
// and the line index made from the last one after an edit equals a new one.
import * as assert from 'node:assert/strict';
import { textShift } from '../../server/src/engine/text';
import { LineIndex } from '../../server/src/engine/syntax/lines';
import { markerOffsets, markerOffsetsAfter } from '../../server/src/engine/suppressions/suppressions';

function scan(before: string, after: string) {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, oldEnd: before.length - tail, by: after.length - before.length };
}

describe('textShift', () => {
  it('finds the edited stretch as a plain scan does', () => {
    let s = 7;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'ab \n';
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rnd() * 40);
      const before = Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const at = Math.floor(rnd() * (n + 1));
      const cut = Math.floor(rnd() * 4);
      const inserted = Array.from({ length: Math.floor(rnd() * 4) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const after = before.slice(0, at) + inserted + before.slice(at + cut);
      assert.deepEqual(textShift(before, after), scan(before, after), JSON.stringify([before, after]));
    }
  });

  it('handles texts of any length, the empty one included', () => {
    assert.equal(textShift('', ''), undefined);
    assert.deepEqual(textShift('', 'abc'), { start: 0, oldEnd: 0, by: 3 });
    assert.deepEqual(textShift('abc', ''), { start: 0, oldEnd: 3, by: -3 });
    const big = 'x'.repeat(600_000);
    assert.deepEqual(textShift(big, `${big.slice(0, 300_000)}y${big.slice(300_000)}`), { start: 300_000, oldEnd: 300_000, by: 1 });
  });
});

describe('LineIndex.after', () => {
  // Edits without a line break only note the lines' move (pending, at most a few); the others write the starts out again.
  it('equals a new index after seeded random edits, line breaks typed and deleted included', () => {
    let s = 3;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'ab\n  x';
    let text = 'one\ntwo\n\nthree';
    let index = new LineIndex(text);
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const inserted = Array.from({ length: Math.floor(rnd() * 4) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const next = text.slice(0, at) + inserted + text.slice(at + Math.floor(rnd() * 3));
      const shift = textShift(text, next);
      const after = shift ? LineIndex.after(index, shift, next) : index;
      const fresh = new LineIndex(next);
      assert.equal(after.lineCount, fresh.lineCount, JSON.stringify([text, next]));
      for (let line = 0; line < fresh.lineCount; line++) {
        assert.equal(after.lineStart(line), fresh.lineStart(line), JSON.stringify([text, next, line]));
        assert.equal(after.lineEnd(line), fresh.lineEnd(line), JSON.stringify([text, next, line]));
      }
      for (let o = 0; o <= next.length; o += 7) {
        assert.deepEqual(after.positionAt(o), fresh.positionAt(o), JSON.stringify([text, next, o]));
        assert.equal(after.offsetAt(fresh.positionAt(o)), o);
      }
      text = next.length > 400 ? next.slice(0, 200) : next;
      index = text === next ? after : new LineIndex(text);
    }
  });
});

describe("the suppressions' marker after an edit", () => {
  it('is where a search of the whole new text finds it, markers typed, split, joined and deleted included', () => {
    let s = 11;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // Pieces of the marker, so that edits make and break it at every position.
    const pieces = ['productteam-', 'product', 'team-', 'productteam', '-', 'p', 'x', ' ', '\n', '# '];
    let text = '# productteam-disable x\na: 1\n# productteam-enable\n';
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const cut = rnd() < 0.5 ? 0 : Math.floor(rnd() * 14);
      const inserted = rnd() < 0.3 ? '' : pieces[Math.floor(rnd() * pieces.length)];
      const next = text.slice(0, at) + inserted + text.slice(at + cut);
      const shift = textShift(text, next);
      const expected = markerOffsets(next);
      if (shift) assert.deepEqual(markerOffsetsAfter(markerOffsets(text), shift, next), expected, JSON.stringify([text, next]));
      found += expected.length;
      // Keep the text from growing without bound.
      text = next.length > 400 ? next.slice(0, 200) : next;
    }
    assert.ok(found > 1000, `the edits should make markers: ${found}`);
  });
});
