// text -> { model, problems }. Never throws: a text that does not parse still
// yields an Analysis whose problems say why.
import { addDuplicateKeyErrors } from './duplicates';
import { parseIncremental } from './incremental';
import { buildModel } from './model';
import { LineIndex } from './lines';
import { isRuleId, runRules } from './rules';
import { checkSuppressions } from './rules/suppression-rules';
import { applySuppressions, parseSuppressions } from './suppressions';
import { validateSchema } from './schema';
import type { Analysis, AnalyzeOptions, EffectiveSettings, RuleSetting } from './types';
import { RULE_SETTINGS, STANCES } from './types';

export type { Analysis, EffectiveSettings } from './types';

export const DEFAULT_MAX_DOMAINS_PER_PERSON = 2;

function todayString(): string {
  return new Date().toISOString().slice(0, 10);
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // With a parse cache (the language server keeps one per open document), only the entries that changed are parsed.
  const doc = parseIncremental(text, options.parseCache);
  addDuplicateKeyErrors(doc);
  const lines = new LineIndex(text);
  const model = buildModel(doc);
  // Like a compiler after a parse error: when the structure itself is broken,
  // everything but the syntax error would be noise about a tree that isn't
  // what the user meant. A duplicate key leaves the structure intact.
  const fatal = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  const schemaErrors = fatal ? [] : validateSchema(doc);

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
    ruleSettings,
    today: options.today ?? todayString(),
  };

  const raw = runRules({ text, doc, model, settings, schemaErrors, lines }, fatal ? ['yaml-syntax'] : undefined);
  const suppressions = parseSuppressions(text, lines);
  const problems = applySuppressions(raw, suppressions, lines, settings);
  if (suppressions.length) {
    problems.push(...checkSuppressions(suppressions, settings, isRuleId));
    problems.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { text, lines, doc, model, settings, schemaErrors, suppressions, problems };
}
