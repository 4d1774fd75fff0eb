// Diagnostics over the wire: what is published, with which version, and that
// typing fast or typing garbage never yields stale results or a dead server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import { analyze, ruleDocsUrl } from '../../server/src/engine';
import { LspClient, ROOT, SERVER, ensureServerBuilt, type Diagnostic } from './client';
import { CLEAN, variant, variants } from './texts';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
let n = 0;
const uri = (name = 'doc'): string => `file:///work/${name}-${++n}.productteam.yaml`;

function summary(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)}`);
}

describe('lsp: diagnostics', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('publishes nothing for a clean file', async () => {
    const u = uri('clean');
    client.open(u, CLEAN);
    assert.deepEqual(await client.diagnostics(u, 1), []);
  });

  it('publishes each finding with code, severity, source, docs link and data', async () => {
    const text = variant('        productManager: alice\n', '        productManager: alice\n        productOwner: bob\n');
    const u = uri('findings');
    client.open(u, text, 7);
    const ds = await client.diagnostics(u, 7);
    const byCode = new Map(ds.map((d) => [d.code, d]));
    const roleSplit = byCode.get('role-split')!;
    assert.ok(roleSplit, `role-split missing: ${summary(ds).join(', ')}`);
    assert.equal(roleSplit.severity, SEVERITY.warning);
    assert.equal(roleSplit.source, 'productteam');
    assert.equal(roleSplit.codeDescription?.href, ruleDocsUrl('role-split'));
    assert.match(roleSplit.codeDescription!.href, /docs\/rules\/role-split\.md$/);
    assert.deepEqual(roleSplit.range, { start: { line: 31, character: 22 }, end: { line: 31, character: 25 } }); // `bob` in productOwner
    assert.equal(roleSplit.data?.ruleId, 'role-split');
    assert.equal(roleSplit.data?.version, 7);
    assert.equal(typeof roleSplit.data?.start, 'number');
    assert.equal(text.slice(roleSplit.data!.start as number, roleSplit.data!.end as number), 'bob');
    assert.equal(roleSplit.data?.pm, 'alice', 'the problem data travels with the diagnostic');

    assert.equal(roleSplit.tags, undefined);
  });

  it('tags unused people and suppressions as Unnecessary', async () => {
    const text = `# productteam-disable core-team\n${variant('members: [bob, carol, dan, erin]', 'members: [carol, dan, erin]')}`;
    const u = uri('unused');
    client.open(u, text);
    const ds = await client.diagnostics(u, 1);
    const unused = ds.find((d) => d.code === 'unused-person')!;
    assert.ok(unused, summary(ds).join(', '));
    assert.equal(unused.severity, SEVERITY.hint);
    assert.deepEqual(unused.tags, [1]);
    assert.equal(unused.range.start.line, 16);
    const suppression = ds.find((d) => d.code === 'unused-suppression')!;
    assert.ok(suppression, summary(ds).join(', '));
    assert.deepEqual(suppression.tags, [1]);
    assert.equal(suppression.range.start.line, 0);
  });

  it('maps every severity', async () => {
    const text = variants(
      ['stance: combined', 'stance: separated'], // role-split: warning
      ['        teams: [checkout-squad]\n', ''], // domain-without-team: info
      ['productManager: alice', 'productManager: alcie'], // unknown-reference: error
      ['  stance: separated   # one person per domain\n', ''], // stance-declared: hint
    );
    const u = uri('severities');
    client.open(u, text);
    const ds = await client.diagnostics(u, 1);
    const sev = new Map(ds.map((d) => [d.code, d.severity]));
    assert.equal(sev.get('unknown-reference'), SEVERITY.error);
    assert.equal(sev.get('domain-without-team'), SEVERITY.info);
    assert.equal(sev.get('stance-declared'), SEVERITY.hint);
    assert.ok(ds.every((d) => d.source === 'productteam' && d.codeDescription?.href === ruleDocsUrl(String(d.code))));
  });

  it('matches the engine on every example and on the fixtures', async function () {
    const dir = path.join(ROOT, 'examples');
    const examples = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => /\.productteam\.ya?ml$/.test(f))
          .map((f) => path.join(dir, f))
      : [];
    const fixtures = ['single-owner/domain-owner-list.productteam.yaml', 'schema/bad-enum.productteam.yaml', 'yaml-syntax/unclosed-flow.productteam.yaml']
      .map((f) => path.join(ROOT, 'test', 'fixtures', f))
      .filter((f) => fs.existsSync(f));
    const files = [...examples, ...fixtures];
    if (files.length === 0) this.skip();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const u = `file://${file}`;
      client.open(u, text);
      const ds = await client.diagnostics(u, 1);
      const a = analyze(text);
      const expected = a.problems.map((p) => {
        const s = a.lines.positionAt(p.start);
        return `${s.line}:${s.character} ${SEVERITY[p.severity]} ${p.ruleId}`;
      });
      assert.deepEqual(summary(ds), expected, path.relative(ROOT, file));
      for (const d of ds) {
        assert.equal(d.source, 'productteam');
        assert.equal(d.codeDescription?.href, ruleDocsUrl(String(d.code)));
        assert.equal(d.data?.ruleId, d.code);
      }
      client.close(u);
    }
  });

  it('clears diagnostics on close', async () => {
    const u = uri('close');
    client.open(u, variant('productManager: alice', 'productManager: alcie'));
    assert.ok((await client.diagnostics(u, 1)).length > 0);
    client.close(u);
    await client.waitFor(
      () => {
        const ps = client.publishes(u);
        const last = ps[ps.length - 1];
        return ps.length >= 2 && last.diagnostics.length === 0;
      },
      5_000,
      'empty diagnostics after close',
    );
  });

  it('forgets a closed document: reopened at the same version with other text, it is analysed afresh', async () => {
    const u = uri('reopen');
    const typo = variant('productManager: alice', 'productManager: alcie');
    client.open(u, typo);
    assert.ok((await client.diagnostics(u, 1)).length > 0);
    client.close(u);
    await client.waitFor(() => client.publishes(u).length >= 2, 5_000, 'empty diagnostics after close');
    client.open(u, CLEAN);
    const at = { line: CLEAN.split('\n').findIndex((l) => l.includes('productManager: alice')), character: 26 };
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: u }, position: at });
    assert.ok(h && h.contents.value.includes('Alice Moreau'), JSON.stringify(h));
    assert.ok(!h.contents.value.includes('unknown-reference'), 'no finding from the text before the close');
    await client.waitFor(
      () => {
        const ps = client.publishes(u);
        return ps.length >= 3 && ps[ps.length - 1].diagnostics.length === 0;
      },
      5_000,
      'the reopened clean text has no findings',
    );
  });

  it('after a burst of 200 changes, publishes for the last version only, never going back', async () => {
    const u = uri('burst');
    client.open(u, CLEAN);
    await client.diagnostics(u, 1);
    const before = client.publishes(u).length;
    for (let v = 2; v <= 201; v++) {
      // Alternate between a finding and none so a stale publish would show.
      client.change(u, v, v % 2 ? variant('productManager: alice', `productManager: alcie${v}`) : CLEAN);
    }
    const last = await client.diagnostics(u, 201);
    assert.equal(last.length, 1);
    assert.equal(last[0].code, 'unknown-reference');
    assert.match(last[0].message, /alcie201/);
    // Ask for something so that anything still queued behind the burst has arrived.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
    const after = client.publishes(u).slice(before);
    const versions = after.map((p) => p.version!);
    assert.equal(versions[versions.length - 1], 201, `versions published: ${versions.join(',')}`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `went back: ${versions.join(',')}`);
    assert.ok(after.length < 20, `debounced: ${after.length} publishes for 200 changes`);
  });

  it('survives malformed documents mid-edit and keeps answering', async () => {
    const u = uri('malformed');
    client.open(u, CLEAN);
    await client.diagnostics(u, 1);
    const texts = [
      variant('members: [bob, carol, dan, erin]', 'members: [bob, carol,'), // unclosed flow list
      CLEAN.replace(/^ {4}/gm, '\t'), // tabs for indentation
      '\u0000\u0001\uFFFD\u0007binary\u0000\u00ff: [ { : } ]]]\n\u0000',
      '',
      '- just\n- a list\n',
      'version: 1\norganization: [\n',
      ': : :\n  - - -\n    ? ? ?',
      variant('    owner: alice            # accountable owner', '    owner: '),
      variant('        productManager: alice', '        pro'),
      '\uD800\uDC00\uD800 lone surrogates: "\\',
    ];
    let v = 1;
    for (const text of texts) {
      v++;
      client.change(u, v, text);
      const ds = await client.diagnostics(u, v);
      assert.ok(Array.isArray(ds));
      const p = { textDocument: { uri: u }, position: { line: 1, character: 3 } };
      await client.request('textDocument/hover', p);
      await client.request('textDocument/completion', p);
      await client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
      await client.request('textDocument/codeAction', {
        textDocument: { uri: u },
        range: { start: p.position, end: p.position },
        context: { diagnostics: ds },
      });
      await client.request('textDocument/definition', p);
      assert.ok(client.alive, `server died on ${JSON.stringify(text).slice(0, 60)}`);
    }
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
    const ds = await client.diagnostics(u, 2);
    assert.ok(
      ds.some((d) => d.code === 'yaml-syntax'),
      'the unclosed flow list is a yaml-syntax finding',
    );
  });

  it('answers requests for documents it does not know with empty results', async () => {
    const p = { textDocument: { uri: 'file:///nowhere.productteam.yaml' }, position: { line: 0, character: 0 } };
    assert.equal(await client.request('textDocument/hover', p), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: p.textDocument }), []);
  });
});

