// The adaptive debounce: a keystroke after a pause is linted almost at once;
// in a burst, a small file still is, a big one waits about as long as its
// analysis takes, never longer than the configured debounce.
import * as assert from 'node:assert/strict';
import { analyze, EngineHost } from '../../server/src/engine';
import { AdaptiveDebounce, MIN_DEBOUNCE_MS, warmUpTexts } from '../../server/src/lsp/debounce';

describe('adaptive debounce', () => {
  it('waits the configured time until a document has been analysed', () => {
    assert.equal(new AdaptiveDebounce().delay('file:///a', 50), 50);
  });

  it('lints the first keystroke after a pause at once, whatever the last analysis took', () => {
    const d = new AdaptiveDebounce();
    d.record('file:///big', 180);
    assert.equal(d.delay('file:///big', 50, 1000), MIN_DEBOUNCE_MS);
    // The next keystroke comes after the analysis would have finished: still a pause.
    assert.equal(d.delay('file:///big', 50, 1200), MIN_DEBOUNCE_MS);
  });

  it('in a burst, waits about as long as its last analysis took, within the floor and the cap', () => {
    const d = new AdaptiveDebounce();
    d.record('file:///small', 0.7);
    d.record('file:///mid', 12.2);
    d.record('file:///big', 180);
    for (const uri of ['file:///small', 'file:///mid', 'file:///big']) d.delay(uri, 50, 1000);
    assert.equal(d.delay('file:///small', 50, 1002), MIN_DEBOUNCE_MS);
    assert.equal(d.delay('file:///mid', 50, 1005), 13);
    assert.equal(d.delay('file:///big', 50, 1030), 50);
    assert.equal(d.delay('file:///mid', 0, 1006), 0, 'debounceMs 0 still means no wait');
  });

  it('forgets a closed document', () => {
    const d = new AdaptiveDebounce();
    d.record('file:///a', 1);
    d.forget('file:///a');
    assert.equal(d.delay('file:///a', 50), 50);
  });

  it('warms up on a file being typed into: valid texts, each one letter longer, that a host parses incrementally', () => {
    const texts = warmUpTexts(5);
    assert.equal(texts.length, 5);
    for (let i = 1; i < texts.length; i++) assert.equal(texts[i].length, texts[i - 1].length + 1);
    for (const t of texts)
      assert.deepEqual(
        analyze(t, { today: '2025-01-01' }).problems.filter((p) => p.ruleId === 'yaml-syntax'),
        [],
      );
    // The typing lands inside the people, well before the end: most entries come after it and move, as in a real file.
    const at = [...texts[0]].findIndex((c, i) => c !== texts[1][i]);
    assert.ok(at > texts[0].indexOf('people:') && at < texts[0].length / 2, `typed at ${at} of ${texts[0].length}`);
    const host = new EngineHost();
    host.setFile('w.productteam.yaml', texts[0]);
    host.snapshot();
    assert.equal(host.prepareForEdits('w.productteam.yaml'), true);
  });
});
