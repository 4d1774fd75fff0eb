// The CLI on many files against the floor (bench/cli-floor.cjs: read,
// parseDocument, toJS, ajv): wall time and peak memory of each process,
// alternating, same files. The files: small generated organisations (about
// 100 lines each, 20 seeds), copied to make `count`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function makeCliInputs(root, dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seeds = 20;
  const texts = Array.from({ length: seeds }, (_, i) =>
    execFileSync(process.execPath, [join(root, 'scripts/generate-config.mjs'), '--lines', '100', '--seed', String(i + 1)], { encoding: 'utf8' }),
  );
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `org-${String(i).padStart(5, '0')}.productteam.yaml`), `# copy ${i}\n${texts[i % seeds]}`);
  return readdirSync(dir).length;
}

function timed(root, argv) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench/rss-at-exit.cjs'), ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(r.stderr);
  if (!rss) throw new Error(`cli bench: ${argv.join(' ')} failed (status ${r.status}): ${r.stderr.slice(-2000)}`);
  return { ms, maxRssBytes: Number(rss[1]) * 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's run must have linted every file (exit 0 or 1, one result per file): a run that exits early times nothing. */
function linted(run, dir) {
  const files = readdirSync(dir).length;
  let results;
  try {
    results = JSON.parse(run.stdout);
  } catch {
    results = undefined;
  }
  if ((run.status !== 0 && run.status !== 1) || !Array.isArray(results) || results.length !== files)
    throw new Error(`cli bench: productteam-lint did not lint the ${files} files (status ${run.status}): ${run.stderr.slice(-500)}`);
  return withoutOutput(run);
}

/** A run's figures, without what it printed. */
function withoutOutput(run) {
  delete run.stdout;
  delete run.stderr;
  return run;
}

/** `runs` alternating pairs; returns every sample. */
export function runCliBench(root, dir, runs) {
  const ours = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    const pair = [
      // --no-ignore: the inputs live in bench/results/, which .gitignore lists (the CLI honours it, as ESLint does).
      () => ours.push(linted(timed(root, [join(root, 'bin/productteam-lint.js'), '--format', 'json', '--no-ignore', dir]), dir)),
      () => floor.push(withoutOutput(timed(root, [join(root, 'bench/cli-floor.cjs'), dir]))),
    ];
    if (i % 2) pair.reverse();
    for (const run of pair) run();
  }
  return { ours, floor };
}
