// The engine's state, after rust-analyzer's AnalysisHost/Analysis (SPEC
// section 9, "The engine owns the state"): the host holds the texts of every
// file it was given (by an opaque key: a path or a URI) and the options, and
// applies changes; a Snapshot is an immutable view that answers every
// question (diagnostics per file, hover, completion, navigation, rename, code
// actions, fix-all, the organisation a file belongs to).
//
// Caches are invisible: a file is parsed again only when its text changed,
// and an organisation checked again only when one of its files or its options
// changed; the answers equal a fresh analysis of the same texts
// (test/engine/host.test.ts compares them after random edits). A file's parse
// shares the nodes of unchanged entries with its earlier parses, and a later
// parse moves them in place (incremental.ts): a snapshot whose trees have
// moved on parses its own texts again before it answers, so an old snapshot
// stays right about its own texts.
import { getFixAllEdits, getFixes, applyEdits } from '../fixes/fixes';
import { hoverAt, type HoverResult } from '../services/hover';
import { complete, type CompletionEntry } from '../services/completion';
import { idSpan, invalidIdReason, targetAt, type RenameRefusal } from '../services/navigation';
import { documentSymbols, type SymbolNode } from '../services/symbols';
import type { Analysis, AnalyzeOptions, Fix, Model, Problem, Span, TextEdit } from '../types';
import { checkOrganisation, fileAnalysis, findOrganisations, type CheckedOrganisation, type Organisation } from './organisation';
import { isCurrent, keepForEdits, parseFile, type ParsedFile } from './parse';
import { ParseCache, parsesThatMovedNodes } from '../syntax/incremental';
import { prepareRecords } from '../model/model';

/** Options for the whole workspace, a folder (a key ending in '/') or one file. */
export type HostOptions = Omit<AnalyzeOptions, 'parseCache'>;

/** A span in a named file of the host. */
export interface FileSpan extends Span {
  file: string;
}

/** Edits to one file. */
export interface FileEdits {
  file: string;
  edits: TextEdit[];
}

/** Which organisation a file is in: its root (none for a part that no root includes) and every file, root first. */
export interface OrganisationInfo {
  root?: string;
  files: string[];
}

function optionsKey(o: HostOptions): string {
  return JSON.stringify([o.stance, o.maxDomainsPerPerson, o.today, Object.entries(o.rules ?? {}).sort()]);
}

/** The host's options, copied into each snapshot (fix-all's scratch host starts from them). */
interface OptionsState {
  global: HostOptions;
  scoped: ReadonlyMap<string, HostOptions>;
  folders: readonly string[];
}

export class EngineHost {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile>();
  /**
   * Each file's parsed chunks, so that an edit parses only the entries it
   * touched (incremental.ts). The cache hands every parse its own copies of
   * the nodes: no snapshot shares a node with another.
   */
  private readonly parseCaches = new Map<string, ParseCache>();
  /** The last model of each file from a text that parsed: completion offers its ids while the file is mid-edit. */
  private readonly lastParsedModels = new Map<string, Model>();
  private globalOptions: HostOptions = {};
  private readonly scopedOptions = new Map<string, HostOptions>();
  private workspaceFolders: string[] = [];
  /** Checked organisations by root (or lone part), with the parsed files and options they were checked with. */
  private readonly checked = new Map<string, { files: ParsedFile[]; options: string; includeProblems: string; result: CheckedOrganisation }>();

  setFile(key: string, text: string): void {
    this.texts.set(key, text);
  }

  removeFile(key: string): void {
    this.texts.delete(key);
    this.parsed.delete(key);
    this.parseCaches.delete(key);
    this.lastParsedModels.delete(key);
  }

  hasFile(key: string): boolean {
    return this.texts.has(key);
  }

  text(key: string): string | undefined {
    return this.texts.get(key);
  }

  /**
   * Readies a file for its first edit, for idle time after it was opened and
   * linted: the parse cache is filled, the lists that moving its entries
   * needs are made, and so are the walks each later parse keeps for the next
   * (keepForEdits), so the first keystroke costs what any other does.
   * Changes nothing any answer depends on. False when the file's current text
   * is not parsed yet (it is left alone).
   */
  prepareForEdits(key: string): boolean {
    const parsed = this.parsed.get(key);
    if (!parsed || parsed.text !== this.texts.get(key)) return false;
    this.parseCaches.get(key)?.prepare();
    prepareRecords(parsed.model);
    keepForEdits(parsed);
    return true;
  }

