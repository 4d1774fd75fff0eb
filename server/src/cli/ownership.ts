// `productteam-lint map` and `productteam-lint diff` (SPEC section 10): each
// parses its own flags (pure, `parseOwnershipArgs`), reads its inputs (a
// file, or `git show <ref>:<path>` for diff's `git:<ref>`), asks the engine
// for the map or the diff and prints one of its renderings.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildMap,
  EngineHost,
  diffOwnership,
  isProductTeamFile,
  ownershipInput,
  renderDiffMarkdown,
  renderMapHtml,
  renderMapMarkdown,
  STANCES,
  type AnalyzeOptions,
  type LocatedFinding,
  type OwnershipInput,
  type Snapshot,
  type SourceRange,
  type Stance,
} from '../engine';
import { checkFiles, keyOf, ROOT_LINE } from './organisations';
import { escapeControl, escapeJson } from './escape';
import { decodeUtf8, readTextFile } from './files';
import { slashPath } from './paths';

export type OwnershipCommand = 'map' | 'diff';
const FORMATS: Record<OwnershipCommand, readonly string[]> = { map: ['markdown', 'json', 'html'], diff: ['markdown', 'json'] };

export const MAP_USAGE = `Usage: productteam-lint map [file] [--format markdown|json|html]

Prints the organisation of a root file as products -> domains (accountable
owner, PM, PO, teams with their type, outcomes), a table of people with their
roles and domain counts against maxDomainsPerPerson, and the findings where
they are. html is one self-contained page (no network) with a chart of roles
per person. With no file, the one root file (a file with 'organization:') in
the current folder.

Options:
  -f, --format <name>                markdown (default), json or html
      --stance <stance>              ${STANCES.join(', ')} (overrides the file)
      --max-domains-per-person <n>   overrides settings.maxDomainsPerPerson
      --core-team <a,b,c>            overrides settings.coreTeam (the disciplines core-team asks for)
  -h, --help                         show this help
`;

export const DIFF_USAGE = `Usage: productteam-lint diff <old> <new> [--format markdown|json] [--fail-on-new-errors]

Compares two versions of an organisation by meaning: people added, removed,
renamed or leaving; owner, PM and PO changes per domain; teams moved or
retyped; stance, stage and framework changes; findings introduced and
resolved. Reordering and reformatting are no change. <old> may be git:<ref>
(read with git show <ref>:<path of new>).

Options:
  -f, --format <name>                markdown (default, for a pull-request comment) or json
      --fail-on-new-errors           exit 1 when the change introduces errors
      --stance <stance>              ${STANCES.join(', ')} (overrides both versions)
      --max-domains-per-person <n>   overrides settings.maxDomainsPerPerson
      --core-team <a,b,c>            overrides settings.coreTeam (the disciplines core-team asks for)
  -h, --help                         show this help

Exit status: 0 whatever changed (1 with --fail-on-new-errors and new errors), 2 bad usage or unreadable input.
`;

export interface OwnershipOptions {
  format: string;
  failOnNewErrors: boolean;
  stance?: Stance;
  maxDomainsPerPerson?: number;
  coreTeam?: string[];
  help: boolean;
  paths: string[];
}

export type ParsedOwnershipArgs = { ok: true; options: OwnershipOptions } | { ok: false; error: string };

