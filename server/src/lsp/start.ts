// The productteam language server, whatever carries its messages: the
// capabilities and one state record per open document. Everything a feature
// knows lives in the engine's services (server/src/engine/services, behind its
// index); this file only wires requests to them and lsp/convert.ts turns their
// answers into LSP. `server/src/server.ts` starts it over Node's transports.
import {
  CodeActionKind,
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentIdentifier } from 'vscode-languageserver';
import {
  analyze,
  complete,
  definition,
  documentSymbols,
  hover,
  prepareRename,
  references,
  rename,
  ParseCache,
  type Analysis,
  type Model,
} from '../engine';
import { codeActions } from './codeActions';
import { MAP_REQUEST, mapResult, type MapParams, type MapResult } from './map';
import { FIX_ALL_KIND, toCompletionItem, toDiagnostic, toDocumentSymbol, toHover, toLocation, toRange, toWorkspaceEdit, type EditTarget } from './convert';
import { SETTINGS_SECTION, normalizeSettings, parseInitOptions, settingsKey, type EditorSettings, type InitOptions } from './settings';
import { reportAnalysis } from './status';
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
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  let pushedSettings: EditorSettings | undefined;
  const logUnknownRuleIds = unknownRuleIdLogger(connection);

  function settingsFor(uri: string, state: DocumentState): Promise<EditorSettings> {
    if (!canPullConfiguration) return Promise.resolve(pushedSettings ?? init.settings);
    state.settings ??= connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
      (value: unknown) => {
        logUnknownRuleIds(value);
        return { ...init.settings, ...normalizeSettings(value) };
      },
      (err: unknown) => {
        logError('workspace/configuration', err);
        return init.settings;
      },
    );
    return state.settings;
  }

  // ---- one state record per open document --------------------------------------

  interface Entry {
    version: number;
    settingsKey: string;
    analysis: Analysis;
  }

  /** Everything the server keeps about one open document; dropped in one call when it closes. */
  interface DocumentState {
    /** The settings asked for with workspace/configuration (scoped to the document). */
    settings?: Promise<EditorSettings>;
    /** The latest analysis, with the version and settings it was computed for. */
    entry?: Entry;
    /** Its parsed chunks, so that a keystroke parses one entry again, not the whole file. */
    parseCache: ParseCache;
    /** The last model from a text that parsed: completion falls back to it mid-edit. */
    lastParsedModel?: Model;
    /** The pending debounced validation. */
    timer?: ReturnType<typeof setTimeout>;
    /** Bumped on every change and settings change: a run that finds a newer ticket publishes nothing. */
    ticket: number;
    /** The version whose diagnostics were last sent. */
    publishedVersion: number;
    /** Opened and not yet linted: the first run does not wait for a pause in typing. */
    justOpened: boolean;
  }

  const states = new Map<string, DocumentState>();
  const debounce = new AdaptiveDebounce();

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) {
      state = { parseCache: new ParseCache(), ticket: 0, publishedVersion: -Infinity, justOpened: false };
      states.set(uri, state);
    }
    return state;
  }

  function dropState(uri: string): void {
    clearTimeout(states.get(uri)?.timer);
    states.delete(uri);
    debounce.forget(uri);
  }

  async function analysisFor(doc: TextDocument): Promise<Entry> {
    // Snapshot now: TextDocuments updates the same object in place on didChange.
    const { uri, version } = doc;
    const text = doc.getText();
    const state = stateOf(uri);
    const settings = await settingsFor(uri, state);
    const key = settingsKey(settings);
    const cached = state.entry;
    if (cached && cached.version === version && cached.settingsKey === key) return cached;
    const options = init.today ? { ...settings, today: init.today } : settings;
    const startedAt = performance.now();
    const entry: Entry = { version, settingsKey: key, analysis: analyze(text, { ...options, parseCache: state.parseCache }) };
    debounce.record(uri, performance.now() - startedAt);
    const latest = documents.get(uri);
    if (latest && latest.version === version && states.get(uri) === state) {
      state.entry = entry;
      if (entry.analysis.doc.errors.length === 0) state.lastParsedModel = entry.analysis.model;
    }
    return entry;
  }

  /** What every request about a position in an open document starts from. */
  interface RequestContext {
    uri: string;
    version: number;
    analysis: Analysis;
    /** The request's position as an offset into the analysed text (0 when it has none). */
    offset: number;
    state: DocumentState;
  }

  /**
   * The preamble every document request shares: find the open document, its
   * latest analysis and the offset of the position; answer `empty` when the
   * document is not open, and log (not throw) a handler's error.
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
      const state = stateOf(uri);
      const { version, analysis } = await analysisFor(doc);
      const offset = params.position ? analysis.lines.offsetAt(params.position) : 0;
      return handler({ uri, version, analysis, offset, state }, params);
    });
  }

  function editTarget(uri: string, version: number): EditTarget {
    return { uri, version, versioned: versionedEdits };
  }

  // ---- diagnostics: debounced, versioned, never stale ---------------------------

  function scheduleValidation(uri: string, delay: number): void {
    const state = stateOf(uri);
    clearTimeout(state.timer);
    const ticket = ++state.ticket;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      validate(uri, state, ticket).catch((err: unknown) => logError(`validating ${uri}`, err));
    }, delay);
  }

  async function validate(uri: string, state: DocumentState, ticket: number): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const startedAt = performance.now();
    const { version, analysis } = await analysisFor(doc);
    // Drop a result that is no longer the document's: a newer change, close or settings change came in.
    if (states.get(uri) !== state || state.ticket !== ticket || documents.get(uri)?.version !== version) return;
    if (state.publishedVersion > version) return;
    state.publishedVersion = version;
    const diagnostics = analysis.problems.map((p) => toDiagnostic(analysis, p, version));
    await connection.sendDiagnostics({ uri, version, diagnostics });
    reportAnalysis(connection, uri, version, analysis, startedAt);
  }

  documents.onDidOpen((e) => {
    stateOf(e.document.uri).justOpened = true;
  });

  documents.onDidChangeContent((e) => {
    try {
      const uri = e.document.uri;
      const state = stateOf(uri);
      // A freshly opened file is linted at once; typing waits for a pause.
      const opened = state.justOpened;
      state.justOpened = false;
      if (opened) scheduleValidation(uri, 0);
      else
        void settingsFor(uri, state).then((s) => {
          // productteam.run = onSave: edits wait for didSave (below).
          if (s.run !== 'onSave' && states.get(uri) === state) scheduleValidation(uri, debounce.delay(uri, init.debounceMs));
        });
    } catch (err) {
      logError('didChange', err);
    }
  });

  documents.onDidSave((e) => {
    try {
      scheduleValidation(e.document.uri, 0);
    } catch (err) {
      logError('didSave', err);
    }
  });

  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      dropState(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    } catch (err) {
      logError('didClose', err);
    }
  });

  function revalidateAll(): void {
    for (const doc of documents.all()) scheduleValidation(doc.uri, 0);
  }

  // ---- lifecycle -----------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    init = parseInitOptions(params.initializationOptions);
    const caps = params.capabilities;
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
    warmUpSoon();
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
      for (const state of states.values()) state.settings = undefined;
      revalidateAll();
    } catch (err) {
      logError('didChangeConfiguration', err);
    }
  });

  // ---- features ------------------------------------------------------------------

  connection.onHover(
    onDocument('hover', null, ({ analysis, offset }) => {
      const result = hover(analysis, offset);
      return result ? toHover(analysis, result) : null;
    }),
  );

  connection.onCompletion(
    onDocument('completion', null, ({ analysis, offset, state }) => {
      const fallback = state.lastParsedModel;
      const models = fallback && fallback !== analysis.model ? [analysis.model, fallback] : [analysis.model];
      const items = complete(analysis.text, offset, models).map((e) => toCompletionItem(analysis, e));
      return { isIncomplete: false, items };
    }),
  );

  connection.onCodeAction(
    onDocument('codeAction', [], ({ uri, version, analysis }, { context }) => codeActions(analysis, editTarget(uri, version), context)),
  );

  connection.onDefinition(
    onDocument('definition', null, ({ uri, analysis, offset }) => {
      const span = definition(analysis, offset);
      return span ? toLocation(analysis, uri, span) : null;
    }),
  );

  connection.onReferences(
    onDocument('references', [], ({ uri, analysis, offset }, { context }) =>
      references(analysis, offset, context.includeDeclaration).map((s) => toLocation(analysis, uri, s)),
    ),
  );

  connection.onPrepareRename(
    onDocument('prepareRename', null, ({ analysis, offset }) => {
      const target = prepareRename(analysis, offset);
      return target ? { range: toRange(analysis, target.span), placeholder: target.placeholder } : null;
    }),
  );

  connection.onRenameRequest(
    onDocument('rename', null, ({ uri, version, analysis, offset }, { newName }) => {
      const result = rename(analysis, offset, newName);
      if ('reason' in result) {
        throw new ResponseError(result.reason === 'no-target' ? ErrorCodes.InvalidRequest : ErrorCodes.InvalidParams, result.message);
      }
      return toWorkspaceEdit(analysis, editTarget(uri, version), result.edits);
    }),
  );

  connection.onExecuteCommand(guard('executeCommand', null, async (params) => void (await executeCommand(connection, params))));

  connection.onDocumentSymbol(
    onDocument('documentSymbol', [], ({ analysis }) => documentSymbols(analysis).map((s) => toDocumentSymbol(analysis, s))),
  );

  connection.onRequest(
    MAP_REQUEST,
    onDocument<MapParams, MapResult | null>(MAP_REQUEST, null, ({ uri, version, analysis }, params) => mapResult(analysis, uri, version, params)),
  );

  documents.listen(connection);
  connection.listen();
  return { logError };
}
