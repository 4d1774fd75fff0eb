// How the Node build of the language server reads files it does not have open
// (SPEC section 9): the parts and roots of multi-file organisations, from disk.
// The browser build asks the client instead.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isProductTeamFile } from './engine';

/** Folders never searched for productteam files. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);
/** A bound on the walk, so a huge folder cannot stall the server. */
const MAX_FILES = 20000;

/** The text of a file: URI, or undefined when it cannot be read (or is not a file: URI). */
export async function readFileUri(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await fs.readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** Every productteam file under a folder's file: URI, as URIs, skipping dependency and VCS folders. */
export async function findProductTeamFiles(folderUri: string): Promise<string[]> {
  if (!folderUri.startsWith('file:')) return [];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) await walk(p);
      } else if (e.isFile() && isProductTeamFile(e.name)) out.push(pathToFileURL(p).href);
    }
  };
  await walk(fileURLToPath(folderUri));
  return out.sort();
}
