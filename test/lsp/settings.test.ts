// Editor settings: read with workspace/configuration (section `productteam`),
// re-read on didChangeConfiguration, with initializationOptions as the
// fallback for clients that cannot answer.
import * as assert from 'node:assert/strict';
import { LspClient, type Diagnostic } from './client';
import { variant } from './texts';

// One person is PM (and, with no productOwner, PO) of checkout: fine under
// combined, a role-split warning under separated.
const TEXT = variant('  stance: combined   # one person per domain\n', '  stance: combined\n');
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('lsp: settings', function () {
  it('reads productteam.* with workspace/configuration and revalidates on didChangeConfiguration', async () => {
    let settings: Record<string, unknown> = { stance: null, rules: {}, maxDomainsPerPerson: null };
    const client = await LspClient.start({ configuration: (items) => items.map((i) => (i.section === 'productteam' ? settings : null)) });
    try {
      const uri = 'file:///work/settings.productteam.yaml';
      client.open(uri, TEXT);
      assert.deepEqual(codes(await client.diagnostics(uri, 1)), []);
      const asked = client.serverRequests.filter((r) => r.method === 'workspace/configuration');
      assert.ok(asked.length >= 1);
      assert.deepEqual(asked[0].params, { items: [{ scopeUri: uri, section: 'productteam' }] });

      settings = { stance: 'separated', rules: { 'core-team': 'off' } };
      const before = client.publishes(uri).length;
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const next = await client.waitFor(() => client.publishes(uri)[before], 5_000, 'revalidation');
      assert.equal(next.version, 1, 'same document version, new settings');
      assert.deepEqual(codes(next.diagnostics), ['role-split']);
      assert.match(next.diagnostics[0].message, /separated/);

      // Hovers and fixes follow the same settings.
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: next.diagnostics[0].range,
        context: { diagnostics: next.diagnostics },
      });
      assert.ok(actions.some((a) => a.title === 'Add a product owner placeholder'));

      settings = { stance: 'separated', rules: { 'role-split': 'error' } };
      const n2 = client.publishes(uri).length;
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const third = await client.waitFor(() => client.publishes(uri)[n2], 5_000, 'second revalidation');
      assert.equal(third.diagnostics.find((d) => d.code === 'role-split')?.severity, 1, 'productteam.rules sets the severity');

      // A stance change in the file is just a content change.
      settings = {};
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor(() => client.publishes(uri)[n2 + 1], 5_000, 'third revalidation');
      client.change(uri, 2, TEXT.replace('stance: combined', 'stance: separated'));
      assert.deepEqual(codes(await client.diagnostics(uri, 2)), ['role-split']);
    } finally {
      await client.stop();
    }
  });

  it('falls back to initializationOptions, and takes settings pushed with didChangeConfiguration', async () => {
    const client = await LspClient.start({ initializationOptions: { debounceMs: 10, settings: { stance: 'separated' } } });
    try {
      const uri = 'file:///work/init-options.productteam.yaml';
      client.open(uri, TEXT);
      assert.ok(codes(await client.diagnostics(uri, 1)).includes('role-split'));
      assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);

      const before = client.publishes(uri).length;
      client.notify('workspace/didChangeConfiguration', { settings: { productteam: { stance: 'combined' } } });
      const next = await client.waitFor(() => client.publishes(uri)[before], 5_000, 'revalidation');
      assert.ok(!codes(next.diagnostics).includes('role-split'));
    } finally {
      await client.stop();
    }
  });

  it('ignores malformed settings', async () => {
    const client = await LspClient.start({
      configuration: (items) => items.map(() => ({ stance: 'sideways', rules: { 'role-split': 'loud' }, maxDomainsPerPerson: 'two' })),
    });
    try {
      const uri = 'file:///work/bad-settings.productteam.yaml';
      client.open(uri, TEXT);
      assert.deepEqual(codes(await client.diagnostics(uri, 1)), []);
    } finally {
      await client.stop();
    }
  });
});
