// The productteam language server, whatever carries its messages: the
// capabilities, and the feeding of the engine's host (engine/host), which owns
// every analysis: open documents, files read from disk, settings. Everything a feature
// knows lives in the engine's services (server/src/engine/services, behind its
// index); this file only wires requests to them and lsp/convert.ts turns their
// answers into LSP. `server/src/server.ts` starts it over Node's transports.
import {
  CodeActionKind,
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, TextDocumentIdentifier } from 'vscode-languageserver';
import { EngineHost, isProductTeamFile, type Analysis, type Snapshot, type Span } from '../engine';
import { codeActions } from './codeActions';
import { FIX_ALL_KIND, toCompletionItem, toDiagnostic, toDocumentSymbol, toHover, toLocation, toMultiFileEdit, toRange, type EditTarget } from './convert';
import { createPublishedDiagnostics, createPublisher, WATCHED_GLOBS } from './publisher';
import { SETTINGS_SECTION, normalizeSettings, parseInitOptions, settingsKey, type EditorSettings, type InitOptions } from './settings';
import { reportAnalysis } from './status';
import { MAP_REQUEST, mapResult, type MapParams, type MapResult } from './map';
import { AdaptiveDebounce, warmUpSoon } from './debounce';
import { executeCommand, firstLogLine, SERVER_COMMANDS, unknownRuleIdLogger } from './commands';

/** What differs between the Node and the browser builds of the server. */
export interface ServerPlatform {
  /** The package version, reported in serverInfo and the first log line. */
  version: string;
  /**
   * Reads a file that is not open in the editor (a part or root of a
   * multi-file organisation, SPEC section 9); undefined when it cannot be read.
   * Node reads the disk; the browser build asks the client (vscode.workspace.fs).
   */
  readFile?(uri: string): Promise<string | undefined>;
  /** Lists the `*.productteam.{yaml,yml}` and `.productteam.yaml` files under a workspace folder (uris). */
  findFiles?(folderUri: string): Promise<string[]>;
}

/**
 * Wires every LSP feature to the engine on `connection` and starts listening.
 * The transport (stdio, node-ipc, a Web Worker's postMessage) is the caller's.
 */
