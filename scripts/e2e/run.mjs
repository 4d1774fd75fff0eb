// `npm run test:e2e`: the extension in a real VS Code workbench.
//
//   1. installs what is missing (Debian chromium/ripgrep/libkrb5-dev, code-server
//      under .cache/code-server/), see setup.mjs;
//   2. builds and packages the .vsix (scripts/package.mjs), and the test-only
//      runner extension with the VS Code API suite (build.mjs);
//   3. installs both into a fresh code-server profile under .e2e/run/, opens a
//      copy of examples/ and starts code-server on a free loopback port, with
//      PRODUCTTEAM_E2E_REPORT telling the runner extension where to report;
//   4. waits for the API suite's report, then drives the workbench in headless
//      Chromium (test/e2e/workbench.mjs).
//
// Prints one `ok - …` / `not ok - …` line per check and `N passed, N failed`;
// exits 1 on any failure. Progress goes to stderr as `# …`.
//
// Environment:
//   E2E_VSIX=path.vsix     test this .vsix instead of building and packaging one
//   E2E_EXAMPLES=dir       workspace to copy instead of examples/
//   E2E_HEADED=1           show the browser (needs a display)
//   E2E_KEEP=1             leave code-server running until Ctrl+C (debugging)
//   UPDATE_SCREENSHOTS=1   after a fully green run, copy the best screenshots to
//                          docs/images/ (otherwise they stay in a temporary folder)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CHROMIUM } from './setup.mjs';
import { createRun, freePort, freshProfile, installExtensions, prerequisites, startCodeServer, vsixUnderTest, waitFor } from './harness.mjs';
import { EXPECTATIONS, RUNNER_VSIX, buildTestBundles } from './build.mjs';
import { DOCS_IMAGES, driveWorkbench } from '../../test/e2e/workbench.mjs';

// ---- 1. prerequisites ------------------------------------------------------------
const run = createRun();
const { log, results, report, check, finish } = run;
const codeServer = prerequisites(run);
log(`prerequisites ok: ${path.relative(ROOT, codeServer)}, ${CHROMIUM}`);

// ---- 2. build --------------------------------------------------------------------
const { vsix, pkg } = await vsixUnderTest(run);
const extensionId = `${pkg.publisher}.${pkg.name}`;
await buildTestBundles();
log('test bundles built');

// ---- 3. a fresh profile and workspace ---------------------------------------------
// A plain file name, opted in through the user's files.associations.
const TEAM_YAML = 'team.yaml';
// The user's settings.json: a quiet workbench, and TEAM_YAML opted in through files.associations.
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.fontSize': 14,
  'files.autoSave': 'off',
  'files.associations': { [TEAM_YAML]: 'productteam' },
};
const RUN = path.join(ROOT, '.e2e', 'run');
const { dirs, env, profile } = freshProfile(RUN, USER_SETTINGS);
const examples = path.resolve(process.env.E2E_EXAMPLES ?? path.join(ROOT, 'examples'));
fs.cpSync(examples, dirs.ws, { recursive: true });
const healthy = fs.readFileSync(path.join(examples, 'healthy.productteam.yaml'), 'utf8');
fs.writeFileSync(
  path.join(dirs.ws, TEAM_YAML),
  healthy
    .replace(/^# .*\n# .*\n# .*\n/, '# An organisation in a plain .yaml file, claimed through files.associations.\n')
    .replace('owner: maya', 'owner: [maya, priya]'),
);
// A plain .yaml file that only its first line (`# productteam`) claims.
const FIRST_LINE_YAML = 'first-line.yaml';
fs.writeFileSync(
  path.join(dirs.ws, FIRST_LINE_YAML),
  healthy
    .replace(/^# .*\n# .*\n# .*\n/, '# productteam: claimed by this first line, whatever the file is called.\n')
    .replace('owner: maya', 'owner: [maya, priya]'),
);
for (const name of ['troubled', 'healthy']) {
  if (!fs.existsSync(path.join(dirs.ws, `${name}.productteam.yaml`))) {
    report(false, `workspace has ${name}.productteam.yaml`, `${path.relative(ROOT, examples)}/${name}.productteam.yaml is missing`);
  }
}
await check(`code-server --install-extension ${path.basename(vsix)} (+ the test runner extension)`, () => {
  const list = installExtensions(codeServer, { profile, env }, [vsix, RUNNER_VSIX]);
  const want = `${extensionId}@${pkg.version}`;
  if (!list.includes(want)) throw new Error(`${want} not among installed extensions:\n${list.join('\n')}`);
  return want;
});

// ---- 4. code-server ----------------------------------------------------------------
const port = await freePort();
const apiReport = path.join(RUN, 'api-report.json');
const serverLog = path.join(RUN, 'code-server.log');
const server = startCodeServer(codeServer, { profile, env: { ...env, PRODUCTTEAM_E2E_REPORT: apiReport } }, { port, folder: dirs.ws, logFile: serverLog });
const stopServer = server.stop;
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    stopServer();
    process.exit(130);
  });

