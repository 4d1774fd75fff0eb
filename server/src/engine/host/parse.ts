// One file, parsed once: everything about a file that depends on its text
// alone (tree, model, schema errors, suppressions, include entries). The host
// keeps one per file and reuses it only while the text is the same; nothing
// downstream changes it, so snapshots that share it cannot disturb each other.
import { isScalar, isSeq, type Document, type Node } from 'yaml';
import { addDuplicateKeyErrors, keepSectionWalks } from '../syntax/duplicates';
import { mayHaveIndirection, outdateEarlier, parseIncremental, type ParseCache } from '../syntax/incremental';
import { LineIndex } from '../syntax/lines';
import { buildModel, keepEntries, peopleChange, span } from '../model/model';
import { resolverFor } from '../syntax/resolve';
import { isFatalYamlError } from '../rules/yaml-syntax';
import { markerOffsets, markerOffsetsAfter, parseSuppressions } from '../suppressions/suppressions';
import { keepEntryErrors, validateSchema } from '../schema/schema';
import type { Model, SchemaError, Span, Suppression } from '../types';
import { keyNode } from '../syntax/nodes';
import { textShift, type TextShift } from '../text';
import { memo } from '../memo';

/**
 * The edited stretch of a text with two characters either side: an anchor,
 * an alias or a merge key is at most three characters long, so one the edit
 * made lies in it (a `^` at its start may match where the text has none:
 * that only costs the cache).
 */
function edited(source: string, shift: TextShift): string {
  return source.slice(Math.max(0, shift.start - 2), Math.min(source.length, shift.oldEnd + shift.by + 2));
}

/** The model of the last text parsed with a cache: the next text's model may take parts of it over (model.ts, buildModel). */
const lastModels = memo<ParseCache, Model>('productteam.parse.last-model');

/** Top-level keys a part file may not have (SPEC section 9): schema errors, and ignored. */
const ROOT_ONLY = ['organization', 'settings', 'include'] as const;

export interface IncludeEntry extends Span {
  /** The entry as written: a relative path, maybe with `*` and `**`. */
  pattern: string;
}

export interface ParsedFile {
  /** The host's key for the file; undefined for a text analysed on its own. */
  file: string | undefined;
  text: string;
  doc: Document.Parsed;
  lines: LineIndex;
  model: Model;
  /** The file does not parse well enough for any rule but yaml-syntax. */
  parseFailed: boolean;
  schemaErrors: SchemaError[];
  suppressions: Suppression[];
  /** A root file (it has `organization:`); every other file is a part. */
  isRoot: boolean;
  /** A root's `include` entries, in order. */
  includes: IncludeEntry[];
  /** The parse cache the tree shares nodes with, and its generation then: the tree is current while it is the same. */
  cache?: { parseCache: ParseCache; generation: number };
}

/** Whether a parse's tree still has the ranges of its text (a later parse with the same cache may have moved shared nodes). */
export function isCurrent(parsed: ParsedFile): boolean {
  return parsed.cache === undefined || parsed.cache.parseCache.generation === parsed.cache.generation;
}

export interface ParseFileOptions {
  /** Read the file as a root whatever it holds (a text analysed on its own, as analyze() always did). */
  asRoot?: boolean;
  /** The file's parse cache (the host keeps one per file; every parse gets its own copies of the cached nodes). */
  parseCache?: ParseCache;
}