export function startServer(connection: Connection, platform: ServerPlatform): { logError(where: string, err: unknown): void } {
  const documents = new TextDocuments(TextDocument);

  // ---- logging and crash safety ------------------------------------------------

  function describeError(err: unknown): string {
    return err instanceof Error ? (err.stack ?? err.message) : String(err);
  }

  function logError(where: string, err: unknown): void {
    try {
      connection.console.error(`[productteam] ${where}: ${describeError(err)}`);
    } catch {
      // The connection itself is gone; there is nobody left to tell.
    }
  }

  /**
   * Wraps a request handler: an exception becomes a logged error and an empty
   * result. ResponseErrors (a refused rename) still reach the client as errors.
   */
  function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        logError(name, err);
        return empty;
      }
    };
  }

  // ---- settings ----------------------------------------------------------------

  let init: InitOptions = parseInitOptions(undefined);
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let versionedEdits = false;
  let canWatchFiles = false;
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  let pushedSettings: EditorSettings | undefined;
  const logUnknownRuleIds = unknownRuleIdLogger(connection);
  /** The wait after a keystroke follows how long the last run took (near zero for a small organisation). */
  const debounce = new AdaptiveDebounce();
  const WORKSPACE = 'workspace';

  // ---- the engine's host: every file of the workspace, open or on disk -------------
  // The host (engine/host) owns the texts and the analyses; this file only
  // feeds it (open documents, files read from disk, settings) and publishes
  // its answers. publisher.ts schedules the runs (debounce, newest only).

  const host = new EngineHost();
  let snapshot: Snapshot | undefined;
  /** Workspace folders as keys ending in '/'. */
  let folders: string[] = [];

  function changed(): void {
    snapshot = undefined;
  }

  function current(): Snapshot {
    return (snapshot ??= host.snapshot());
  }

  /** Settings per scope (a workspace folder, or an open document outside every folder), asked for once. */
  const scopedSettings = new Map<string, Promise<EditorSettings>>();

  function scopeOf(uri: string): string {
    return folders.find((f) => uri.startsWith(f)) ?? uri;
  }

  function settingsFor(scope: string): Promise<EditorSettings> {
    if (!canPullConfiguration) return Promise.resolve(pushedSettings ?? init.settings);
    let p = scopedSettings.get(scope);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: scope, section: SETTINGS_SECTION }).then(
        (value: unknown) => {
          logUnknownRuleIds(value);
          return { ...init.settings, ...normalizeSettings(value) };
        },
        (err: unknown) => {
          logError('workspace/configuration', err);
          return init.settings;
        },
      );
      scopedSettings.set(scope, p);
    }
    return p;
  }

  /** Gives the host the settings of every scope with a file in it (workspace folders, open documents outside them). */
  async function syncSettings(): Promise<void> {
    const scopes = new Set<string>(folders);
    for (const doc of documents.all()) scopes.add(scopeOf(doc.uri));
    for (const scope of scopes) {
      const settings = await settingsFor(scope);
      const options = init.today ? { ...settings, today: init.today } : settings;
      const key = settingsKey(settings);
      if (appliedSettings.get(scope) === key) continue;
      appliedSettings.set(scope, key);
      host.setOptions(options, scope);
      changed();
    }
  }
  const appliedSettings = new Map<string, string>();

  /** Reads a file that is not open from disk (or the client); removes it from the host when it is gone. */
  async function loadFromDisk(uri: string): Promise<void> {
    if (documents.get(uri)) return;
    const text = await platform.readFile?.(uri).catch(() => undefined);
    if (documents.get(uri)) return;
    if (text === undefined) host.removeFile(uri);
    else host.setFile(uri, text);
    changed();
  }

  const publisher = createPublisher({
    debounceMs: () => debounce.delay(WORKSPACE, init.debounceMs),
    async run(isCurrent) {
      await syncSettings();
      if (!isCurrent()) return;
      const startedAt = performance.now();
      const snap = current();
      const sent: Promise<void>[] = [];
      for (const uri of snap.fileKeys()) {
        const analysis = snap.analysis(uri)!;
        const doc = documents.get(uri);
        const version = doc?.version;
        if (!published.shouldSend(uri, version, analysis.problems)) continue;
        const diagnostics = analysis.problems.map((p) => toDiagnostic(analysis, p, version ?? 0, (s) => locationOf(snap, s)));
        sent.push(connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }));
        if (doc) reportAnalysis(connection, uri, doc.version, analysis, startedAt);
      }
      debounce.record(WORKSPACE, performance.now() - startedAt);
      await Promise.all(sent);
      prepareSoon();
    },
    onError: (err) => logError('validating', err),
  });
  const published = createPublishedDiagnostics();

  // Open documents readied for their first keystroke in the idle time after
  // their diagnostics went out (EngineHost.prepareForEdits), once per open.
  const prepared = new Set<string>();
  function prepareSoon(): void {
    setTimeout(() => {
      try {
        for (const doc of documents.all()) {
          if (!publisher.idle()) return;
          if (!prepared.has(doc.uri) && host.prepareForEdits(doc.uri)) prepared.add(doc.uri);
        }
      } catch (err) {
        logError('preparing for edits', err);
      }
    }, 0);
  }

  function locationOf(snap: Snapshot, s: Span & { file?: string }): Location | undefined {
    const a = s.file === undefined ? undefined : snap.analysis(s.file);
    return a && s.file ? toLocation(a, s.file, s) : undefined;
  }

  /** What every request about a position in an open document starts from. */
  interface RequestContext {
    uri: string;
    version: number;
    snap: Snapshot;
    analysis: Analysis;
    /** The request's position as an offset into the analysed text (0 when it has none). */
    offset: number;
  }

  /**
   * The preamble every document request shares: find the open document, the
   * host's latest answers and the offset of the position; answer `empty` when
   * the document is not open, and log (not throw) a handler's error.
   */
  function onDocument<P extends { textDocument: TextDocumentIdentifier; position?: Position }, R>(
    name: string,
    empty: R,
    handler: (ctx: RequestContext, params: P) => R | Promise<R>,
  ) {
    return guard<P, R>(name, empty, async (params) => {
      const { uri } = params.textDocument;
      const doc = documents.get(uri);
      if (!doc) return empty;
      const { version } = doc;
      await syncSettings();
      const snap = current();
      const analysis = snap.analysis(uri);
      if (!analysis) return empty;
      const offset = params.position ? analysis.lines.offsetAt(params.position) : 0;
      return handler({ uri, version, snap, analysis, offset }, params);
    });
  }

  function editTarget(uri: string, version: number | null): EditTarget {
    return { uri, version, versioned: versionedEdits };
  }

  /** The version of an open document, null for a file on disk (for versioned workspace edits). */
  function versionOf(uri: string): number | null {
    return documents.get(uri)?.version ?? null;
  }

  // ---- documents and files -----------------------------------------------------

  let justOpened = false;

  documents.onDidOpen((e) => {
    justOpened = true;
    prepared.delete(e.document.uri);
  });

  documents.onDidChangeContent((e) => {
    try {
      // Taken now: TextDocuments updates the same object in place on didChange.
      const uri = e.document.uri;
      host.setFile(uri, e.document.getText());
      changed();
      // A freshly opened file is linted at once; typing waits for a pause,
      // or for didSave (below) when productteam.run is onSave.
      const opened = justOpened;
      justOpened = false;
      if (opened) publisher.schedule(0);
      else
        void settingsFor(scopeOf(uri)).then((s) => {
          if (s.run !== 'onSave') publisher.schedule();
        });
    } catch (err) {
      logError('didChange', err);
    }
  });

  documents.onDidSave(() => {
    try {
      publisher.schedule(0);
    } catch (err) {
      logError('didSave', err);
    }
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    prepared.delete(uri);
    // A workspace file goes back to its text on disk; any other is forgotten and its findings cleared.
    const onDisk = folders.some((f) => uri.startsWith(f)) && platform.readFile !== undefined;
    if (!onDisk) {
      host.removeFile(uri);
      changed();
      published.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    (onDisk ? loadFromDisk(uri) : Promise.resolve())
      .then(() => {
        if (!host.hasFile(uri)) {
          published.forget(uri);
          void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        publisher.schedule(0);
      })
      .catch((err: unknown) => logError('didClose', err));
  });

  connection.onDidChangeWatchedFiles((params) => {
    void (async () => {
      for (const change of params.changes) {
        if (!isProductTeamFile(change.uri) || documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) {
          host.removeFile(change.uri);
          changed();
          published.forget(change.uri);
          await connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else await loadFromDisk(change.uri);
      }
      publisher.schedule(0);
    })().catch((err: unknown) => logError('didChangeWatchedFiles', err));
  });

  /** Reads every productteam file of the workspace folders that is not open. */
  async function loadWorkspace(): Promise<void> {
    if (!platform.findFiles || !platform.readFile) return;
    for (const folder of folders) {
      const uris = await platform.findFiles(folder).catch((err: unknown) => {
        logError(`listing ${folder}`, err);
        return [] as string[];
      });
      for (const uri of uris) await loadFromDisk(uri);
    }
    publisher.schedule(0);
  }

  function revalidateAll(): void {
    publisher.schedule(0);
  }

  // ---- lifecycle -----------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    init = parseInitOptions(params.initializationOptions);
    const caps = params.capabilities;
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = folderUris.map((f) => (f.endsWith('/') ? f : `${f}/`));
    host.setWorkspaceFolders(folders);
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    const literalActions = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
    const prepareRename = !!caps.textDocument?.rename?.prepareSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: prepareRename ? { prepareProvider: true } : true,
        documentSymbolProvider: { label: 'Product Team' },
        codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : true,
        executeCommandProvider: { commands: SERVER_COMMANDS },
      },
      serverInfo: { name: 'productteam-language-server', version: platform.version },
    };
  });

  connection.onInitialized(() => {
    connection.console.info(firstLogLine(platform.version));
    // Only while no analysis is waiting or running: a document that arrives waits for one slice at most.
    warmUpSoon(() => !publisher.idle());
    if (canWatchFiles) {
      // Parts and roots change on disk too (git pull, another editor): SPEC section 9.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) })
        .catch((err: unknown) => logError('registering file watchers', err));
    }
    loadWorkspace().catch((err: unknown) => logError('reading the workspace', err));
    if (canRegisterConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((err: unknown) => logError('registering for configuration changes', err));
    }
  });

  connection.onDidChangeConfiguration((change) => {
    try {
      if (!canPullConfiguration) {
        const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
        if (pushed !== undefined) {
          logUnknownRuleIds(pushed);
          pushedSettings = { ...init.settings, ...normalizeSettings(pushed) };
        }
      }
      scopedSettings.clear();
      revalidateAll();
    } catch (err) {
      logError('didChangeConfiguration', err);
    }
  });

  // ---- features ------------------------------------------------------------------

  connection.onHover(
    onDocument('hover', null, ({ snap, uri, analysis, offset }) => {
      const result = snap.hover(uri, offset);
      return result ? toHover(analysis, result) : null;
    }),
  );

  connection.onCompletion(
    onDocument('completion', null, ({ snap, uri, analysis, offset }) => {
      const items = snap.complete(uri, offset).map((e) => toCompletionItem(analysis, e));
      return { isIncomplete: false, items };
    }),
  );

  connection.onCodeAction(
    onDocument('codeAction', [], ({ snap, uri, version, analysis }, { context }) => codeActions(snap, analysis, editTarget(uri, version), context)),
  );

  connection.onDefinition(
    onDocument('definition', null, ({ snap, uri, offset }) => {
      const span = snap.definition(uri, offset);
      return (span && locationOf(snap, span)) ?? null;
    }),
  );

  connection.onReferences(
    onDocument('references', [], ({ snap, uri, offset }, { context }) =>
      snap.references(uri, offset, context.includeDeclaration).flatMap((s) => locationOf(snap, s) ?? []),
    ),
  );

  connection.onPrepareRename(
    onDocument('prepareRename', null, ({ snap, uri, analysis, offset }) => {
      const target = snap.prepareRename(uri, offset);
      return target ? { range: toRange(analysis, target.span), placeholder: target.placeholder } : null;
    }),
  );

  connection.onRenameRequest(
    onDocument('rename', null, ({ snap, uri, offset }, { newName }) => {
      const result = snap.rename(uri, offset, newName);
      if ('reason' in result) {
        throw new ResponseError(result.reason === 'no-target' ? ErrorCodes.InvalidRequest : ErrorCodes.InvalidParams, result.message);
      }
      // One WorkspaceEdit over every file the id is written in.
      return toMultiFileEdit(result.changes.map((c) => ({ target: editTarget(c.file, versionOf(c.file)), converted: snap.analysis(c.file)!, edits: c.edits })));
    }),
  );

  connection.onExecuteCommand(guard('executeCommand', null, async (params) => void (await executeCommand(connection, params))));

  connection.onRequest(
    MAP_REQUEST,
    onDocument<MapParams, MapResult | null>(MAP_REQUEST, null, ({ snap, uri, version, analysis }, params) => mapResult(analysis, uri, version, params, snap)),
  );

  connection.onDocumentSymbol(onDocument('documentSymbol', [], ({ snap, uri, analysis }) => snap.symbols(uri).map((s) => toDocumentSymbol(analysis, s))));

  documents.listen(connection);
  connection.listen();
  return { logError };
}
