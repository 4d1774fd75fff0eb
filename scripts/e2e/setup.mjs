// Installs what the end-to-end test needs on a fresh Debian machine, once:
//   - Debian packages chromium, ripgrep, libkrb5-dev (apt-get, only if missing);
//   - code-server (the real VS Code workbench + Node extension host) from npm,
//     into the git-ignored cache .cache/code-server/, never into package.json.
// Usable on its own: `node scripts/e2e/setup.mjs` prints the code-server path;
// `node scripts/e2e/setup.mjs --debian` installs the Debian packages only
// (npm test's browser-worker test needs Chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Newest code-server whose engines.node is 20 (VS Code 1.100.3); 4.101+ needs Node 22. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = path.join(ROOT, '.cache', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Headless Chromium as the e2e drivers run it: no sandbox (containers), no GPU, nothing from the network of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// @vscode/ripgrep (pinned by code-server's shrinkwrap) fetches rg from GitHub in
// postinstall unless its cache under $TMPDIR already holds the asset.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const log = (msg) => console.error(`# ${msg}`);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

export function ensureDebianPackages() {
  const need = [];
  if (!fs.existsSync(CHROMIUM)) need.push('chromium');
  if (!has('rg')) need.push('ripgrep');
  // code-server's kerberos native module compiles against the gssapi headers.
  if (!dpkgInstalled('libkrb5-dev')) need.push('libkrb5-dev');
  if (need.length === 0) return;
  log(`apt-get install ${need.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...need], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function codeServerBin() {
  return path.join(CACHE, 'node_modules', '.bin', 'code-server');
}

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(CACHE, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export function ensureCodeServer() {
  const bin = codeServerBin();
  if (fs.existsSync(bin) && installedVersion() === CODE_SERVER_VERSION) return bin;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)}/ (about 300 MB, under a minute with a warm npm cache)`);
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  fs.mkdirSync(rgCache, { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  run('tar', ['czf', path.join(rgCache, RIPGREP_ASSET), '-C', path.dirname(rg), path.basename(rg)]);
  fs.writeFileSync(path.join(CACHE, 'package.json'), '{ "name": "e2e-code-server", "private": true }\n');
  const logFile = path.join(CACHE, 'install.log');
  const out = fs.openSync(logFile, 'w');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CACHE,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      TMPDIR: tmp,
      // node-pty's postinstall runs `npx node-gyp`; a user npmrc with yes=false cancels it.
      npm_config_yes: 'true',
      XDG_CONFIG_HOME: path.join(CACHE, 'xdg-config'),
      XDG_DATA_HOME: path.join(CACHE, 'xdg-data'),
      XDG_CACHE_HOME: path.join(CACHE, 'xdg-cache'),
    },
  });
  fs.closeSync(out);
  if (r.status !== 0 || !fs.existsSync(bin)) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`code-server install failed (see ${logFile}):\n${tail}`);
  }
  return bin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDebianPackages();
  // `--debian`: the Debian packages alone (Chromium for npm test's Web Worker test), no code-server.
  if (!process.argv.includes('--debian')) console.log(ensureCodeServer());
}
