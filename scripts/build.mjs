// Bundles the VS Code client, the language server and the CLI with esbuild.
// `vscode` stays external: the extension host provides it.
// `--production` (and `npm pack` / `npm publish`, which run this as `prepare`)
// minifies and writes no source maps: the published package ships the bundles
// alone, with no runtime dependencies.
import { build } from 'esbuild';
import fs from 'node:fs';
import { engineBundleOptions, generateValidators } from './esbuild-common.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
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
];

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
