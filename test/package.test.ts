// The npm package as users get it: `npm pack` (which builds the bundles
// through `prepare`), the tarball installed into an empty folder outside the
// repository (no registry needed: the bundles are self-contained, the package
// has no runtime dependencies), and both bins run from that folder.
// Packing and installing happen once, in `before`; each check is quick.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** npm's own variables from an outer `npm test` must not leak into the inner npm runs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  delete env.FORCE_COLOR;
  return env;
}

function npm(args: string[], cwd: string): string {
  const r = spawnSync(NPM, args, { cwd, env: cleanEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('npm package: pack, install the tarball into an empty folder, run both bins', function () {
  let tmp: string;
  let app: string;
  let pack: PackResult;
  let manifest: Record<string, unknown>;

  before(function () {
    this.timeout(180_000); // npm pack builds the bundles; busy machines are slow
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-pack-')));
    const out = npm(['pack', '--json', '--pack-destination', tmp], ROOT);
    pack = (JSON.parse(out.slice(out.indexOf('['))) as PackResult[])[0];
    app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    // --offline: nothing may come from a registry; the tarball must be enough.
    npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, pack.filename)], app);
    manifest = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'productteam', 'package.json'), 'utf8'));
  });

  after(function () {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is publishable: not private, a files list, engines, and no runtime dependencies', function () {
    assert.equal(manifest.private, undefined);
    assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0, 'a files list');
    assert.match(String((manifest.engines as Record<string, string>).node), /^>=20/);
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundles are self-contained');
    assert.deepEqual(Object.keys(manifest.bin as object).sort(), ['productteam-language-server', 'productteam-lint']);
  });

  it('ships the bins, the bundles and the schema, and no sources, tests or source maps', function () {
    const files = pack.files.map((f) => f.path);
    for (const need of [
      'bin/productteam-lint.js',
      'bin/productteam-language-server.js',
      'server/out/cli.js',
      'server/out/server.js',
      'schemas/productteam.schema.json',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(need), `${need} is in the tarball: ${files.join(', ')}`);
    }
    const unwanted = files.filter(
      (f) => /^(server\/src|client|test|scripts|bench|docs|examples|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'),
    );
    assert.deepEqual(unwanted, []);
  });

  it('installs with nothing beside it: the only package in node_modules is productteam', function () {
    const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['productteam']);
  });

  it('npx productteam-lint lints a file from the installed package', function () {
    fs.copyFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), path.join(app, 'team.productteam.yaml'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), path.join(app, 'healthy.productteam.yaml'));
    const bad = spawnSync(NPM, ['exec', '--offline', '--no', '--', 'productteam-lint', '--format', 'json', 'team.productteam.yaml'], {
      cwd: app,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1, bad.stderr);
    const records = JSON.parse(bad.stdout) as { filePath: string; errorCount: number }[];
    assert.equal(records.length, 1);
    assert.ok(records[0].errorCount > 0, 'the troubled example has errors');
    const good = spawnSync(path.join(app, 'node_modules', '.bin', 'productteam-lint'), ['healthy.productteam.yaml'], {
      cwd: app,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    assert.equal(good.status, 0, `${good.stdout}${good.stderr}`);
  });

  it("the README's install section is what this suite does: npm pack, the tarball installed, npx productteam-lint . (never npx --yes)", function () {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const install = readme.slice(readme.indexOf('## Install'), readme.indexOf('\n## ', readme.indexOf('## Install') + 1));
    assert.doesNotMatch(readme, /npx --yes|npx -y\b/, 'npx --yes would run whatever is published under the name later');
    assert.match(install, /^npm pack\b/m);
    assert.match(install, /^npm run package\b/m);
    const installLine = /^npm install --save-dev \/path\/to\/(productteam-[\d.]+\.tgz)$/m.exec(install);
    assert.ok(installLine, install);
    assert.equal(installLine[1], pack.filename, 'the README names the tarball npm pack writes');
    const runLine = /^npx (productteam-lint) (\.)$/m.exec(install);
    assert.ok(runLine, install);
    // In the folder the tarball was installed into (before), as the README says: npx without --yes, offline.
    const dir = path.join(app, 'readme');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), path.join(dir, 'healthy.productteam.yaml'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), path.join(dir, 'team.productteam.yaml'));
    const r = spawnSync(NPM, ['exec', '--no', '--offline', '--', runLine[1], '--format', 'json', runLine[2]], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(r.status, 1, `the troubled file has errors: ${r.stderr}`);
    const records = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
    assert.deepEqual(records.map((x) => [path.basename(x.filePath), x.errorCount > 0]).sort(), [
      ['healthy.productteam.yaml', false],
      ['team.productteam.yaml', true],
    ]);
  });

  it('the GitHub Action installs the package when its own folder holds no built CLI', function () {
    // An action folder as a tag checkout without build output: the manifest and the script.
    const actionPath = path.join(tmp, 'action');
    fs.mkdirSync(path.join(actionPath, 'scripts', 'action'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(actionPath, 'package.json'));
    fs.copyFileSync(path.join(ROOT, 'scripts', 'action', 'run.mjs'), path.join(actionPath, 'scripts', 'action', 'run.mjs'));
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    fs.copyFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), path.join(ws, 'team.productteam.yaml'));
    const runnerTemp = path.join(tmp, 'runner');
    fs.mkdirSync(runnerTemp);
    const r = spawnSync(process.execPath, [path.join(actionPath, 'scripts', 'action', 'run.mjs')], {
      cwd: ws,
      encoding: 'utf8',
      env: {
        ...cleanEnv(),
        npm_config_offline: 'true',
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: runnerTemp,
        INPUT_PACKAGE: path.join(tmp, pack.filename),
        INPUT_FORMAT: 'json',
      },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.ok(fs.existsSync(path.join(runnerTemp, 'productteam-action', 'node_modules', 'productteam', 'server', 'out', 'cli.js')));
    const records = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filePath: string; errorCount: number }[];
    assert.deepEqual(
      records.map((x) => [path.basename(x.filePath), x.errorCount]),
      [['team.productteam.yaml', 0]],
    );
  });

  it('pre-commit: the hook picks the staged configurations and its entry runs them from the installed package', function () {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
      args?: string[];
      pass_filenames?: boolean;
    }[];
    const hook = hooks.find((h) => h.id === 'productteam-lint');
    assert.ok(hook, 'a productteam-lint hook');
    assert.equal(hook.language, 'node');
    assert.notEqual(hook.pass_filenames, false);
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files);
    const staged = ['team.productteam.yaml', 'sub/.productteam.yaml', 'other.productteam.yml', 'team.yaml', 'README.md', 'productteam.yaml.bak'];
    const picked = staged.filter((f) => files.test(f));
    assert.deepEqual(picked, ['team.productteam.yaml', 'sub/.productteam.yaml', 'other.productteam.yml']);
    // Run `entry [args] <files>` as pre-commit does, with the installed bins on PATH.
    fs.mkdirSync(path.join(app, 'sub'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), path.join(app, 'sub', '.productteam.yaml'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'healthy.productteam.yaml'), path.join(app, 'other.productteam.yml'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'troubled.productteam.yaml'), path.join(app, 'team.productteam.yaml'));
    const [cmd, ...entryArgs] = hook.entry.split(/\s+/);
    const env = { ...cleanEnv(), PATH: `${path.join(app, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
    const fails = spawnSync(cmd, [...entryArgs, ...(hook.args ?? []), ...picked], { cwd: app, env, encoding: 'utf8' });
    assert.equal(fails.status, 1, `the troubled file fails the commit: ${fails.stdout}${fails.stderr}`);
    assert.match(fails.stdout, /team\.productteam\.yaml/);
    const passes = spawnSync(cmd, [...entryArgs, ...(hook.args ?? []), ...picked.slice(1)], { cwd: app, env, encoding: 'utf8' });
    assert.equal(passes.status, 0, `${passes.stdout}${passes.stderr}`);
  });

  it('productteam-language-server --stdio answers initialize', async function () {
    const bin = path.join(app, 'node_modules', '.bin', 'productteam-language-server');
    const child = spawn(bin, ['--stdio'], { cwd: app, env: cleanEnv() });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<{ id: number; result: { serverInfo: { name: string }; capabilities: Record<string, unknown> } }>((resolve, reject) => {
        let buf = Buffer.alloc(0);
        const timer = setTimeout(() => reject(new Error(`no initialize result; got ${JSON.stringify(buf.toString())}`)), 8_000);
        child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
        child.stdout.on('data', (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          const text = buf.toString('utf8');
          const m = /Content-Length: (\d+)\r\n\r\n/.exec(text);
          if (!m) return;
          const start = m.index + m[0].length;
          const bytes = Buffer.from(text.slice(start));
          if (bytes.length < Number(m[1])) return;
          clearTimeout(timer);
          resolve(JSON.parse(bytes.subarray(0, Number(m[1])).toString('utf8')));
        });
      });
      assert.equal(reply.id, 1);
      assert.equal(reply.result.serverInfo.name, 'productteam-language-server');
      assert.ok(reply.result.capabilities.hoverProvider, 'hovers are offered');
    } finally {
      child.kill();
    }
  });
});