const url = server.url;
const up = await check('code-server starts on 127.0.0.1', async () => {
  await server.ready();
  return `port ${port}`;
});

if (up) {
  const expectations = createRequire(import.meta.url)(EXPECTATIONS);
  // Screenshots never land in the repository unless asked for (UPDATE_SCREENSHOTS=1).
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-e2e-shots-'));
  try {
    await driveWorkbench({
      url,
      workspace: dirs.ws,
      teamYaml: TEAM_YAML,
      firstLineYaml: FIRST_LINE_YAML,
      userSettings: path.join(dirs.userData, 'User', 'settings.json'),
      shots,
      chromium: CHROMIUM,
      headed: !!process.env.E2E_HEADED,
      env,
      expectations,
      check,
      log,
      // The API suite starts with the workbench (onStartupFinished); the UI
      // steps wait for it, so that the two never fight over the editor.
      apiSuite: async () => {
        const rep = await waitFor('the API suite report', () => fs.existsSync(apiReport) && JSON.parse(fs.readFileSync(apiReport, 'utf8')), 180_000, 250);
        if (rep.error) report(false, 'API suite runs in the extension host', rep.error);
        for (const t of rep.tests) report(t.state !== 'failed', `api: ${t.title}${t.state === 'pending' ? ' # SKIP' : ''}`, t.error);
        if (!rep.tests.length && !rep.error) report(false, 'API suite ran no tests');
        log(`API suite: ${rep.passed} passed, ${rep.failed} failed in ${(rep.durationMs / 1000).toFixed(1)}s (VS Code ${rep.vscodeVersion})`);
      },
    });
  } catch (err) {
    report(false, 'workbench driver', err.stack);
  }
  log(`screenshots in ${shots}/, logs in ${path.relative(ROOT, RUN)}/`);
  // Only a fully green run, and only when asked, may refresh the README's images.
  if (process.env.UPDATE_SCREENSHOTS !== '1') {
    log('docs/images/ left as it is (UPDATE_SCREENSHOTS=1 refreshes it after a green run)');
  } else if (results.every((r) => r.ok)) {
    await check('best screenshots copied to docs/images/', () => {
      const docs = path.join(ROOT, 'docs', 'images');
      fs.mkdirSync(docs, { recursive: true });
      for (const [from, to] of Object.entries(DOCS_IMAGES)) fs.copyFileSync(path.join(shots, `${from}.png`), path.join(docs, to));
      // They ship in the .vsix (target ≤ 1 MB): a 256-colour palette keeps UI screenshots sharp at a third of the size.
      const quant = spawnSync(
        'pngquant',
        ['--force', '--skip-if-larger', '--ext', '.png', '--quality', '70-95', ...Object.values(DOCS_IMAGES).map((f) => path.join(docs, f))],
        { encoding: 'utf8' },
      );
      const note = quant.error ? ' (pngquant not found: apt-get install pngquant shrinks them for the .vsix)' : ' (palette-compressed with pngquant)';
      return Object.values(DOCS_IMAGES).join(', ') + note;
    });
  } else {
    log('failures: docs/images/ left as it was');
  }
}

if (process.env.E2E_KEEP) {
  log(`E2E_KEEP: code-server stays up at ${url}/?folder=${dirs.ws}; Ctrl+C to stop`);
  await new Promise(() => {});
}
stopServer();
finish();
