// text -> { model, problems }. Never throws: a text that does not parse still
// yields an Analysis whose problems say why.
import { addDuplicateKeyErrors } from './duplicates';
import { mayHaveIndirection, parseIncremental } from './incremental';
import { buildModel } from './model';
import { LineIndex } from './lines';
import { RULES, runRules, UNSUPPRESSIBLE_RULES } from './rules';
import { checkSuppressions } from './rules/suppression-rules';
import { isFatalYamlError } from './rules/yaml-syntax';
import { resolverFor } from './resolve';
import { applySuppressions, parseSuppressions } from './suppressions';
import { validateSchema } from './schema';
import type { Analysis, AnalyzeOptions, EffectiveSettings, RuleSetting } from './types';
import { DEFAULT_CORE_TEAM, RULE_SETTINGS, STANCES } from './types';

export type { Analysis, EffectiveSettings } from './types';

export const DEFAULT_MAX_DOMAINS_PER_PERSON = 2;

/**
 * Today as YYYY-MM-DD on the local calendar of the machine that runs the
 * check (not UTC): an `until` ends when the day has come where the user is,
 * not a few hours early or late. Callers may pass their own (`today`).
 */
export function localToday(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // CR-only line ends are line ends (YAML and LSP say so; yaml's lexer does
  // not). Same length, so every offset still points into `text`.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  // With a parse cache (the language server keeps one per open document), only the entries that changed are parsed.
  const indirection = mayHaveIndirection(source);
  const doc = parseIncremental(source, options.parseCache, indirection);
  addDuplicateKeyErrors(doc);
  // Aliases and merge keys resolved once, for the schema and the rules; a bad
  // alias is a yaml-syntax error at the alias and resolves to nothing. A text
  // with none is not walked to look for them.
  const resolved = resolverFor(doc, !indirection).toJS();
  doc.errors.push(...resolved.errors);
  const lines = new LineIndex(text);
  const model = buildModel(doc);
  // Like a compiler after a parse error: when the structure itself is broken,
  // everything but the syntax error (the rules that declare
  // runsWhenParseFails) would be noise about a tree that isn't what the user
  // meant (the yaml-syntax message says the other checks are paused). A duplicate key, a bad alias or a second document leave the
  // structure of the first document intact: everything else still runs.
  const fatal = doc.errors.some(isFatalYamlError);
  const schemaErrors = fatal ? [] : validateSchema(doc, resolved.data);

  const ruleSettings = new Map<string, RuleSetting>();
  for (const [id, v] of Object.entries(model.settings.rules)) {
    if (typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v)) ruleSettings.set(id, v as RuleSetting);
  }
  for (const [id, v] of Object.entries(options.rules ?? {})) {
    if ((RULE_SETTINGS as readonly string[]).includes(v)) ruleSettings.set(id, v);
  }
  const optionStance = options.stance && (STANCES as readonly string[]).includes(options.stance) ? options.stance : undefined;
  const settings: EffectiveSettings = {
    stance: optionStance ?? model.organization.declaredStance ?? 'contextual',
    stanceSource: optionStance ? 'option' : model.organization.declaredStance ? 'file' : 'default',
    stage: model.organization.stage,
    maxDomainsPerPerson: options.maxDomainsPerPerson ?? model.settings.maxDomainsPerPerson ?? DEFAULT_MAX_DOMAINS_PER_PERSON,
    maxDomainsSource: options.maxDomainsPerPerson !== undefined ? 'option' : model.settings.maxDomainsPerPerson !== undefined ? 'file' : 'default',
    coreTeam: [...(options.coreTeam ?? model.settings.coreTeam ?? DEFAULT_CORE_TEAM)],
    ruleSettings,
    today: options.today ?? localToday(),
  };

  const raw = runRules({ text, doc, model, settings, schemaErrors, lines }, fatal);
  const suppressions = parseSuppressions(text, lines, doc);
  const problems = applySuppressions(raw, suppressions, lines, settings, UNSUPPRESSIBLE_RULES);
  if (suppressions.length) {
    problems.push(...checkSuppressions(suppressions, settings, RULES, fatal));
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { text, lines, doc, model, settings, schemaErrors, suppressions, problems };
}
