// Runs analyze() a few times on one file, for `node --cpu-prof` (bench/profile.mjs).
//   node bench/profile-worker.cjs <engine.cjs> <file> <runs>
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const [engine, file, runsArg] = process.argv.slice(2);
const { analyze } = require(engine);
const text = readFileSync(file, 'utf8');
analyze(text, { today: '2025-06-01' }); // warm-up, profiled too but small next to the runs
const times = [];
for (let i = 0; i < Number(runsArg); i++) {
  const t = performance.now();
  analyze(text, { today: '2025-06-01' });
  times.push(performance.now() - t);
}
process.stdout.write(`analyze() ${times.map((t) => t.toFixed(0)).join(', ')} ms\n`);
