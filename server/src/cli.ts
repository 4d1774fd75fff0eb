// productteam-lint: the command line over the same engine as the editor.
// This file and cli/files.ts are the only ones that touch the file system or
// the process: arguments (cli/args.ts) -> files or stdin (cli/files.ts) ->
// [--fix: fixAllText, written atomically; --fix-dry-run: cli/fix-report.ts] ->
// analyze() -> a formatter (cli/format-*.ts). An input that cannot be read is
// a finding of its own; the run goes on and exits 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, fixAllText, isProductTeamFile, RULES, ruleDocsUrl, type AnalyzeOptions } from './engine';
import { parseArgs, USAGE, type CliOptions } from './cli/args';
import { formatGithub } from './cli/format-github';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatStylish } from './cli/format-stylish';
import { escapeControl } from './cli/escape';
import { decodeUtf8, describeFsError, keepLineEnds, readTextFile, specialKind, writeFileAtomic, type ReadResult } from './cli/files';
import { formatSuggestions, suggestionsLeft, unifiedDiff } from './cli/fix-report';
import { slashPath } from './cli/paths';
import { toLintResult, totals, type LintResult } from './cli/results';
import { checkFiles, writeOrganisationFiles } from './cli/organisations';

const PROGRAM = 'productteam-lint';
/** How messages name standard input without --stdin-filename. */
const STDIN_NAME = '<stdin>';

/** A reason to stop with exit code 2; its message is the one line on stderr. */
class UsageError extends Error {}

interface PackageInfo {
  version: string;
  homepage?: string;
}

/** package.json, found from the bundle (server/out) or the sources (server/src). */
function readPackageInfo(): PackageInfo {
  for (const candidate of [path.resolve(__dirname, '../../package.json'), path.resolve(__dirname, '../package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as Record<string, unknown>;
      if (pkg.name !== 'productteam' || typeof pkg.version !== 'string') continue;
      const repo = pkg.repository as string | { url?: string } | undefined;
      const repoUrl = typeof repo === 'string' ? repo : repo?.url;
      const homepage = typeof pkg.homepage === 'string' ? pkg.homepage : repoUrl;
      return { version: pkg.version, homepage: homepage?.replace(/^git\+/, '').replace(/\.git$/, '') };
    } catch {
      // try the next place
    }
  }
  return { version: '0.0.0' };
}

/** Where the tool is documented, for SARIF's informationUri: an absolute URL. */
function informationUri(pkg: PackageInfo): string {
  if (pkg.homepage && /^https?:\/\//.test(pkg.homepage)) return pkg.homepage;
  const docs = ruleDocsUrl('schema');
  const i = docs.indexOf('/docs/rules/');
  if (/^https?:\/\//.test(docs) && i > 0) return docs.slice(0, i);
  return 'https://github.com/productteam/productteam';
}

/** An argument or folder entry to lint: its absolute path, how messages name it, and its text or why there is none. */
interface Input {
  filePath: string;
  shown: string;
  read: ReadResult;
}

/** Folders never searched: dependencies, VCS data and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Every product-team file under a folder, following links but never looping.
 * Only regular files are taken: pipes, sockets and devices in a folder are
 * not product-team files, whatever their name. A folder that cannot be read
 * becomes an unreadable input of its own.
 */
function findInFolder(dir: string, shown: string, seen: Set<string>, found: string[], unreadable: Input[]): void {
  let entries: fs.Dirent[];
  try {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    unreadable.push({ filePath: dir, shown, read: { ok: false, reason: describeFsError(err) } });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const shownChild = path.join(shown, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link is not a file to lint
      }
    }
    if (isDir && !isSkippedFolder(entry.name)) findInFolder(full, shownChild, seen, found, unreadable);
    else if (isFile && isProductTeamFile(entry.name)) found.push(full);
  }
}

const byPath = (a: Input, b: Input): number => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0);

/**
 * Arguments -> inputs, deduplicated and sorted by path. Throws a UsageError,
 * before anything is read, for a pipe or device argument (reading one could
 * block forever) and for a folder without product-team files.
 */
function collectInputs(args: readonly string[], cwd: string): Input[] {
  const files = new Map<string, string>();
  const unreadable: Input[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      unreadable.push({ filePath: abs, shown: arg, read: { ok: false, reason: describeFsError(err) } });
      continue;
    }
    const special = specialKind(stat);
    if (special) throw new UsageError(`refusing to read '${escapeControl(arg)}': it is ${special}, not a file or folder`);
    if (stat.isDirectory()) {
      const found: string[] = [];
      const before = unreadable.length;
      findInFolder(abs, arg, new Set(), found, unreadable);
      if (found.length === 0 && unreadable.length === before) {
        throw new UsageError(`no productteam files (*.productteam.yaml, *.productteam.yml, .productteam.yaml) found in '${escapeControl(arg)}'`);
      }
      for (const f of found) if (!files.has(f)) files.set(f, path.relative(cwd, f) || f);
    } else if (!files.has(abs)) {
      files.set(abs, path.relative(cwd, abs) || abs); // an explicit file is linted whatever its name
    }
  }
  const inputs: Input[] = [...files].map(([filePath, shown]) => ({ filePath, shown, read: readTextFile(filePath) }));
  const seenUnreadable = new Set<string>();
  for (const u of unreadable) {
    if (files.has(u.filePath) || seenUnreadable.has(u.filePath)) continue;
    seenUnreadable.add(u.filePath);
    inputs.push(u);
  }
  return inputs.sort(byPath);
}

