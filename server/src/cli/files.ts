// The CLI's file input and output: reading a file without ever blocking on a
// pipe or a device, decoding it as UTF-8, and writing a fixed file (atomically,
// or in place for a hard-linked file; never one the user may not write).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a path that is neither a file nor a folder is, for a one-line refusal; undefined for files and folders. */
export function specialKind(stat: fs.Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (!stat.isFile() && !stat.isDirectory()) return 'not a regular file';
  return undefined;
}

export function describeFsError(err: unknown): string {
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

/** A file's text, or why it cannot be read. `bom` says whether a UTF-8 BOM was stripped. */
export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes -> text, or undefined when they are not UTF-8. The BOM is removed: positions are reported without it, as editors show. */
export function decodeUtf8(bytes: Uint8Array): { text: string; bom: boolean } | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/**
 * Reads a regular file. Opened non-blocking and checked after opening, so a
 * path swapped for a pipe between listing and reading cannot hang the run.
 */
export function readTextFile(filePath: string): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  }
  try {
    const special = specialKind(fs.fstatSync(fd));
    if (special) return { ok: false, reason: `${special}, not a file` };
    const decoded = decodeUtf8(fs.readFileSync(fd));
    return decoded ? { ok: true, ...decoded } : { ok: false, reason: 'not valid UTF-8' };
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The line end a text uses throughout, or undefined when it mixes them or has none. */
export function lineEndOf(text: string): '\r\n' | '\n' | undefined {
  const lf = (text.match(/\n/g) ?? []).length;
  if (lf === 0) return undefined;
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return crlf === lf ? '\r\n' : crlf === 0 ? '\n' : undefined;
}

/**
 * A fixed text with the original's line ends: when the original used CRLF
 * throughout, any bare LF a fix brought in becomes CRLF (and the other way
 * round). Mixed originals are left as the fixes made them.
 */
export function keepLineEnds(original: string, fixed: string): string {
  const eol = lineEndOf(original);
  if (eol === '\r\n') return fixed.replace(/\r?\n/g, '\r\n');
  if (eol === '\n' && !original.includes('\r')) return fixed.replace(/\r\n/g, '\n');
  return fixed;
}

/**
 * Why `--fix` may not write a file it read, or undefined when it may. A file
 * with no write permission for anyone (`chmod a-w`) is read-only even for
 * root, as vim and git treat it: root may write anything, and a fix must not
 * override a file someone protected. Otherwise the system's own check for
 * the user who runs the fix decides.
 */
export function whyNotWritable(stat: fs.Stats, target: string): string | undefined {
  if ((stat.mode & 0o222) === 0) return 'read-only file';
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (err) {
    return describeFsError(err);
  }
  return undefined;
}

/**
 * Writes a fixed file, only where the user may write it and so that every
 * name of it sees the fix. A symbolic link named on the command line is
 * followed (the link stays a link; its target gets the fix, as ESLint's and
 * Prettier's writes do). An ordinary file is replaced atomically: the text
 * goes to a temporary file in the same folder (same file system), which
 * takes the original's mode and is then renamed over it, so readers see the
 * old or the new file, never half of one. A file with other hard links, or
 * one owned by another user, is written in place instead (truncated and
 * rewritten, as ESLint and Prettier write every file): a rename would split
 * the links, the other names keeping the old text, or hand the file to the
 * user who ran the fix. A file the user may not write is refused with the
 * reason (`whyNotWritable`), never replaced through the folder's permission.
 */
export function writeFixedFile(filePath: string, content: string): void {
  const target = fs.realpathSync(filePath);
  const stat = fs.statSync(target);
  const refused = whyNotWritable(stat, target);
  if (refused) throw new Error(refused);
  const uid = process.getuid?.();
  if (stat.nlink > 1 || (uid !== undefined && stat.uid !== uid)) {
    writeInPlace(target, content);
    return;
  }
  const mode = stat.mode & 0o7777;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.productteam-tmp`);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx', mode });
    fs.chmodSync(tmp, mode); // the umask may have narrowed it
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The same file (inode) given new content: opened for writing without creating, written from the start, cut to length. */
function writeInPlace(target: string, content: string): void {
  const bytes = Buffer.from(content, 'utf8');
  const fd = fs.openSync(target, fs.constants.O_WRONLY);
  try {
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at, at);
    fs.ftruncateSync(fd, bytes.length);
  } finally {
    fs.closeSync(fd);
  }
}
