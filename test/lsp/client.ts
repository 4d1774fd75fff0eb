// A tiny LSP client for protocol tests: spawns the built server
// (`node server/out/server.js --stdio`), frames JSON-RPC with Content-Length
// headers, matches responses to requests by id, answers the server's own
// requests (workspace/configuration, client/registerCapability) and keeps
// every notification so tests can poll for what they expect. No sleeps:
// `waitFor` polls a predicate until it holds or a timeout fails the test.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/nodeOptions';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  tags?: number[];
  data?: Record<string, unknown>;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
}

export class ResponseError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

let built = false;

/** Builds the server bundle when it is missing or older than its sources (npm test's pretest builds it anyway). */
export function ensureServerBuilt(): void {
  if (built) return;
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(newest(path.join(ROOT, 'server', 'src')), fs.statSync(path.join(ROOT, 'schemas')).mtimeMs, newest(path.join(ROOT, 'schemas')));
  if (!fs.existsSync(SERVER) || fs.statSync(SERVER).mtimeMs < sources) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  }
  built = true;
}

export interface StartOptions {
  initializationOptions?: unknown;
  /** Answer workspace/configuration (the client then advertises the capability). */
  configuration?: (items: { scopeUri?: string; section?: string }[]) => unknown[];
  /** Advertise documentChanges support (versioned workspace edits). */
  documentChanges?: boolean;
  /** Args for the server (default `--stdio`). */
  args?: string[];
  /** The script to run (default server/out/server.js). */
  script?: string;
  /** Workspace folder URIs (the server reads and watches the productteam files in them). */
  workspaceFolders?: string[];
  /** Advertise dynamic registration of workspace/didChangeWatchedFiles. */
  watchFiles?: boolean;
}

export class LspClient {
  readonly notifications: Message[] = [];
  /** Requests the server sent us, in order. */
  readonly serverRequests: Message[] = [];
  stderr = '';
  /** The server's answer to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } | undefined;
  exitCode: number | null | undefined;

  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly handlers = new Map<string, (params: unknown) => unknown>();

  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    proc.on('exit', (code) => {
      this.exitCode = code;
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}) with requests pending\n${this.stderr}`));
      this.pending.clear();
    });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    ensureServerBuilt();
    // With the Node options the VS Code client passes: every protocol test also proves Node takes them.
    const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, options.script ?? SERVER, ...(options.args ?? ['--stdio'])], { cwd: ROOT, stdio: 'pipe' });
    const client = new LspClient(proc);
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('client/unregisterCapability', () => null);
    client.onRequest('window/workDoneProgress/create', () => null);
    if (options.configuration) {
      const answer = options.configuration;
      client.onRequest('workspace/configuration', (p) => answer((p as { items: { scopeUri?: string; section?: string }[] }).items));
    }
    client.initializeResult = await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders.map((uri) => ({ uri, name: uri })) } : {}),
      capabilities: {
        workspace: {
          ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
          configuration: !!options.configuration,
          didChangeConfiguration: { dynamicRegistration: false },
          workspaceEdit: { documentChanges: !!options.documentChanges },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
          },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: options.initializationOptions ?? { debounceMs: 20 },
    });
    client.notify('initialized', {});
    return client;
  }

  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.handlers.set(method, handler);
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  request<R = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as R);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Polls `predicate` until it returns something truthy; fails after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (!this.alive) throw new Error(`server exited while waiting for ${what}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Every publishDiagnostics for `uri`, in arrival order. */
  publishes(uri: string): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .map((n) => n.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === uri);
  }

  /** Waits for the diagnostics of `uri` at `version` (the first publish for it). */
  diagnostics(uri: string, version: number, timeoutMs = 5_000): Promise<Diagnostic[]> {
    return this.waitFor(() => this.publishes(uri).find((p) => p.version === version)?.diagnostics, timeoutMs, `diagnostics for ${uri} v${version}`);
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'productteam', version, text } });
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await this.request('shutdown', null, 3_000);
      this.notify('exit', null);
      await this.waitFor(() => !this.alive || undefined, 3_000, 'exit').catch(() => undefined);
    } finally {
      if (this.alive) this.proc.kill();
    }
  }

  private send(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const msg = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined && msg.id !== null) {
      this.serverRequests.push(msg);
      const handler = this.handlers.get(msg.method);
      if (handler) this.send({ jsonrpc: '2.0', id: msg.id, result: handler(msg.params) ?? null });
      else this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: `no handler for ${msg.method}` } });
    } else if (msg.method !== undefined) {
      this.notifications.push(msg);
    } else if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new ResponseError(msg.error.code, msg.error.message));
      else p.resolve(msg.result);
    }
  }
}

// ---- text helpers ---------------------------------------------------------------

export function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + pos.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies the edits a WorkspaceEdit makes to `uri` (`changes` or `documentChanges`). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits = [...(edit.changes?.[uri] ?? []), ...(edit.documentChanges ?? []).filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits)];
  return applyTextEdits(text, edits);
}

/** Splits `text` at the `|` cursor marker: the text without it, and the cursor's position. */
export function cursor(textWithBar: string): { text: string; position: Position } {
  const i = textWithBar.indexOf('|');
  if (i < 0) throw new Error('no | cursor marker');
  const text = textWithBar.slice(0, i) + textWithBar.slice(i + 1);
  return { text, position: positionAt(text, i) };
}

/** The position of the `nth` occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' not found`);
  }
  return positionAt(text, i + delta);
}

/** Line numbers (0-based) whose text differs between two versions with the same line count, or all changed lines otherwise. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}
