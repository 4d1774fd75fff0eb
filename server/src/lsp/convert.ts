// The one place where engine results (offsets, severities, fixes) become LSP
// types (line/character ranges, Diagnostic, CodeAction, WorkspaceEdit). Every
// other file in lsp/ speaks the engine's vocabulary and calls in here at the
// edge, so the offset -> position conversion happens exactly once per result.
import {
  CodeAction,
  CodeActionKind,
  Command,
  type CompletionItem,
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  MarkupKind,
  type Range,
  SymbolKind,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type {
  Analysis,
  CompletionEntry,
  CompletionKind,
  Fix,
  HoverResult,
  Problem,
  Severity,
  Span,
  SymbolKind as EngineSymbolKind,
  SymbolNode,
  TextEdit,
} from '../engine';
import { ruleById, ruleDocsUrl } from '../engine';

export const DIAGNOSTIC_SOURCE = 'productteam';
export const FIX_ALL_KIND = 'source.fixAll.productteam';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries so that a later request (code action, hover) can
 * find its problem again: the problem's own data, plus the rule id, offsets
 * and the document version they are measured in.
 */
export interface DiagnosticData {
  ruleId: string;
  start: number;
  end: number;
  version: number;
  [key: string]: unknown;
}

const OWN_DATA_KEYS = ['ruleId', 'start', 'end', 'version'] as const;

/** The minimal view of an analysed text that conversions need. */
export type Converted = Pick<Analysis, 'lines'>;

export function toRange(a: Converted, span: Span): Range {
  return { start: a.lines.positionAt(span.start), end: a.lines.positionAt(span.end) };
}

export function toSpan(a: Converted, range: Range): Span {
  return { start: a.lines.offsetAt(range.start), end: a.lines.offsetAt(range.end) };
}

/**
 * `locate` turns a span of this or another file of the organisation into a
 * Location, for the problem's related information (the first definition of a
 * duplicate id, say).
 */
export function toDiagnostic(a: Converted, problem: Problem, version: number, locate?: (span: Span) => Location | undefined): Diagnostic {
  const data: DiagnosticData = { ...problem.data, ruleId: problem.ruleId, start: problem.start, end: problem.end, version };
  const d = Diagnostic.create(toRange(a, problem), problem.message, SEVERITY[problem.severity], problem.ruleId, DIAGNOSTIC_SOURCE);
  const related =
    locate &&
    problem.related?.flatMap((r) => {
      const location = locate(r);
      return location ? [{ location, message: r.message }] : [];
    });
  if (related?.length) d.relatedInformation = related;
  d.codeDescription = { href: ruleDocsUrl(problem.ruleId) };
  // Findings about text that does nothing: editors fade it out.
  if (ruleById(problem.ruleId)?.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  d.data = data;
  return d;
}

/** The problem's own data as the engine produced it, without what toDiagnostic added. */
export function problemDataOf(d: Diagnostic): Record<string, unknown> {
  const data = isRecord(d.data) ? { ...d.data } : {};
  for (const k of OWN_DATA_KEYS) delete data[k];
  return data;
}

export function diagnosticDataOf(d: Diagnostic): Partial<DiagnosticData> {
  return isRecord(d.data) ? (d.data as Partial<DiagnosticData>) : {};
}

export function toTextEdits(a: Converted, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(a, e), newText: e.newText }));
}

export interface EditTarget {
  uri: string;
  /** The open document's version; null for a file that is not open (its text on disk). */
  version: number | null;
  /** The client applies `documentChanges`, which carry the version the edit was computed for. */
  versioned: boolean;
}

export function toWorkspaceEdit(a: Converted, target: EditTarget, edits: readonly TextEdit[]): WorkspaceEdit {
  const textEdits = toTextEdits(a, edits);
  if (target.versioned) {
    return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: textEdits }] };
  }
  return { changes: { [target.uri]: textEdits } };
}

/** One WorkspaceEdit over several files (a rename across an organisation), each converted with its own lines. */
export function toMultiFileEdit(files: readonly { target: EditTarget; converted: Converted; edits: readonly TextEdit[] }[]): WorkspaceEdit {
  if (files.some((f) => f.target.versioned)) {
    return {
      documentChanges: files.map((f) => ({ textDocument: { uri: f.target.uri, version: f.target.version }, edits: toTextEdits(f.converted, f.edits) })),
    };
  }
  return { changes: Object.fromEntries(files.map((f) => [f.target.uri, toTextEdits(f.converted, f.edits)])) };
}

export function toQuickFix(a: Converted, target: EditTarget, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(a, target, fix.edits), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  // Only a safe fix may be the one the editor applies on its own (SPEC section 4).
  if (fix.isPreferred && fix.kind === 'safe') action.isPreferred = true;
  return action;
}

export const FIX_ALL_TITLE = 'Fix all safe problems in this file';

/** Fix-all: the `source.fixAll.productteam` action, or the same edit as an entry of the quick-fix menu. */
export function toFixAll(a: Converted, target: EditTarget, edits: readonly TextEdit[], kind: string = FIX_ALL_KIND): CodeAction {
  return CodeAction.create(FIX_ALL_TITLE, toWorkspaceEdit(a, target, edits), kind);
}

/** The server command that opens a rule's page (`window/showDocument`, so any LSP client can follow it). */
export const SHOW_DOCUMENTATION_COMMAND = 'productteam.showRuleDocumentation';

export function toShowDocumentation(ruleId: string, diagnostic: Diagnostic): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  const action = CodeAction.create(title, Command.create(title, SHOW_DOCUMENTATION_COMMAND, ruleDocsUrl(ruleId)), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

export function toMarkdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

export function toHover(a: Converted, result: HoverResult): Hover {
  const hover: Hover = { contents: toMarkdown(result.markdown) };
  if (result.span) hover.range = toRange(a, result.span);
  return hover;
}

export function toLocation(a: Converted, uri: string, span: Span): Location {
  return { uri, range: toRange(a, span) };
}

const SYMBOL_KIND: Record<EngineSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  product: SymbolKind.Package,
  domain: SymbolKind.Module,
  person: SymbolKind.Object,
  team: SymbolKind.Struct,
};

export function toDocumentSymbol(a: Converted, s: SymbolNode): DocumentSymbol {
  const sym: DocumentSymbol = {
    name: s.name || ' ',
    kind: SYMBOL_KIND[s.kind],
    range: toRange(a, { start: Math.min(s.span.start, s.selection.start), end: Math.max(s.span.end, s.selection.end) }),
    selectionRange: toRange(a, s.selection),
  };
  if (s.detail) sym.detail = s.detail;
  if (s.children) sym.children = s.children.map((c) => toDocumentSymbol(a, c));
  return sym;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
};

export function toCompletionItem(a: Converted, e: CompletionEntry): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: COMPLETION_KIND[e.kind], textEdit: { range: toRange(a, e.span), newText: e.newText } };
  if (e.detail) item.detail = e.detail;
  if (e.documentation) item.documentation = toMarkdown(e.documentation);
  if (e.sortText) item.sortText = e.sortText;
  if (e.filterText) item.filterText = e.filterText;
  return item;
}
