// Runs the built CLI (bin/productteam-lint.js -> server/out/cli.js) as users
// do, in a child process, and builds throwaway fixture folders for it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'productteam-lint.js');
export const BUNDLE = path.join(ROOT, 'server', 'out', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The bundle exists after `npm test`'s pretest; build it when a test runs alone. */
export function ensureBuilt(): void {
  if (fs.existsSync(BUNDLE)) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

export function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Uint8Array; timeout?: number }): CliRun {
  const env = { ...process.env };
  delete env.FORCE_COLOR; // the caller's terminal must not decide; a test may set it in options.env
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeout ?? 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp folder holding `files` (path -> text or bytes); `cleanup()` removes it. */
export function makeTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-cli-')));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
