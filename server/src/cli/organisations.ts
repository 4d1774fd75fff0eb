// The CLI's side of multi-file organisations (SPEC section 9): the files given
// are grouped into organisations and each is checked once, by one EngineHost.
// A root that includes files brings the productteam files of its folder tree
// (and any file its entries name literally) in as context; a part given
// alone brings the roots of its folder and its parents, up to the repository
// root (the folder that holds `.git`), else the file system root. Findings
// are printed only for the files given; `--fix` writes the files of their
// organisations that its fixes changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineHost, isProductTeamFile, type Analysis, type AnalyzeOptions, type Snapshot } from '../engine';
import { decodeUtf8, describeFsError, keepLineEnds, writeFixedFile } from './files';
import { escapeControl } from './escape';

/** A host key for a file path: '/'-separated, so the engine's include logic reads it. */
export function keyOf(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

function readText(filePath: string): string | undefined {
  try {
    const st = fs.statSync(filePath);
    if (!st.isFile()) return undefined;
    return decodeUtf8(fs.readFileSync(filePath))?.text;
  } catch {
    return undefined;
  }
}

/** Productteam files directly in a folder (no recursion). */
function productTeamFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isProductTeamFile(e.name))
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/** Productteam files under a folder, skipping dependencies and hidden folders. */
function productTeamFilesUnder(dir: string, out: string[] = [], seen = new Set<string>()): string[] {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return out;
  }
  if (seen.has(real)) return out;
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) productTeamFilesUnder(p, out, seen);
    else if (e.isFile() && isProductTeamFile(e.name)) out.push(p);
  }
  return out;
}

/** The folders a part's roots may be in: its own and its parents, up to the one holding `.git` (else the file system root). */
function searchFolders(filePath: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(filePath); ; dir = path.dirname(dir)) {
    out.push(dir);
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return out;
  }
}

export interface CheckedFiles {
  /** The snapshot that holds a file given (a lone root's is made when asked), for what reads its whole organisation. */
  snapshotOf(filePath: string): Snapshot;
  /** The analysis of each file given, by its path. */
  analysisOf(filePath: string): Analysis;
  /** With fix: the new text of a file given, when the fixes changed it. */
  fixedText(filePath: string): string | undefined;
  /** With fix: the new text of every file of a shared organisation that the fixes changed, given or not, by path. */
  fixed: Map<string, string>;
}

/** A root's line (`organization:` at the margin), and a root's includes (`include:`): read from the text, before any parse. */
export const ROOT_LINE = /^organization[ \t]*:/m;
const INCLUDE_LINE = /^include[ \t]*:/m;

/**
 * A file that is an organisation on its own whatever else is there: a root
 * (`organization:` at the start of a line) that includes nothing. Another
 * file cannot change its findings (a root is never a part of another), so it
 * is checked alone, and what it took is released before the next file: the
 * CLI on 2,000 such files holds one tree at a time, not 2,000.
 */
function isLoneRoot(text: string): boolean {
  return ROOT_LINE.test(text) && !INCLUDE_LINE.test(text);
}

/**
 * Checks the files given (path → text) with their organisations, once each;
 * with `fix`, applies fix-all over those organisations first (each pass
 * analyses each text once) and reports on the fixed texts. Lone roots are
 * checked one at a time, when asked (`isLoneRoot`); the others share one host.
 */
