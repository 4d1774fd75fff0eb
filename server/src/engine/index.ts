// The engine's public face, after vscode-json-languageservice's facade: every
// service the CLI and the language server use, and nothing else (ESLint
// forbids importing engine modules from outside by any other path).
// Pure: text in, plain data out (offsets, the engine's own kinds); no IO, no
// editor, no protocol.
export * from './types';
export { analyze } from './analyze';
export { getFixes, getFixAllEdits, fixAllText, diffEdits, applyEdits } from './fixes';
export { RULES, ruleById, ruleDocsUrl, isRuleId, type Rule, type RuleMeta, type RuleId } from './rules';
export { LineIndex, type Position } from './lines';
export { locate, type Location } from './locate';
export { isProductTeamFile, PRODUCTTEAM_FILE_GLOBS } from './files';
export { ParseCache } from './incremental';
export { todayNote } from './hoverContent';
export { closest } from './text';

// ---- language services: what is under the cursor, in the engine's terms ------
export { hoverAt as hover, type HoverResult } from './services/hover';
export { complete, type CompletionEntry, type CompletionKind } from './services/completion';
export { definition, references, prepareRename, rename, type RenameRefusal } from './services/navigation';
export { documentSymbols, type SymbolKind, type SymbolNode } from './services/symbols';
export { cursorContext, type CursorContext } from './syntax/cursorContext';

// ---- seeing and reviewing ownership (SPEC section 10) --------------------------
export { ownershipInput, type OwnershipInput, type LocatedFinding, type SourceRange } from './services/ownership';
export { buildMap, mapTargets, MAP_ROLES, type OwnershipMap, type MapDomain, type MapProduct, type MapPerson, type MapTeam, type MapRef, type MapFinding, type MapRole } from './services/map';
export { renderMapMarkdown, renderMapHtml, type MapHtmlOptions } from './services/mapRender';
export { diffOwnership, diffMaps, CHANGE_KINDS, type ChangeKind, type OwnershipChange, type OwnershipDiff } from './services/diff';
export { renderDiffMarkdown } from './services/diffRender';