/** The flags of `map` or `diff` (argv after the subcommand's name). */
export function parseOwnershipArgs(command: OwnershipCommand, argv: readonly string[]): ParsedOwnershipArgs {
  const options: OwnershipOptions = { format: 'markdown', failOnNewErrors: false, help: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (name === '-h' || name === '--help') options.help = true;
    else if (name === '--fail-on-new-errors' && command === 'diff') options.failOnNewErrors = true;
    else if (name === '-f' || name === '--format') {
      const v = value();
      if (!v || !FORMATS[command].includes(v))
        return { ok: false, error: `${command} --format takes ${FORMATS[command].join(', ')}${v ? `, not '${v}'` : ''}` };
      options.format = v;
    } else if (name === '--stance') {
      const v = value();
      if (!STANCES.includes(v as Stance)) return { ok: false, error: `--stance takes ${STANCES.join(', ')}${v ? `, not '${v}'` : ''}` };
      options.stance = v as Stance;
    } else if (name === '--max-domains-per-person') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1)
        return { ok: false, error: `--max-domains-per-person takes a whole number of at least 1${v ? `, not '${v}'` : ''}` };
      options.maxDomainsPerPerson = n;
    } else if (name === '--core-team') {
      const v = value();
      const list = (v ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      if (!list.length) return { ok: false, error: `--core-team takes disciplines separated by commas, e.g. technology,ux,business${v ? `, not '${v}'` : ''}` };
      options.coreTeam = list;
    } else if (arg.startsWith('-') && arg !== '-') return { ok: false, error: `unknown option for ${command}: ${arg}` };
    else options.paths.push(arg);
  }
  if (options.help) return { ok: true, options };
  const want = command === 'map' ? [0, 1] : [2, 2];
  if (options.paths.length < want[0] || options.paths.length > want[1]) {
    return { ok: false, error: command === 'map' ? 'map takes at most one file' : 'diff takes two files: <old> <new> (<old> may be git:<ref>)' };
  }
  return { ok: true, options };
}

/** A reason to stop with exit code 2. */
class InputError extends Error {}

function readFile(filePath: string, shown: string): string {
  const read = readTextFile(filePath);
  if (!read.ok) throw new InputError(`cannot read '${escapeControl(shown)}': ${read.reason}`);
  return read.text;
}

/** `git show <ref>:<path>` of a file, by its path relative to its repository's root. */
function readAtRef(ref: string, filePath: string): string {
  const dir = path.dirname(filePath);
  const git = (args: string[]): Buffer => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new InputError(`'${escapeControl(filePath)}' is not in a git repository, so git:${escapeControl(ref)} cannot be read`);
  }
  const rel = path.relative(fs.realpathSync(top), fs.realpathSync(filePath)).split(path.sep).join('/');
  try {
    const decoded = decodeUtf8(git(['show', `${ref}:${rel}`]));
    if (!decoded) throw new InputError(`${escapeControl(rel)} at ${escapeControl(ref)} is not valid UTF-8`);
    return decoded.text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const stderr = ((err as { stderr?: Buffer }).stderr?.toString('utf8') ?? '').trim().split('\n')[0];
    throw new InputError(`cannot read ${escapeControl(rel)} at ${escapeControl(ref)}: ${escapeControl(stderr || (err as Error).message)}`);
  }
}

/** With no file given, the one root file (it has `organization:`) of the folder. */
function findRoot(cwd: string): string {
  const roots = fs
    .readdirSync(cwd, { withFileTypes: true })
    .filter((e) => e.isFile() && isProductTeamFile(e.name))
    .map((e) => path.join(cwd, e.name))
    .filter((f) => {
      const read = readTextFile(f);
      return read.ok && ROOT_LINE.test(read.text);
    })
    .sort();
  if (roots.length !== 1)
    throw new InputError(
      roots.length
        ? `several root files here (${roots.map((f) => path.basename(f)).join(', ')}): name one`
        : 'no root file (a productteam file with organization:) in this folder: name one',
    );
  return roots[0];
}

function analyzeOptionsOf(options: OwnershipOptions): AnalyzeOptions {
  const analyzeOptions: AnalyzeOptions = {};
  if (options.stance) analyzeOptions.stance = options.stance;
  if (options.maxDomainsPerPerson) analyzeOptions.maxDomainsPerPerson = options.maxDomainsPerPerson;
  if (options.coreTeam) analyzeOptions.coreTeam = options.coreTeam;
  return analyzeOptions;
}

/**
 * The map and diff's input for a file as the host reads it: for a root of a
 * multi-file organisation (SPEC section 9), the whole organisation's model,
 * with every file's findings, each located in its own file.
 */