export function checkFiles(given: ReadonlyMap<string, string>, options: AnalyzeOptions, fix: boolean): CheckedFiles {
  const lone = new Map<string, string>();
  const shared = new Map<string, string>();
  for (const [p, t] of given) (isLoneRoot(t) ? lone : shared).set(p, t);
  const together = checkTogether(shared, options, fix);

  // The last lone root checked: its fixed text and its analysis are asked for one after the other.
  let last: { filePath: string; snapshot: Snapshot; fixedText?: string } | undefined;
  const alone = (filePath: string) => {
    if (last?.filePath === filePath) return last;
    const host = new EngineHost();
    host.setOptions(options);
    const key = keyOf(filePath);
    host.setFile(key, lone.get(filePath)!);
    let snapshot = host.snapshot();
    let fixedText: string | undefined;
    if (fix) {
      const result = snapshot.fixAll([key]);
      fixedText = result.texts.get(key);
      snapshot = result.snapshot;
    }
    last = { filePath, snapshot, fixedText };
    return last;
  };
  return {
    snapshotOf: (filePath) => (lone.has(filePath) ? alone(filePath).snapshot : together.snapshot),
    analysisOf: (filePath) => (lone.has(filePath) ? alone(filePath).snapshot : together.snapshot).analysis(keyOf(filePath))!,
    fixedText: (filePath) => (lone.has(filePath) ? alone(filePath).fixedText : together.fixed.get(filePath)),
    fixed: together.fixed,
  };
}

/** The files given that are not lone roots, with the files their organisations need, in one host. */
function checkTogether(given: ReadonlyMap<string, string>, options: AnalyzeOptions, fix: boolean): { snapshot: Snapshot; fixed: Map<string, string> } {
  const host = new EngineHost();
  host.setOptions(options);
  const paths = new Map<string, string>(); // key -> path
  const add = (filePath: string, text?: string): void => {
    const key = keyOf(filePath);
    if (host.hasFile(key)) return;
    const t = text ?? readText(filePath);
    if (t === undefined) return;
    host.setFile(key, t);
    paths.set(key, filePath);
  };
  for (const [p, t] of given) add(p, t);

  // Roots among the files given: their folder trees, for include globs.
  const loadTreeOf = (root: string): void => {
    for (const p of productTeamFilesUnder(path.dirname(root))) add(p);
  };
  let snap = host.snapshot();
  for (const org of snap.allOrganisations()) {
    if (org.root !== undefined && given.has(paths.get(org.root)!) && INCLUDE_LINE.test(snap.text(org.root) ?? '')) loadTreeOf(paths.get(org.root)!);
  }
  snap = host.snapshot();
  // Parts given alone: the roots of their folder and its parents.
  for (const [p] of given) {
    const key = keyOf(p);
    if (!snap.hasFile(key) || snap.organisationsOf(key).some((o) => o.root !== undefined)) continue;
    for (const dir of searchFolders(p)) {
      for (const candidate of productTeamFilesIn(dir)) {
        const text = readText(candidate);
        if (text && ROOT_LINE.test(text) && INCLUDE_LINE.test(text)) {
          add(candidate, text);
          loadTreeOf(candidate);
        }
      }
    }
  }
  snap = host.snapshot();

  const fixed = new Map<string, string>();
  if (fix) {
    const scope = new Set<string>();
    for (const [p] of given) for (const o of snap.organisationsOf(keyOf(p))) for (const f of o.files) scope.add(f);
    const result = snap.fixAll([...scope]);
    for (const [k, t] of result.texts) fixed.set(paths.get(k)!, t);
    snap = result.snapshot;
  }
  return { snapshot: snap, fixed };
}

/** Writes the files that fix-all changed and that were not given (those were written with their results); true when one could not be written. */
export function writeOrganisationFiles(checked: CheckedFiles, given: readonly { filePath: string }[], cwd: string): boolean {
  const givenPaths = new Set(given.map((g) => g.filePath));
  let failed = false;
  for (const [filePath, text] of checked.fixed) {
    if (givenPaths.has(filePath)) continue;
    const original = readText(filePath);
    if (original === undefined || original === text) continue;
    let bom = false;
    try {
      bom = fs
        .readFileSync(filePath)
        .subarray(0, 3)
        .equals(Buffer.from([0xef, 0xbb, 0xbf]));
    } catch {
      // unreadable now: the write below says so
    }
    try {
      const fixed = keepLineEnds(original, text);
      writeFixedFile(filePath, bom ? `\ufeff${fixed}` : fixed);
    } catch (err) {
      failed = true;
      process.stderr.write(`productteam-lint: cannot write '${escapeControl(path.relative(cwd, filePath) || filePath)}': ${describeFsError(err)}\n`);
    }
  }
  return failed;
}
