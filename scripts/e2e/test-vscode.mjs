// `npm run test:vscode`: the VS Code API suite (test/integration) in VS Code
// desktop, downloaded and launched by @vscode/test-electron. Where VS Code
// cannot be downloaded (no route to update.code.visualstudio.com, as on the
// build machines) it stops with a clear message and exit code 2; `npm run
// test:e2e` runs the same suite inside code-server instead.
//
//   VSCODE_EXECUTABLE_PATH=/path/to/code   use an installed VS Code, no download
//   VSCODE_VERSION=1.100.3                  which version to download (default: stable)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { INTEGRATION_ENTRY, ROOT, buildTestBundles } from './build.mjs';

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
await buildTestBundles({ vsix: false });

const base = path.join(ROOT, '.e2e', 'vscode');
const workspace = path.join(base, 'workspace');
fs.rmSync(base, { recursive: true, force: true });
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: path.join(ROOT, '.cache', 'vscode-test'),
      timeout: 30_000,
    });
  } catch (err) {
    console.error(
      `test:vscode: could not download VS Code: ${err?.message ?? err}\n` +
        'test:vscode: this machine cannot reach the VS Code download servers. Set VSCODE_EXECUTABLE_PATH to an installed\n' +
        'test:vscode: VS Code, or run `npm run test:e2e`, which runs the same API suite inside code-server.',
    );
    process.exit(2);
  }
}

try {
  const exit = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: INTEGRATION_ENTRY,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(base, 'user-data')}`,
    ],
  });
  process.exit(exit);
} catch (err) {
  console.error(`test:vscode: ${err?.message ?? err}`);
  process.exit(1);
}
