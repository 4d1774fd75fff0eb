// The language server's browser build (SPEC section 11) in a real Web Worker
// of headless Chromium: a page served from a loopback HTTP server starts
// server/out/browser/server.js with `new Worker(url)` and talks LSP to it over
// postMessage (test/browser/page.ts); this test drives the page with
// playwright-core. A worker has no `process`, `Buffer` or `require`: any of
// them reached on these paths throws there. Chromium comes from the e2e setup
// (`node scripts/e2e/setup.mjs --debian`, which .ci/run runs before npm test).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, applyWorkspaceEdit, cursor, ensureServerBuilt, positionOf, type CodeAction, type Diagnostic, type Position } from './lsp/client';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BROWSER_SERVER = path.join(ROOT, 'server', 'out', 'browser', 'server.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'unknown-reference', 'typo-person.productteam.yaml');
const FIXED = FIXTURE.replace(/\.productteam\.yaml$/, '.fixed.productteam.yaml');
const URI = 'file:///work/typo-person.productteam.yaml';

interface Received {
  method: string;
  params: unknown;
}
interface PageLsp {
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): Promise<void>;
  notifications: Received[];
  serverRequests: Received[];
  errors: string[];
}
/** The page's globals (functions given to page.evaluate run there and may name only these). */
type PageGlobals = typeof globalThis & { lsp: PageLsp };

describe('browser: the language server in a Web Worker', function () {
  this.timeout(10_000);
  let server: http.Server;
  let browser: Browser | undefined;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];
  const text = fs.readFileSync(FIXTURE, 'utf8');

  before(async function () {
    // Starting Chromium on a shared, loaded machine may take a while; the checks themselves are quick.
    this.timeout(60_000);
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: run \`node scripts/e2e/setup.mjs --debian\` (or set CHROMIUM_PATH)`);
    }
    ensureServerBuilt();
    const pageScript = await build({
      entryPoints: [path.join(ROOT, 'test', 'browser', 'page.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const files: Record<string, { type: string; body: string | Uint8Array }> = {
      '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>productteam worker</title><script src="/page.js"></script>' },
      '/page.js': { type: 'text/javascript', body: pageScript.outputFiles[0].contents },
      '/server.js': { type: 'text/javascript', body: fs.readFileSync(BROWSER_SERVER) },
    };
    server = http.createServer((req, res) => {
      const file = files[req.url ?? ''];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
      res.end(file?.body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };

    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-chromium-'));
    // The flags the e2e drivers use (scripts/e2e/setup.mjs), so both start Chromium alike.
    const { CHROMIUM_ARGS } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'e2e', 'setup.mjs')).href)) as { CHROMIUM_ARGS: string[] };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's crash reporter writes under $XDG_CONFIG_HOME: keep it in a temporary folder.
      env: { ...process.env, XDG_CONFIG_HOME: profile, HOME: profile },
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'lsp' in globalThis);

    const init = (await request('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        },
      },
      initializationOptions: { debounceMs: 20 },
    })) as { serverInfo?: { name: string; version?: string } };
    assert.equal(init.serverInfo?.name, 'productteam-language-server');
    await page.evaluate(() => (globalThis as PageGlobals).lsp.notify('initialized', {}));
    await page.evaluate(
      ([uri, t]) => (globalThis as PageGlobals).lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'productteam', version: 1, text: t } }),
      [URI, text],
    );
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  afterEach(async () => {
    const workerErrors = await page?.evaluate(() => (globalThis as PageGlobals).lsp.errors);
    assert.deepEqual([...pageErrors, ...(workerErrors ?? [])], [], 'no error in the page or the worker');
  });

  function request<R = unknown>(method: string, params: unknown): Promise<R> {
    return page.evaluate(([m, p]) => (globalThis as PageGlobals).lsp.request(m as string, p), [method, params] as const) as Promise<R>;
  }

  async function diagnostics(): Promise<Diagnostic[]> {
    const handle = await page.waitForFunction(
      (uri) =>
        (globalThis as PageGlobals).lsp.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)
          ?.params,
      URI,
    );
    return ((await handle.jsonValue()) as { diagnostics: Diagnostic[] }).diagnostics;
  }

  it("publishes the fixture's finding: the misspelt person", async () => {
    const found = await diagnostics();
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start, d.range.end]),
      [['unknown-reference', positionOf(text, 'alcie'), positionOf(text, 'alcie', 5)]],
    );
    assert.match(found[0].codeDescription?.href ?? '', /unknown-reference/);
  });

  it("answers a hover on a role with the experts' words", async () => {
    const hover = await request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: positionOf(text, 'productManager', 2),
    });
    assert.equal(hover?.contents.kind, 'markdown');
    assert.match(hover.contents.value, /product manager/i);
    assert.match(hover.contents.value, /^> /m, 'a quote');
  });

  it("offers the typo fix, whose edit gives the fixture's .fixed text", async () => {
    const [diagnostic] = await diagnostics();
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === "Change to 'alice'");
    assert.ok(fix?.edit, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(applyWorkspaceEdit(text, URI, fix.edit), fs.readFileSync(FIXED, 'utf8'));
  });

  it('completes the people where a person goes', async () => {
    const { position }: { position: Position } = cursor(text.replace('productManager: alcie', 'productManager: |alcie'));
    const result = await request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri: URI },
      position,
      context: { triggerKind: 1 },
    });
    const labels = result.items.map((i) => i.label);
    for (const id of ['alice', 'carol', 'dan', 'erin']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
  });

  it('goes from a reference to the person under people:', async () => {
    const location = await request<{ uri: string; range: { start: Position } } | null>('textDocument/definition', {
      textDocument: { uri: URI },
      position: positionOf(text, 'members: [carol', 'members: ['.length + 1),
    });
    assert.equal(location?.uri, URI);
    assert.deepEqual(location.range.start, positionOf(text, '  carol:', 2));
  });

  it('answers the document outline', async () => {
    const symbols = await request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(symbols.length > 0);
    assert.ok(JSON.stringify(symbols).includes('checkout-squad'));
  });
});
