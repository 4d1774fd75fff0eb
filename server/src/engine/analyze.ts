// text -> { model, problems }. Never throws: a text that does not parse still
// yields an Analysis whose problems say why.
import { addDuplicateKeyErrors } from './duplicates';
import { parseIncremental } from './incremental';
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

function todayString(): string {
  return new Date().toISOString().slice(0, 10);
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // CR-only line ends are line ends (YAML and LSP say so; yaml's lexer does
  // not). Same length, so every offset still points into `text`.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  // With a parse cache (the language server keeps one per open document), only the entries that changed are parsed.
  const doc = parseIncremental(source, options.parseCache);
  addDuplicateKeyErrors(doc);
  // Aliases and merge keys resolved once, for the schema and the rules; a bad
  // alias is a yaml-syntax error at the alias and resolves to nothing.
  const resolved = resolverFor(doc).toJS();
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
    today: options.today ?? todayString(),
  };

  const raw = runRules({ text, doc, model, settings, schemaErrors, lines }, fatal);
  const suppressions = parseSuppressions(text, lines);
  const problems = applySuppressions(raw, suppressions, lines, settings, UNSUPPRESSIBLE_RULES);
  if (suppressions.length) {
    problems.push(...checkSuppressions(suppressions, settings, RULES, fatal));
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { text, lines, doc, model, settings, schemaErrors, suppressions, problems };
}
