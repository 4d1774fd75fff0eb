// A multi-file organisation over the wire (SPEC section 9): the server reads
// the workspace folder's files from disk, publishes findings for files that
// are not open, answers definition/references/rename across files, and
// re-checks when a file that is not open changes on disk
// (workspace/didChangeWatchedFiles, registered dynamically).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, type WorkspaceEdit } from './client';

const CASE = path.join(__dirname, '..', 'fixtures', 'multi-file', 'basic');

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

describe('lsp: multi-file organisations', function () {
  let client: LspClient;
  let dir: string;
  const uriOf = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;
  const latest = (rel: string) => client.publishes(uriOf(rel)).at(-1)?.diagnostics;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-multi-'));
    copyDir(CASE, dir);
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the findings of files that are not open, and registers file watchers', async () => {
    const diags = await client.waitFor(() => latest('products/payments.productteam.yaml'), 5000, 'diagnostics of an unopened file');
    assert.ok(diags.some((d) => d.code === 'unknown-reference' && d.message.includes("'zed'")));
    assert.ok(!diags.some((d) => d.code === 'unknown-reference' && d.message.includes("'alice'")), 'alice is defined in the people file');
    const registration = await client.waitFor(
      () => client.serverRequests.find((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles')),
      5000,
      'watcher registration',
    );
    assert.ok(JSON.stringify(registration.params).includes('productteam'));
  });

  it('goes to a definition in another file, finds references and renames across three files', async () => {
    const rel = 'products/search.productteam.yaml';
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    client.open(uriOf(rel), text);
    await client.diagnostics(uriOf(rel), 1);
    const at = { textDocument: { uri: uriOf(rel) }, position: positionOf(text, 'alice') };
    const def = await client.request<{ uri: string } | null>('textDocument/definition', at);
    assert.equal(def?.uri, uriOf('people/directory.productteam.yaml'));
    const refs = await client.request<{ uri: string }[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    assert.deepEqual(
      [...new Set(refs.map((r) => r.uri))].sort(),
      [uriOf('people/directory.productteam.yaml'), uriOf('products/payments.productteam.yaml'), uriOf(rel)].sort(),
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'alicia' });
    assert.deepEqual(
      Object.keys(edit.changes ?? {}).sort(),
      [uriOf('people/directory.productteam.yaml'), uriOf('products/payments.productteam.yaml'), uriOf(rel)].sort(),
    );
    client.close(uriOf(rel));
  });

  it('re-checks the organisation when a file that is not open changes on disk', async () => {
    const people = path.join(dir, 'people/directory.productteam.yaml');
    fs.appendFileSync(people, '  zed: { name: Zed Ali, discipline: business }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('people/directory.productteam.yaml'), type: 2 }] });
    await client.waitFor(
      () => {
        const d = latest('products/payments.productteam.yaml');
        return d && !d.some((x) => x.code === 'unknown-reference');
      },
      5000,
      'the unknown-reference to zed to go away',
    );
  });
});
