// What every esbuild bundle of the engine shares (scripts/build.mjs, the
// benchmark): the schema's validators compiled ahead of time, and `yaml`'s
// ES-module build.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A CommonJS bundle for Node 20: the server, the CLI, the client, the schema compiler, the benchmarks' engine.
 * @type {import('esbuild').BuildOptions}
 */
export const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node20', format: 'cjs' };

/** Where the build writes ajv's standalone code for the schema (git-ignored, like every bundle). */
export const PRECOMPILED_VALIDATORS = path.join(root, 'server/out/schema-validators.js');

/**
 * Compiles the schema's validators (server/src/engine/schema/validators.ts, the same
 * options and the same cut) into ajv's standalone code, so that the server
 * and the CLI do not compile the schema when they start.
 */
export async function generateValidators() {
  const generator = path.join(path.dirname(PRECOMPILED_VALIDATORS), 'schema-standalone.generator.cjs');
  await build({
    entryPoints: [path.join(root, 'scripts/schema-standalone.ts')],
    outfile: generator,
    ...NODE_BUNDLE,
    logLevel: 'warning',
  });
  try {
    const { standaloneValidators } = createRequire(import.meta.url)(generator);
    fs.writeFileSync(PRECOMPILED_VALIDATORS, standaloneValidators());
  } finally {
    fs.rmSync(generator, { force: true });
  }
}

/** esbuild plugin: the engine's `./validators` (runtime compile) becomes the precompiled module. */
export const precompiledValidators = {
  name: 'precompiled-validators',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /^\.\/validators$/ }, (args) =>
      args.importer === path.join(root, 'server/src/engine/schema/schema.ts') ? { path: PRECOMPILED_VALIDATORS } : undefined,
    );
  },
};

/**
 * `yaml` as ES modules (its `browser` build, the same code): for `platform:
 * 'node'` its package exports the CommonJS build, which esbuild wraps in
 * interop getters that every call into yaml goes through.
 */
export const yamlAsEsm = { yaml: path.join(root, 'node_modules/yaml/browser/index.js') };

/** Options for a bundle that holds the engine. */
export const engineBundleOptions = { plugins: [precompiledValidators], alias: yamlAsEsm };

/** Where the benchmarks keep the engine bundle (bench/engine-entry.ts: the facade and yaml's parseDocument). */
export const BENCH_ENGINE = path.join(root, 'bench/.out/engine.cjs');

/**
 * Bundles the engine as the server bundles it (precompiled schema, yaml's ES
 * modules) into `BENCH_ENGINE`, as CommonJS for the benchmarks' workers;
 * compiles the schema's validators first if the build has not.
 * @param {import('esbuild').LogLevel} [logLevel]
 */
export async function bundleBenchEngine(logLevel = 'warning') {
  if (!fs.existsSync(PRECOMPILED_VALIDATORS)) {
    fs.mkdirSync(path.dirname(PRECOMPILED_VALIDATORS), { recursive: true });
    await generateValidators();
  }
  fs.mkdirSync(path.dirname(BENCH_ENGINE), { recursive: true });
  await build({
    entryPoints: [path.join(root, 'bench/engine-entry.ts')],
    outfile: BENCH_ENGINE,
    ...NODE_BUNDLE,
    logLevel,
    ...engineBundleOptions,
  });
  return BENCH_ENGINE;
}