  /** Options for every file (no scope), a folder (a scope ending in '/') or one file; undefined removes a scope's. */
  setOptions(options: HostOptions | undefined, scope?: string): void {
    if (scope === undefined) this.globalOptions = options ?? {};
    else if (options === undefined) this.scopedOptions.delete(scope);
    else this.scopedOptions.set(scope, options);
  }

  /** The workspace folders (keys ending in '/'): a root's includes must stay inside the one it is in. */
  setWorkspaceFolders(folders: string[]): void {
    this.workspaceFolders = [...folders];
  }

  /** The options in force for a file: the most specific scope that holds it, else the global ones. */
  optionsFor(key: string): HostOptions {
    let best: { scope: string; options: HostOptions } | undefined;
    for (const [scope, options] of this.scopedOptions) {
      if ((scope === key || (scope.endsWith('/') && key.startsWith(scope))) && (!best || scope.length > best.scope.length)) best = { scope, options };
    }
    return best?.options ?? this.globalOptions;
  }

  /** A host with a snapshot's files (already parsed) and options: fix-all's scratch space. */
  static from(files: ReadonlyMap<string, ParsedFile>, options: OptionsState): EngineHost {
    const host = new EngineHost();
    for (const [k, p] of files) {
      host.texts.set(k, p.text);
      host.parsed.set(k, p);
    }
    host.globalOptions = options.global;
    for (const [k, o] of options.scoped) host.scopedOptions.set(k, o);
    host.workspaceFolders = [...options.folders];
    return host;
  }

  /** An immutable view of the files as they are now. Only files whose text changed are parsed again. */
  snapshot(): Snapshot {
    const files = new Map<string, ParsedFile>();
    for (const [key, text] of this.texts) {
      let p = this.parsed.get(key);
      if (!p || p.text !== text) {
        let parseCache = this.parseCaches.get(key);
        if (!parseCache) this.parseCaches.set(key, (parseCache = new ParseCache()));
        p = parseFile(text, key, { parseCache });
        this.parsed.set(key, p);
        if (p.doc.errors.length === 0) this.lastParsedModels.set(key, p.model);
      }
      files.set(key, p);
    }
    const folders = [...this.workspaceFolders].sort((a, b) => b.length - a.length);
    const organisations = findOrganisations(files, (root) => folders.find((f) => root.startsWith(f)));
    const results = new Map<Organisation, CheckedOrganisation>();
    const live = new Set<string>();
    const check = (org: Organisation): CheckedOrganisation => {
      let result = results.get(org);
      if (result) return result;
      const id = org.root ?? org.files[0];
      live.add(id);
      const parsedFiles = org.files.map((k) => files.get(k)!);
      const options = this.optionsFor(id);
      const key = optionsKey(options);
      const includeProblems = JSON.stringify(org.includeProblems);
      const cached = this.checked.get(id);
      if (
        cached &&
        cached.options === key &&
        cached.includeProblems === includeProblems &&
        cached.files.length === parsedFiles.length &&
        cached.files.every((f, i) => f === parsedFiles[i])
      ) {
        result = cached.result;
      } else {
        // The last check of the same organisation: the rules whose model did not change give its findings, moved.
        result = checkOrganisation(
          parsedFiles,
          { root: org.root, orphan: org.root === undefined, includeProblems: org.includeProblems },
          options,
          cached?.result,
        );
        this.checked.set(id, { files: parsedFiles, options: key, includeProblems, result });
      }
      results.set(org, result);
      return result;
    };
    for (const id of [...this.checked.keys()]) if (!files.has(id)) this.checked.delete(id);
    const options: OptionsState = { global: this.globalOptions, scoped: new Map(this.scopedOptions), folders: [...this.workspaceFolders] };
    return new Snapshot(files, organisations, check, new Map(this.lastParsedModels), options);
  }
}

