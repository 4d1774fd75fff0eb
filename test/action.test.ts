// The GitHub Action (action.yml) run as GitHub would run it, as far as a
// machine without GitHub allows: the composite step's `run` line in bash, with
// the env it declares (each `${{ inputs.x }}` replaced by the input or its
// default) and the GITHUB_* variables a runner sets. Checks the log, the
// report file, the outputs and the job summary against the CLI itself.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../server/src/engine';
import { ensureBuilt, makeTree, runCli, ROOT } from './helpers/cli-run';

interface ActionInput {
  default?: string;
}
interface Action {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; shell: string; run: string; env: Record<string, string> }[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const TROUBLED = fs.readFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), 'utf8');
const HEALTHY = fs.readFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), 'utf8');

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's step in `workspace` with `inputs` (names as in action.yml). */
function runAction(workspace: string, inputs: Record<string, string>, actionPath = ROOT): ActionRun {
  for (const name of Object.keys(inputs)) assert.ok(action.inputs[name], `action.yml declares input '${name}'`);
  const step = action.runs.steps[0];
  const runnerTemp = fs.mkdtempSync(path.join(workspace, '.runner-'));
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
  };
  for (const [k, v] of Object.entries(step.env)) {
    env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
  }
  // A composite step runs in the workspace, with `bash -e {0}` for `shell: bash`.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: fs.readFileSync(summaryFile, 'utf8') };
}

function cliCounts(cwd: string, args: string[]): { errors: number; warnings: number; status: number | null } {
  const r = runCli(['--format', 'json', ...args], { cwd });
  const records = JSON.parse(r.stdout) as { errorCount: number; warningCount: number }[];
  return {
    status: r.status,
    errors: records.reduce((n, x) => n + x.errorCount, 0),
    warnings: records.reduce((n, x) => n + x.warningCount, 0),
  };
}

describe('GitHub Action: action.yml and scripts/action/run.mjs', function () {
  let tree: ReturnType<typeof makeTree>;

  before(function () {
    ensureBuilt();
  });
  beforeEach(function () {
    tree = makeTree({ 'config/team.productteam.yaml': TROUBLED, 'config/healthy.productteam.yaml': HEALTHY, 'README.md': '# app\n' });
  });
  afterEach(function () {
    tree.cleanup();
  });

  it('is a composite action whose outputs are the ones its script writes', function () {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['format', 'max-warnings', 'output', 'package', 'paths', 'rules', 'stance']);
    for (const [name, o] of Object.entries(action.outputs)) assert.equal(o.value, `\${{ steps.lint.outputs.${name} }}`);
    const r = runAction(tree.dir, {});
    assert.deepEqual(Object.keys(r.outputs).sort(), Object.keys(action.outputs).sort());
  });

  it("with the defaults: annotations for the whole workspace, the CLI's exit code and counts", function () {
    const r = runAction(tree.dir, {});
    const want = cliCounts(tree.dir, ['.']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=config\/team\.productteam\.yaml,line=\d+/m);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(Number(r.outputs.errors), want.errors);
    assert.equal(Number(r.outputs.warnings), want.warnings);
    assert.ok(want.errors > 0);
    assert.equal(r.outputs.report, '');
    assert.match(r.summary, /productteam-lint failed/);
    assert.match(r.summary, new RegExp(`${want.errors} error\\(s\\), ${want.warnings} warning\\(s\\)`));
  });

  it('format sarif with output: writes the SARIF file to upload, not to the log', function () {
    const r = runAction(tree.dir, { paths: 'config', format: 'sarif', output: 'reports/productteam.sarif' });
    assert.equal(r.status, 1, r.stderr);
    const file = path.join(tree.dir, 'reports', 'productteam.sarif');
    assert.equal(r.outputs.report, file);
    const sarif = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.doesNotMatch(r.stdout, /"version"/);
    assert.match(r.stdout, /sarif report written to reports\/productteam\.sarif/);
  });

  it('passes paths, stance and max-warnings on to the CLI', function () {
    const args = ['--stance', 'separated', '--max-warnings', '0', 'config/healthy.productteam.yaml'];
    const want = cliCounts(tree.dir, args);
    const r = runAction(tree.dir, { paths: 'config/healthy.productteam.yaml', stance: 'separated', 'max-warnings': '0', format: 'stylish' });
    assert.equal(r.status, want.status, r.stdout + r.stderr);
    assert.equal(Number(r.outputs.errors), want.errors);
    assert.equal(Number(r.outputs.warnings), want.warnings);
    assert.doesNotMatch(r.stdout, /team\.productteam\.yaml/, 'only the named file is linted');
    // And a clean file passes.
    const ok = runAction(tree.dir, { paths: 'config/healthy.productteam.yaml' });
    assert.equal(ok.status, cliCounts(tree.dir, ['config/healthy.productteam.yaml']).status);
  });

  it('passes rules on to the CLI as --rule options', function () {
    const args = ['--rule', 'single-owner=off', '--rule', 'unknown-reference=warning', 'config'];
    const want = cliCounts(tree.dir, args);
    // The rules change the counts: the troubled example has single-owner errors.
    assert.ok(analyze(TROUBLED).problems.some((p) => p.ruleId === 'single-owner' && p.severity === 'error'));
    const r = runAction(tree.dir, { paths: 'config', rules: 'single-owner=off,\nunknown-reference=warning', format: 'json' });
    assert.equal(r.status, want.status, r.stderr);
    assert.equal(Number(r.outputs.errors), want.errors);
    assert.equal(Number(r.outputs.warnings), want.warnings);
  });

  it('a misspelt rule id in rules: exit 2 and the CLI\'s "did you mean" as an error annotation', function () {
    const bad = runAction(tree.dir, { rules: 'core-teams=off' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /::error title=productteam-lint::.*did you mean 'core-team'/);
  });

  it('several paths on separate lines, as a YAML block scalar gives them', function () {
    const r = runAction(tree.dir, { paths: 'config/healthy.productteam.yaml\nconfig/team.productteam.yaml\n', format: 'json' });
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.basename(x.filePath)).sort();
    assert.deepEqual(files, ['healthy.productteam.yaml', 'team.productteam.yaml']);
  });

  it('refuses a bad input with an error annotation and exit code 2', function () {
    const r = runAction(tree.dir, { format: 'xml' });
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^::error title=productteam-lint::productteam-lint: invalid format 'xml': expected one of stylish, compact, json, sarif, github$/m);
    const w = runAction(tree.dir, { 'max-warnings': 'many' });
    assert.equal(w.status, 2);
    assert.match(w.stdout, /max-warnings must be a whole number/);
  });
});
