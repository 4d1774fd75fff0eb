// The engine's public face: everything the CLI and the language server use.
// Pure: text in, data out; no IO, no editor, no protocol.
export * from './types';
export { analyze, type Analysis, type EffectiveSettings } from './analyze';
export { getFixes, getFixAllEdits, fixAllText, diffEdits, applyEdits } from './fixes';
export { RULES, ruleById, ruleDocsUrl, type Rule, type RuleMeta } from './rules';
export { LineIndex, type Position } from './lines';
export { locate, type Location } from './locate';
export { isProductTeamFile, PRODUCTTEAM_FILE_GLOBS } from './files';
export type { Model, Person, Product, Domain, Team, Ref, RefField, RefKind, RoleName } from './model';
export { ParseCache } from './incremental';
