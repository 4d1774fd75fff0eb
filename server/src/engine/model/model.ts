// The organisation as the rules see it: people, products, domains and teams,
// each remembering where it is written, with every reference resolved.
// Built straight from the YAML AST (never from a JS copy), tolerant of any
// shape: what is not the expected type is simply absent here and is the
// schema rule's business.
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { referenceFieldsOf } from './referenceFields';
import { resolverFor, setPairFinder, type Resolver } from '../syntax/resolve';
import type { Domain, Entity, FileSettings, Model, Organization, Person, Product, Ref, RefField, RefKind, RoleName, Span, Team, Vacancy } from '../types';
import { FRAMEWORKS, LIFECYCLES, STAGES, STANCES, TEAM_TYPES } from '../types';
import { keyNode } from '../syntax/nodes';
import { companionOf, setCompanion, type MovesWithEntry } from '../syntax/incremental';
import { hiddenMemo } from '../memo';
import { newIndices, type SectionItems } from '../syntax/sections';

export type { Domain, FileSettings, Model, Organization, Person, Product, Ref, RefField, RefKind, RoleName, Team, Vacancy } from '../types';

export function span(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}
const nodeSpan = span;

function nonEmpty(s: Span | undefined): Span | undefined {
  return s && s.end > s.start ? s : undefined;
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

type Fields = Record<string, Pair | undefined>;

/**
 * How the model reads the tree: anchors, aliases and merge keys through the
 * document's resolver (resolve.ts), so a merged field counts as written at its
 * `<<` and an alias as its anchor's value placed at the alias.
 */
function readerFor(resolver: Resolver) {
  /** A value with aliases resolved. */
  const val = (node: unknown): Node | null => resolver.node(node);
  const entries = (node: unknown): Pair[] => {
    const n = val(node);
    return isMap(n) ? resolver.pairs(n) : [];
  };
  const str = (node: unknown): string | undefined => {
    const n = val(node);
    return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
  };
  /** Every field of a mapping by key, in one pass (the first of duplicate keys wins). */
  const fieldsOf = (map: YAMLMap | undefined): Fields => {
    const out: Fields = Object.create(null);
    if (map)
      for (const p of entries(map)) {
        const k = keyText(p);
        if (k !== undefined && out[k] === undefined) out[k] = p;
      }
    return out;
  };
  const field = (map: YAMLMap | undefined, name: string): Pair | undefined => {
    if (!map) return undefined;
    for (const p of entries(map)) if (keyText(p) === name) return p;
    return undefined;
  };
  /** A date scalar's text: YAML 1.1 reads `2026-12-31` as a timestamp, the core schema as text. */
  /** One text or a list of texts (`discipline: ux`, `discipline: [product, business]`). */
  const texts = (node: unknown): string[] => {
    const n = val(node);
    const items = isSeq(n) ? n.items : [n];
    return items.map(str).filter((x): x is string => x !== undefined);
  };
  const dateText = (node: unknown): string | undefined => {
    if (isScalar(node) && node.value instanceof Date && !Number.isNaN(node.value.getTime())) return node.value.toISOString().slice(0, 10);
    return str(node);
  };
  return { val, entries, str, texts, fieldsOf, field, dateText };
}

/** A YYYY-MM-DD text that names a real calendar day, else undefined. */
export function realDate(v: string | undefined): string | undefined {
  const m = v === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? v : undefined;
}

function oneOf<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/**
 * What the model keeps of one entry (a person, a product with its domains, a
 * team): its record, the references and vacant seats in it, and every span
 * object in them. The parse cache hands an unchanged entry's nodes to the next
 * parse (incremental.ts), so the record is kept with the entry's pair and
 * reused; when an edit above it moves the entry, the parse cache moves its
 * spans in place together with its nodes (moveBy), so no model build reads
 * every entry's key to learn whether it moved (an older document is then out
 * of date as a whole, and the host parses it again if asked).
 */
class EntryRecord<T> implements MovesWithEntry {
  /** Every span object in the record: found when it first moves. */
  private spans?: Span[];

  constructor(
    readonly kind: string,
    readonly file: string | undefined,
    readonly value: T | undefined,
    readonly refs: Ref[],
    readonly vacancies: Vacancy[],
  ) {}

  /** Lists the record's spans now, not when it first moves. */
  listSpans(): void {
    this.spans ??= spansIn([this.value, this.refs, this.vacancies]);
  }

  /** The parse cache moved the entry's nodes (incremental.ts): its spans move with them. */
  moveBy(by: number): void {
    // The record's span objects, found the first time it moves (most never do).
    this.listSpans();
    for (const s of this.spans!) {
      s.start += by;
      s.end += by;
    }
  }
}

/** An entry's kept record, if the pair has one. */
function recordOf(pair: unknown): EntryRecord<unknown> | undefined {
  const c = companionOf(pair as Pair);
  return c instanceof EntryRecord ? c : undefined;
}

/** Every span object in a record (objects with a numeric start and end), never a YAML node. */
function spansIn(values: unknown[]): Span[] {
  const out: Span[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v) || isNode(v) || isPair(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push(o as unknown as Span);
    for (const k in o) walk(o[k]);
  };
  for (const v of values) walk(v);
  return out;
}

/**
 * Lists the spans of every entry's kept record now (idle time after a file was
 * opened), not when an edit first moves the entry. Changes no span.
 */
export function prepareRecords(model: Model): void {
  for (const name of ['people', 'products', 'teams']) {
    const section = model.sections.get(name)?.value;
    if (!isMap(section)) continue;
    for (const pair of section.items) recordOf(pair)?.listSpans();
  }
}

/** The entries of each section a model is made of, and each one's key, when it was built: the next parse's model compares its entries with them. */
interface HeldSections {
  people: SectionItems;
  products: SectionItems;
  teams: SectionItems;
}
const heldSections = hiddenMemo<Model, HeldSections>('productteam.model.entries');

/** Whether the next parse's model may take parts of `model` over: it keeps its entries (a file's second parse on, or readied in idle time). */
export function isKeptForNext(model: Model): boolean {
  return heldSections.get(model) !== undefined;
}

/** A section entry's key as the model compares entries (the same as the sections' walks). */
const entryKey = (p: unknown): string | undefined => keyText(p as Pair);

function sectionItems(items: readonly Pair[]): SectionItems {
  return { items: [...items], keys: items.map(keyText) };
}

/**
 * A model whose people map is the one the model before it (of the same file,
 * from the same parse cache) made, changed in place: a keystroke changes a
 * person or two of thousands, and the map is not made again. `since`: that
 * model, whose map this now is; `replaced`: each record replaced, before and
 * after; `earlier`: the change that made `since`, if it took a map over too
 * (kept for a few models only, so models do not hold on to each other in a
 * long chain).
 */
export interface PeopleChange {
  since: Model;
  replaced: [Person, Person][];
  earlier?: PeopleChange;
}
const peopleChanges = hiddenMemo<Model, PeopleChange | undefined>('productteam.model.people-change');

/** How many models back a change is kept: a rule whose findings were reused skipped a check, and compares with the model it last ran on. */
const KEPT_CHANGES = 4;

/** How `model`'s people differ from those of the model whose map it took over (undefined: it made its own map). */
export function peopleChange(model: Model): PeopleChange | undefined {
  return peopleChanges.get(model);
}

/**
 * The models before `model` whose people map it shares (each taken over and
 * changed by the next), nearest first, as far back as changes are kept.
 */
export function modelsBefore(model: Model): Model[] {
  const out: Model[] = [];
  for (let c = peopleChanges.get(model); c; c = c.earlier) out.push(c.since);
  return out;
}

/** The people records replaced between `ancestor` and `model` (before, after), or undefined when `model` did not come from it by changes kept. */
export function peopleReplacedSince(model: Model, ancestor: Model): [Person, Person][] | undefined {
  if (model === ancestor) return [];
  const out: [Person, Person][] = [];
  for (let c = peopleChanges.get(model); c; c = c.earlier) {
    for (const r of c.replaced) out.push(r);
    if (c.since === ancestor) return out;
  }
  return undefined;
}

/** Readies a file's first model for the next parse's (idle time): the entries it compares with. */
export function keepEntries(model: Model, doc: Document): void {
  if (heldSections.get(model) || resolverFor(doc).hasIndirection) return;
  const items = (name: string) => {
    const section = model.sections.get(name)?.value;
    return isMap(section) ? (section.items as Pair[]) : [];
  };
  heldSections.set(model, { people: sectionItems(items('people')), products: sectionItems(items('products')), teams: sectionItems(items('teams')) });
}

/**
 * The model of one file. `file` (the host's key for it) is written on every
 * span, so that an organisation's merged model knows where each node is.
 * `previous`: the model of the same file's last parse with the same parse
 * cache, whose people map this one may take over and change in place
 * (peopleChange), and whose products, teams, references and vacant seats it
 * shares while no product or team entry is new; the caller then holds every
 * document before this one out of date (host/parse.ts).
 */
export function buildModel(doc: Document, file?: string, previous?: Model): Model {
  const resolver = resolverFor(doc);
  const { val, entries, str, texts, fieldsOf, field, dateText } = readerFor(resolver);
  // Without anchors, aliases or merge keys an entry means what its own nodes say: its record can be kept with them.
  const keep = !resolver.hasIndirection;
  // Spans and references are written as whole literals, never spread: a spread
  // object gets a hidden class of its own in V8, and every rule that reads
  // thousands of them then pays a megamorphic lookup (and a model build moving
  // them, ten times the work).
  const span =
    file === undefined
      ? nodeSpan
      : (node: Node | null | undefined): Span | undefined => {
          const r = node?.range;
          return r ? { start: r[0], end: r[1], file } : undefined;
        };
  const root = doc.contents;
  const sections = new Map<string, Pair>();
  for (const p of entries(root)) {
    const k = keyText(p);
    if (k !== undefined && !sections.has(k)) sections.set(k, p);
  }
  let refs: Ref[] = [];
  let vacancies: Vacancy[] = [];
  // Where the entry being built puts its references and vacant seats.
  let entryRefs: Ref[] = refs;
  let entryVacancies: Vacancy[] = vacancies;

  /** An entry's record: kept with its pair when the nodes are the parse cache's, moved when the entry moved. */
  const record = <T>(pair: Pair, kind: string, build: (pair: Pair) => T | undefined): T | undefined => {
    const held = recordOf(pair) as EntryRecord<T> | undefined;
    // Its spans are where its nodes are: the parse cache moved them together.
    if (keep && held && held.kind === kind && held.file === file) {
      for (const r of held.refs) refs.push(r);
      for (const v of held.vacancies) vacancies.push(v);
      return held.value;
    }
    entryRefs = [];
    entryVacancies = [];
    const value = build(pair);
    const rec = new EntryRecord<T>(kind, file, value, entryRefs, entryVacancies);
    for (const r of rec.refs) refs.push(r);
    for (const v of rec.vacancies) vacancies.push(v);
    entryRefs = refs;
    entryVacancies = vacancies;
    if (keep) setCompanion(pair, rec);
    return value;
  };

  const refField = (fields: Fields, name: RoleName, kind: RefKind, holder: Product | Domain | Team): RefField | undefined => {
    const pair = fields[name];
    if (!pair || !isScalar(pair.key)) return undefined;
    const node = val(pair.value);
    // SPEC 2 (revision 3): an empty role seat (`productOwner: ~`, `owner:`) is vacant, read as if the key were missing.
    if (isVacantSeat(name, node)) {
      const key = span(keyNode(pair))!;
      const end = span(node)?.end ?? key.end;
      entryVacancies.push({ role: name as Vacancy['role'], holder, key, span: { start: key.start, end: Math.max(end, key.end) }, value: span(node) });
      return undefined;
    }
    const out: RefField = {
      refs: [],
      key: span(keyNode(pair))!,
      value: span(node) ?? span(keyNode(pair))!,
      isList: isSeq(node),
      node,
      pair,
    };
    const items = isSeq(node) ? node.items.map(val) : [node];
    for (const item of items) {
      const id = str(item);
      const s = span(item as Node);
      if (id !== undefined && s)
        out.refs.push(
          s.file === undefined
            ? { id, kind, role: name, holder, start: s.start, end: s.end }
            : { id, kind, role: name, holder, start: s.start, end: s.end, file: s.file },
        );
    }
    for (const r of out.refs) entryRefs.push(r);
    return out;
  };

  const entity = (pair: Pair): Entity | undefined => {
    const id = keyText(pair);
    const key = span(keyNode(pair));
    if (id === undefined || !key) return undefined;
    const value = val(pair.value);
    return { id, key, pair, map: isMap(value) ? value : undefined };
  };

  const orgPair = sections.get('organization');
  const orgValue = val(orgPair?.value);
  const orgMap = isMap(orgValue) ? orgValue : undefined;
  const organization: Organization = {
    name: str(field(orgMap, 'name')?.value),
    stage: oneOf(STAGES, str(field(orgMap, 'stage')?.value)) ?? 'scaleup',
    declaredStance: oneOf(STANCES, str(field(orgMap, 'stance')?.value)),
    framework: oneOf(FRAMEWORKS, str(field(orgMap, 'framework')?.value)),
    key: orgPair ? span(keyNode(orgPair)) : undefined,
    map: orgMap,
  };

  const settingsMap = val(sections.get('settings')?.value);
  const maxNode = isMap(settingsMap) ? val(field(settingsMap, 'maxDomainsPerPerson')?.value) : undefined;
  const coreTeamNode = isMap(settingsMap) ? val(field(settingsMap, 'coreTeam')?.value) : undefined;
  const rulesNode = isMap(settingsMap) ? field(settingsMap, 'rules')?.value : undefined;
  const settings: FileSettings = {
    maxDomainsPerPerson: isScalar(maxNode) && typeof maxNode.value === 'number' ? maxNode.value : undefined,
    rules: {},
  };
  if (isSeq(coreTeamNode)) settings.coreTeam = coreTeamNode.items.map(str).filter((x): x is string => x !== undefined);
  for (const p of entries(rulesNode)) {
    const k = keyText(p);
    const v = val(p.value);
    if (k !== undefined && isScalar(v)) settings.rules[k] = v.value;
  }

  const buildPerson = (p: Pair): Person | undefined => {
    const e = entity(p);
    if (!e) return undefined;
    const f = fieldsOf(e.map);
    const untilText = dateText(f.until?.value);
    return {
      id: e.id,
      key: e.key,
      pair: e.pair,
      map: e.map,
      name: str(f.name?.value),
      title: str(f.title?.value),
      email: str(f.email?.value),
      disciplines: texts(f.discipline?.value),
      customerContact: str(f.customerContact?.value),
      decisionAuthority: str(f.decisionAuthority?.value),
      until: realDate(untilText),
      untilText,
    };
  };
  const peopleItems = entries(sections.get('people')?.value);
  // After a keystroke that changed a few people and kept their ids, the last model's map is changed where they are.
  const held = keep && previous ? heldSections.get(previous) : undefined;
  const fresh = newIndices(peopleItems, held?.people, entryKey);
  let people: Map<string, Person> | undefined;
  let replaced: [Person, Person][] | undefined;
  if (fresh) {
    const before = fresh.map((i) => recordOf(held!.people.items[i])?.value as Person | undefined);
    // Only the new entries are read: every other one is the last model's, its record moved with its nodes.
    const after = fresh.map((i) => record(peopleItems[i], 'person', buildPerson));
    if (before.every((b, k) => (b === undefined ? after[k] === undefined : after[k]?.id === b.id))) {
      people = previous!.people;
      replaced = [];
      for (let k = 0; k < fresh.length; k++) {
        const [b, a] = [before[k], after[k]];
        held!.people.items[fresh[k]] = peopleItems[fresh[k]];
        // Only the first person of an id is in the map (duplicate-id reports the others).
        if (b && a && people.get(b.id) === b) {
          people.set(a.id, a);
          replaced.push([b, a]);
        }
      }
    }
  }
  if (!people) {
    people = new Map<string, Person>();
    for (const p of peopleItems) {
      const person = record(p, 'person', buildPerson);
      if (person && !people.has(person.id)) people.set(person.id, person);
    }
  }

  const buildProduct = (p: Pair): Product | undefined => {
    const e = entity(p);
    if (!e) return undefined;
    const f = fieldsOf(e.map);
    const domainsPair = f.domains;
    const product: Product = {
      id: e.id,
      key: e.key,
      pair: e.pair,
      map: e.map,
      name: str(f.name?.value),
      vision: str(f.vision?.value),
      lifecycle: oneOf(LIFECYCLES, str(f.lifecycle?.value)) ?? 'growth',
      domains: [],
      domainsKey: domainsPair ? span(keyNode(domainsPair)) : undefined,
    };
    for (const r of referenceFieldsOf('product')) product[r.key] = refField(f, r.key, r.kind, product);
    for (const dp of entries(domainsPair?.value)) {
      const de = entity(dp);
      if (!de) continue;
      const df = fieldsOf(de.map);
      const outcomes = val(df.outcomes?.value);
      const domain: Domain = {
        id: de.id,
        key: de.key,
        pair: de.pair,
        map: de.map,
        product,
        name: str(df.name?.value),
        outcomeCount: isSeq(outcomes) ? outcomes.items.length : 0,
        outcomes: nonEmpty(span(outcomes as Node | undefined)),
      };
      for (const r of referenceFieldsOf('domain')) domain[r.key] = refField(df, r.key, r.kind, domain);
      product.domains.push(domain);
    }
    return product;
  };
  const productItems = entries(sections.get('products')?.value);
  const teamItems = entries(sections.get('teams')?.value);
  // No product or team entry is new: the last model's products, teams, references and vacant seats are this one's (their records moved with their nodes).
  const same = (items: Pair[], kept: SectionItems | undefined) => newIndices(items, kept, entryKey)?.length === 0;
  const unchanged = held !== undefined && same(productItems, held.products) && same(teamItems, held.teams);
  let products: Product[] = [];
  if (unchanged) products = previous!.products;
  else
    for (const p of productItems) {
      const product = record(p, 'product', buildProduct);
      if (product) products.push(product);
    }

  const buildTeam = (p: Pair): Team | undefined => {
    const e = entity(p);
    if (!e) return undefined;
    const f = fieldsOf(e.map);
    const team: Team = {
      id: e.id,
      key: e.key,
      pair: e.pair,
      map: e.map,
      name: str(f.name?.value),
      type: oneOf(TEAM_TYPES, str(f.type?.value)) ?? 'stream-aligned',
    };
    for (const r of referenceFieldsOf('team')) team[r.key] = refField(f, r.key, r.kind, team);
    return team;
  };
  let teams = new Map<string, Team>();
  if (unchanged) ({ teams, refs, vacancies } = previous!);
  else
    for (const p of teamItems) {
      // A team defined twice: the first wins, and the second's references are not the organisation's (duplicate-id reports it).
      const before = refs.length;
      const beforeVacancies = vacancies.length;
      const team = record(p, 'team', buildTeam);
      if (!team) continue;
      if (teams.has(team.id)) {
        refs.length = before;
        vacancies.length = beforeVacancies;
        continue;
      }
      teams.set(team.id, team);
    }

  // Sections may come in any order; sort only when they did not.
  if (!unchanged && refs.some((r, i) => i > 0 && refs[i - 1].start > r.start)) refs.sort((a, b) => a.start - b.start);
  if (keep) {
    // Placing a schema error finds its entry by id: these maps already hold the first pair of each id.
    const peopleMap = val(sections.get('people')?.value);
    if (isMap(peopleMap)) setPairFinder(peopleMap, (id) => people.get(id)?.pair);
    const teamsMap = val(sections.get('teams')?.value);
    if (isMap(teamsMap)) setPairFinder(teamsMap, (id) => teams.get(id)?.pair);
  }
  const model: Model = { organization, settings, people, products, teams, refs, sections, vacancies };
  if (keep && previous) {
    // From a file's second parse on (a text read once keeps nothing): what the next parse's model compares its people with.
    heldSections.set(model, {
      people: replaced ? held!.people : sectionItems(peopleItems),
      products: unchanged ? held!.products : sectionItems(productItems),
      teams: unchanged ? held!.teams : sectionItems(teamItems),
    });
    if (replaced) {
      const change: PeopleChange = { since: previous, replaced, earlier: peopleChanges.get(previous) };
      let c: PeopleChange = change;
      for (let n = 1; n < KEPT_CHANGES && c.earlier; n++) c = c.earlier;
      // The oldest change kept ends the chain, and the model it came from keeps no change of its own (else each model would hold the one before it, for ever).
      c.earlier = undefined;
      peopleChanges.set(c.since, undefined);
      peopleChanges.set(model, change);
    }
  }
  return model;
}

const SEATS: ReadonlySet<string> = new Set(['owner', 'productManager', 'productOwner', 'scrumMaster']);

/** A role seat left empty: no value, `~`, `null` or `''`. An empty list is an empty list, not a vacancy. */
function isVacantSeat(name: RoleName, node: Node | null): boolean {
  if (!SEATS.has(name)) return false;
  if (node === null || node === undefined) return true;
  return isScalar(node) && (node.value === null || node.value === '');
}

/** Whether a person has this discipline among those written. */
export function hasDiscipline(p: Person | undefined, discipline: string): boolean {
  return p !== undefined && p.disciplines.includes(discipline);
}

/** Ids named by a role field (empty when the field is missing). */
export function ids(f: RefField | undefined): string[] {
  return f ? f.refs.map((r) => r.id) : [];
}

/** Where a domain's accountable owner comes from (SPEC 2). */
export type DomainOwnerSource = 'owner' | 'productManager' | 'productOwner' | 'none';

/**
 * A domain's accountable owners: `owner`, else its product manager(s), else its
 * sole product owner (SPEC 2, revision 3: organisations with product owners and
 * no product managers are legitimate). Several POs and no PM: no owner
 * (single-backlog-owner reports the list). The one reading of it: `single-owner`
 * judges it and the ownership map shows it.
 */
export function domainOwners(d: Domain): { ids: string[]; field?: RefField; source: DomainOwnerSource } {
  if (d.owner) return { ids: ids(d.owner), field: d.owner, source: 'owner' };
  if (d.productManager) return { ids: ids(d.productManager), field: d.productManager, source: 'productManager' };
  if (d.productOwner && new Set(ids(d.productOwner)).size === 1) return { ids: ids(d.productOwner), field: d.productOwner, source: 'productOwner' };
  return { ids: [], field: undefined, source: 'none' };
}

/**
 * A product's accountable owners: its `owner`; with none written and exactly
 * one domain, that domain's owner (SPEC 2 and 3, revision 3: `fromDomain` is
 * set then). Otherwise none.
 */
export function productOwners(p: Product): { ids: string[]; field?: RefField; fromDomain?: Domain } {
  if (p.owner) return { ids: ids(p.owner), field: p.owner };
  if (p.domains.length === 1) return { ids: domainOwners(p.domains[0]).ids, fromDomain: p.domains[0] };
  return { ids: [] };
}

/** A domain's product owner(s): `productOwner`, else its product manager(s), who then hold that role too. */
export function domainProductOwners(d: Domain): string[] {
  return domainProductOwnersFrom(d).ids;
}

/** `domainProductOwners`, with where they come from: the domain's own field, or its PM(s). */
export function domainProductOwnersFrom(d: Domain): { ids: string[]; source: 'productOwner' | 'productManager' | 'none' } {
  if (d.productOwner) return { ids: ids(d.productOwner), source: 'productOwner' };
  if (d.productManager) return { ids: ids(d.productManager), source: 'productManager' };
  return { ids: [], source: 'none' };
}
