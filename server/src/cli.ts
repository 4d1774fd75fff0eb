// productteam-lint: the command line over the same engine as the editor.
// This file is the only one that touches the file system or the process:
// arguments (cli/args.ts) -> files -> analyze() -> a formatter (cli/format-*.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, isProductTeamFile, RULES, ruleDocsUrl, type AnalyzeOptions } from './engine';
import { parseArgs, USAGE, type CliOptions } from './cli/args';
import { formatGithub } from './cli/format-github';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatStylish } from './cli/format-stylish';
import { toLintResult, totals, type LintResult } from './cli/results';

const PROGRAM = 'productteam-lint';

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

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

function cannotRead(p: string, err: unknown): UsageError {
  return new UsageError(`cannot read '${p}': ${describeFsError(err)}`);
}

/** Folders never searched: dependencies, VCS data and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Every product-team file under a folder, following links but never looping. */
function findInFolder(dir: string, shown: string, seen: Set<string>, found: string[]): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    throw cannotRead(shown, err);
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw cannotRead(shown, err);
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
    if (isDir && !isSkippedFolder(entry.name)) findInFolder(full, shownChild, seen, found);
    else if (isFile && isProductTeamFile(entry.name)) found.push(full);
  }
}

/** Arguments -> absolute file paths, deduplicated and sorted. */
function collectFiles(args: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      throw cannotRead(arg, err);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      findInFolder(abs, arg, new Set(), found);
      if (found.length === 0) {
        throw new UsageError(`no productteam files (*.productteam.yaml, *.productteam.yml, .productteam.yaml) found in '${arg}'`);
      }
      for (const f of found) files.add(f);
    } else {
      files.add(abs); // an explicit file is linted whatever its name
    }
  }
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readText(filePath: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (err) {
    throw cannotRead(shown, err);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UsageError(`cannot read '${shown}': not valid UTF-8`);
  }
  // Positions are reported on the text without its BOM, which is what editors show.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function useColor(options: CliOptions): boolean {
  if (options.color !== undefined) return options.color;
  // https://no-color.org: NO_COLOR set to anything but the empty string.
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}

function format(results: LintResult[], options: CliOptions, cwd: string, pkg: PackageInfo): string {
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
      return formatStylish(results, { cwd, color: useColor(options) });
  }
}

/** Runs the CLI; returns the exit code. */
function main(argv: readonly string[], cwd = process.cwd()): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${PROGRAM}: ${parsed.error}\n`);
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

  let results: LintResult[];
  try {
    results = collectFiles(options.paths, cwd).map((filePath) => {
      const text = readText(filePath, path.relative(cwd, filePath) || filePath);
      return toLintResult({ filePath, text, analysis: analyze(text, analyzeOptions) }, { quiet: options.quiet });
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${PROGRAM}: ${err.message}\n`);
    return 2;
  }

  process.stdout.write(format(results, options, cwd, pkg));
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${PROGRAM}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
