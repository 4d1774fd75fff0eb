import type { Document, Pair, YAMLMap, Node } from 'yaml';
import type { ParseCache } from './syntax/incremental';
import type { LineIndex } from './syntax/lines';
import type { REFERENCE_FIELDS } from './model/referenceFields';

// The engine's vocabulary: every type shared between its modules, so that no
// module imports another for its types alone and the import graph has no
// cycle (test/engine/cycles.test.ts). Everything here is plain data measured
// in offsets into the document text; line/column only appear when a caller
// converts with LineIndex (see lines.ts), exactly once, at the edge.

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

export const STANCES = ['combined', 'separated', 'contextual', 'outcomes-first'] as const;
export type Stance = (typeof STANCES)[number];
export const STAGES = ['startup', 'scaleup', 'enterprise'] as const;
export type Stage = (typeof STAGES)[number];
export const LIFECYCLES = ['v1', 'growth', 'mature'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
/**
 * `organization.framework`: the contextual stance reads it (Peltier: Scrum makes the shared role hard; Scrumban lessens the load).
 * `safe` is read as `scrum` (SAFe's teams run Scrum; no article mentions SAFe: the tool's inference, and its messages say so).
 */
export const FRAMEWORKS = ['scrum', 'kanban', 'scrumban', 'safe', 'other'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
/** Team Topologies' four team types; only stream-aligned teams are held to one domain. */
export const TEAM_TYPES = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
export type TeamType = (typeof TEAM_TYPES)[number];
export const DISCIPLINES = ['product', 'technology', 'ux', 'business', 'data', 'other'] as const;
/** The disciplines core-team asks a domain's core team to cover unless `settings.coreTeam` says otherwise (000: "technology, UX and business"). */
export const DEFAULT_CORE_TEAM: readonly string[] = ['technology', 'ux', 'business'];

/** A half-open span of the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
  /**
   * The file the span is in, in a multi-file organisation (SPEC section 9):
   * the host's key for it. Absent in a single text analysed on its own.
   */
  file?: string;
}

/** A place in another file (or this one) that explains a finding: the first definition of a duplicate id, say. */
export interface RelatedInfo extends Span {
  message: string;
}

/** A minimal replacement of the text between two offsets. */
export interface TextEdit extends Span {
  newText: string;
}

/**
 * SPEC section 4: a `safe` fix only corrects the form of what the file already
 * says and cannot change who does what; a `suggestion` changes a fact about
 * people or roles, or adds a placeholder. Only safe fixes run in bulk.
 */
export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe (fix-all and `--fix` may apply it) or a suggestion (offered, never applied in bulk). */
  kind: FixKind;
  /** The one obviously right fix (only ever a safe one). */
  isPreferred?: boolean;
  /** A "Disable … for this line / file" fix: it silences the finding rather than fixing it. */
  isSuppression?: boolean;
}

/**
 * What a problem's fixes need, carried with the problem so that a language
 * server can hand it back later (it travels as LSP `Diagnostic.data`).
 * Everything is JSON-serialisable.
 */
export interface ProblemData {
  /** Ids a fix may pick from (owners, product owners, closest ids, enum values…). */
  candidates?: string[];
  /** The id the problem is about (a person, team, domain or product id). */
  id?: string;
  /** Extra JSON payload specific to a rule. */
  [key: string]: unknown;
}

export interface Problem extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  data: ProblemData;
  /** Places in this or another file of the organisation that explain the finding (LSP relatedInformation). */
  related?: RelatedInfo[];
}

export interface AnalyzeOptions {
  /** Overrides `organization.stance` in the file (editor setting or `--stance`). */
  stance?: Stance;
  /** Severity per rule id; merged over the file's `settings.rules` (these win). */
  rules?: Record<string, RuleSetting>;
  /** Overrides `settings.maxDomainsPerPerson`. */
  maxDomainsPerPerson?: number;
  /** Overrides `settings.coreTeam`: the disciplines core-team asks for (CLI `--core-team`, editor `productteam.coreTeam`). */
  coreTeam?: string[];
  /** Today's date as YYYY-MM-DD, for `until` dates in suppressions and of people. Defaults to the clock. */
  today?: string;
  /**
   * The parsed chunks of earlier texts of the same document, so that only what
   * changed is parsed again (the language server keeps one per open document).
   * Analyses made with one cache share nodes: each stays valid until the next.
   */
  parseCache?: ParseCache;
}

