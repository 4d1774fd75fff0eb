// After each analysis the server sends `productteam/status` (the stance in
// force and where it comes from, for VS Code's language status item) and logs
// the file, the time taken and the finding count at `info` level.
import * as assert from 'node:assert/strict';
import { LspClient, type Message } from './client';

const DECLARED = 'version: 1\norganization:\n  name: Acme\n  stance: separated\n';
const UNDECLARED = 'version: 1\norganization:\n  name: Acme\n';

interface Status {
  uri: string;
  version: number;
  stance: string;
  stanceSource: string;
  findings: number;
  ms: number;
}

const statuses = (client: LspClient, uri: string): Status[] =>
  client.notifications
    .filter((n: Message) => n.method === 'productteam/status')
    .map((n) => n.params as Status)
    .filter((s) => s.uri === uri);
const logs = (client: LspClient): { type: number; message: string }[] =>
  client.notifications.filter((n: Message) => n.method === 'window/logMessage').map((n) => n.params as { type: number; message: string });

describe('lsp: status notification and analysis log', function () {
  it('reports the stance from the file, the default, or the per-folder setting, and logs each analysis', async () => {
    // A folder setting for one uri only: the server asks per document.
    const client = await LspClient.start({
      configuration: (items) => items.map((i) => (i.scopeUri?.includes('/strict/') ? { stance: 'combined' } : { stance: 'file' })),
    });
    try {
      const declared = 'file:///work/a/declared.productteam.yaml';
      const undeclared = 'file:///work/a/undeclared.productteam.yaml';
      const strict = 'file:///work/strict/team.productteam.yaml';
      client.open(declared, DECLARED);
      client.open(undeclared, UNDECLARED);
      client.open(strict, DECLARED);
      const s1 = await client.waitFor(() => statuses(client, declared)[0], 5_000, 'status of declared');
      const s2 = await client.waitFor(() => statuses(client, undeclared)[0], 5_000, 'status of undeclared');
      const s3 = await client.waitFor(() => statuses(client, strict)[0], 5_000, 'status of strict');
      assert.deepEqual([s1.stance, s1.stanceSource], ['separated', 'file'], '`file` leaves the file its own stance');
      assert.deepEqual([s2.stance, s2.stanceSource], [null, 'default'], 'no stance declared: none in force (SPEC revision 3), not contextual');
      assert.deepEqual([s3.stance, s3.stanceSource], ['combined', 'option'], 'the folder setting overrides the file');
      assert.equal(s1.version, 1);
      assert.ok(s1.ms >= 0 && s1.ms < 10_000);
      const published = client.publishes(undeclared).at(-1);
      assert.equal(s2.findings, published?.diagnostics.length, 'the finding count is what was published');

      const line = await client.waitFor(() => logs(client).find((l) => l.message.includes('/work/a/undeclared.productteam.yaml')), 5_000, 'a log line');
      assert.equal(line.type, 3, 'info');
      assert.match(
        line.message,
        /^analysed \/work\/a\/undeclared\.productteam\.yaml \(version 1\) in \d+\.\d ms: \d+ findings?; no stance declared \(the PM\/PO arrangement is not judged\)$/,
      );

      // Each analysis is reported: an edit brings a new status.
      client.change(declared, 2, DECLARED.replace('separated', 'outcomes-first'));
      const next = await client.waitFor(() => statuses(client, declared).find((s) => s.version === 2), 5_000, 'status after the edit');
      assert.equal(next.stance, 'outcomes-first');
    } finally {
      await client.stop();
    }
  });
});
