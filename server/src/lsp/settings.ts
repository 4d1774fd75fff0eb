// The editor's `productteam.*` settings, normalised to the engine's analyze
// options. Values come from `workspace/configuration`, a pushed
// `didChangeConfiguration`, or initializationOptions; anything malformed is
// dropped rather than passed on, so a bad setting never breaks linting.
import type { AnalyzeOptions, RuleSetting, Stance } from '../engine';
import { closest, RULE_SETTINGS, RULES, STANCES } from '../engine';

export const SETTINGS_SECTION = 'productteam';

/** `productteam.run`: lint as you type (default) or when the file is saved. */
export const RUN_MODES = ['onType', 'onSave'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export type EditorSettings = Pick<AnalyzeOptions, 'stance' | 'rules' | 'maxDomainsPerPerson' | 'coreTeam'> & { run?: RunMode };

export function normalizeSettings(raw: unknown): EditorSettings {
  const out: EditorSettings = {};
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  // Any other value (VS Code's default `file`, or none) leaves each file's own stance in force.
  if (typeof r.stance === 'string' && (STANCES as readonly string[]).includes(r.stance)) out.stance = r.stance as Stance;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v)) rules[id] = v as RuleSetting;
    }
    if (Object.keys(rules).length > 0) out.rules = rules;
  }
  const max = r.maxDomainsPerPerson;
  if (typeof max === 'number' && Number.isFinite(max) && max >= 1) out.maxDomainsPerPerson = Math.floor(max);
  if (Array.isArray(r.coreTeam) && r.coreTeam.length > 0 && r.coreTeam.every((d) => typeof d === 'string' && d.trim() !== '')) {
    out.coreTeam = (r.coreTeam as string[]).map((d) => d.trim());
  }
  if (typeof r.run === 'string' && (RUN_MODES as readonly string[]).includes(r.run)) out.run = r.run as RunMode;
  return out;
}

/**
 * One line per rule id in `productteam.rules` that no rule has (the settings
 * schema flags them in settings.json too; other clients get only this log).
 */
export function unknownRuleIdLines(raw: unknown): string[] {
  const rules = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).rules : undefined;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return [];
  const known = RULES.map((r) => r.id);
  return Object.keys(rules)
    .filter((id) => !(known as string[]).includes(id))
    .map((id) => {
      const near = closest(id, known, Math.max(2, Math.floor(id.length / 3)));
      return `productteam.rules: unknown rule id '${id}'${near.length ? ` (did you mean '${near[0]}'?)` : ''}; it is ignored`;
    });
}

/** A stable key for a settings value, so cached analyses know what they were computed with. */
export function settingsKey(s: EditorSettings): string {
  const rules = s.rules
    ? Object.keys(s.rules)
        .sort()
        .map((k) => `${k}=${s.rules![k]}`)
        .join(',')
    : '';
  return `${s.stance ?? ''}|${s.maxDomainsPerPerson ?? ''}|${rules}|${s.coreTeam?.join(',') ?? ''}`;
}

/** What the server accepts in `initializationOptions` (all optional). */
export interface InitOptions {
  /** Settings to use when the client cannot answer `workspace/configuration`. */
  settings: EditorSettings;
  /** The longest delay between the last keystroke and linting, in ms (default 50); the delay follows the last analysis's time (debounce.ts). */
  debounceMs: number;
  /** YYYY-MM-DD that suppressions' `until` dates are compared with (tests pin it). */
  today?: string;
}

// Short: with the parse cache a keystroke on a 20k-line file is linted in ~60 ms,
// so waiting longer than that for a pause only delays the squiggles (bench/README.md).
export const DEFAULT_DEBOUNCE_MS = 50;

export function parseInitOptions(raw: unknown): InitOptions {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  // Accept `{ settings: {...} }`, `{ productteam: {...} }` or the settings at the top level.
  const settingsRaw = r.settings ?? r[SETTINGS_SECTION] ?? r;
  const debounce = r.debounceMs;
  const out: InitOptions = {
    settings: normalizeSettings(settingsRaw),
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS,
  };
  if (typeof r.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.today)) out.today = r.today;
  return out;
}
