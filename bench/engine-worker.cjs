// Times analyze() against plain yaml.parseDocument() of the same text, in one
// fresh process per file so that sizes do not share a heap. Both come from the
// same esbuild bundle (bench/.out/engine.cjs), as they would in production.
// Also times, for information: parseDocument with uniqueKeys: false (yaml's
// own duplicate-key check is quadratic, so this is the true floor), and
// analyze() after a one-word edit when the engine offers a ParseCache.
//   node bench/engine-worker.cjs <file> <runs> <warmup> <today>
// Prints one JSON line: { parseMs, analyzeMs, parseNoUniqueMs, editMs, findings, problemCount }.
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { join } = require('node:path');

const [file, runsArg, warmupArg, today] = process.argv.slice(2);
// BENCH_ENGINE lets a prototype bundle (e.g. of an engine copy under /tmp) be measured the same way.
const { analyze, parseDocument, ParseCache } = require(process.env.BENCH_ENGINE || join(__dirname, '.out/engine.cjs'));
const text = readFileSync(file, 'utf8');
const runs = Number(runsArg);
const warmup = Number(warmupArg);
const options = { today };

function time(fn) {
  const t = performance.now();
  const out = fn();
  return [performance.now() - t, out];
}

// Warm up both paths (JIT, ajv's compiled validator, caches).
let analysis;
for (let i = 0; i < warmup; i++) {
  parseDocument(text);
  analysis = analyze(text, options);
}
const parseMs = [];
const analyzeMs = [];
// Alternate, so that drift (GC pressure, thermal, a noisy neighbour) hits both alike.
for (let i = 0; i < runs; i++) {
  parseMs.push(time(() => parseDocument(text))[0]);
  const [ms, a] = time(() => analyze(text, options));
  analyzeMs.push(ms);
  analysis = a;
}

const parseNoUniqueMs = [];
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) parseNoUniqueMs.push(time(() => parseDocument(text, { uniqueKeys: false }))[0]);

// A keystroke-sized edit in the middle of the file, toggled back and forth, with the engine's parse cache.
const editMs = [];
if (typeof ParseCache === 'function') {
  const cache = new ParseCache();
  analyze(text, { ...options, parseCache: cache });
  const at = text.indexOf('discipline: technology', text.length >> 2) + 'discipline: '.length;
  const other = text.slice(0, at) + 'data' + text.slice(at + 'technology'.length);
  for (let i = 0; i < warmup; i++) analyze(i % 2 ? text : other, { ...options, parseCache: cache });
  for (let i = 0; i < runs; i++) editMs.push(time(() => analyze(i % 2 ? text : other, { ...options, parseCache: cache }))[0]);
}

const findings = analysis.problems
  .map((p) => {
    const pos = analysis.lines.positionAt(p.start);
    return { ruleId: p.ruleId, line: pos.line + 1, col: pos.character + 1, severity: p.severity };
  })
  .sort((a, b) => a.line - b.line || a.col - b.col || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0));

process.stdout.write(JSON.stringify({ parseMs, analyzeMs, parseNoUniqueMs, editMs, findings, problemCount: analysis.problems.length, heapUsedBytes: process.memoryUsage().heapUsed }) + '\n');