// ---- the organisation model (built by model.ts) ------------------------------

export type RefKind = 'person' | 'team';
/** A key that holds person or team ids (the table in referenceFields.ts). */
export type RoleName = (typeof REFERENCE_FIELDS)[number]['key'];

/** One place in the file where a person or team id is used. */
export interface Ref extends Span {
  id: string;
  kind: RefKind;
  role: RoleName;
  /** The entity whose field holds this reference. */
  holder: Product | Domain | Team;
}

/** A field that names people or teams: `owner: alice` or `owner: [alice, bob]`. */
export interface RefField {
  refs: Ref[];
  /** The field's key. */
  key: Span;
  /** The value node's span (start..valueEnd): the scalar, or the whole list. */
  value: Span;
  isList: boolean;
  /** The YAML value node, for edits. */
  node: Node | null;
  pair: Pair;
}

export interface Entity {
  id: string;
  /** The id key's span. */
  key: Span;
  pair: Pair;
  /** The entity's mapping, when it is one. */
  map: YAMLMap | undefined;
}

export interface Person extends Entity {
  name?: string;
  title?: string;
  email?: string;
  /** Every discipline written (`discipline: ux` or `discipline: [product, business]`), in order; empty when none. */
  disciplines: string[];
  customerContact?: string;
  decisionAuthority?: string;
  /** The last day in the organisation (`until`), when it is a real YYYY-MM-DD date. */
  until?: string;
  /** `until` as written, when it is a text or a date, real or not. */
  untilText?: string;
}

export interface Product extends Entity {
  name?: string;
  vision?: string;
  lifecycle: Lifecycle;
  owner?: RefField;
  domains: Domain[];
  /** The `domains:` key, when present. */
  domainsKey?: Span;
}

export interface Domain extends Entity {
  product: Product;
  name?: string;
  productManager?: RefField;
  productOwner?: RefField;
  owner?: RefField;
  teams?: RefField;
  /** People outside the domain's teams who belong to its core team. */
  stakeholders?: RefField;
  /** Number of outcomes listed (0 when `outcomes` is missing or empty). */
  outcomeCount: number;
  /** The `outcomes` value, when the key is there. */
  outcomes?: Span;
}

export interface Team extends Entity {
  name?: string;
  scrumMaster?: RefField;
  members?: RefField;
  /** Team Topologies' type; `stream-aligned` when missing or not one of the four. */
  type: TeamType;
}

export interface Organization {
  name?: string;
  stage: Stage;
  /** The stance written in the file, if any (and valid). */
  declaredStance?: Stance;
  /** `organization.framework`, if written (and valid). */
  framework?: Framework;
  /** The `organization` key, when present. */
  key?: Span;
  map?: YAMLMap;
}

export interface FileSettings {
  maxDomainsPerPerson?: number;
  /** `settings.coreTeam`, when it is a list of texts. */
  coreTeam?: string[];
  rules: Record<string, unknown>;
}

export interface Model {
  organization: Organization;
  settings: FileSettings;
  people: Map<string, Person>;
  products: Product[];
  teams: Map<string, Team>;
  /** Every reference to a person or team, in document order. */
  refs: Ref[];
  /** Top-level section keys (`people`, `products`, `teams`, …) by name. */
  sections: Map<string, Pair>;
  /**
   * Role seats written empty (`productOwner: ~`, `owner:`): vacant, read as if
   * the key were missing (the role field is absent from the entity), kept here
   * for the hover that says "vacant" and for findings that point at the seat.
   */
  vacancies: Vacancy[];
}

/** A role seat written empty: `productOwner: ~  # hiring`. */
export interface Vacancy {
  role: 'owner' | 'productManager' | 'productOwner' | 'scrumMaster';
  holder: Product | Domain | Team;
  /** The key's span. */
  key: Span;
  /** From the key to the end of the (empty) value: where a hover says "vacant". */
  span: Span;
  /** The empty value itself (`~`, `null`, or the empty place after the colon); undefined when YAML gives it no range. */
  value?: Span;
}

