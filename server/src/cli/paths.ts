// How a linted file is named in output. Pure string work on paths the CLI
// already resolved; no file system access.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Relative to cwd when the file is under it (what terminals make clickable), else absolute. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath;
}

/** `displayPath` with forward slashes, as GitHub and SARIF expect. */
export function slashPath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split(path.sep).join('/');
}

/** A relative URI reference (percent-encoded segments) when under cwd, else undefined. */
export function relativeUri(filePath: string, cwd: string): string | undefined {
  const rel = path.relative(cwd, filePath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

/** An absolute file: URI for a directory, ending in a slash (SARIF wants that for base ids). */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
