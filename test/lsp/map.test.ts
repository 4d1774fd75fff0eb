// The `productteam/map` request: the ownership map of an open document as one
// page with the client's head and nonce, and where each clickable thing is
// (0-based LSP ranges in the document), following the latest edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient } from './client';

const TEXT = fs.readFileSync(path.resolve(__dirname, '..', 'ownership', 'base.productteam.yaml'), 'utf8');

interface MapResult {
  version: number;
  html: string;
  targets: Record<string, { uri: string; range: { start: { line: number; character: number } } }>;
}

describe('lsp: productteam/map', function () {
  it('answers the page and the places to reveal, for the latest version', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///work/org/acme.productteam.yaml';
      client.open(uri, TEXT);
      const head = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">';
      const first = await client.request<MapResult>('productteam/map', { textDocument: { uri }, head, nonce: 'n0nce' });
      assert.equal(first.version, 1);
      assert.ok(first.html.includes(head), 'the client head is in the page');
      assert.match(first.html, /<style nonce="n0nce">/);
      assert.match(first.html, /<body class="interactive">/);
      const billing = first.targets['domain:payments/billing'];
      assert.equal(billing.uri, uri);
      assert.equal(
        billing.range.start.line,
        TEXT.split('\n').findIndex((l) => l.trim() === 'billing:'),
      );
      assert.equal(first.targets['person:alice'].range.start.character, 2);

      client.change(uri, 2, TEXT.replace('      billing:', '      invoicing:'));
      const second = await client.request<MapResult>('productteam/map', { textDocument: { uri } });
      assert.equal(second.version, 2);
      assert.ok(second.targets['domain:payments/invoicing']);
      assert.equal(second.targets['domain:payments/billing'], undefined);
      assert.equal(await client.request('productteam/map', { textDocument: { uri: 'file:///not/open.productteam.yaml' } }), null);
    } finally {
      await client.stop();
    }
  });
});
