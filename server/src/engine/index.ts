// The engine's public face, after vscode-json-languageservice's facade: every
// service the CLI and the language server use, and nothing else (ESLint
// forbids importing engine modules from outside by any other path).
// Pure: text in, plain data out (offsets, the engine's own kinds); no IO, no
// editor, no protocol.
export * from './types';
import type { Analysis as EngineAnalysis, AnalyzeOptions } from './types';
import { analyze as analyzeText } from './host/analyze';
import { getFixes as fixesOf, getFixAllEdits as fixAllEditsOf } from './fixes/fixes';
import { locate as locateAt } from './syntax/locate';
import { hoverAt } from './services/hover';
import { definition as definitionAt, references as referencesAt, prepareRename as prepareRenameAt, rename as renameAt } from './services/navigation';
import { documentSymbols as symbolsOf } from './services/symbols';

/**
 * An analysis as callers see it: the YAML tree (`doc`) stays inside the
 * engine (SPEC section 9), so no caller can reach into it; the services below
 * take it back as it is.
 */
export type Analysis = Omit<EngineAnalysis, 'doc'>;
/** A service typed for callers: it takes the analysis they have. */
type Exposed<F> = F extends (a: EngineAnalysis, ...rest: infer R) => infer T ? (a: Analysis, ...rest: R) => T : never;
// Every Analysis a caller holds came from the engine, tree and all: the cast only narrows what callers may name.
const expose = <F>(f: F): Exposed<F> => f as unknown as Exposed<F>;

export const analyze: (text: string, options?: AnalyzeOptions) => Analysis = analyzeText;
export const getFixes = expose(fixesOf);
export const getFixAllEdits = expose(fixAllEditsOf);
export { fixAllText, diffEdits, applyEdits } from './fixes/fixes';
export { RULES, ruleById, ruleDocsUrl, isRuleId, type Rule, type RuleMeta, type RuleId } from './rules';
export { LineIndex, type Position } from './syntax/lines';
export const locate = expose(locateAt);
export type { Location } from './syntax/locate';
export { isProductTeamFile, PRODUCTTEAM_FILE_GLOBS } from './host/files';
export { REFERENCE_FIELDS, REFERENCE_KEYS, referenceFieldAt, type ReferenceField } from './model/referenceFields';
export { ParseCache } from './syntax/incremental';
export { todayNote } from './services/hoverContent';
export { closest } from './text';
export { EngineHost, Snapshot, type HostOptions, type FileSpan, type FileEdits, type OrganisationInfo } from './host/host';

// ---- language services: what is under the cursor, in the engine's terms ------
export const hover = expose(hoverAt);
export type { HoverResult } from './services/hover';
export { complete, type CompletionEntry, type CompletionKind } from './services/completion';
export const definition = expose(definitionAt);
export const references = expose(referencesAt);
export const prepareRename = expose(prepareRenameAt);
export const rename = expose(renameAt);
export type { RenameRefusal } from './services/navigation';
export const documentSymbols = expose(symbolsOf);
export type { SymbolKind, SymbolNode } from './services/symbols';
export { cursorContext, type CursorContext } from './syntax/cursorContext';

// ---- seeing and reviewing ownership (SPEC section 10) --------------------------
export { ownershipInput, type OwnershipInput, type LocatedFinding, type SourceRange } from './services/ownership';
export {
  buildMap,
  mapTargets,
  MAP_ROLES,
  type OwnershipMap,
  type MapDomain,
  type MapProduct,
  type MapPerson,
  type MapTeam,
  type MapRef,
  type MapFinding,
  type MapRole,
} from './services/map';
export { renderMapMarkdown, renderMapHtml, type MapHtmlOptions } from './services/mapRender';
export { diffOwnership, diffMaps, CHANGE_KINDS, type ChangeKind, type OwnershipChange, type OwnershipDiff } from './services/diff';
export { renderDiffMarkdown } from './services/diffRender';
