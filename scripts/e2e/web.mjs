// `node scripts/e2e/web.mjs` (part of `npm run test:e2e`): the extension as a
// web-only extension, in code-server's web worker extension host, the way
// vscode.dev and github.dev run it (SPEC section 11).
//
// code-server installs extensions on its server and runs them in its Node
// extension host; one whose manifest has no `main` and `extensionKind: ["web"]`
// runs in the browser's web worker host instead. So the .vsix is installed
// into a fresh profile and its installed manifest made web-only (a test copy;
// the shipped manifest keeps both entries). Then, in headless Chromium: the
// Running Extensions view places the extension in the web worker, a fixture's
// finding reaches the Problems panel, and a hover on a role quotes the experts.
//
// Environment: E2E_VSIX=path.vsix tests that .vsix instead of packaging one;
// E2E_HEADED=1 shows the browser.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './setup.mjs';
import { createRun, freePort, freshProfile, installExtensions, prerequisites, startCodeServer, vsixUnderTest } from './harness.mjs';
import { EXPECTATIONS, buildTestBundles } from './build.mjs';

const run = createRun();
const { report, check, finish } = run;
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'unknown-reference', 'typo-person.productteam.yaml');
const FILE = path.basename(FIXTURE);

const codeServer = prerequisites(run, 'web: ');
const { vsix, pkg } = await vsixUnderTest(run, 'web: ');
await buildTestBundles({ vsix: false });
const X = createRequire(import.meta.url)(EXPECTATIONS);

const RUN = path.join(ROOT, '.e2e', 'web');
const profile = freshProfile(RUN, {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
});
fs.copyFileSync(FIXTURE, path.join(profile.dirs.ws, FILE));

const installed = await check(`web: install ${path.basename(vsix)} and make its installed manifest web-only`, () => {
  const want = `${pkg.publisher}.${pkg.name}@${pkg.version}`;
  const list = installExtensions(codeServer, profile, [vsix]);
  if (!list.includes(want)) throw new Error(`${want} not among installed extensions:\n${list.join('\n')}`);
  const manifestFile = path.join(profile.dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`, 'package.json');
  const { main: _main, ...manifest } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (!manifest.browser) throw new Error('the manifest has no `browser` entry');
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, extensionKind: ['web'] }, null, 2));
  return `browser entry ${manifest.browser}`;
});

const server = startCodeServer(codeServer, profile, { port: await freePort(), folder: profile.dirs.ws, logFile: path.join(RUN, 'code-server.log') });
process.on('exit', server.stop);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    server.stop();
    process.exit(130);
  });

if (installed && (await check('web: code-server starts on 127.0.0.1', async () => void (await server.ready())))) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: !process.env.E2E_HEADED, env: profile.env, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();

    await check(`web: ${FILE} opens in the Product Team language`, async () => {
      await page.locator('.explorer-viewlet .monaco-list-row').filter({ hasText: FILE }).first().click({ timeout: 30_000 });
      await editor.locator('.view-lines').waitFor({ timeout: 15_000 });
      await page.locator('#status\\.editor\\.mode').filter({ hasText: 'Product Team' }).waitFor({ timeout: 15_000 });
    });

    await check('web: the finding reaches the Problems panel (unknown-reference, line 20)', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'unknown-reference' }).first();
      await row.waitFor({ timeout: 30_000 });
      const text = await row.innerText();
      if (!/Ln 20\b/.test(text) || !text.includes("Did you mean 'alice'?")) throw new Error(`the row says: ${text}`);
      await page.keyboard.press('Control+J'); // the panel away: room for the hover
      return text.split('\n')[0];
    });

    await check('web: a hover on productManager quotes the experts verbatim', async () => {
      const quotes = X.roleQuotes('productManager').map(X.normalizeQuote);
      const word = editor
        .locator('.view-line span span')
        .filter({ hasText: /^\s*productManager$/ })
        .first();
      const box = await word.boundingBox();
      if (!box) throw new Error('no productManager in the editor');
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + 6, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible');
      await hover.first().waitFor({ timeout: 15_000 });
      for (let i = 0; i < 50; i++) {
        const text = X.normalizeQuote((await hover.allInnerTexts()).join('\n'));
        const found = quotes.find((q) => text.includes(q));
        if (found) return `"${found.slice(0, 50)}…"`;
        await page.waitForTimeout(200);
      }
      throw new Error(`the hover quotes none of the productManager quotes: ${(await hover.allInnerTexts()).join(' ').slice(0, 300)}`);
    });

    await check('web: the extension runs in the web worker extension host', async () => {
      await page.mouse.move(5, 400);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill('>Developer: Show Running Extensions');
      await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Show Running Extensions' }).first().click({ timeout: 15_000 });
      const ours = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: pkg.displayName }).first();
      await ours.waitFor({ timeout: 15_000 });
      const text = await ours.innerText();
      if (!/web worker/i.test(text)) throw new Error(`Running Extensions says: ${text}`);
      return text.replace(/\s+/g, ' ').trim();
    });
  } catch (err) {
    report(false, 'web: workbench driver', err.stack);
  } finally {
    await browser.close();
  }
}
server.stop();
finish();
