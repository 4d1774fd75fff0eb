// Times analyze() against plain yaml.parseDocument() of the same text, in one
// fresh process per file so that sizes do not share a heap. Both come from the
// same esbuild bundle (bench/.out/engine.cjs), as they would in production.
// Also times, for information: parseDocument with uniqueKeys: false (yaml's
// own duplicate-key check is quadratic, so this is the true floor), and
// analyze() after a one-word edit when the engine offers a ParseCache.
//   node bench/engine-worker.cjs <file> <runs> <warmup> <today>
// Also, with the cache: the keystroke that closes a quote left open by the
// keystroke before (it must cost about an ordinary keystroke), the very first
// analysis in the process (cold: what opening a file costs a fresh server),
// and whether findings after a sequence of edits equal a fresh analysis.
// Prints one JSON line: { parseMs, analyzeMs, parseNoUniqueMs, editMs, closeQuoteMs, firstAnalyzeMs, editsMatchFresh, findings, problemCount }.
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

// The first analysis of the process, cold: CPU time as well as wall time (open CPU).
const cpu0 = process.cpuUsage();
const [firstAnalyzeMs] = time(() => analyze(text, options));
const firstCpu = process.cpuUsage(cpu0);
const firstAnalyzeCpuMs = (firstCpu.user + firstCpu.system) / 1000;

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

// The quote-closing keystroke: `name: "Ada` (open, the file no longer parses) then `name: "Ada"`.
const closeQuoteMs = [];
let editsMatchFresh = null;
if (typeof ParseCache === 'function') {
  const cache = new ParseCache();
  analyze(text, { ...options, parseCache: cache });
  const nameAt = text.indexOf('    name: ', text.length >> 1) + '    name: '.length;
  const lineEnd = text.indexOf('\n', nameAt);
  const value = text.slice(nameAt, lineEnd).replace(/\s+#.*$/, '');
  const plain = /^[A-Za-z][A-Za-z .'-]*$/.test(value) ? value : 'Ada';
  const opened = text.slice(0, nameAt) + '"' + plain + text.slice(nameAt + value.length);
  const closed = text.slice(0, nameAt) + '"' + plain + '"' + text.slice(nameAt + value.length);
  for (let i = 0; i < warmup + runs; i++) {
    analyze(opened, { ...options, parseCache: cache });
    const [ms] = time(() => analyze(closed, { ...options, parseCache: cache }));
    if (i >= warmup) closeQuoteMs.push(ms);
    analyze(text, { ...options, parseCache: cache });
  }
  // Findings after a run of edits with the cache (a typed name, a toggled value, an open and closed quote) equal a fresh analysis's.
  const shown = (a) => JSON.stringify(a.problems.map((p) => [p.ruleId, p.start, p.end, p.severity, p.message]));
  let t = text;
  editsMatchFresh = true;
  const steps = [
    (x) => x.slice(0, nameAt) + 'Z' + x.slice(nameAt),
    () => opened,
    () => closed,
    (x) => x.replace('discipline: technology', 'discipline: data'),
    (x) => x.slice(0, nameAt) + x.slice(nameAt + 1),
  ];
  for (const step of steps) {
    t = step(t);
    if (shown(analyze(t, { ...options, parseCache: cache })) !== shown(analyze(t, options))) editsMatchFresh = false;
  }
}

const findings = analysis.problems
  .map((p) => {
    const pos = analysis.lines.positionAt(p.start);
    return { ruleId: p.ruleId, line: pos.line + 1, col: pos.character + 1, severity: p.severity };
  })
  .sort(
    (a, b) =>
      a.line - b.line ||
      a.col - b.col ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0),
  );

process.stdout.write(
  JSON.stringify({
    parseMs,
    analyzeMs,
    parseNoUniqueMs,
    editMs,
    closeQuoteMs,
    firstAnalyzeMs,
    firstAnalyzeCpuMs,
    editsMatchFresh,
    findings,
    problemCount: analysis.problems.length,
    heapUsedBytes: process.memoryUsage().heapUsed,
  }) + '\n',
);
