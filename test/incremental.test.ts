// The parse cache must be invisible: after any sequence of edits, the document
// it assembles from cached chunks is the one parseDocument gives for the whole
// text (node kinds, ranges, values, styles, errors), and so are the findings.
// Edits are pseudo-random but seeded, over every fixture and a generated file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { analyze } from '../server/src/engine/host/analyze';
import { ParseCache, PARSE_OPTIONS, parseIncremental, splitAfter, splitText } from '../server/src/engine/syntax/incremental';
import { textShift } from '../server/src/engine/text';
import { validateSchema } from '../server/src/engine/schema/schema';
import { resolverFor } from '../server/src/engine/syntax/resolve';
import { isFatalYamlError } from '../server/src/engine/rules/yaml-syntax';

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
    // yaml makes a new Symbol('<<') for every merge key it reads: equal when their descriptions are.
    const same = (u: unknown, v: unknown) => Object.is(u, v) || (typeof u === 'symbol' && typeof v === 'symbol' && u.description === v.description);
    if (isScalar(nx) && isScalar(ny) && (!same(nx.value, ny.value) || nx.type !== ny.type || nx.source !== ny.source)) return `${at}: scalar`;
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

/** A seeded pseudo-random number generator: the same edits on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** A seeded stream of small edits anywhere: what typing, deleting and pasting lines do. */
function editor(seed: number) {
  const rnd = random(seed);
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

/**
 * The places where the parse cache can go wrong, so that few edits find what
 * thousands of random ones would: where the text is cut into pieces (lines at
 * indentation 0 and 2, and the line break before them), keys (their colon),
 * list items (their dash) and comments (their hash), and the ends of lines.
 */
function sites(text: string): { pos: number; lineStart: number; lineEnd: number; kind: 'boundary' | 'key' | 'item' | 'comment' | 'eol' }[] {
  const out: ReturnType<typeof sites> = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    const at = (pos: number, kind: ReturnType<typeof sites>[number]['kind']) => out.push({ pos, lineStart, lineEnd, kind });
    if (indent <= 2 && line.trim()) at(lineStart + indent, 'boundary');
    const colon = /^[^#'"]*?[^\s#]:(\s|$)/.exec(line);
    if (colon) at(lineStart + colon[0].length - (colon[1] ? 2 : 1), 'key');
    const dash = /^ *- /.exec(line);
    if (dash) at(lineStart + dash[0].length - 2, 'item');
    const hash = line.indexOf('#');
    if (hash >= 0) at(lineStart + hash, 'comment');
    if (nl >= 0) at(nl, 'eol');
    lineStart = lineEnd;
  }
  return out;
}

/** A seeded stream of edits at those sites: typing there, indenting, joining, splitting, duplicating and deleting lines. */
function targetedEditor(seed: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const INSERTS = [
    'a',
    ' ',
    '-',
    ':',
    '#',
    '\n',
    '\n  ',
    '  # note\n',
    '# c\n',
    'zed: { name: Zed }\n',
    '  zed:\n    name: Zed\n',
    '- x\n',
    '"',
    '[',
    '&a ',
    '*a',
    '!!str ',
    '\t',
    '\r\n',
    '---\n',
    'x-note: |\n  text\n',
  ];
  return (text: string): string => {
    const all = sites(text);
    if (all.length === 0) return text + pick(INSERTS);
    const { pos, lineStart, lineEnd } = pick(all);
    const r = rnd();
    if (r < 0.4) return text.slice(0, pos) + pick(INSERTS) + text.slice(pos);
    if (r < 0.55) return text.slice(0, pos) + text.slice(pos + 1 + Math.floor(rnd() * 2));
    if (r < 0.65) return text.slice(0, lineStart) + '  ' + text.slice(lineStart); // indent
    if (r < 0.73) return text.startsWith('  ', lineStart) ? text.slice(0, lineStart) + text.slice(lineStart + 2) : text; // dedent
    if (r < 0.8) return text.slice(0, lineStart) + text.slice(lineStart, lineEnd) + text.slice(lineStart); // duplicate
    if (r < 0.88) return text.slice(0, lineStart) + text.slice(lineEnd); // delete
    if (r < 0.94 && lineStart > 0) return text.slice(0, lineStart - 1) + text.slice(lineStart); // join with the line above
    return text.slice(0, lineEnd) + text.slice(lineEnd, text.indexOf('\n', lineEnd) + 1 || text.length); // duplicate the next line
  };
}

/**
 * Runs `steps` edits on `original` with one cache; returns how many took the
 * incremental path. `prepare`: the cache is readied in "idle time" after the
 * first parse and after every third edit, as the server does after it publishes.
 */
function checkEdits(name: string, original: string, edit: (text: string) => string, steps: number, prepare = false): number {
  const cache = new ParseCache();
  parseIncremental(original, cache);
  if (prepare) cache.prepare();
  let incremental = 0;
  let text = original;
  let good = text;
  for (let step = 0; step < steps; step++) {
    if (prepare && step % 3 === 2) cache.prepare();
    const last = text;
    text = edit(text);
    // The cut worked out from the last text's and the edit is the cut of the whole text.
    const cut = splitText(last);
    if (cut) assert.deepEqual(splitAfter(cut, textShift(last, text), text), splitText(text), `${name}, edit ${step}: the cut`);
    const full = parseDocument(text, PARSE_OPTIONS);
    const d = difference(parseIncremental(text, cache), full);
    assert.equal(d, undefined, `${name}, edit ${step}: ${d}\n--- text ---\n${text}`);
    if (!cache.stats.fallback) incremental++;
    // Mostly go back to the last text the incremental path took, so that it is
    // what gets exercised; now and then go on from a broken text, so that
    // recovering from one is too.
    if (!cache.stats.fallback && !full.errors.length) good = text;
    else if (step % 3 !== 0) text = good;
  }
  return incremental;
}

describe('incremental parsing', () => {
  it('assembles the same document as a full parse, for every fixture', () => {
    for (const [name, text] of fixtureTexts()) {
      const d = difference(parseIncremental(text, new ParseCache()), parseDocument(text, PARSE_OPTIONS));
      assert.equal(d, undefined, `${name}: ${d}`);
    }
  });

  // Seeded edits aimed at piece boundaries, keys, list items and comments,
  // each fixture with its own cache. Split in groups so no test runs long.
  const texts = fixtureTexts();
  const GROUPS = 4;
  for (let g = 0; g < GROUPS; g++) {
    it(`stays the same as a full parse through targeted seeded edits (fixtures, part ${g + 1} of ${GROUPS})`, () => {
      let incremental = 0;
      let steps = 0;
      for (const [i, [name, original]] of texts.entries()) {
        if (i % GROUPS !== g || name.startsWith('generated')) continue;
        incremental += checkEdits(name, original, targetedEditor(i + 1), 6);
        steps += 6;
      }
      assert.ok(incremental > steps * 0.3, `only ${incremental} of ${steps} edits took the incremental path`);
    });
  }

  it('stays the same as a full parse through targeted and random seeded edits of a large file', () => {
    const [name, generated] = texts.find(([n]) => n.startsWith('generated'))!;
    const targeted = targetedEditor(99);
    const anywhere = editor(7);
    let n = 0;
    const incremental = checkEdits(name, generated, (t) => (n++ % 4 === 3 ? anywhere(t) : targeted(t)), 36);
    assert.ok(incremental > 18, `only ${incremental} of 36 edits took the incremental path`);
  });

  it('stays the same as a full parse when the cache is readied in idle time (prepare) between edits', () => {
    const [name, generated] = texts.find(([n]) => n.startsWith('generated'))!;
    const targeted = targetedEditor(77);
    const anywhere = editor(8);
    let n = 0;
    const incremental = checkEdits(name, generated, (t) => (n++ % 4 === 3 ? anywhere(t) : targeted(t)), 24, true);
    assert.ok(incremental > 8, `only ${incremental} of 24 edits took the incremental path`);
  });

  it('gives the same findings with and without a cache', () => {
    const text = fixtureTexts().pop()![1];
    const cache = new ParseCache();
    const edit = targetedEditor(42);
    let t = text;
    for (let step = 0; step < 16; step++) {
      t = edit(t);
      const options = { today: '2025-06-01' };
      const withCache = analyze(t, { ...options, parseCache: cache }).problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message]);
      const without = analyze(t, options).problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message]);
      assert.deepEqual(withCache, without, `edit ${step}`);
    }
  });

  // Per-entry caches below the parse (plain values, schema errors, duplicate
  // keys) must be invisible too: the whole findings, data included, after
  // each edit of a random sequence, including texts that break and mend.
  const shownAnalysis = (a: ReturnType<typeof analyze>) =>
    JSON.stringify([
      a.problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message, p.data]),
      a.schemaErrors,
      a.doc.errors.map((e) => [e.code, e.pos]),
    ]);
  /** `steps` random and targeted edits of `original`, each analysed with the cache and afresh. */
  const checkFindings = (name: string, original: string, seed: number, steps: number) => {
    const options = { today: '2025-06-01' };
    const cache = new ParseCache();
    const targeted = targetedEditor(300 + seed);
    const anywhere = editor(500 + seed);
    let t = original;
    analyze(t, { ...options, parseCache: cache });
    for (let step = 0; step < steps; step++) {
      t = step % 3 === 2 ? anywhere(t) : targeted(t);
      const cached = analyze(t, { ...options, parseCache: cache });
      assert.equal(shownAnalysis(cached), shownAnalysis(analyze(t, options)), `${name}, edit ${step}`);
      // Placed entry by entry, kept with the entries and moved with them: what placing the whole data's errors gives.
      if (!cached.doc.errors.some(isFatalYamlError))
        assert.deepEqual(cached.schemaErrors, validateSchema(cached.doc, resolverFor(cached.doc).toJS().data), `${name}, edit ${step}: schema errors`);
    }
  };
  it('gives the same findings, schema errors and data as a fresh analysis through random edits of a large file', () => {
    const [name, generated] = texts.find(([n]) => n.startsWith('generated'))!;
    checkFindings(name, generated, 0, 6);
  });
  it('gives the same findings, schema errors and data as a fresh analysis through random edits of fixtures', () => {
    for (const [i, [name, original]] of texts.entries()) if (i % 29 === 0 && !name.startsWith('generated')) checkFindings(name, original, i + 1, 5);
  });

  it('finds the same repeated keys and schema errors as a fresh parse while ids and fields are renamed, repeated, misspelt and removed', () => {
    // A section's walk is kept with its key and reused while its entries keep their keys (duplicates.ts): every step is held to a fresh analysis.
    const people = Array.from({ length: 30 }, (_, i) => `  p${i}:\n    name: P${i}\n    discipline: product\n`).join('');
    let text = `version: 1\norganization: { name: A, stance: combined }\npeople:\n${people}teams:\n  t1: { name: T, members: [p1, p2] }\n`;
    const rnd = random(77);
    const ids = () => [...text.matchAll(/^ {2}(p\d+):$/gm)];
    const cache = new ParseCache();
    // The sections' walks for repeated keys and for schema errors are kept and brought up to date by their new entries (sections.ts).
    const repeated = (t: string, withCache: boolean) => {
      const a = analyze(t, { today: '2025-06-01', ...(withCache ? { parseCache: cache } : {}) });
      return [a.doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos.join(':')), a.schemaErrors] as const;
    };
    let most = 0;
    let schemaMost = 0;
    analyze(text, { parseCache: cache });
    for (let step = 0; step < 60; step++) {
      const all = ids();
      const m = all[Math.floor(rnd() * all.length)];
      const other = all[Math.floor(rnd() * all.length)][1];
      const r = rnd();
      const lineEnd = m.index + m[0].length + 1;
      if (r < 0.3)
        text = `${text.slice(0, m.index + 2)}${other}${text.slice(m.index + 2 + m[1].length)}`; // rename an id to another one (or itself)
      else if (r < 0.45)
        text = `${text.slice(0, m.index + 2)}${m[1]}x${text.slice(m.index + 2 + m[1].length)}`; // rename it to a new one
      else if (r < 0.52)
        text = `${text.slice(0, lineEnd)}    name: again\n${text.slice(lineEnd)}`; // a field written twice
      else if (r < 0.6)
        text = `${text.slice(0, lineEnd)}    nmae: typo\n    discipline: design\n${text.slice(lineEnd)}`; // schema errors
      else if (r < 0.75)
        text = text.replace(/^ {4}name: again\n/m, '').replace(/^ {4}nmae: typo\n/m, ''); // and mended
      else if (r < 0.85)
        text = `${text.slice(0, m.index)}  ${other}:\n    name: Twin\n${text.slice(m.index)}`; // an entry added with a taken id
      else text = `${text.slice(0, m.index)}${text.slice(lineEnd).replace(/^ {4}name: .*\n {4}discipline: .*\n/, '')}`; // an entry removed
      const got = repeated(text, true);
      assert.deepEqual(got, repeated(text, false), `step ${step}\n${text}`);
      most = Math.max(most, got[0].length);
      schemaMost = Math.max(schemaMost, got[1].length);
    }
    assert.ok(most >= 2, 'the edits should repeat keys');
    assert.ok(schemaMost >= 2, 'the edits should make schema errors');
  });

  it("moves an entry's kept schema errors with it when an edit above moves it, a comma's quoting edit included", () => {
    const text = [
      'version: 1',
      'organization: { name: A, stance: combined }',
      'people:',
      '  ann: { name: Ann, discipline: product }',
      '  bo: { name: Bo, title: Director, Freight Products, discipline: design }',
      '  cy: { name: Cy, tilte: Lead }',
      '',
    ].join('\n');
    const cache = new ParseCache();
    const options = { today: '2025-06-01' };
    analyze(text, { ...options, parseCache: cache });
    let t = text;
    for (const [what, edit] of [
      ['typing above', (x: string) => x.replace('name: Ann', 'name: Anne')],
      ['a line added above', (x: string) => x.replace('people:\n', 'people:\n  dee: { name: Dee }\n')],
      ['deleting above', (x: string) => x.replace('name: Anne', 'name: An')],
      ['an edit inside the entry', (x: string) => x.replace('tilte: Lead', 'titl: Lead')],
    ] as const) {
      t = edit(t);
      const cached = analyze(t, { ...options, parseCache: cache });
      const fresh = analyze(t, options);
      assert.deepEqual(cached.schemaErrors, fresh.schemaErrors, what);
      assert.ok(
        cached.schemaErrors.some((e) => e.comma && t.slice(e.comma.start, e.comma.end) === 'Director, Freight Products'),
        `${what}: the comma's edit`,
      );
    }
  });

  it('parses only the entry that changed', () => {
    const text = fixtureTexts().pop()![1];
    const cache = new ParseCache();
    parseIncremental(text, cache);
    const at = text.indexOf('discipline: technology') + 'discipline: '.length;
    const edited = text.slice(0, at) + 'data' + text.slice(at + 'technology'.length);
    parseIncremental(edited, cache);
    assert.equal(cache.stats.fallback, false);
    assert.equal(cache.stats.parsed, 1);
    assert.ok(cache.stats.chunks > 100);
    // And the next keystroke too: what the last parse kept is found again.
    parseIncremental(edited.slice(0, at) + 'x' + edited.slice(at), cache);
    assert.equal(cache.stats.parsed, 1);
  });

  it('keeps its chunks through a text that does not parse: closing a quote parses one entry again', () => {
    const text = fixtureTexts().pop()![1];
    const cache = new ParseCache();
    parseIncremental(text, cache);
    const at = text.indexOf('discipline: technology') + 'discipline: '.length;
    const open = text.slice(0, at) + '"' + text.slice(at);
    const doc = parseIncremental(open, cache);
    assert.ok(doc.errors.length > 0, 'an unclosed quote is an error');
    assert.equal(cache.stats.fallback, true);
    const closed = text.slice(0, at) + '"technology"' + text.slice(at + 'technology'.length);
    const mended = parseIncremental(closed, cache);
    assert.equal(difference(mended, parseDocument(closed, PARSE_OPTIONS)), undefined);
    assert.equal(cache.stats.fallback, false);
    assert.equal(cache.stats.parsed, 1);
  });
});
