// What users of vscode-eslint and markdownlint expect of the quick-fix menu
// and the settings (SPEC section 6, revision 3), over the wire: "Show
// documentation for <rule id>" on every finding, a "Fix all safe problems"
// entry, a finding's only safe fix preferred, unknown rule ids logged,
// `productteam.run: onSave`, and the first log line.
import * as assert from 'node:assert/strict';
import { RULES, ruleDocsUrl } from '../../server/src/engine';
import { PACKAGE_VERSION } from '../../server/src/version';
import { LspClient, applyWorkspaceEdit, type CodeAction, type Diagnostic, type Message } from './client';
import { variant, variants } from './texts';

interface CommandAction extends CodeAction {
  command?: { title: string; command: string; arguments?: unknown[] };
}

const logs = (client: LspClient): string[] =>
  client.notifications.filter((m: Message) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);

describe('lsp: the quick-fix menu and settings as vscode-eslint users expect', function () {
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  async function openWith(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///work/conventions-${++n}.productteam.yaml`;
    client.open(uri, text);
    return { uri, diagnostics: await client.diagnostics(uri, 1) };
  }
  const actionsFor = (uri: string, d: Diagnostic): Promise<CommandAction[]> =>
    client.request<CommandAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });

  // A safe fix (uxx -> ux), a finding with two suggestions (owner), an unknown id (one safe fix, one suggestion).
  const TEXT = variants(
    ['discipline: ux', 'discipline: uxx'],
    ['owner: alice            # accountable owner', 'owner: [alice, bob]     # accountable owner'],
    ['productManager: alice', 'productManager: alcie'],
  );

  it('offers "Show documentation for <rule id>" on every finding, running the server command with the rule\'s page', async () => {
    const { uri, diagnostics } = await openWith(TEXT);
    assert.ok(diagnostics.length >= 3);
    for (const d of diagnostics) {
      const actions = await actionsFor(uri, d);
      const docs = actions.filter((a) => a.title === `Show documentation for ${d.code}`);
      assert.equal(docs.length, 1, `${d.code}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(docs[0].kind, 'quickfix');
      assert.deepEqual(docs[0].command, { title: docs[0].title, command: 'productteam.showRuleDocumentation', arguments: [ruleDocsUrl(String(d.code))] });
      assert.equal(docs[0].isPreferred, undefined);
    }
    const caps = client.initializeResult!.capabilities as { executeCommandProvider?: { commands: string[] } };
    assert.deepEqual(caps.executeCommandProvider?.commands, ['productteam.showRuleDocumentation']);
  });

  it('running the command asks the client to show the page; an argument that is not a rule page is refused', async () => {
    const shown: unknown[] = [];
    client.onRequest('window/showDocument', (p) => {
      shown.push(p);
      return { success: true };
    });
    await client.request('workspace/executeCommand', { command: 'productteam.showRuleDocumentation', arguments: [ruleDocsUrl('core-team')] });
    await client.request('workspace/executeCommand', { command: 'productteam.showRuleDocumentation', arguments: ['file:///etc/passwd'] });
    assert.equal(shown.length, 1);
    assert.equal((shown[0] as { uri: string }).uri, ruleDocsUrl('core-team'));
  });

  it('offers "Fix all safe problems in this file" in the quick-fix menu when a finding there has a safe fix', async () => {
    const { uri, diagnostics } = await openWith(TEXT);
    const schema = diagnostics.find((d) => d.code === 'schema')!;
    const actions = await actionsFor(uri, schema);
    const fixAll = actions.filter((a) => a.title === 'Fix all safe problems in this file');
    assert.equal(fixAll.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(fixAll[0].kind, 'quickfix');
    const after = applyWorkspaceEdit(TEXT, uri, fixAll[0].edit!);
    assert.match(after, /discipline: ux \}/);
    assert.match(after, /productManager: alice/);
    assert.match(after, /owner: \[alice, bob\]/, 'suggestions are left alone');
    // The fix-all entry comes after the finding's fixes and before the documentation entry.
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf("Change to 'ux'") < titles.indexOf('Fix all safe problems in this file'));
    assert.ok(titles.indexOf('Fix all safe problems in this file') < titles.indexOf('Show documentation for schema'));
    // Nothing safe in the request: no fix-all entry.
    const owner = diagnostics.find((d) => d.code === 'single-owner')!;
    assert.ok(!(await actionsFor(uri, owner)).some((a) => a.title === 'Fix all safe problems in this file'));
  });

  it("marks a finding's only safe fix as preferred, and nothing when it has none or several", async () => {
    const { uri, diagnostics } = await openWith(TEXT);
    for (const d of diagnostics) {
      const actions = await actionsFor(uri, d);
      const preferred = actions.filter((a) => a.isPreferred);
      if (d.code === 'schema')
        assert.deepEqual(
          preferred.map((a) => a.title),
          ["Change to 'ux'"],
        );
      else if (d.code === 'unknown-reference')
        assert.deepEqual(
          preferred.map((a) => a.title),
          ["Change to 'alice'"],
        );
      else if (d.code === 'single-owner') assert.deepEqual(preferred, []);
      assert.ok(preferred.length <= 1, `${d.code}: ${preferred.map((a) => a.title).join(' | ')}`);
    }
  });

  it('names the version and the rule count in its first log line', async () => {
    const first = await client.waitFor(() => logs(client)[0], 5_000, 'first log line');
    assert.equal(first, `productteam-language-server ${PACKAGE_VERSION}: ${RULES.length} rules`);
  });
});

describe('lsp: productteam.rules ids and productteam.run', function () {
  it('logs a rule id it does not know, once, with a "did you mean"', async () => {
    const client = await LspClient.start({ configuration: (items) => items.map(() => ({ rules: { 'core-teams': 'off', 'role-split': 'error' } })) });
    try {
      for (const i of [1, 2]) {
        const uri = `file:///work/unknown-${i}.productteam.yaml`;
        client.open(uri, variant('productManager: alice', 'productManager: alice'));
        await client.diagnostics(uri, 1);
      }
      const lines = logs(client).filter((l) => l.includes('core-teams'));
      assert.deepEqual(lines, ["productteam.rules: unknown rule id 'core-teams' (did you mean 'core-team'?); it is ignored"]);
    } finally {
      await client.stop();
    }
  });

  it('with run: onSave, edits are linted when the file is saved, not as they are typed', async () => {
    const client = await LspClient.start({ configuration: (items) => items.map(() => ({ run: 'onSave' })), initializationOptions: { debounceMs: 0 } });
    try {
      const uri = 'file:///work/on-save.productteam.yaml';
      const good = variant('productManager: alice', 'productManager: alice');
      client.open(uri, good);
      assert.deepEqual(await client.diagnostics(uri, 1), [], 'opening a file lints it');
      client.change(uri, 2, variant('productManager: alice', 'productManager: alcie'));
      // Give a change-triggered lint every chance to happen (a hover round-trip comes after it), then check none did.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.ok(!client.publishes(uri).some((p) => p.version === 2), 'not linted on typing');
      client.notify('textDocument/didSave', { textDocument: { uri } });
      const saved = await client.diagnostics(uri, 2);
      assert.ok(saved.some((d) => d.code === 'unknown-reference'));
    } finally {
      await client.stop();
    }
  });
});
