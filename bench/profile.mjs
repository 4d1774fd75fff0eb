#!/usr/bin/env node
// CPU profile of analyze() on generated files, summarised by self time per
// function and per module (yaml's lexer/parser/composer, ajv, the engine's
// model, schema mapping, rules, …).
//
//   node bench/profile.mjs [--sizes 20k,80k] [--runs 5] [--engine path/to/engine.cjs] [--top 25]
//
// Runs `node --cpu-prof` on bench/profile-worker.cjs; profiles land in
// bench/results/profiles/. The module of a function is found from esbuild's
// `// path/to/module.js` comments in the (unminified) bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, dflt) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return dflt;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};
const LINES = { '1k': 1000, '5k': 5000, '20k': 20000, '80k': 80000 };
const sizes = option('--sizes', '20k,80k').split(',');
const runs = Number(option('--runs', '5'));
const top = Number(option('--top', '25'));
let engine = option('--engine', undefined);
const outDir = join(root, 'bench/results/profiles');
mkdirSync(outDir, { recursive: true });
mkdirSync(join(root, 'bench/results/gen'), { recursive: true });

// Summarise a profile taken elsewhere, e.g. of the server during the LSP bench:
//   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=bench/results/profiles/server' npm run bench -- --sizes 20k --no-engine
//   node bench/profile.mjs --summarize bench/results/profiles/server/<file>.cpuprofile --bundle server/out/server.js --per 24 --unit edit
const given = option('--summarize', undefined);
if (given) {
  summarize(given, option('--bundle', join(root, 'server/out/server.js')), Number(option('--per', '1')), option('--unit', 'profile'));
  process.exit(0);
}

// The engine as the server bundles it (precompiled schema, yaml's ES modules), as bench/run.mjs measures it.
if (!engine) engine = await (await import('../scripts/esbuild-common.mjs')).bundleBenchEngine();

// Line -> module, from esbuild's per-module comments.
function moduleIndex(bundle) {
  const moduleStarts = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(l);
      if (m) moduleStarts.push([i, m[1].replace(/^.*node_modules\//, '')]);
    });
  return (line) => {
    let lo = 0;
    let hi = moduleStarts.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (moduleStarts[mid][0] <= line) {
        found = moduleStarts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** Coarse buckets that say what the time is for. */
function bucket(mod, fn) {
  if (mod.startsWith('yaml/dist/parse/lexer')) return 'yaml: lexer';
  if (mod.startsWith('yaml/dist/parse/')) return 'yaml: parser (CST)';
  if (mod.startsWith('yaml/dist/compose/')) return fn === 'mapIncludes' || fn === 'isEqual' ? 'yaml: duplicate-key check (uniqueKeys)' : 'yaml: composer (AST)';
  if (mod.startsWith('yaml/dist/nodes/') && /toJS|toJSON|addPairToJSMap|addPairToJS/.test(fn)) return 'yaml: doc.toJS (for ajv)';
  if (mod.startsWith('yaml/dist/nodes/')) return 'yaml: nodes (AST helpers)';
  if (mod.startsWith('yaml/')) return `yaml: ${mod.split('/').slice(2, 3).join('/')}`;
  if (mod.startsWith('ajv/') || mod.includes('fast-deep-equal') || mod.includes('fast-uri')) return 'ajv';
  if (mod.includes('engine/schema')) return 'engine: schema error mapping';
  if (mod.includes('engine/model')) return 'engine: model';
  if (mod.includes('engine/syntax/lines')) return 'engine: LineIndex';
  if (mod.includes('engine/suppressions')) return 'engine: suppressions';
  if (mod.includes('engine/rules/')) return `engine: rules`;
  if (mod.includes('engine/')) return `engine: ${mod.split('engine/')[1]}`;
  if (mod.includes('server/src/lsp/convert')) return 'server: convert (engine -> LSP)';
  if (mod.includes('server/src/')) return `server: ${mod.split('server/src/')[1]}`;
  if (mod.startsWith('vscode-languageserver-textdocument')) return 'TextDocument (incremental sync)';
  if (mod.startsWith('vscode-')) return 'vscode-languageserver / jsonrpc';
  return mod;
}

for (const size of sizes) {
  const file = join(root, `bench/results/gen/${size}.productteam.yaml`);
  if (!existsSync(file))
    writeFileSync(
      file,
      execFileSync(process.execPath, [join(root, 'scripts/generate-config.mjs'), '--lines', String(LINES[size]), '--seed', '1'], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      }),
    );
  const dir = join(outDir, size);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', join(root, 'bench/profile-worker.cjs'), engine, file, String(runs)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  process.stdout.write(`\n== ${size}: ${r.stdout.trim()}\n`);
  summarize(
    join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.cpuprofile')),
    ),
    engine,
    runs,
    'analyze() run',
  );
}
function summarize(profile, bundle, per, unit) {
  const moduleAt = moduleIndex(bundle);
  const prof = JSON.parse(readFileSync(profile, 'utf8'));
  const dt = new Map();
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const byFn = new Map();
  const byBucket = new Map();
  let total = 0;
  for (const node of prof.nodes) {
    const t = (dt.get(node.id) ?? 0) / 1000;
    if (!t) continue;
    const cf = node.callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    total += t;
    const inBundle = cf.url.endsWith(bundle.split('/').pop());
    const mod = inBundle ? moduleAt(cf.lineNumber) : cf.url ? cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '') : '(native)';
    const fn = cf.functionName || '(anonymous)';
    const key = `${fn}  ${mod}:${cf.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const b = cf.functionName === '(garbage collector)' ? 'GC' : bucket(mod, fn);
    byBucket.set(b, (byBucket.get(b) ?? 0) + t);
  }
  const show = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `  ${(t / per).toFixed(1).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  process.stdout.write(`self time by area (per ${unit}, total ${(total / per).toFixed(0)} ms per ${unit}):\n${show(byBucket, 20)}\n`);
  process.stdout.write(`top ${top} functions by self time:\n${show(byFn, top)}\n`);
}