/** Standard input, whole, as bytes. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** SPEC section 7: a file that cannot be read is a `yaml-syntax` finding of its own. */
function unreadableResult(filePath: string, reason: string): LintResult {
  return {
    filePath,
    messages: [{ ruleId: 'yaml-syntax', severity: 'error', message: `cannot read: ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    hintCount: 0,
  };
}

function useColor(options: CliOptions, stream: NodeJS.WriteStream): boolean {
  if (options.color !== undefined) return options.color;
  // https://no-color.org: NO_COLOR set to anything but the empty string.
  return !!stream.isTTY && !process.env.NO_COLOR;
}

function format(results: LintResult[], options: CliOptions, cwd: string, pkg: PackageInfo, stream: NodeJS.WriteStream): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, {
        cwd,
        toolVersion: pkg.version,
        informationUri: informationUri(pkg),
        rules: RULES,
        docsUrl: ruleDocsUrl,
      });
    case 'github':
      return formatGithub(results, { cwd });
    case 'stylish':
      return formatStylish(results, { cwd, color: useColor(options, stream) });
  }
}

/** Runs the CLI; returns the exit code. */
async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${PROGRAM}: ${escapeControl(parsed.error)}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const pkg = readPackageInfo();
  if (options.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }

  const analyzeOptions: AnalyzeOptions = { rules: options.rules };
  if (options.stance) analyzeOptions.stance = options.stance;

  let inputs: Input[];
  if (options.stdin) {
    const name = options.stdinFilename;
    const decoded = decodeUtf8(await readStdin());
    inputs = [
      {
        filePath: name === undefined ? STDIN_NAME : path.resolve(cwd, name),
        shown: name ?? STDIN_NAME,
        read: decoded ? { ok: true, ...decoded } : { ok: false, reason: 'not valid UTF-8' },
      },
    ];
  } else {
    try {
      inputs = collectInputs(options.paths, cwd);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${PROGRAM}: ${err.message}\n`);
      return 2;
    }
  }

  // With --stdin --fix, standard output is the fixed text; everything else goes to standard error.
  const fixToStdout = options.stdin && options.fix === 'write';
  const machineFormat = options.format === 'json' || options.format === 'sarif';
  const dryRunOut = machineFormat ? process.stderr : process.stdout;
  let failed = false; // an input that could not be read or written: exit 2
  const results: LintResult[] = [];
  // Files are checked with their organisations (SPEC section 9), each organisation once; stdin is a text on its own.
  const checked = options.stdin ? undefined : checkFiles(new Map(inputs.flatMap((i) => (i.read.ok ? [[i.filePath, i.read.text] as const] : []))), analyzeOptions, !!options.fix);
  for (const input of inputs) {
    if (!input.read.ok) {
      failed = true;
      process.stderr.write(`${PROGRAM}: cannot read '${escapeControl(input.shown)}': ${input.read.reason}\n`);
      results.push(unreadableResult(input.filePath, input.read.reason));
      continue;
    }
    const { text, bom } = input.read;
    let reported = text;
    if (options.fix) {
      let fixed = text;
      try {
        fixed = keepLineEnds(text, checked ? (checked.fixed.get(input.filePath) ?? text) : fixAllText(text, analyzeOptions).text);
      } catch (err) {
        // An engine bug must not cost the other files their fixes: this one stays as it was.
        failed = true;
        process.stderr.write(`${PROGRAM}: could not fix '${escapeControl(input.shown)}': ${escapeControl((err as Error).message)}\n`);
      }
      if (fixToStdout) {
        process.stdout.write(bom ? `\ufeff${fixed}` : fixed);
        reported = fixed;
      } else if (options.fix === 'dry-run') {
        reported = fixed;
        const name = slashPath(input.filePath, cwd);
        dryRunOut.write(unifiedDiff(name, text, fixed));
        dryRunOut.write(formatSuggestions(input.shown, suggestionsLeft(checked?.analysisOf(input.filePath) ?? analyze(fixed, analyzeOptions))));
      } else if (fixed !== text) {
        try {
          writeFileAtomic(input.filePath, bom ? `\ufeff${fixed}` : fixed);
          reported = fixed;
        } catch (err) {
          failed = true;
          process.stderr.write(`${PROGRAM}: cannot write '${escapeControl(input.shown)}': ${describeFsError(err)}\n`);
        }
      }
    }
    const analysis = checked && reported === checked.analysisOf(input.filePath).text ? checked.analysisOf(input.filePath) : analyze(reported, analyzeOptions);
    results.push(toLintResult({ filePath: input.filePath, text: reported, analysis }, { quiet: options.quiet }));
  }
  // Fixes land in whichever file of an organisation they belong: write the files that were not given too.
  if (checked && options.fix === 'write') failed = writeOrganisationFiles(checked, inputs, cwd) || failed;

  const report = format(results, options, cwd, pkg, fixToStdout ? process.stderr : process.stdout);
  (fixToStdout ? process.stderr : process.stdout).write(report);
  if (failed) return 2;
  // Like a formatter: the fixed text is the product, whatever findings are left (they are on stderr).
  if (fixToStdout) return 0;
  const t = totals(results);
  const tooManyWarnings = options.maxWarnings !== undefined && t.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(`${PROGRAM}: too many warnings (${t.warningCount}, at most ${options.maxWarnings} allowed)\n`);
  }
  return t.errorCount > 0 || tooManyWarnings ? 1 : 0;
}

// `productteam-lint | head` closes the pipe early; that is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${PROGRAM}: internal error: ${escapeControl(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 2;
  },
);
