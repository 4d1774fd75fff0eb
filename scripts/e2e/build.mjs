// Bundles the test-side code with esbuild into .e2e/build/ (git-ignored):
//   runner-extension/        test/runner-extension + the API suite + mocha, and its .vsix
//   integration/index.js     the API suite for @vscode/test-electron (exports run())
//   expectations.cjs         the engine-derived expectations the workbench driver checks
// `node scripts/e2e/build.mjs [--no-vsix]`
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILD = path.join(ROOT, '.e2e', 'build');
export const RUNNER_DIR = path.join(BUILD, 'runner-extension');
export const RUNNER_VSIX = path.join(BUILD, 'productteam-e2e-runner.vsix');
export const INTEGRATION_ENTRY = path.join(BUILD, 'integration', 'index.js');
export const EXPECTATIONS = path.join(BUILD, 'expectations.cjs');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'error',
  external: ['vscode'],
  absWorkingDir: ROOT,
};

export async function buildTestBundles({ vsix = true } = {}) {
  fs.rmSync(RUNNER_DIR, { recursive: true, force: true });
  await Promise.all([
    build({ ...common, entryPoints: ['test/runner-extension/src/extension.ts'], outfile: path.join(RUNNER_DIR, 'out', 'extension.js') }),
    build({ ...common, entryPoints: ['test/integration/index.ts'], outfile: INTEGRATION_ENTRY }),
    build({ ...common, sourcemap: false, entryPoints: ['test/e2e/expectations.ts'], outfile: EXPECTATIONS }),
  ]);
  fs.copyFileSync(path.join(ROOT, 'test', 'runner-extension', 'package.json'), path.join(RUNNER_DIR, 'package.json'));
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(RUNNER_DIR, 'LICENSE'));
  if (!vsix) return;
  const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  fs.rmSync(RUNNER_VSIX, { force: true });
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', RUNNER_VSIX], {
    cwd: RUNNER_DIR,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging the runner extension failed:\n${r.stdout}\n${r.stderr}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildTestBundles({ vsix: !process.argv.includes('--no-vsix') });
  console.log(`built ${path.relative(ROOT, BUILD)}/`);
}
