// One LSP benchmark session against one server: spawn -> initialize, didOpen
// -> diagnostics, N small edits each timed didChange -> diagnostics, then the
// server's resident memory. Both servers get the same client, the same edits
// and, where they ask for it, the same settings.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LspClient } from './lsp-client.mjs';

export const SERVERS = {
  productteam: {
    label: 'productteam',
    languageId: 'productteam',
    // BENCH_SERVER measures a prototype build (e.g. of an engine copy under /tmp) the same way.
    argv: (root) => [process.env.BENCH_SERVER || join(root, 'server/out/server.js'), '--stdio'],
    entry: (root) => process.env.BENCH_SERVER || join(root, 'server/out/server.js'),
  },
  'yaml-ls': {
    label: 'yaml-language-server',
    languageId: 'yaml',
    argv: (root) => [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    entry: (root) => join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'),
  },
};

export function serverAvailable(kind, root) {
  return existsSync(SERVERS[kind].entry(root));
}

/** What a VS Code-like client says it can do; the same for both servers. */
function clientCapabilities() {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      rename: { prepareSupport: true },
    },
  };
}

export function yamlSettings(root) {
  const schemaUri = pathToFileURL(join(root, 'schemas/productteam.schema.json')).href;
  return {
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    schemas: { [schemaUri]: '*.productteam.yaml' },
  };
}

function configurationAnswer(root) {
  const yaml = yamlSettings(root);
  return (method, params) => {
    if (method === 'workspace/configuration') {
      return (params.items ?? []).map((item) => {
        if (item.section === 'yaml') return yaml;
        if (item.section === 'http') return { proxy: '', proxyStrictSSL: false };
        if (item.section === 'productteam') return {};
        if (item.section === '[yaml]' || item.section === '[productteam]') return {};
        if (item.section === 'editor') return { tabSize: 2, detectIndentation: false };
        return null;
      });
    }
    return null; // client/registerCapability, window/workDoneProgress/create, …
  };
}

/** Plans `count` realistic edits near the middle of the people section. */
export function planEdits(text, count) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.findIndex((l) => l === 'products:') / 2) || Math.floor(lines.length / 4);
  const nearest = (re) => {
    for (let d = 0; d < lines.length; d++) {
      for (const i of [mid + d, mid - d]) if (i >= 0 && i < lines.length && re.test(lines[i])) return i;
    }
    return -1;
  };
  const disciplineLine = nearest(/^ {4}discipline: technology$/);
  const nameLine = nearest(/^ {4}name: [A-Z][a-z]+ [A-Z][a-z]+$/);
  if (disciplineLine < 0 || nameLine < 0) throw new Error('planEdits: no person to edit in the middle of the file');
  const typed = 'sson-Lindgren';
  const edits = [];
  let discipline = 'technology';
  let nameLen = lines[nameLine].length;
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) {
      // Toggle a person's discipline value.
      const next = discipline === 'technology' ? 'data' : 'technology';
      const at = '    discipline: '.length;
      edits.push({ line: disciplineLine, start: at, end: at + discipline.length, newText: next, what: `discipline ${discipline} -> ${next}` });
      discipline = next;
    } else {
      // Type one more character at the end of a name.
      const ch = typed[(k >> 1) % typed.length];
      edits.push({ line: nameLine, start: nameLen, end: nameLen, newText: ch, what: `type '${ch}' in a name` });
      nameLen += 1;
    }
  }
  return edits;
}

function applyToLines(lines, e) {
  const l = lines[e.line];
  lines[e.line] = l.slice(0, e.start) + e.newText + l.slice(e.end);
}

/** The Node options the VS Code client starts our server with (server/src/lsp/nodeOptions.ts): the bench starts it the same way. */
function clientNodeArgs(root) {
  const source = readFileSync(join(root, 'server/src/lsp/nodeOptions.ts'), 'utf8');
  const list = /SERVER_EXEC_ARGV[^=]*=\s*\[([^\]]*)\]/.exec(source);
  if (!list) throw new Error('bench: SERVER_EXEC_ARGV not found in server/src/lsp/nodeOptions.ts');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/**
 * `style`: 'incremental' sends each edit as a range, as VS Code does (when the
 * server takes incremental sync); 'full' sends the whole new text, as some
 * clients do.
 * `warmEdits`: more edits after the timed ones, whose CPU is measured on its
 * own (`warmChangeCpuMs`): the same server once the first edits have paid for
 * V8's compiling the edit path.
 * @param {{ kind: string, root: string, text: string, fileName: string, edits: object[], warmEdits?: object[], sanityText?: string, style?: 'incremental' | 'full' }} session
 * @returns {Promise<{ spawnToInitMs: number, openToDiagMs: number, openCpuMs: number, changeToDiagMs: number[], changeCpuMs: number, warmChangeCpuMs?: number, rssBytes?: number,
 *   peakRssBytes?: number, diagnosticsOnOpen: number, diagnosticsAtEnd: number, incremental: boolean, sanity?: object }>}
 */
