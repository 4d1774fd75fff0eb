// What the end-to-end drivers share (run.mjs: the workbench with the Node
// extension host; web.mjs: the web-only extension in the web worker host):
// TAP-like reporting (`ok - …` / `not ok - …`, then `N passed, N failed`),
// polling, a free loopback port, and code-server started on a fresh profile.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, ensureCodeServer, ensureDebianPackages } from './setup.mjs';

/** One run's log and results. */
export function createRun() {
  const t0 = Date.now();
  const log = (msg) => console.error(`# [${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
  const results = [];
  function report(ok, name, detail) {
    results.push({ ok, name });
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
    if (!ok && detail) console.log(String(detail).replace(/^/gm, '    # '));
  }
  /** Runs one check; its failure is reported, not thrown. Returns whether it passed. */
  async function check(name, fn) {
    const started = Date.now();
    try {
      const note = await fn();
      log(`${((Date.now() - started) / 1000).toFixed(1)}s: ${name}`);
      report(true, note ? `${name} (${note})` : name);
      return true;
    } catch (err) {
      report(false, name, err?.stack && !err.expected ? err.stack.split('\n').slice(0, 6).join('\n') : (err?.message ?? String(err)));
      return false;
    }
  }
  function finish() {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  }
  return { log, results, report, check, finish };
}

/** code-server (and the Debian packages), installed when missing; a failure ends the run, reported. */
export function prerequisites({ report, finish }, prefix = '') {
  try {
    ensureDebianPackages();
    return ensureCodeServer();
  } catch (err) {
    report(false, `${prefix}install prerequisites (apt packages, code-server)`, err.message);
    finish();
    process.exit();
  }
}

/**
 * The .vsix to test: E2E_VSIX's, or one `npm run package` builds into
 * .e2e/build/ (a failure ends the run, reported). Returns its path and the manifest.
 */
export async function vsixUnderTest({ check, finish, log }, prefix = '') {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (process.env.E2E_VSIX) {
    const vsix = path.resolve(process.env.E2E_VSIX);
    log(`testing ${vsix} (E2E_VSIX)`);
    return { vsix, pkg };
  }
  const vsix = path.join(ROOT, '.e2e', 'build', `${pkg.name}-${pkg.version}.vsix`);
  const ok = await check(`${prefix}npm run package: builds a .vsix`, () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n'));
    return r.stdout.trim().split('\n').pop();
  });
  if (!ok) {
    finish();
    process.exit();
  }
  return { vsix, pkg };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor(what, fn, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * A fresh code-server profile under `runDir` (user data, extensions, a
 * workspace, temp and XDG folders, so nothing lands in ~), with `settings`
 * as the user's settings.json.
 */
export function freshProfile(runDir, settings) {
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    ws: path.join(runDir, 'workspace'),
    tmp: path.join(runDir, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = {
    ...process.env,
    TMPDIR: dirs.tmp,
    // keep code-server out of ~/.config/code-server and ~/.local/share/code-server
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
  };
  const profile = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  return { dirs, env, profile };
}

/** `code-server --install-extension` for each .vsix; throws with code-server's output when it fails. */
export function installExtensions(codeServer, { profile, env }, vsixes) {
  const r = spawnSync(codeServer, [...profile, ...vsixes.flatMap((v) => ['--install-extension', v])], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${r.stdout}\n${r.stderr}`);
  return spawnSync(codeServer, [...profile, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' }).stdout.split('\n');
}

/** Starts code-server on `port` for `folder`, its output in `logFile`; `stop()` ends it and its children. */
export function startCodeServer(codeServer, { profile, env }, { port, folder, logFile }) {
  const out = fs.openSync(logFile, 'w');
  const cs = spawn(
    codeServer,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...profile,
      folder,
    ],
    { env, stdio: ['ignore', out, out], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    cs,
    url,
    stop() {
      try {
        process.kill(-cs.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
    ready: () =>
      waitFor(
        'code-server /healthz',
        async () => {
          if (cs.exitCode !== null) throw new Error(`code-server exited (${cs.exitCode}); see ${logFile}`);
          return fetch(`${url}/healthz`).then(
            (r) => r.ok,
            () => false,
          );
        },
        60_000,
      ),
  };
}