function organisationInput(snap: Snapshot, filePath: string, shownOf: (filePath: string) => string): OwnershipInput {
  const key = keyOf(filePath);
  const locateIn = (file: string, span: { start: number; end: number }): SourceRange | undefined => {
    const a = snap.analysis(file);
    if (!a) return undefined;
    const s = a.lines.positionAt(span.start);
    const e = a.lines.positionAt(Math.max(span.start, span.end));
    return { filePath: shownOf(file), line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const analysis = snap.analysis(key);
  if (!analysis) throw new InputError(`cannot read '${escapeControl(shownOf(key))}'`);
  const input = ownershipInput(analysis, shownOf(key), (span) => locateIn(span.file, span));
  const others = new Set(snap.organisationsOf(key).flatMap((o) => o.files));
  others.delete(key);
  const findings: LocatedFinding[] = [...input.findings];
  for (const file of [...others].sort()) {
    for (const p of snap.analysis(file)?.problems ?? []) {
      const where = locateIn(file, p);
      if (where) findings.push({ ...where, ruleId: p.ruleId, severity: p.severity, message: p.message });
    }
  }
  return { ...input, findings };
}

/** A file read from disk with its organisation (the files its include names, or the root that includes it). */
function inputOfFile(filePath: string, text: string, cwd: string, options: OwnershipOptions): { input: OwnershipInput; files: string[] } {
  const checked = checkFiles(new Map([[filePath, text]]), analyzeOptionsOf(options), false);
  const snap = checked.snapshotOf(filePath);
  const files = [...new Set(snap.organisationsOf(keyOf(filePath)).flatMap((o) => o.files))];
  return { input: organisationInput(snap, filePath, (f) => slashPath(f, cwd)), files };
}

/** The organisation's files as they were at `ref` (those that existed then), checked together. */
function inputAtRef(ref: string, filePath: string, files: readonly string[], cwd: string, options: OwnershipOptions): OwnershipInput {
  const host = new EngineHost();
  host.setOptions(analyzeOptionsOf(options));
  host.setFile(keyOf(filePath), readAtRef(ref, filePath));
  for (const f of files) {
    if (f === keyOf(filePath)) continue;
    try {
      host.setFile(f, readAtRef(ref, f));
    } catch (err) {
      if (!(err instanceof InputError)) throw err; // a file the change added: not there at ref
    }
  }
  return organisationInput(host.snapshot(), filePath, (f) => slashPath(f, cwd));
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `map` or `diff`; never throws for bad input (exit 2 with a one-line reason). */
export function runOwnershipCommand(command: OwnershipCommand, argv: readonly string[], cwd: string, program: string): CommandResult {
  const parsed = parseOwnershipArgs(command, argv);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `${program}: ${escapeControl(parsed.error)}\n` };
  const options = parsed.options;
  if (options.help) return { code: 0, stdout: command === 'map' ? MAP_USAGE : DIFF_USAGE, stderr: '' };
  try {
    if (command === 'map') {
      const file = options.paths.length ? path.resolve(cwd, options.paths[0]) : findRoot(cwd);
      const shown = slashPath(file, cwd);
      const map = buildMap(inputOfFile(file, readFile(file, shown), cwd, options).input);
      const stdout =
        options.format === 'json'
          ? `${escapeJson(JSON.stringify(map))}\n`
          : options.format === 'html'
            ? renderMapHtml(map)
            : escapeControl(renderMapMarkdown(map), { keepLineBreaks: true });
      return { code: 0, stdout, stderr: '' };
    }
    const [oldArg, newArg] = options.paths;
    const newFile = path.resolve(cwd, newArg);
    const shown = slashPath(newFile, cwd);
    const after = inputOfFile(newFile, readFile(newFile, shown), cwd, options);
    // For a multi-file organisation, every file of it is read at <ref> (SPEC section 10).
    const before = oldArg.startsWith('git:')
      ? inputAtRef(oldArg.slice(4) || 'HEAD', newFile, after.files, cwd, options)
      : inputOfFile(path.resolve(cwd, oldArg), readFile(path.resolve(cwd, oldArg), oldArg), cwd, options).input;
    const diff = diffOwnership(before, after.input);
    const stdout = options.format === 'json' ? `${escapeJson(JSON.stringify(diff))}\n` : escapeControl(renderDiffMarkdown(diff), { keepLineBreaks: true });
    const newErrors = diff.introduced.some((f) => f.severity === 'error');
    return { code: options.failOnNewErrors && newErrors ? 1 : 0, stdout, stderr: '' };
  } catch (err) {
    if (err instanceof InputError) return { code: 2, stdout: '', stderr: `${program}: ${err.message}\n` };
    throw err;
  }
}