export async function runSession({ kind, root, text, fileName, edits, warmEdits = [], sanityText, style = 'incremental' }) {
  const server = SERVERS[kind];
  // A workspace folder of its own, holding no file: our server reads every
  // productteam file of its workspace folders (multi-file organisations,
  // SPEC section 9), and gen/ holds 15 MB of other inputs (the 2,000 CLI files,
  // 80k lines) that would be timed as part of opening this one document.
  const dir = join(root, 'bench/results/lsp-workspace');
  mkdirSync(dir, { recursive: true });
  const workspaceUri = pathToFileURL(dir).href;
  const uri = pathToFileURL(join(dir, fileName)).href;
  // BENCH_NODE_ARGS (e.g. '--cpu-prof --cpu-prof-dir=bench/results/profiles/server') profiles our server during a session.
  const nodeArgs = kind === 'productteam' ? [...clientNodeArgs(root), ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [])] : [];
  const client = new LspClient([...nodeArgs, ...server.argv(root)], { onRequest: configurationAnswer(root), cwd: root });
  try {
    const t0 = client.spawnedAt;
    const init = await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'productteam-bench' },
      rootUri: workspaceUri,
      workspaceFolders: [{ uri: workspaceUri, name: 'gen' }],
      capabilities: clientCapabilities(),
      // BENCH_INIT_OPTIONS (JSON) is for experiments only, e.g. '{"debounceMs":50}'; the bench itself runs the defaults.
      initializationOptions: kind === 'productteam' && process.env.BENCH_INIT_OPTIONS ? JSON.parse(process.env.BENCH_INIT_OPTIONS) : {},
    });
    const spawnToInitMs = init.at - t0;
    const sync = init.result?.capabilities?.textDocumentSync;
    const changeKind = typeof sync === 'number' ? sync : (sync?.change ?? 0);
    const incremental = changeKind === 2 && style === 'incremental';
    client.notify('initialized', {});
    // Settings first, as an editor does, and let the server pull them before any document arrives.
    client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings(root), productteam: {} } });
    if (kind === 'yaml-ls') {
      // yaml-ls pulls its settings in answer to the notification; wait until it has them.
      for (
        let i = 0;
        i < 200 && !client.requestsSeen.some((r) => r.method === 'workspace/configuration' && r.params.items?.some((x) => x.section === 'yaml'));
        i++
      )
        await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 100));

    let sanity;
    if (sanityText) {
      // Prove the server really validates against our schema: an unknown property must be reported.
      const sUri = pathToFileURL(join(dir, 'sanity.productteam.yaml')).href;
      const wait = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === sUri && p.diagnostics.length > 0, 30000);
      client.notify('textDocument/didOpen', { textDocument: { uri: sUri, languageId: server.languageId, version: 1, text: sanityText } });
      const { params } = await wait;
      sanity = { messages: params.diagnostics.map((d) => d.message) };
      client.notify('textDocument/didClose', { textDocument: { uri: sUri } });
      await new Promise((r) => setTimeout(r, 50));
    }

    let version = 1;
    const openWait = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === 1));
    const cpuBeforeOpen = client.cpuMs();
    const tOpen = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version, text } });
    const opened = await openWait;
    const openToDiagMs = opened.at - tOpen;
    const openCpuMs = client.cpuMs() - cpuBeforeOpen;
    const diagnosticsOnOpen = opened.params.diagnostics.length;
    // Let anything else the open triggered settle before timing edits.
    await new Promise((r) => setTimeout(r, 300));

    const lines = text.split('\n');
    const changeToDiagMs = [];
    const cpuBeforeEdits = client.cpuMs();
    let last = opened;
    let cpuBeforeWarm = NaN;
    for (const [i, e] of [...edits, ...warmEdits].entries()) {
      if (i === edits.length) cpuBeforeWarm = client.cpuMs();
      version++;
      applyToLines(lines, e);
      const change = incremental
        ? { range: { start: { line: e.line, character: e.start }, end: { line: e.line, character: e.end } }, text: e.newText }
        : { text: lines.join('\n') };
      const v = version;
      const wait = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === v));
      const t = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      last = await wait;
      if (i < edits.length) changeToDiagMs.push(last.at - t);
      await new Promise((r) => setTimeout(r, 20)); // a short pause between keystrokes
    }
    const cpuAfter = client.cpuMs();
    const changeCpuMs = edits.length ? ((warmEdits.length ? cpuBeforeWarm : cpuAfter) - cpuBeforeEdits) / edits.length : NaN;
    const warmChangeCpuMs = warmEdits.length ? (cpuAfter - cpuBeforeWarm) / warmEdits.length : undefined;
    const { rss: rssBytes, peak: peakRssBytes } = client.memory();
    return {
      spawnToInitMs,
      openToDiagMs,
      openCpuMs,
      changeToDiagMs,
      changeCpuMs,
      warmChangeCpuMs,
      rssBytes,
      peakRssBytes,
      diagnosticsOnOpen,
      diagnosticsAtEnd: last.params.diagnostics.length,
      incremental,
      sanity,
    };
  } finally {
    await client.shutdown();
  }
}