// ---- schema errors (schema.ts) and suppressions (suppressions.ts) -----------

export type SchemaErrorKind = 'unknown-property' | 'missing-property' | 'enum' | 'type' | 'value' | 'quoted' | 'not-a-list';

export interface SchemaError extends Span {
  kind: SchemaErrorKind;
  message: string;
  /** JSON pointer of the instance the error is about. */
  pointer: string;
  /** For unknown-property: the property; for missing-property: the missing one. */
  property?: string;
  /** Closest known properties / allowed values, best first. */
  candidates?: string[];
  /** The one candidate a safe fix may write (a likely typo, `isLikelyTypo`); the message's "did you mean" names it. */
  safe?: string;
  /** Reported on the `<<` key or alias the value came through (fixes must not edit there as if it were the value). */
  indirect?: boolean;
  /** For enum: the offending value; whether it was quoted ('"' or "'"). */
  value?: string;
  /** For enum: every allowed value, offered when nothing is close to the written one. */
  allowed?: string[];
  /** For quoted: the value as it should be written (`1` for `"1"`). */
  to?: string;
  /**
   * For an unknown property that is the tail of a flow-map value cut at an
   * unquoted comma (`title: Director, Freight Products` inside `{ … }`): the
   * text to replace, and the quoted value that keeps it whole.
   */
  comma?: { start: number; end: number; newText: string; property: string };
}

export type SuppressionKind = 'next-line' | 'line' | 'disable' | 'enable';

export interface Suppression extends Span {
  kind: SuppressionKind;
  /** Rule ids named, in order; empty means every rule. */
  ruleIds: string[];
  /** Span of each named id in the text (same order as ruleIds). */
  idSpans: Span[];
  /** 0-based line of the comment. */
  line: number;
  reason?: string;
  /** YYYY-MM-DD from "until …" in the reason, when it is a real date. */
  until?: string;
  /** The date token after "until", when it is not a real date (`2026-13-45`). */
  invalidUntil?: string;
  /** Span of the token after "until" (valid or not). */
  untilSpan?: Span;
  /** Offset just past the id list inside the comment (for fixes that extend it). */
  idsEnd: number;
  /** A `disable` above any content: it covers the whole file. */
  fileWide: boolean;
  /** For `disable`: the first line it no longer covers, per id ('*' for a bare one); missing = to the end of the file. */
  endLine: Map<string, number>;
  /** For a bare `disable`: ids re-enabled by a later `enable <id>`, from that line. */
  except: Map<string, number>;
  /** For `enable`: ids (or '*') that closed nothing. */
  unmatched: string[];
  /** Rule ids this suppression actually silenced ('*' for a bare one). */
  used: Set<string>;
  /** For an expired one: rule ids of the findings it would hide now (they are reported again). */
  revived: string[];
}

// ---- the result of analyze() --------------------------------------------------

export interface EffectiveSettings {
  /** The stance the rules follow. */
  stance: Stance;
  /** Where it came from: the editor/CLI option, the file, or the default. */
  stanceSource: 'option' | 'file' | 'default';
  stage: Stage;
  maxDomainsPerPerson: number;
  /** Where the limit came from: an option (editor setting, CLI) wins over the file's `settings`. */
  maxDomainsSource: 'option' | 'file' | 'default';
  /** The disciplines core-team asks for: the option, else the file's `settings.coreTeam`, else technology, ux, business. */
  coreTeam: string[];
  /** Severities the user set for rules (file settings, then options on top). */
  ruleSettings: Map<string, RuleSetting>;
  /** YYYY-MM-DD. */
  today: string;
}

export interface Analysis {
  /** The host's key for the file (absent for a text analysed on its own with analyze()). */
  file?: string;
  text: string;
  lines: LineIndex;
  doc: Document;
  model: Model;
  settings: EffectiveSettings;
  schemaErrors: SchemaError[];
  suppressions: Suppression[];
  /** Every finding, in document order. */
  problems: Problem[];
  /**
   * The whole organisation's model, when the file belongs to one with other
   * files (its spans carry their file): ids resolve against it. `model` is
   * this file's own, so its offsets are always into `text`.
   */
  organisation?: Model;
}
