#!/usr/bin/env node
// The multi-file benchmark (SPEC section 9): an organisation of a root, a
// 2,000-person directory and 50 product files, held by one EngineHost. Times
// an edit in one product file (the host re-parses that file and re-checks the
// organisation) against a single-file edit of a text of the same total size
// (one file holding everything, analysed whole), and the first check of each.
//   node bench/multi-file.mjs [--runs N] [--no-build]
// Prints a table and one JSON line; heavy-ish (run it alone).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const TODAY = '2025-06-01';
const PEOPLE = 2000;
const PRODUCTS = 50;
const DOMAINS = 4;

// The engine as the server bundles it (precompiled schema, yaml's ES modules), as bench/run.mjs builds it; --no-build takes the one it made.
const { bundleBenchEngine, BENCH_ENGINE } = await import('../scripts/esbuild-common.mjs');
if (!process.argv.includes('--no-build')) await bundleBenchEngine('silent');
const { EngineHost, analyze } = createRequire(import.meta.url)(BENCH_ENGINE);

const disciplines = ['product', 'technology', 'ux', 'business'];
const person = (i) => `p${i}`;
const peopleText = [
  'version: 1',
  'people:',
  ...Array.from({ length: PEOPLE }, (_, i) => `  ${person(i)}: { name: Person ${i}, discipline: ${disciplines[i % 4]} }`),
  '',
].join('\n');
function productBody(n) {
  const lines = [`  product-${n}:`, `    name: Product ${n}`, `    vision: Product ${n} helps.`, `    owner: ${person(n * 8)}`, '    domains:'];
  for (let d = 0; d < DOMAINS; d++) {
    const pm = person(n * 8 + d);
    lines.push(`      d${n}-${d}:`, `        productManager: ${pm}`, `        outcomes: [Outcome ${d}]`, `        teams: [team-${n}-${d}]`);
  }
  return lines;
}
function teamBody(n) {
  const lines = [];
  for (let d = 0; d < DOMAINS; d++) {
    const base = 400 + (n * DOMAINS + d) * 4;
    lines.push(`  team-${n}-${d}:`, `    name: Team ${n}-${d}`, `    members: [${[1, 2, 3].map((k) => person((base + k) % PEOPLE)).join(', ')}]`);
  }
  return lines;
}
const productText = (n) => ['version: 1', 'products:', ...productBody(n), 'teams:', ...teamBody(n), ''].join('\n');
const rootText = [
  'version: 1',
  'include:',
  '  - people.productteam.yaml',
  '  - products/*.productteam.yaml',
  'organization:',
  '  name: Bench',
  '  stance: combined',
  '',
].join('\n');
const oneFile = [
  'version: 1',
  'organization:',
  '  name: Bench',
  '  stance: combined',
  ...peopleText.split('\n').slice(1, -1),
  'products:',
  ...Array.from({ length: PRODUCTS }, (_, n) => productBody(n)).flat(),
  'teams:',
  ...Array.from({ length: PRODUCTS }, (_, n) => teamBody(n)).flat(),
  '',
].join('\n');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// Warm up (JIT, the schema validator's compilation) so that neither side pays for it.
analyze(oneFile, { today: TODAY });

// Multi-file: first check, then edits in one product file (an owner changes back and forth).
const host = new EngineHost();
host.setOptions({ today: TODAY });
host.setFile('/org/acme.productteam.yaml', rootText);
host.setFile('/org/people.productteam.yaml', peopleText);
for (let n = 0; n < PRODUCTS; n++) host.setFile(`/org/products/p${String(n).padStart(2, '0')}.productteam.yaml`, productText(n));
const check = (snap) => {
  let count = 0;
  for (const k of snap.fileKeys()) count += snap.diagnostics(k).length;
  return count;
};
const firstMulti = time(() => check(host.snapshot()));
const edited = '/org/products/p07.productteam.yaml';
const base = productText(7);
const multi = [];
let multiFindings = 0;
for (let i = 0; i < RUNS + 2; i++) {
  host.setFile(edited, base.replace(`owner: ${person(56)}`, `owner: ${person(i % 2 ? 56 : 57)}`));
  const t = time(() => (multiFindings = check(host.snapshot())));
  if (i >= 2) multi.push(t);
}

// One file of the same total size: the same edit, analysed whole.
const firstSingle = time(() => analyze(oneFile, { today: TODAY }));
const single = [];
let singleFindings = 0;
for (let i = 0; i < RUNS + 2; i++) {
  const text = oneFile.replace(`owner: ${person(56)}`, `owner: ${person(i % 2 ? 56 : 57)}`);
  const t = time(() => (singleFindings = analyze(text, { today: TODAY }).problems.length));
  if (i >= 2) single.push(t);
}

const total = rootText.length + peopleText.length + Array.from({ length: PRODUCTS }, (_, n) => productText(n).length).reduce((a, b) => a + b, 0);
const f = (x) => `${x.toFixed(1)} ms`;
process.stdout.write(
  `Multi-file organisation: ${PEOPLE} people, ${PRODUCTS} product files, ${(total / 1024).toFixed(0)} kB in ${PRODUCTS + 2} files (single file: ${(oneFile.length / 1024).toFixed(0)} kB)\n`,
);
process.stdout.write(`  first check       multi-file ${f(firstMulti)}   single file ${f(firstSingle)}\n`);
process.stdout.write(
  `  edit (median/${RUNS})  multi-file ${f(median(multi))}   single file ${f(median(single))}   ratio ${(median(multi) / median(single)).toFixed(2)}x\n`,
);
process.stdout.write(`  findings          multi-file ${multiFindings}   single file ${singleFindings}\n`);
process.stdout.write(`${JSON.stringify({ firstMulti, firstSingle, editMulti: median(multi), editSingle: median(single), multiFindings, singleFindings })}\n`);
