// Organisations (SPEC section 9): which files make one (a root and the parts
// its `include` names), the organisation's merged model, and one run of the
// rules over it, each finding in the file that holds its node.
import { runRules, UNSUPPRESSIBLE_RULES, type OrganisationFacts, type RuleReuse } from '../rules';
import { modelDelta, relocate, unaffected } from '../rules/reuse';
import { textShift } from '../text';
import { applySuppressions } from '../suppressions/suppressions';
import type { Analysis, AnalyzeOptions, EffectiveSettings, Model, Problem, RuleSetting, Team, Person, Product } from '../types';
import { DEFAULT_CORE_TEAM, RULE_SETTINGS, STANCES } from '../types';
import type { ParsedFile } from './parse';
import { folderOf, globToRegExp, hasGlob, isInside, resolveEntry } from './paths';

export const DEFAULT_MAX_DOMAINS_PER_PERSON = 2;

/** One organisation: its root (absent for a part no root includes) and its files in order, root first. */
export interface Organisation {
  root?: string;
  files: string[];
  includeProblems: OrganisationFacts['includeProblems'];
}

/** What checking an organisation gives: its settings, merged model and each file's findings. */
export interface CheckedOrganisation {
  settings: EffectiveSettings;
  model: Model;
  /** Findings by file key, suppressions applied, in document order. */
  problems: Map<string | undefined, Problem[]>;
  /** What the next check of the same organisation may reuse (rules/reuse.ts). */
  memo: CheckMemo;
}

/** A check's inputs and each reusable rule's raw findings (before suppressions), for the next check. */
interface CheckMemo {
  /** Everything but the model and the texts that a rule may depend on: another key, nothing is reused. */
  key: string;
  texts: string[];
  model: Model;
  found: Map<string, Map<string | undefined, Problem[]>>;
}

/** The inputs of a check that no `reads` declaration covers. */
function memoKey(files: readonly ParsedFile[], facts: Omit<OrganisationFacts, 'files'>, settings: EffectiveSettings, model: Model): string {
  const { name, stage, declaredStance, framework, map } = model.organization;
  return JSON.stringify([
    files.map((f) => f.file),
    facts,
    { ...settings, ruleSettings: [...settings.ruleSettings] },
    // The stance as written too: stance-declared names one that is not a stance.
    [name, stage, declaredStance, framework, String(map?.get('stance'))],
    model.settings,
  ]);
}

/**
 * Today as YYYY-MM-DD on the local calendar of the machine that runs the
 * check (not UTC): an `until` ends when the day has come where the user is,
 * not a few hours early or late. Callers may pass their own (`today`).
 */
export function localToday(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The settings in force: the options (editor, CLI) over the root's `settings:` and stance. */
export function effectiveSettings(model: Model, options: AnalyzeOptions): EffectiveSettings {
  const ruleSettings = new Map<string, RuleSetting>();
  for (const [id, v] of Object.entries(model.settings.rules)) {
    if (typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v)) ruleSettings.set(id, v as RuleSetting);
  }
  for (const [id, v] of Object.entries(options.rules ?? {})) {
    if ((RULE_SETTINGS as readonly string[]).includes(v)) ruleSettings.set(id, v);
  }
  const optionStance = options.stance && (STANCES as readonly string[]).includes(options.stance) ? options.stance : undefined;
  return {
    stance: optionStance ?? model.organization.declaredStance ?? 'contextual',
    stanceSource: optionStance ? 'option' : model.organization.declaredStance ? 'file' : 'default',
    stage: model.organization.stage,
    maxDomainsPerPerson: options.maxDomainsPerPerson ?? model.settings.maxDomainsPerPerson ?? DEFAULT_MAX_DOMAINS_PER_PERSON,
    maxDomainsSource: options.maxDomainsPerPerson !== undefined ? 'option' : model.settings.maxDomainsPerPerson !== undefined ? 'file' : 'default',
    coreTeam: [...(options.coreTeam ?? model.settings.coreTeam ?? DEFAULT_CORE_TEAM)],
    ruleSettings,
    today: options.today ?? localToday(),
  };
}

/**
 * The files' models as one (the root's organisation and settings; ids from
 * every file, the first definition of each winning, as duplicate-id reports
 * the others). Spans keep the file they are in.
 */
export function mergeModels(models: readonly Model[]): Model {
  if (models.length === 1) return models[0];
  const people = new Map<string, Person>();
  const teams = new Map<string, Team>();
  const products: Product[] = [];
  const productIds = new Set<string>();
  const kept = new Set<object>();
  for (const m of models) {
    for (const [id, p] of m.people) if (!people.has(id)) people.set(id, p);
    for (const [id, t] of m.teams) {
      if (teams.has(id)) continue;
      teams.set(id, t);
      kept.add(t);
    }
    for (const p of m.products) {
      if (productIds.has(p.id)) continue;
      productIds.add(p.id);
      products.push(p);
      kept.add(p);
    }
  }
  const refs = models.flatMap((m) => m.refs).filter((r) => kept.has('product' in r.holder ? r.holder.product : r.holder));
  return { ...models[0], people, teams, products, refs };
}

/** How an `include` entry fails, in words; the message says what may follow from it. */
const FOLLOW = 'Later findings (unknown references, say) may follow from it.';

