// `npm run package`: a production .vsix of the extension.
//   1. scripts/build.mjs --production  (client + server bundled by esbuild, minified, no maps)
//   2. vsce package --no-dependencies  (everything is bundled: no node_modules in the vsix)
//   3. checks what went in and prints the size.
// Options: --out <file.vsix> (default productteam-<version>.vsix at the repo root),
//          --skip-build (package whatever client/out and server/out hold).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outArg = args.indexOf('--out');
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: \`${[path.basename(cmd), ...cmdArgs].join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

if (!args.includes('--skip-build')) {
  run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production']);
  // A production build writes no source maps, so any left in out/ belong to an
  // older dev build. vsce would package them anyway: its `!client/out/**`
  // re-includes beat the `**/*.map` exclude in .vscodeignore.
  for (const dir of ['client/out', 'server/out']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith('.map')) fs.rmSync(path.join(ROOT, dir, f));
  }
}

for (const f of ['README.md', 'CHANGELOG.md']) {
  if (!fs.existsSync(path.join(ROOT, f))) console.error(`package: warning: ${f} is missing; the .vsix will have none`);
}

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
run(process.execPath, [
  vsce, 'package',
  '--no-dependencies', // client and server are self-contained esbuild bundles
  '--out', out,
]);

// What went in: the bundles, the manifest's assets, and nothing from node_modules.
const entries = await listZip(out);
const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
const problems = [];
for (const need of ['package.json', 'client/out/extension.js', 'server/out/server.js', pkg.icon, 'LICENSE.txt']) {
  if (!files.includes(need) && !(need === 'LICENSE.txt' && files.includes('LICENSE'))) problems.push(`missing ${need}`);
}
for (const f of files) {
  if (/(^|\/)node_modules\//.test(f)) problems.push(`contains ${f}`);
  if (f.endsWith('.map')) problems.push(`contains source map ${f}`);
  if (/^(client|server)\/src\//.test(f) || /^(test|scripts|\.cache|\.e2e)\//.test(f)) problems.push(`contains ${f}`);
}
if (problems.length) {
  console.error(`package: ${path.relative(ROOT, out)} is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const size = fs.statSync(out).size;
console.log(`${path.relative(process.cwd(), out) || out}: ${files.length} files, ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);

function listZip(file) {
  // yauzl comes with vsce, which reads .vsix files with it.
  const yauzl = createRequire(require.resolve('@vscode/vsce/package.json'))('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
