// `npm run package`: a production .vsix of the extension.
//   1. scripts/build.mjs --production  (client + server bundled by esbuild, minified, no maps)
//   2. vsce package --no-dependencies  (everything is bundled: no node_modules in the vsix),
//      with EXTENSION.md as the README users see (the repository's README.md is for
//      contributors) and its images inlined as data: URIs (the details page's webview
//      loads no relative image and an https one needs the network)
//   3. checks what went in (the Node and the browser bundles among it), that the
//      .vsix stays under 1 MB (MAX_VSIX_BYTES), and prints the size.
// Options: --out <file.vsix> (default productteam-<version>.vsix at the repo root),
//          --skip-build (package whatever client/out and server/out hold).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineImages } from './inline-images.mjs';

/** What the .vsix may weigh, both builds (Node and browser) included. */
const MAX_VSIX_BYTES = 1024 * 1024;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outArg = args.indexOf('--out');
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

function run(cmd, cmdArgs, cwd = ROOT) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
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
  for (const dir of ['client/out', 'server/out', 'client/out/browser', 'server/out/browser']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith('.map')) fs.rmSync(path.join(ROOT, dir, f));
  }
}

const README = 'EXTENSION.md';
for (const f of [README, 'CHANGELOG.md']) {
  if (!fs.existsSync(path.join(ROOT, f))) console.error(`package: warning: ${f} is missing; the .vsix will have none`);
}

// vsce refuses a package.json with a `files` list (that list is the npm
// package's) next to .vscodeignore: package from a staging copy of the
// repository's top level, whose manifest has no `files`.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-vsix-'));
const SKIP = new Set(['node_modules', '.git', '.cache', '.e2e', 'test-results', 'bench', 'test', 'server/src', 'client/src']);
fs.cpSync(ROOT, stage, {
  recursive: true,
  filter: (src) => {
    const rel = path.relative(ROOT, src).split(path.sep).join('/');
    return !SKIP.has(rel) && !rel.endsWith('.vsix');
  },
});
// The details page shows the README's images only as data: URIs (scripts/inline-images.mjs).
fs.writeFileSync(path.join(stage, README), inlineImages(fs.readFileSync(path.join(ROOT, README), 'utf8'), ROOT));
const { files: _npmFiles, ...manifest } = pkg;
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
try {
  run(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies', // client and server are self-contained esbuild bundles
      '--readme-path',
      README,
      '--no-rewrite-relative-links', // images load from the installed extension, offline
      '--out',
      out,
    ],
    stage,
  );
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}

// What went in: the bundles, the manifest's assets, and nothing from node_modules.
const entries = await listZip(out);
const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
const problems = [];
const readmeImages = [...fs.readFileSync(path.join(ROOT, README), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
// Inlined into readme.md, so not shipped again as files.
for (const img of readmeImages) if (files.includes(img)) problems.push(`contains ${img}, which readme.md already holds inline`);
const snippetFiles = (pkg.contributes.snippets ?? []).map((s) => path.posix.normalize(s.path));
for (const need of [
  'package.json',
  'readme.md',
  'client/out/extension.js',
  'server/out/server.js',
  'client/out/browser/extension.js',
  'server/out/browser/server.js',
  pkg.icon,
  'LICENSE.txt',
  ...snippetFiles,
  ...pkg.contributes.yamlValidation.map((v) => path.posix.normalize(v.url)),
]) {
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
if (size > MAX_VSIX_BYTES) {
  console.error(`package: ${path.relative(ROOT, out)} is ${size} bytes, over the ${MAX_VSIX_BYTES} bytes a .vsix may weigh`);
  process.exit(1);
}
console.log(`${path.relative(process.cwd(), out) || out}: ${files.length} files, ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);

function listZip(file) {
  // yauzl comes with vsce, which reads .vsix files with it.
  const yauzl = createRequire(require.resolve('@vscode/vsce/package.json'))('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
