// Path logic for `include` entries, without `path` (the engine is pure): the
// host's file keys are '/'-separated paths or URIs (`file:///a/b.yaml`), and
// an entry is a path relative to its root file's folder, maybe with `*` (any
// characters but '/') and `**` (any number of folders).

/** The folder a key is in, with its trailing '/' ('' when it has none). */
export function folderOf(key: string): string {
  const i = key.lastIndexOf('/');
  return i < 0 ? '' : key.slice(0, i + 1);
}

/** The part of a key the folders are in: `file:///a/b` → `/a/b` (a URI's scheme and authority stay as the prefix). */
function splitPrefix(key: string): { prefix: string; path: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(key);
  return m ? { prefix: m[0], path: key.slice(m[0].length) } : { prefix: '', path: key };
}

/**
 * `entry` read from the folder `folder` (which ends with '/'), with `.` and
 * `..` folded; undefined when `..` climbs above the top. Backslashes are read
 * as '/', so a Windows-written entry works.
 */
export function resolveEntry(folder: string, entry: string): string | undefined {
  const { prefix, path } = splitPrefix(folder);
  const rel = entry.replace(/\\/g, '/');
  const absolute = rel.startsWith('/');
  const parts: string[] = absolute ? [] : path.split('/').filter((p) => p !== '');
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(prefix ? encodeURIComponent(p) : p); // a URI's segments are percent-encoded (`my people` → `my%20people`)
  }
  const leadingSlash = path.startsWith('/') || absolute;
  return prefix + (leadingSlash ? '/' : '') + parts.join('/');
}

export function hasGlob(entry: string): boolean {
  return entry.includes('*');
}

/** A resolved pattern (`*`, `**`) as a regular expression over whole keys. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches no folder or any number of them; a trailing `**` anything.
      if (pattern[i + 2] === '/') {
        out += '(?:[^/]*/)*';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether `key` is `folder` or inside it (`folder` ends with '/'). */
export function isInside(folder: string, key: string): boolean {
  return key.startsWith(folder);
}