describe('lsp: transports', function () {
  before(() => ensureServerBuilt());

  it('runs as the productteam-language-server bin over stdio', async () => {
    const client = await LspClient.start({ script: path.join(ROOT, 'bin', 'productteam-language-server.js') });
    try {
      const u = uri('bin');
      client.open(u, variant('productManager: alice', 'productManager: alcie'));
      const ds = await client.diagnostics(u, 1);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['unknown-reference'],
      );
    } finally {
      await client.stop();
    }
  });

  it('speaks --node-ipc, as the VS Code client starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const messages: { id?: number; method?: string; result?: { capabilities?: Record<string, unknown> }; params?: unknown }[] = [];
      child.on('message', (m) => messages.push(m as (typeof messages)[number]));
      child.send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } },
      });
      const init = await waitFor(() => messages.find((m) => m.id === 1));
      assert.ok(init.result?.capabilities?.hoverProvider);
      child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const u = uri('ipc');
      child.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: u, languageId: 'productteam', version: 1, text: CLEAN } } });
      const pub = await waitFor(() => messages.find((m) => m.method === 'textDocument/publishDiagnostics'));
      assert.deepEqual(pub.params, { uri: u, version: 1, diagnostics: [] });
    } finally {
      child.kill();
    }
  });
});

async function waitFor<T>(f: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
