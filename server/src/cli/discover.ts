// Which files a run lints, from the arguments (SPEC section 7, revision 3),
// as ESLint finds them: a file named explicitly, every product-team file
// under a folder, or what a quoted glob matches (picomatch, the matcher
// tinyglobby and fast-glob use). Folders are walked into, dot-folders
// included, except `.git` and `node_modules`; files ignored by `.gitignore`
// and `.productteamignore` (gitignore syntax, read with `ignore`, the package
// ESLint itself uses) or by `--ignore-pattern` are skipped. A walk follows a
// symbolic link only when it stays inside the folder (or the glob's base)
// being walked, and never loops.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isProductTeamFile } from '../engine';
import { describeFsError, specialKind } from './files';

/** Ignore files read in every folder of a walk, and in its parents up to the repository's root. */
export const IGNORE_FILES = ['.gitignore', '.productteamignore'] as const;
/** Folders never walked into, even with --no-ignore (as ESLint's defaults). */
const NEVER_WALKED = new Set(['.git', 'node_modules']);

export interface DiscoverOptions {
  cwd: string;
  /** False with --no-ignore: no ignore file and no --ignore-pattern applies. */
  useIgnoreFiles: boolean;
  /** --ignore-pattern values, gitignore syntax, relative to cwd. */
  ignorePatterns: readonly string[];
}

/** A path that cannot be listed or read: the CLI reports it as a finding of its own. */
export interface Unreadable {
  filePath: string;
  shown: string;
  reason: string;
}

export interface Discovery {
  /** Absolute path -> how messages name it, in argument order. */
  files: Map<string, string>;
  unreadable: Unreadable[];
  /** One line each, for standard error (an explicitly named file that is ignored). */
  warnings: string[];
  /** A reason to stop with exit 2 (a path or glob matching nothing; a pipe or device named). */
  usageError?: string;
}

/** Is the argument a glob (and not a path that exists with `*` in its name)? */
export function isGlob(arg: string, cwd: string): boolean {
  return picomatch.scan(arg).isGlob && !fs.existsSync(path.resolve(cwd, arg));
}

/** Gitignore rules of one folder, and what they are relative to. */
interface IgnoreLayer {
  base: string;
  rules: Ignore;
  source: string;
}

/** Where the repository's ignore files stop: the nearest folder above `dir` with `.git`, else none. */
function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The gitignore layers that apply in folders, cached per folder (parents first). */
class Ignores {
  private readonly cache = new Map<string, IgnoreLayer[]>();
  private readonly extra: IgnoreLayer[];

  constructor(private readonly options: DiscoverOptions) {
    this.extra = options.ignorePatterns.length ? [{ base: options.cwd, rules: ignore().add([...options.ignorePatterns]), source: '--ignore-pattern' }] : [];
  }