/**
 * The organisations among `files` (parsed, by key): each root with the parts
 * its includes name, in order (the root, then include order, each glob's
 * matches sorted), and each part that no root includes on its own.
 * `boundaryOf` gives the folder a root's includes must stay in (the
 * workspace folder; the root's own folder when undefined).
 */
export function findOrganisations(files: ReadonlyMap<string, ParsedFile>, boundaryOf: (root: string) => string | undefined = () => undefined): Organisation[] {
  const keys = [...files.keys()].sort();
  const out: Organisation[] = [];
  const included = new Set<string>();
  for (const root of keys) {
    const parsed = files.get(root)!;
    if (!parsed.isRoot) continue;
    const org: Organisation = { root, files: [root], includeProblems: [] };
    const boundary = boundaryOf(root) ?? folderOf(root);
    for (const entry of parsed.includes) {
      const problem = (why: string) =>
        org.includeProblems.push({
          span: { start: entry.start, end: entry.end, file: root },
          message: `include '${entry.pattern}' ${why} ${FOLLOW}`,
          entry: entry.pattern,
        });
      const resolved = resolveEntry(folderOf(root), entry.pattern);
      if (resolved === undefined || !isInside(boundary, resolved)) {
        problem("names a place outside this organisation's folder tree.");
        continue;
      }
      const inside = hasGlob(entry.pattern) ? keys.filter((k) => globToRegExp(resolved).test(k)) : keys.filter((k) => k === resolved);
      if (inside.length === 0) {
        problem(hasGlob(entry.pattern) ? 'matches no file.' : 'names a file that does not exist.');
        continue;
      }
      for (const k of inside) {
        if (k === root) problem('names this root file itself.');
        else if (files.get(k)!.isRoot)
          problem("names another root file (one with 'organization:'): each root is an organisation of its own, and a part has no 'organization:'.");
        else if (!org.files.includes(k)) {
          org.files.push(k);
          included.add(k);
        }
      }
    }
    out.push(org);
  }
  for (const k of keys) if (!files.get(k)!.isRoot && !included.has(k)) out.push({ files: [k], includeProblems: [] });
  return out;
}

/**
 * Runs the rules once over an organisation (its parsed files, root first) and
 * applies each file's suppressions to the findings reported in it. A part no
 * root includes runs only the perFile rules (SPEC section 9).
 */
export function checkOrganisation(
  files: readonly ParsedFile[],
  facts: Omit<OrganisationFacts, 'files'>,
  options: AnalyzeOptions,
  previous?: CheckedOrganisation,
): CheckedOrganisation {
  const model = mergeModels(files.map((f) => f.model));
  const settings = effectiveSettings(files[0].model, options);
  const organisation: OrganisationFacts = { ...facts, files: files.map((f) => ({ file: f.file, model: f.model })) };
  const memo: CheckMemo = { key: memoKey(files, facts, settings, model), texts: files.map((f) => f.text), model, found: new Map() };
  const raw = runRules(files, model, settings, organisation, 'findings', reuseFrom(previous?.memo, memo, files));
  const problems = new Map<string | undefined, Problem[]>();
  const applied = files.map((f) => {
    // Suppressions record what they silenced: each check works on its own copies, so the parsed file stays as it was.
    const suppressions = f.suppressions.map((s) => ({ ...s, used: new Set<string>(), revived: [] as string[] }));
    problems.set(f.file, applySuppressions(raw.get(f.file) ?? [], suppressions, f.lines, settings, UNSUPPRESSIBLE_RULES));
    return { ...f, suppressions };
  });
  // Then the rules about the suppressions themselves, on what each one silenced.
  const about = runRules(applied, model, settings, organisation, 'after-suppressions');
  for (const f of applied) {
    if (!f.suppressions.length) continue;
    const found = problems.get(f.file)!;
    found.push(...(about.get(f.file) ?? []));
    found.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { settings, model, problems, memo };
}

/** What a check may take from the last one (nothing when anything beyond the model and the texts changed). */
function reuseFrom(previous: CheckMemo | undefined, memo: CheckMemo, files: readonly ParsedFile[]): RuleReuse {
  const keep: RuleReuse['keep'] = (rule, found) => memo.found.set(rule.id, found);
  if (!previous || previous.key !== memo.key) return { take: () => undefined, keep };
  const delta = modelDelta(previous.model, memo.model);
  const shifts = new Map(files.map((f, i) => [f.file, textShift(previous.texts[i], f.text)]));
  return {
    take(rule) {
      const found = previous.found.get(rule.id);
      return found && unaffected(rule.reads, delta) ? relocate(found, shifts) : undefined;
    },
    keep,
  };
}

/** A file's answer to the rules and services: its own text, tree and model, the organisation's settings and model. */
export function fileAnalysis(parsed: ParsedFile, checked: CheckedOrganisation, problems: Problem[], partOfMany: boolean): Analysis {
  const { file, text, lines, doc, model, schemaErrors, suppressions } = parsed;
  const analysis: Analysis = { text, lines, doc, model, settings: checked.settings, schemaErrors, suppressions, problems };
  if (file !== undefined) analysis.file = file;
  if (partOfMany) analysis.organisation = checked.model;
  return analysis;
}
