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
export { REFERENCE_FIELDS, REFERENCE_KEYS, referenceFieldAt, type ReferenceField } from './referenceFields';
export { ParseCache } from './incremental';
export { EngineHost, Snapshot, type HostOptions, type FileSpan, type FileEdits, type OrganisationInfo } from './host/host';

// ---- language services: what is under the cursor, in the engine's terms ------
export { hoverAt as hover, type HoverResult } from './services/hover';
export { complete, type CompletionEntry, type CompletionKind } from './services/completion';
export { definition, references, prepareRename, rename, type RenameRefusal } from './services/navigation';
export { documentSymbols, type SymbolKind, type SymbolNode } from './services/symbols';
export { cursorContext, type CursorContext } from './syntax/cursorContext';
