// The entry script of the GitHub Action (action.yml at the repository root).
// A composite action's step gets no INPUT_* variables by itself: action.yml
// passes each input as INPUT_<NAME> (upper case, `-` as `_`; the `-` form
// that JavaScript actions get works too). GitHub sets GITHUB_WORKSPACE, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH and RUNNER_TEMP.
//
// It runs productteam-lint over INPUT_PATHS in INPUT_FORMAT (the report goes
// to the log, or to INPUT_OUTPUT when given, e.g. a SARIF file to upload),
// writes the outputs `exit-code`, `errors`, `warnings` and `report`, adds a
// line to the job summary, and exits with the CLI's exit code.
//
// The CLI comes from the action's own folder when its bundles are built
// (`uses: ./` after `npm ci`); otherwise from the npm package INPUT_PACKAGE
// (default `productteam@<the action's version>`), installed into RUNNER_TEMP.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const input = (name) => {
  const key = `INPUT_${name.toUpperCase()}`;
  return (env[key.replace(/-/g, '_')] ?? env[key] ?? '').trim();
};
const fail = (msg) => {
  console.log(`::error title=productteam-lint::${msg}`);
  process.exit(2);
};

const actionPath = env.GITHUB_ACTION_PATH || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = env.GITHUB_WORKSPACE || process.cwd();

// ---- inputs --------------------------------------------------------------------
const paths = input('paths').split(/\s+/).filter(Boolean);
const format = input('format') || 'github';
const stance = input('stance');
const maxWarnings = input('max-warnings');
const output = input('output');
const rules = input('rules')
  .split(/[\s,]+/)
  .filter(Boolean);
// The format is checked by the CLI itself (its one registry of formats): a wrong name is its exit 2 with a one-line reason.
if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) fail(`max-warnings must be a whole number, not '${maxWarnings}'`);

const options = [];
if (stance) options.push('--stance', stance);
for (const rule of rules) options.push('--rule', rule);
if (maxWarnings !== '') options.push('--max-warnings', maxWarnings);

// ---- the CLI -------------------------------------------------------------------
function cliCommand() {
  const local = path.join(actionPath, 'server', 'out', 'cli.js');
  if (fs.existsSync(local)) return [process.execPath, local];
  const version = JSON.parse(fs.readFileSync(path.join(actionPath, 'package.json'), 'utf8')).version;
  const spec = input('package') || `productteam@${version}`;
  const prefix = path.join(env.RUNNER_TEMP || os.tmpdir(), 'productteam-action');
  fs.mkdirSync(prefix, { recursive: true });
  if (!fs.existsSync(path.join(prefix, 'package.json'))) fs.writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, spec], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (npm.status !== 0) fail(`could not install ${spec} (npm exit ${npm.status})`);
  return [process.execPath, path.join(prefix, 'node_modules', 'productteam', 'bin', 'productteam-lint.js')];
}
const [node, cli] = cliCommand();
const lint = (fmt) =>
  spawnSync(node, [cli, '--format', fmt, '--no-color', ...options, '--', ...paths], {
    cwd: workspace,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

// ---- run: the report, then the counts ------------------------------------------
const run = lint(format);
if (run.error) fail(`could not run productteam-lint: ${run.error.message}`);
process.stderr.write(run.stderr);
// Exit 2 is bad usage or unreadable input: its one-line reasons become error annotations.
if (run.status === 2) for (const line of run.stderr.split('\n').filter(Boolean)) console.log(`::error title=productteam-lint::${line.replace(/%/g, '%25')}`);
let report = '';
if (output) {
  report = path.resolve(workspace, output);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.writeFileSync(report, run.stdout);
  console.log(`productteam-lint: ${format} report written to ${path.relative(workspace, report) || report}`);
} else {
  process.stdout.write(run.stdout);
}

let errors = 0;
let warnings = 0;
if (run.status === 0 || run.status === 1) {
  const counts = format === 'json' ? run : lint('json');
  try {
    for (const r of JSON.parse(counts.stdout)) {
      errors += r.errorCount;
      warnings += r.warningCount;
    }
  } catch {
    // The report above already says what went wrong.
  }
}
const exitCode = run.status ?? 2;

// ---- outputs and job summary -------------------------------------------------
const outputs = { 'exit-code': exitCode, errors, warnings, report };
if (env.GITHUB_OUTPUT) {
  fs.appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}${os.EOL}`)
      .join(''),
  );
}
if (env.GITHUB_STEP_SUMMARY) {
  const verdict = exitCode === 0 ? 'passed' : exitCode === 1 ? 'failed' : 'could not run';
  fs.appendFileSync(
    env.GITHUB_STEP_SUMMARY,
    `### productteam-lint ${verdict}${os.EOL}${os.EOL}${errors} error(s), ${warnings} warning(s) in ${paths.length ? paths.map((p) => `\`${p}\``).join(', ') : 'the repository'}.${os.EOL}`,
  );
}
process.exit(exitCode);
