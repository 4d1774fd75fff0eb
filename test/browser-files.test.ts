// How the browser build reads files that are not open (server/src/browser/
// clientFiles.ts): through the client's productteam/readFile and
// productteam/findFiles, and, when the client cannot answer, one clear line in
// the output channel and no file rather than a crash.
import * as assert from 'node:assert/strict';
import { filesThroughClient } from '../server/src/browser/clientFiles';

function fakeConnection(answer: (method: string, params: unknown) => unknown) {
  const warnings: string[] = [];
  const sent: [string, unknown][] = [];
  const connection = {
    sendRequest: (method: string, params: unknown) => {
      sent.push([method, params]);
      try {
        return Promise.resolve(answer(method, params));
      } catch (err) {
        return Promise.reject(err);
      }
    },
    console: { warn: (m: string) => void warnings.push(m) },
  } as unknown as Parameters<typeof filesThroughClient>[0];
  return { connection, warnings, sent };
}

describe('browser: files read through the client', function () {
  it("reads a file and lists a folder with the client's requests", async () => {
    const { connection, sent, warnings } = fakeConnection((method) =>
      method === 'productteam/readFile' ? 'version: 1\n' : ['file:///w/a.productteam.yaml', 42, 'file:///w/.productteam.yaml'],
    );
    const files = filesThroughClient(connection);
    assert.equal(await files.readFile('file:///w/a.productteam.yaml'), 'version: 1\n');
    assert.deepEqual(await files.findFiles('file:///w'), ['file:///w/a.productteam.yaml', 'file:///w/.productteam.yaml']);
    assert.deepEqual(sent, [
      ['productteam/readFile', { uri: 'file:///w/a.productteam.yaml' }],
      ['productteam/findFiles', { folderUri: 'file:///w' }],
    ]);
    assert.deepEqual(warnings, []);
  });

  it('a file the host cannot read is no file, and the output channel says so once', async () => {
    const { connection, warnings } = fakeConnection(() => {
      throw new Error('Unhandled method productteam/readFile');
    });
    const files = filesThroughClient(connection);
    assert.equal(await files.readFile('vscode-vfs://github/acme/org/team.productteam.yaml'), undefined);
    assert.deepEqual(await files.findFiles('vscode-vfs://github/acme/org'), []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /cannot give the language server files that are not open/);
    assert.match(warnings[0], /Unhandled method productteam\/readFile/);
    assert.match(warnings[0], /Each open file is linted on its own/);
  });

  it('a null answer (the host has no such file) is no file, and no warning', async () => {
    const { connection, warnings } = fakeConnection(() => null);
    const files = filesThroughClient(connection);
    assert.equal(await files.readFile('file:///w/gone.productteam.yaml'), undefined);
    assert.deepEqual(await files.findFiles('file:///w'), []);
    assert.deepEqual(warnings, []);
  });
});