export function parseFile(text: string, file: string | undefined, options: ParseFileOptions = {}): ParsedFile {
  // CR-only line ends are line ends (YAML and LSP say so; yaml's lexer does
  // not). Same length, so every offset still points into `text`.
  const cache = options.parseCache;
  // After an edit, the line index and the search for anchors follow from the last text's: only the edited stretch is read.
  const last = cache?.last;
  // After an edit of a text without a CR, only the edited stretch can hold one (a whole 600 kB text is not searched on every keystroke).
  const raw = last && !last.hasCR ? textShift(last.source, text) : undefined;
  const hasCR = last && !last.hasCR ? raw !== undefined && text.slice(raw.start, raw.oldEnd + raw.by).includes('\r') : text.includes('\r');
  const source = hasCR ? text.replace(/\r(?!\n)/g, '\n') : text;
  const shift = last && (last.hasCR || hasCR ? textShift(last.source, source) : raw);
  const indirection =
    last && !shift ? last.indirection : last && shift && !last.indirection ? mayHaveIndirection(edited(source, shift)) : mayHaveIndirection(source);
  const doc = parseIncremental(source, cache, indirection, last && { before: last.source, shift });
  // What is kept for the next keystroke (a section's walks, each entry's placed schema errors) is made from the second parse on: a text read once (the CLI, a file's first parse) gains nothing by it.
  const series = last !== undefined;
  addDuplicateKeyErrors(doc, series);
  // Aliases and merge keys resolved once, for the schema and the rules; a bad
  // alias is a yaml-syntax error at the alias and resolves to nothing. A text
  // with none is not walked to look for them, and after an edit its data is
  // never made whole: schema.ts validates it entry by entry and keeps each
  // entry's errors for the next keystroke. A text read once is quicker
  // validated whole.
  const resolver = resolverFor(doc, !indirection);
  const resolved = resolver.hasIndirection || !series ? resolver.toJS() : undefined;
  if (resolved) doc.errors.push(...resolved.errors);
  // (LineIndex.after indexes anew when either text has a CR.)
  const lines = last && shift ? LineIndex.after(last.lines, shift, text, hasCR) : new LineIndex(text);
  // Where the text mentions the suppressions' marker, likewise from the last text's.
  const markers = last && shift ? markerOffsetsAfter(last.markers, shift, text) : last ? last.markers : markerOffsets(text);
  const model = buildModel(doc, file, cache && lastModels.get(cache));
  if (cache) {
    cache.last = { source, hasCR, lines, indirection, markers };
    lastModels.set(cache, model);
    // The last model's people map changed in place: every document before this one is out of date (as when nodes move).
    if (peopleChange(model)?.replaced.length) outdateEarlier(cache);
  }
  // Like a compiler after a parse error: when the structure itself is broken,
  // everything but the syntax error (the rules that declare
  // runsWhenParseFails) would be noise about a tree that isn't what the user
  // meant (the yaml-syntax message says the other checks are paused). A duplicate key, a bad alias or a second document leave the
  // structure of the first document intact: everything else still runs.
  const parseFailed = doc.errors.some(isFatalYamlError);
  const isRoot = options.asRoot === true || model.sections.has('organization') || (parseFailed && /^organization[ \t]*:/m.test(source));
  let schemaErrors = parseFailed ? [] : validateSchema(doc, resolved?.data);
  if (!isRoot && !parseFailed) schemaErrors = partSchemaErrors(model, schemaErrors);
  return {
    file,
    text,
    doc,
    lines,
    model,
    parseFailed,
    schemaErrors,
    suppressions: parseSuppressions(text, lines, doc, markers),
    isRoot,
    includes: isRoot ? includeEntries(model, resolver) : [],
    cache: options.parseCache && { parseCache: options.parseCache, generation: options.parseCache.generation },
  };
}

/**
 * Readies a file's first parse for the keystrokes after it (idle time): what
 * later parses keep for the next one (each section's walk for repeated keys,
 * each entry's placed schema errors) is made now from this parse's nodes,
 * which the parse cache hands on. Changes no answer.
 */
export function keepForEdits(parsed: ParsedFile): void {
  keepSectionWalks(parsed.doc);
  keepEntries(parsed.model, parsed.doc);
  if (!parsed.parseFailed) keepEntryErrors(parsed.doc);
}

/** A part's schema: no `organization` needed, and the root-only keys are errors (ignored by the rules, which read the root's). */
function partSchemaErrors(model: Model, errors: SchemaError[]): SchemaError[] {
  const out = errors.filter((e) => !(e.kind === 'missing-property' && e.property === 'organization' && e.pointer === ''));
  for (const key of ROOT_ONLY) {
    const pair = model.sections.get(key);
    const s = pair && span(keyNode(pair));
    if (!s) continue;
    out.push({
      ...s,
      kind: 'unknown-property',
      property: key,
      pointer: '',
      message: `'${key}' belongs in the root file: a part file (one without 'organization:') takes only 'version', 'people', 'teams' and 'products', and this '${key}' is ignored.`,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function includeEntries(model: Model, resolver: ReturnType<typeof resolverFor>): IncludeEntry[] {
  const value = resolver.node(model.sections.get('include')?.value);
  if (!isSeq(value)) return [];
  const out: IncludeEntry[] = [];
  for (const item of value.items) {
    const node = resolver.node(item);
    const s = span(node as Node);
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' && s) out.push({ ...s, pattern: node.value.trim() });
  }
  return out;
}
