// Bundles the VS Code client, the language server and the CLI with esbuild.
// `vscode` stays external: the extension host provides it. The browser builds
// (the web extension's client and the Web Worker server, SPEC section 11) are
// bundled for the browser: a Node built-in reached from them fails the build.
// `--production` (and `npm pack` / `npm publish`, which run this as `prepare`)
// minifies and writes no source maps: the published package ships the bundles
// alone, with no runtime dependencies.
import { build } from 'esbuild';
import fs from 'node:fs';
import { engineBundleOptions, generateValidators, NODE_BUNDLE } from './esbuild-common.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');

/** @type {import('esbuild').BuildOptions} */
const common = {
  ...NODE_BUNDLE,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  ...engineBundleOptions,
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  // Loaded by VS Code's web extension host as a CommonJS module.
  { entryPoints: ['client/src/browser/extension.ts'], outfile: 'client/out/browser/extension.js', external: ['vscode'], ...browser('cjs') },
  // A classic script for `new Worker(url)`: no module system around it.
  { entryPoints: ['server/src/browser/server.ts'], outfile: 'server/out/browser/server.js', ...browser('iife') },
];

/** @returns {import('esbuild').BuildOptions} */
function browser(format) {
  return { platform: 'browser', target: 'es2022', format };
}

// The schema compiled ahead of time: the server's first open does not compile it.
await generateValidators();

if (watch) {
  const { context } = await import('esbuild');
  for (const e of entries) await (await context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
  // A map left by an earlier development build would describe other code.
  if (production) for (const e of entries) fs.rmSync(`${e.outfile}.map`, { force: true });
}
