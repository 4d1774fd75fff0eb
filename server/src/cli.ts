// productteam-lint: the command line over the same engine as the editor.
// This file, cli/discover.ts and cli/files.ts are the only ones that touch the
// file system or the process: arguments (cli/args.ts) -> which files
// (cli/discover.ts) -> their text or stdin (cli/files.ts) -> [--fix:
// fixAllText, written atomically; --fix-dry-run: cli/fix-report.ts] ->
// analyze() -> a formatter from the registry (cli/formats.ts). An input that cannot be read is
// a finding of its own; the run goes on and exits 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, fixAllText, getFixes, ruleDocsUrl, type Analysis, type AnalyzeOptions, type Problem } from './engine';
import { parseArgs, USAGE, type CliOptions } from './cli/args';
import { colorWanted } from './cli/colors';
import { outputFormat } from './cli/formats';
import { escapeControl } from './cli/escape';
import { discover } from './cli/discover';
import { decodeUtf8, describeFsError, keepLineEnds, readTextFile, writeFixedFile, type ReadResult } from './cli/files';
import { formatSuggestions, suggestionsLeft, unifiedDiff } from './cli/fix-report';
import { runOwnershipCommand } from './cli/ownership';
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

const byPath = (a: Input, b: Input): number => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0);

/**
 * Arguments -> inputs, deduplicated and sorted by path (cli/discover.ts finds
 * them). Throws a UsageError, before anything is read, for a pipe or device
 * argument (reading one could block forever) and for a path or glob that
 * matches nothing.
 */
function collectInputs(options: CliOptions, cwd: string): Input[] {
  const found = discover(options.paths, { cwd, useIgnoreFiles: options.useIgnoreFiles, ignorePatterns: options.ignorePatterns });
  if (found.usageError) throw new UsageError(escapeControl(found.usageError));
  for (const warning of found.warnings) process.stderr.write(`${PROGRAM}: ${escapeControl(warning)}\n`);
  const inputs: Input[] = [...found.files].map(([filePath, shown]) => ({ filePath, shown, read: readTextFile(filePath) }));
  const seenUnreadable = new Set<string>();
  for (const u of found.unreadable) {
    if (found.files.has(u.filePath) || seenUnreadable.has(u.filePath)) continue;
    seenUnreadable.add(u.filePath);
    inputs.push({ filePath: u.filePath, shown: u.shown, read: { ok: false, reason: u.reason } });
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
    messages: [{ ruleId: 'yaml-syntax', severity: 'error', message: `cannot read: ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false }],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    hintCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

/** Whether `--fix` would fix a finding: it has a safe fix. */
const fixableIn =
  (analysis: Analysis) =>
  (problem: Problem): boolean =>
    getFixes(analysis, problem).some((f) => f.kind === 'safe' && !f.isSuppression);

/** Runs the CLI; returns the exit code. */
async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  if (argv[0] === 'map' || argv[0] === 'diff') {
    const r = runOwnershipCommand(argv[0], argv.slice(1), cwd, PROGRAM);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    return r.code;
  }
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
  if (options.maxDomainsPerPerson !== undefined) analyzeOptions.maxDomainsPerPerson = options.maxDomainsPerPerson;
  if (options.coreTeam) analyzeOptions.coreTeam = options.coreTeam;

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
      inputs = collectInputs(options, cwd);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${PROGRAM}: ${err.message}\n`);
      return 2;
    }
  }

  // With --stdin --fix, standard output is the fixed text; everything else goes to standard error.
  const fixToStdout = options.stdin && options.fix === 'write';
  const formatter = outputFormat(options.format);
  const dryRunOut = formatter.machine ? process.stderr : process.stdout;
  let failed = false; // an input that could not be read or written: exit 2
  const results: LintResult[] = [];
  // Files are checked with their organisations (SPEC section 9), each organisation once; stdin is a text on its own.
  const checked = options.stdin
    ? undefined
    : checkFiles(new Map(inputs.flatMap((i) => (i.read.ok ? [[i.filePath, i.read.text] as const] : []))), analyzeOptions, !!options.fix);
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
        fixed = keepLineEnds(text, checked ? (checked.fixedText(input.filePath) ?? text) : fixAllText(text, analyzeOptions).text);
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
          writeFixedFile(input.filePath, bom ? `\ufeff${fixed}` : fixed);
          reported = fixed;
        } catch (err) {
          failed = true;
          process.stderr.write(`${PROGRAM}: cannot write '${escapeControl(input.shown)}': ${describeFsError(err)}\n`);
        }
      }
    }
    const analysis = checked && reported === checked.analysisOf(input.filePath).text ? checked.analysisOf(input.filePath) : analyze(reported, analyzeOptions);
    results.push(toLintResult({ filePath: input.filePath, text: reported, analysis, fixable: fixableIn(analysis) }, { quiet: options.quiet }));
  }
  // Fixes land in whichever file of an organisation they belong: write the files that were not given too.
  if (checked && options.fix === 'write') failed = writeOrganisationFiles(checked, inputs, cwd) || failed;

  const out = fixToStdout ? process.stderr : process.stdout;
  const color = formatter.colors && colorWanted(options.color, process.env, !!out.isTTY);
  out.write(formatter.render(results, { cwd, color, toolVersion: pkg.version, informationUri: informationUri(pkg) }));
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
