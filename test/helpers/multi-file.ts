// Multi-file cases for tests: a folder of productteam files given to one
// EngineHost, keyed `/<case>/<relative path>` (see test/multi-file.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineHost, type HostOptions } from '../../server/src/engine';
import { parseHeader } from './fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const TODAY = '2026-06-01';
export const FIXED = '.fixed.productteam.yaml';

export function filesIn(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesIn(p, base);
    return /\.productteam\.ya?ml$|^\.productteam\.yaml$/.test(e.name) && !e.name.endsWith(FIXED) ? [path.relative(base, p).split(path.sep).join('/')] : [];
  });
}

/** Every multi-file case folder: test/fixtures/multi-file/* and the sub-folders of rule fixture folders. */
export function caseFolders(): string[] {
  const out: string[] = [];
  for (const top of fs.readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!top.isDirectory()) continue;
    for (const sub of fs.readdirSync(path.join(FIXTURES, top.name), { withFileTypes: true })) {
      if (sub.isDirectory()) out.push(path.join(FIXTURES, top.name, sub.name));
    }
  }
  return out.sort();
}

/** A host holding a case's files, keyed `/<case>/<relative path>`. */
export function hostFor(dir: string): { host: EngineHost; keys: string[]; prefix: string } {
  const host = new EngineHost();
  const prefix = `/${path.basename(dir)}/`;
  const keys = filesIn(dir).sort();
  let options: HostOptions = { today: TODAY };
  for (const rel of keys) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    host.setFile(prefix + rel, text);
    const header = parseHeader(text);
    if (/^organization\s*:/m.test(text) && Object.keys(header.options).length) options = { ...options, ...(header.options as HostOptions) };
  }
  host.setOptions(options);
  return { host, keys: keys.map((k) => prefix + k), prefix };
}