  private layers(dir: string, root: string): IgnoreLayer[] {
    const cached = this.cache.get(dir);
    if (cached) return cached;
    const parent = path.dirname(dir);
    const above = dir === root || parent === dir ? [] : this.layers(parent, root);
    const own: IgnoreLayer[] = [];
    for (const name of IGNORE_FILES) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(dir, name), 'utf8');
      } catch {
        continue; // no ignore file here (or not readable: nothing to apply)
      }
      own.push({ base: dir, rules: ignore().add(text), source: path.join(dir, name) });
    }
    const result = own.length ? [...above, ...own] : above;
    this.cache.set(dir, result);
    return result;
  }

  /** Which ignore file (or --ignore-pattern) skips this path, if any. `walkRoot` bounds the search when there is no repository. */
  ignoredBy(filePath: string, isDir: boolean, walkRoot: string): string | undefined {
    if (!this.options.useIgnoreFiles) return undefined;
    const dir = path.dirname(filePath);
    const root = repositoryRoot(dir) ?? (isInside(dir, this.options.cwd) ? this.options.cwd : walkRoot);
    for (const layer of [...this.extra, ...(isInside(dir, root) ? this.layers(dir, root) : [])]) {
      const rel = path.relative(layer.base, filePath);
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const slashed = rel.split(path.sep).join('/');
      if (layer.rules.ignores(isDir ? `${slashed}/` : slashed)) return layer.source;
    }
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A directory walk: each regular file kept by `keep`, symbolic links followed only inside `root`. */
function walk(root: string, realRoot: string, keep: (abs: string) => boolean, ignores: Ignores, out: string[], unreadable: Unreadable[], cwd: string): void {
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ filePath: dir, shown: path.relative(cwd, dir) || dir, reason: describeFsError(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          // A link out of the folder being walked is not followed: linting it could read (or --fix write) anywhere.
          if (!isInside(fs.realpathSync(full), realRoot)) continue;
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling or looping link is not a file to lint
        }
      }
      if (isDir) {
        if (!NEVER_WALKED.has(entry.name) && !ignores.ignoredBy(full, true, root)) visit(full);
      } else if (isFile && keep(full) && !ignores.ignoredBy(full, false, root)) {
        out.push(full);
      }
    }
  };
  visit(root);
}

const quoted = (s: string): string => `'${s}'`;

/**
 * Arguments -> the files to lint. Never throws: a pipe or device argument, or
 * an argument that matches nothing, is a `usageError`, found before anything
 * is read (reading a pipe could block forever).
 */
export function discover(args: readonly string[], options: DiscoverOptions): Discovery {
  const { cwd } = options;
  const ignores = new Ignores(options);
  const result: Discovery = { files: new Map(), unreadable: [], warnings: [] };
  const add = (abs: string): void => {
    if (!result.files.has(abs)) result.files.set(abs, path.relative(cwd, abs) || abs);
  };
  for (const arg of args.length ? args : ['.']) {
    if (isGlob(arg, cwd)) {
      const scan = picomatch.scan(arg);
      const base = path.resolve(cwd, scan.base || '.');
      const matches = picomatch(scan.glob, { dot: true });
      const found: string[] = [];
      const before = result.unreadable.length;
      let realBase: string;
      try {
        realBase = fs.realpathSync(base);
      } catch {
        result.usageError = `no files match ${quoted(arg)}`;
        return result;
      }
      walk(base, realBase, (abs) => matches(path.relative(base, abs).split(path.sep).join('/')), ignores, found, result.unreadable, cwd);
      if (found.length === 0 && result.unreadable.length === before) {
        result.usageError = `no files match ${quoted(arg)}`;
        return result;
      }
      found.forEach(add);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        result.usageError = `no files match ${quoted(arg)}`;
        return result;
      }
      result.unreadable.push({ filePath: abs, shown: arg, reason: describeFsError(err) });
      continue;
    }
    const special = specialKind(stat);
    if (special) {
      result.usageError = `refusing to read ${quoted(arg)}: it is ${special}, not a file or folder`;
      return result;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      const before = result.unreadable.length;
      walk(abs, fs.realpathSync(abs), (f) => isProductTeamFile(path.basename(f)), ignores, found, result.unreadable, cwd);
      if (found.length === 0 && result.unreadable.length === before) {
        result.usageError = `no files match ${quoted(arg)}: no productteam files (*.productteam.yaml, *.productteam.yml, .productteam.yaml) in it that are not ignored`;
        return result;
      }
      found.forEach(add);
    } else {
      // A file named explicitly is linted whatever its name, and even when ignored (as ESLint does, with a warning).
      const by = ignores.ignoredBy(abs, false, path.dirname(abs));
      if (by)
        result.warnings.push(
          `warning: ${quoted(arg)} is ignored by ${by === '--ignore-pattern' ? by : path.relative(cwd, by) || by}; linted because it was named (use --no-ignore to silence this)`,
        );
      add(abs);
    }
  }
  return result;
}