/** Problems of several organisations for one file, each once. */
function union(lists: Problem[][]): Problem[] {
  if (lists.length === 1) return lists[0];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const list of lists) {
    for (const p of list) {
      const key = JSON.stringify([p.ruleId, p.start, p.end, p.message, p.severity]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The answers about one state of the files. Immutable: changes go to the
 * host, and the next snapshot sees them. Every question names a file by its
 * key and a position by its offset in that file's text.
 */
export class Snapshot {
  private readonly analyses = new Map<string, Analysis>();
  /** `parsesThatMovedNodes()` when this snapshot last made sure its trees are current. */
  private lookedAtMoves = -1;

  constructor(
    private files: ReadonlyMap<string, ParsedFile>,
    private readonly organisations: readonly Organisation[],
    private check: (org: Organisation) => CheckedOrganisation,
    private readonly lastParsedModels: ReadonlyMap<string, Model>,
    private readonly options: OptionsState,
  ) {}

  /** Every file's key. */
  fileKeys(): string[] {
    return [...this.files.keys()];
  }

  hasFile(key: string): boolean {
    return this.files.has(key);
  }

  text(key: string): string | undefined {
    return this.files.get(key)?.text;
  }

  /** The organisations a file belongs to (a part included by two roots belongs to both). */
  organisationsOf(key: string): OrganisationInfo[] {
    return this.organisations
      .filter((o) => o.files.includes(key))
      .map((o) => (o.root === undefined ? { files: [...o.files] } : { root: o.root, files: [...o.files] }));
  }

  /** Every organisation: each root with its files, and each part no root includes. */
  allOrganisations(): OrganisationInfo[] {
    return this.organisations.map((o) => (o.root === undefined ? { files: [...o.files] } : { root: o.root, files: [...o.files] }));
  }

  /**
   * The file's analysis: its text, own model, findings (from every
   * organisation it is in, each once) and, in an organisation of several
   * files, the organisation's model. Undefined for a key the host lacks.
   */
  analysis(key: string): Omit<Analysis, 'doc'> | undefined {
    return this.fileAnalysis(key);
  }

  /**
   * A later parse of a file moved nodes this snapshot's trees share (an edit
   * above them): parse the texts of those files again, without the cache, and
   * check their organisations again. Rare: only an old snapshot pays it.
   */
  private ensureCurrent(): void {
    // Every answer starts here: when no parse anywhere has moved nodes since the last look, nothing is walked.
    const moves = parsesThatMovedNodes();
    if (moves === this.lookedAtMoves) return;
    this.lookedAtMoves = moves;
    if ([...this.files.values()].every(isCurrent)) return;
    const fresh = new Map<string, ParsedFile>();
    for (const [k, p] of this.files) fresh.set(k, isCurrent(p) ? p : parseFile(p.text, p.file));
    const again = EngineHost.from(fresh, this.options).snapshot();
    this.files = again.files;
    this.check = again.check;
    this.analyses.clear();
  }

  /** The file's analysis with its tree, for the services (never handed out: callers see `analysis()`). */
  private fileAnalysis(key: string): Analysis | undefined {
    this.ensureCurrent();
    const cached = this.analyses.get(key);
    if (cached) return cached;
    const parsed = this.files.get(key);
    if (!parsed) return undefined;
    const orgs = this.organisations.filter((o) => o.files.includes(key));
    const checked = orgs.map((o) => this.check(o));
    const problems = union(checked.map((c) => c.problems.get(key) ?? []));
    const analysis = fileAnalysis(parsed, checked[0], problems, orgs[0].files.length > 1);
    this.analyses.set(key, analysis);
    return analysis;
  }

  /** The file's findings, in document order. */
  diagnostics(key: string): Problem[] {
    return this.fileAnalysis(key)?.problems ?? [];
  }

  hover(key: string, offset: number): HoverResult | undefined {
    const a = this.fileAnalysis(key);
    return a && hoverAt(a, offset);
  }

  complete(key: string, offset: number): CompletionEntry[] {
    const a = this.fileAnalysis(key);
    if (!a) return [];
    const models = [a.organisation ?? a.model];
    const last = this.lastParsedModels.get(key);
    if (last && !models.includes(last)) models.push(last);
    return complete(a.text, offset, models);
  }

  symbols(key: string): SymbolNode[] {
    const a = this.fileAnalysis(key);
    return a ? documentSymbols(a) : [];
  }

  /** A span of `file` with an id's quotes left out. */
  private idSpanIn(s: Span, fallback: string): FileSpan {
    const file = s.file ?? fallback;
    const text = this.files.get(file)?.text ?? '';
    const { start, end } = idSpan(text, s);
    return { file, start, end };
  }

  /** Where the person or team at the offset is defined (maybe in another file). */
  definition(key: string, offset: number): FileSpan | undefined {
    const a = this.fileAnalysis(key);
    const t = a && targetAt(a, offset);
    return t?.declaration ? this.idSpanIn(t.declaration, key) : undefined;
  }

  /** Every place the id at the offset is written, across the organisation. */
  references(key: string, offset: number, includeDeclaration: boolean): FileSpan[] {
    const a = this.fileAnalysis(key);
    const t = a && targetAt(a, offset);
    if (!a || !t) return [];
    const model = a.organisation ?? a.model;
    const spans = model.refs.filter((r) => r.kind === t.kind && r.id === t.id).map((r) => this.idSpanIn(r, key));
    if (includeDeclaration && t.declaration) spans.unshift(this.idSpanIn(t.declaration, key));
    return spans;
  }

  prepareRename(key: string, offset: number): { span: Span; placeholder: string } | undefined {
    const a = this.fileAnalysis(key);
    const t = a && targetAt(a, offset);
    return t ? { span: { start: t.span.start, end: t.span.end }, placeholder: t.id } : undefined;
  }

  /** The edits, per file, that rename the person or team id at the offset everywhere in its organisation, or why not. */
  rename(key: string, offset: number, newId: string): { changes: FileEdits[] } | RenameRefusal {
    const a = this.fileAnalysis(key);
    const t = a && targetAt(a, offset);
    if (!a || !t) return { reason: 'no-target', message: 'Only person and team ids can be renamed' };
    const invalid = invalidIdReason(a, t, newId);
    if (invalid) return { reason: 'invalid-name', message: invalid };
    if (newId === t.id) return { changes: [] };
    const spans = this.references(key, offset, true);
    const byFile = new Map<string, TextEdit[]>();
    const seen = new Set<string>();
    for (const s of spans) {
      const k = `${s.file}:${s.start}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const list = byFile.get(s.file) ?? [];
      list.push({ start: s.start, end: s.end, newText: newId });
      byFile.set(s.file, list);
    }
    return { changes: [...byFile].map(([file, edits]) => ({ file, edits: edits.sort((x, y) => x.start - y.start) })) };
  }

  /** A finding's quick fixes (edits in the finding's own file). */
  fixes(key: string, problem: Problem): Fix[] {
    const a = this.fileAnalysis(key);
    return a ? getFixes(a, problem) : [];
  }

  /** One pass of fix-all in one file: the single safe fix of each finding, none touching another. */
  fixAllEdits(key: string): TextEdit[] {
    const a = this.fileAnalysis(key);
    return a ? getFixAllEdits(a) : [];
  }

  /**
   * Fix-all to a fixed point, each pass analysing every text once: over the
   * files of the organisations a key is in, over exactly the files listed
   * (the editor's fix-all of one document), or over every file. Gives the new
   * text of each file that changed, and the snapshot of the result (what is left).
   */
  fixAll(scope?: string | readonly string[], maxPasses = 10): { texts: Map<string, string>; passes: number; snapshot: Snapshot } {
    const keys =
      scope === undefined ? this.fileKeys() : typeof scope === 'string' ? [...new Set(this.organisationsOf(scope).flatMap((o) => o.files))] : [...scope];
    this.ensureCurrent();
    const host = EngineHost.from(this.files, this.options);
    let snap = host.snapshot();
    let passes = 0;
    const texts = new Map<string, string>();
    for (; passes < maxPasses; passes++) {
      let changed = false;
      for (const k of keys) {
        const edits = snap.fixAllEdits(k);
        if (edits.length === 0) continue;
        const next = applyEdits(snap.text(k)!, edits);
        if (next === snap.text(k)) continue;
        host.setFile(k, next);
        texts.set(k, next);
        changed = true;
      }
      if (!changed) break;
      snap = host.snapshot();
    }
    return { texts, passes, snapshot: snap };
  }
}
