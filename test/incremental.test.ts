// The parse cache must be invisible: after any sequence of edits, the document
// it assembles from cached chunks is the one parseDocument gives for the whole
// text (node kinds, ranges, values, styles, errors), and so are the findings.
// Edits are pseudo-random but seeded, over every fixture and a generated file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { analyze } from '../server/src/engine/analyze';
import { ParseCache, PARSE_OPTIONS, parseIncremental } from '../server/src/engine/incremental';

const ROOT = path.resolve(__dirname, '..');

/** Where two documents differ for the engine, or undefined. Comments are not compared: the engine never reads them. */
function difference(a: Document, b: Document): string | undefined {
  const kind = (n: unknown) => (isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : isPair(n) ? 'pair' : String(n));
  const diff = (x: unknown, y: unknown, at: string): string | undefined => {
    if (kind(x) !== kind(y)) return `${at}: ${kind(x)} vs ${kind(y)}`;
    if (isPair(x) && isPair(y)) return diff(x.key, y.key, `${at}.key`) ?? diff(x.value, y.value, `${at}.value`);
    if (!x || !y) return undefined;
    const nx = x as Node;
    const ny = y as Node;
    if (String(nx.range) !== String(ny.range)) return `${at}: range ${String(nx.range)} vs ${String(ny.range)}`;
    if (nx.tag !== ny.tag || nx.anchor !== ny.anchor) return `${at}: tag or anchor`;
    if (isScalar(nx) && isScalar(ny) && (!Object.is(nx.value, ny.value) || nx.type !== ny.type || nx.source !== ny.source)) return `${at}: scalar`;
    if (isAlias(nx) && isAlias(ny) && nx.source !== ny.source) return `${at}: alias`;
    if (isMap(nx) || isSeq(nx)) {
      const ix = (nx as YAMLMap).items;
      const iy = (ny as YAMLMap).items;
      if ((nx as YAMLMap).flow !== (ny as YAMLMap).flow || ix.length !== iy.length) return `${at}: flow or length`;
      for (let i = 0; i < ix.length; i++) {
        const d = diff(ix[i], iy[i], `${at}[${i}]`);
        if (d) return d;
      }
    }
    return undefined;
  };
  const errors = (d: Document) => d.errors.map((e) => `${e.code}@${e.pos[0]}`).join(',');
  if (errors(a) !== errors(b)) return `errors ${errors(a)} vs ${errors(b)}`;
  return diff(a.contents, b.contents, '$');
}

function fixtureTexts(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      // A .fixed file differs from its input by a line or two: it adds time, not shapes.
      else if (/\.ya?ml$/.test(f) && !f.endsWith('.fixed.productteam.yaml')) out.push([path.relative(ROOT, p), fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(path.join(ROOT, 'test/fixtures'));
  const generated = execFileSync(process.execPath, [path.join(ROOT, 'scripts/generate-config.mjs'), '--lines', '800', '--seed', '7'], { encoding: 'utf8' });
  out.push(['generated 800 lines', generated]);
  return out;
}

/** A seeded stream of small edits: what typing, deleting and pasting lines do. */
function editor(seed: number) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const INSERTS = ['a', 'Z', '1', ' ', '-', ':', '#', '\n', '\n  ', '  # note\n', '\n  zed: { name: Zed }', '"', '[', '}', '&a ', '*a', '\t', '---\n'];
  return (text: string): string => {
    const pos = Math.floor(rnd() * (text.length + 1));
    const r = rnd();
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (r < 0.45) return text.slice(0, pos) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(pos);
    if (r < 0.75) return text.slice(0, pos) + text.slice(pos + 1 + Math.floor(rnd() * 3));
    if (r < 0.88) return text.slice(0, lineStart) + text.slice(lineStart, lineEnd) + text.slice(lineStart);
    return text.slice(0, lineStart) + text.slice(lineEnd);
  };
}

describe('incremental parsing', () => {
  it('assembles the same document as a full parse, for every fixture', () => {
    for (const [name, text] of fixtureTexts()) {
      const d = difference(parseIncremental(text, new ParseCache()), parseDocument(text, PARSE_OPTIONS));
      assert.equal(d, undefined, `${name}: ${d}`);
    }
  });

  it('stays the same as a full parse through seeded random edits', () => {
    let incremental = 0;
    for (const [i, [name, original]] of fixtureTexts().entries()) {
      const edit = editor(i + 1);
      const cache = new ParseCache();
      let text = original;
      let valid = text;
      for (let step = 0; step < (name.startsWith('generated') ? 150 : 15); step++) {
        text = edit(text);
        const full = parseDocument(text, PARSE_OPTIONS);
        const d = difference(parseIncremental(text, cache), full);
        assert.equal(d, undefined, `${name}, edit ${step}: ${d}`);
        if (!cache.stats.fallback) incremental++;
        // Mostly keep the text valid, so that the incremental path is what gets exercised.
        if (full.errors.length && step % 5 !== 0) text = valid;
        valid = text;
      }
    }
    assert.ok(incremental > 300, `only ${incremental} edits took the incremental path`);
  });

  it('gives the same findings with and without a cache', () => {
    const text = fixtureTexts().pop()![1];
    const cache = new ParseCache();
    const edit = editor(42);
    let t = text;
    for (let step = 0; step < 40; step++) {
      t = edit(t);
      const options = { today: '2025-06-01' };
      const withCache = analyze(t, { ...options, parseCache: cache }).problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message]);
      const without = analyze(t, options).problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message]);
      assert.deepEqual(withCache, without, `edit ${step}`);
    }
  });

  it('parses only the entry that changed', () => {
    const text = fixtureTexts().pop()![1];
    const cache = new ParseCache();
    parseIncremental(text, cache);
    const at = text.indexOf('discipline: technology') + 'discipline: '.length;
    parseIncremental(text.slice(0, at) + 'data' + text.slice(at + 'technology'.length), cache);
    assert.equal(cache.stats.fallback, false);
    assert.equal(cache.stats.parsed, 1);
    assert.ok(cache.stats.chunks > 100);
  });
});
