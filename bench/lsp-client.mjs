// A minimal LSP client over stdio for benchmarking: JSON-RPC framing, request
// ids, a handler for server-to-client requests, and a way to wait for the next
// notification that matches. Hand-rolled so the client adds as little work as
// possible to what is measured, and the same for every server.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export class LspClient {
  /**
   * @param {string[]} argv  node arguments (script and its flags)
   * @param {{ onRequest?: (method: string, params: any) => any, cwd?: string, env?: object }} opts
   */
  constructor(argv, opts = {}) {
    this.onRequest = opts.onRequest ?? (() => null);
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = '';
    this.log = [];
    this.requestsSeen = [];
    this.buf = Buffer.alloc(0);
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString();
    });
    this.proc.on('error', (err) => this.failAll(err));
    this.exited.then(({ code, signal }) =>
      this.failAll(new Error(`server exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr.slice(-2000)}` : ''}`)),
    );
  }

  failAll(err) {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
  }

  onData(chunk) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { at }));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability…).
      this.requestsSeen.push({ method: msg.method, params: msg.params, at });
      Promise.resolve()
        .then(() => this.onRequest(msg.method, msg.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: msg.id, result: result ?? null }),
          (err) => this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(err) } }),
        );
      return;
    }
    this.log.push({ method: msg.method, at });
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w.method === msg.method && w.match(msg.params)) {
        this.waiters.splice(i, 1);
        w.resolve({ params: msg.params, at });
        break;
      }
    }
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the next notification `method` whose params satisfy `match`. */
  waitFor(method, match = () => true, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const w = { method, match, resolve, reject };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      w.resolve = (v) => {
        clearTimeout(timer);
        resolve(v);
      };
      w.reject = (e) => {
        clearTimeout(timer);
        reject(e);
      };
      this.waiters.push(w);
    });
  }

  /** Resident set size of the server process, in bytes (Linux /proc). */
  rss() {
    return this.memory().rss;
  }

  /** { rss, peak }: current and peak (VmHWM) resident set of the server process, in bytes. */
  /** CPU time the server has used so far, in ms (user + system, from /proc; NaN where there is none). */
  cpuMs() {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in clock ticks (100 per second on Linux).
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return NaN;
    }
  }

  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (name) => {
        const m = new RegExp(`${name}:\\s+(\\d+)\\s+kB`).exec(status);
        return m ? Number(m[1]) * 1024 : undefined;
      };
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return {};
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const done = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(undefined), 5000))]);
    if (!done) this.proc.kill('SIGKILL');
  }
}
