// text -> { model, problems }. Never throws: a text that does not parse still
// yields an Analysis whose problems say why. One text on its own is an
// organisation of one file, read as its root; the host (host/host.ts)
// analyses organisations of several files the same way.
import { checkOrganisation, fileAnalysis } from './organisation';
import { parseFile } from './parse';
import type { Analysis, AnalyzeOptions } from '../types';

export type { Analysis, EffectiveSettings } from '../types';
export { DEFAULT_MAX_DOMAINS_PER_PERSON, localToday } from './organisation';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // With a parse cache (analyze's callers may keep one per document), only the entries that changed are parsed.
  const parsed = parseFile(text, undefined, { asRoot: true, parseCache: options.parseCache });
  const checked = checkOrganisation([parsed], { orphan: false, includeProblems: [] }, options);
  return fileAnalysis(parsed, checked, checked.problems.get(undefined) ?? [], false);
}
