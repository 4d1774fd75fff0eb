// productteam-lint, SPEC section 7 revision 2 (issue 8's CLI defects, issue
// 12's --stdin): a bad input is a finding of its own and the run goes on,
// pipes and devices are refused without blocking, text from users' files
// never reaches the terminal raw, and --fix / --fix-dry-run / --stdin write
// exactly what the engine's fixAllText returns, atomically, keeping line ends.
// Every test works on copies in a temp folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPatch } from 'diff';
import { analyze, fixAllText, getFixes } from '../server/src/engine';
import { parseArgs } from '../server/src/cli/args';
import { escapeControl, escapeJson } from '../server/src/cli/escape';
import { keepLineEnds, lineEndOf } from '../server/src/cli/files';
import { ensureBuilt, makeTree, ROOT, runCli } from './helpers/cli-run';

const GOOD = `version: 1
organization:
  name: Acme
  stage: startup
  stance: combined
people:
  alice: { name: Alice Moreau, discipline: product, customerContact: weekly, decisionAuthority: full }
products:
  payments:
    name: Acme Payments
    owner: alice
    domains:
      checkout:
        name: Checkout
        productManager: alice
        productOwner: alice
        outcomes: [Cut checkout abandonment by 10%]
`;

/** An unknown id whose name carries ESC (a CSI that clears the screen), a C1 CSI, a BEL and a bidi override. */
const HOSTILE_ID = 'zed\u001b[2J\u009b31m\u0007\u202e';
const HOSTILE = GOOD.replace('productOwner: alice', 'productOwner: "zed\\e[2J\\x9b31m\\a\\u202e"');

interface JsonRecord {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number }[];
  errorCount: number;
  fixableErrorCount: number;
}

/** Every product-team file the tests may fix: examples and fixture inputs (not their .fixed twins). */
function fixableCorpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, `${prefix}${e.name}-`);
      else if (e.name.endsWith('.productteam.yaml') && !e.name.endsWith('.fixed.productteam.yaml')) {
        out.push({ name: `${prefix}${e.name}`, text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  walk(path.join(ROOT, 'examples'), 'examples-');
  walk(path.join(ROOT, 'test', 'fixtures'), '');
  return out;
}

/** What --fix must write for a text: fixAllText's result, with the original's line ends. */
const fixCache = new Map<string, string>();
const expectedFix = (text: string): string => {
  let fixed = fixCache.get(text);
  if (fixed === undefined) fixCache.set(text, (fixed = keepLineEnds(text, fixAllText(text).text)));
  return fixed;
};

/** A folder's files with their content and inode (a rename gives a new inode, so an unchanged inode means unwritten). */
function snapshot(dir: string): Map<string, { text: string; ino: number; mode: number }> {
  const out = new Map<string, { text: string; ino: number; mode: number }>();
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    if (st.isFile()) out.set(name, { text: fs.readFileSync(p, 'latin1'), ino: st.ino, mode: st.mode });
    else out.set(name, { text: st.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` : '', ino: st.ino, mode: st.mode });
  }
  return out;
}

/** Who does what, as the model reads it: what a bulk fix must never change (SPEC section 4). */
function facts(text: string): unknown {
  const m = analyze(text).model;
  const ids = (f: { refs: { id: string }[] } | undefined) => (f ? f.refs.map((r) => r.id) : null);
  // Who is in a list is the fact; an id named twice in one list is the same fact (duplicate-reference's safe fix cuts it to once).
  const set = (f: { refs: { id: string }[] } | undefined) => (f ? [...new Set(f.refs.map((r) => r.id))] : null);
  return {
    people: [...m.people.values()].map((p) => [p.id, p.decisionAuthority ?? null, p.until ?? null]),
    teams: [...m.teams.values()].map((t) => [t.id, t.type, ids(t.scrumMaster), set(t.members)]),
    products: m.products.map((p) => [
      p.id,
      p.vision ?? null,
      ids(p.owner),
      p.domains.map((d) => [d.id, ids(d.owner), ids(d.productManager), ids(d.productOwner), set(d.teams), set(d.stakeholders)]),
    ]),
  };
}

describe('productteam-lint: bad inputs, escaping, --fix, --stdin', function () {
  this.timeout(60_000);
  const cleanups: (() => void)[] = [];
  const tree = (files: Record<string, string | Uint8Array>): string => {
    const t = makeTree(files);
    cleanups.push(t.cleanup);
    return t.dir;
  };
  before(function () {
    this.timeout(120_000);
    ensureBuilt();
  });
  after(() => cleanups.forEach((c) => c()));

  describe('a file that cannot be read is a finding of its own', () => {
    const json = (dir: string, ...args: string[]) => {
      const r = runCli(['--format', 'json', ...args], { cwd: dir });
      return { ...r, records: JSON.parse(r.stdout || '[]') as JsonRecord[] };
    };

    it('non-UTF-8 file + good file: both reported, exit 2, one stderr line', () => {
      const dir = tree({ 'good.productteam.yaml': GOOD, 'latin1.productteam.yaml': Buffer.from('version: 1\norganization:\n  name: Caf\xe9\n', 'latin1') });
      const r = json(dir, 'latin1.productteam.yaml', 'good.productteam.yaml');
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, "productteam-lint: cannot read 'latin1.productteam.yaml': not valid UTF-8\n");
      assert.deepEqual(
        r.records.map((x) => path.basename(x.filePath)),
        ['good.productteam.yaml', 'latin1.productteam.yaml'],
      );
      const [good, bad] = r.records;
      assert.equal(good.errorCount, 0, JSON.stringify(good));
      assert.deepEqual(bad.messages, [
        { ruleId: 'yaml-syntax', severity: 'error', message: 'cannot read: not valid UTF-8', line: 1, column: 1, endLine: 1, endColumn: 1 },
      ]);
      assert.equal(bad.fixableErrorCount, 0);
    });

    it('the same inside a folder scan, in compact too', () => {
      const dir = tree({ 'a/good.productteam.yaml': GOOD, 'a/bad.productteam.yaml': Buffer.from([0x76, 0x3a, 0x20, 0xff, 0x0a]) });
      const r = runCli(['a', '--format', 'compact'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stdout, /^a\/bad\.productteam\.yaml:1:1 error cannot read: not valid UTF-8 yaml-syntax$/m);
      assert.match(r.stdout, /✖ 2 problems \(1 error,/);
    });

    it('looping and (when not root) unreadable paths + a good file: the good file is still linted', () => {
      const dir = tree({ 'good.productteam.yaml': GOOD, 'locked.productteam.yaml': GOOD });
      fs.symlinkSync('loop.productteam.yaml', path.join(dir, 'loop.productteam.yaml'));
      const args = ['loop.productteam.yaml', 'good.productteam.yaml'];
      const canLock = process.platform !== 'win32' && process.getuid?.() !== 0; // root reads anything
      if (canLock) {
        fs.chmodSync(path.join(dir, 'locked.productteam.yaml'), 0o000);
        args.push('locked.productteam.yaml');
      }
      const r = json(dir, ...args);
      assert.equal(r.status, 2, r.stderr);
      const byName = new Map(r.records.map((x) => [path.basename(x.filePath), x]));
      assert.equal(byName.get('good.productteam.yaml')?.errorCount, 0);
      assert.equal(byName.get('loop.productteam.yaml')?.messages[0].message, 'cannot read: too many symbolic links');
      if (canLock) assert.equal(byName.get('locked.productteam.yaml')?.messages[0].message, 'cannot read: permission denied');
      assert.equal(r.stderr.trimEnd().split('\n').length, args.length - 1, r.stderr);
      for (const line of r.stderr.trimEnd().split('\n')) assert.match(line, /^productteam-lint: cannot read '[^']+': .+$/);
    });
  });

  describe('pipes and devices are refused at once', () => {
    it('a FIFO argument: exit 2 with a one-line reason, promptly', function () {
      if (process.platform === 'win32') this.skip();
      const dir = tree({ 'good.productteam.yaml': GOOD });
      execFileSync('mkfifo', [path.join(dir, 'pipe.productteam.yaml')]);
      const started = Date.now();
      const r = runCli(['good.productteam.yaml', 'pipe.productteam.yaml'], { cwd: dir, timeout: 8_000 });
      assert.ok(Date.now() - started < 8_000, 'blocked on the pipe');
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "productteam-lint: refusing to read 'pipe.productteam.yaml': it is a named pipe, not a file or folder\n");
    });

    it('a FIFO inside a folder is not a product-team file and is skipped without blocking', function () {
      if (process.platform === 'win32') this.skip();
      const dir = tree({ 'f/good.productteam.yaml': GOOD });
      execFileSync('mkfifo', [path.join(dir, 'f', 'pipe.productteam.yaml')]);
      const r = runCli(['--format', 'json', 'f'], { cwd: dir, timeout: 8_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonRecord[]).map((x) => path.basename(x.filePath)),
        ['good.productteam.yaml'],
      );
    });

    it('a device argument: exit 2 with a one-line reason', function () {
      if (!fs.existsSync('/dev/null')) this.skip();
      const r = runCli(['/dev/null'], { cwd: ROOT, timeout: 8_000 });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, "productteam-lint: refusing to read '/dev/null': it is a character device, not a file or folder\n");
    });
  });

  describe('control characters from users\u2019 files are escaped in every format', () => {
    // eslint-disable-next-line no-control-regex -- finding raw control characters is the point
    const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const hostileName = 'evil\u001b]0;title\u0007.productteam.yaml';
    let dir = '';
    before(() => {
      dir = tree({ 'hostile.productteam.yaml': HOSTILE, [hostileName]: HOSTILE });
    });

    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      it(`${format}: no raw control character in the output`, () => {
        const r = runCli(['--format', format, 'hostile.productteam.yaml', hostileName], { cwd: dir, env: { NO_COLOR: '1' } });
        assert.equal(r.status, 1, r.stderr);
        assert.ok(r.stdout.includes('zed'), r.stdout);
        const bad = RAW.exec(r.stdout);
        assert.equal(bad, null, `raw U+${bad?.[0].charCodeAt(0).toString(16)} in ${format} output`);
        if (format === 'stylish') {
          assert.ok(r.stdout.includes('zed\\u001b[2J\\u009b31m\\u0007\\u202e'), r.stdout);
          assert.ok(r.stdout.includes('\nevil\\u001b]0;title\\u0007.productteam.yaml\n'), r.stdout);
        }
        if (format === 'json') {
          // Escaped on the wire, exact once parsed.
          const records = JSON.parse(r.stdout) as JsonRecord[];
          assert.ok(
            records.some((x) => x.messages.some((m) => m.message.includes(HOSTILE_ID))),
            r.stdout,
          );
          assert.ok(records.some((x) => path.basename(x.filePath) === hostileName));
        }
        if (format === 'sarif') {
          const log = JSON.parse(r.stdout) as { runs: { results: { message: { text: string } }[] }[] };
          assert.ok(
            log.runs[0].results.some((x) => x.message.text.includes(HOSTILE_ID)),
            r.stdout,
          );
        }
      });
    }

    it('--fix-dry-run: diffs and suggestion titles (which quote ids) are escaped too', () => {
      const r = runCli(['--fix-dry-run', '--stdin', '--stdin-filename', hostileName], { cwd: dir, input: HOSTILE, env: { NO_COLOR: '1' } });
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.stdout.includes('zed\\u001b'), r.stdout);
      assert.equal(RAW.exec(r.stdout), null, JSON.stringify(r.stdout));
      assert.equal(RAW.exec(r.stderr), null, JSON.stringify(r.stderr));
    });

    it('usage errors and unreadable-file lines on stderr are escaped too', () => {
      const r = runCli([`missing\u001b[31m.productteam.yaml`, '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(RAW.exec(r.stderr), null, JSON.stringify(r.stderr));
      assert.match(r.stderr, /missing\\u001b\[31m/);
    });

    it('escapeControl and escapeJson (pure)', () => {
      assert.equal(escapeControl('a\u001bb\u009bc\td\ne\u202e'), 'a\\u001bb\\u009bc\td\\ne\\u202e');
      assert.equal(escapeControl('a\nb\r', { keepLineBreaks: true }), 'a\nb\r');
      const json = escapeJson(JSON.stringify({ s: 'x\u009by\u2028\u202ez\u007f' }));
      assert.equal(RAW.exec(json), null);
      assert.deepEqual(JSON.parse(json), { s: 'x\u009by\u2028\u202ez\u007f' });
    });
  });

  describe('--fix and --fix-dry-run', () => {
    const corpus = fixableCorpus();
    const changing = corpus.filter((f) => expectedFix(f.text) !== f.text);

    it('the corpus has files that fix-all changes (else these tests would prove nothing)', () => {
      assert.ok(corpus.length > 10);
      assert.ok(changing.length > 0, 'no file in examples/ or test/fixtures changes under fixAllText');
    });

    it('--fix writes exactly what fixAllText returns, only to changed files, keeping modes; a second run writes nothing', () => {
      // Some files fix-all changes and some it leaves alone (those must not be rewritten).
      const files = [...changing.slice(0, 12), ...corpus.filter((f) => !changing.includes(f)).slice(0, 4)];
      const dir = tree(Object.fromEntries(files.map((f) => [f.name, f.text])));
      const first = changing[0].name;
      fs.chmodSync(path.join(dir, first), 0o640);
      const before = snapshot(dir);
      const r = runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const after = snapshot(dir);
      assert.deepEqual([...after.keys()], [...before.keys()], 'files appeared or vanished (temp files left behind?)');
      for (const f of files) {
        const b = before.get(f.name)!;
        const a = after.get(f.name)!;
        const want = expectedFix(f.text);
        assert.equal(a.text, Buffer.from(want, 'utf8').toString('latin1'), `${f.name}: not what fixAllText returns`);
        if (want === f.text) assert.equal(a.ino, b.ino, `${f.name}: unchanged but rewritten`);
        else assert.notEqual(a.ino, b.ino, `${f.name}: changed in place, not by rename`);
        assert.equal(a.mode, b.mode, `${f.name}: mode changed`);
      }
      // What is reported is what is left: the findings of the fixed text.
      const records = JSON.parse(r.stdout) as JsonRecord[];
      const rec = records.find((x) => path.basename(x.filePath) === first)!;
      assert.deepEqual(
        rec.messages.map((m) => m.ruleId),
        [...analyze(expectedFix(changing[0].text)).problems].sort((x, y) => x.start - y.start || x.end - y.end).map((p) => p.ruleId),
      );

      const again = runCli(['--fix', '.'], { cwd: dir });
      assert.ok(again.status === 0 || again.status === 1, again.stderr);
      const third = snapshot(dir);
      for (const [name, s] of after) assert.equal(third.get(name)!.ino, s.ino, `${name}: written by the second run`);
    });

    it('--fix on a copy of examples/: safe fixes only (no fact about people changes), a second run and --fix-dry-run write nothing', () => {
      const names = fs.readdirSync(path.join(ROOT, 'examples')).filter((n) => n.endsWith('.productteam.yaml'));
      const texts = Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(ROOT, 'examples', n), 'utf8')]));
      const dir = tree(texts);
      const dry = snapshot(dir);
      runCli(['--fix-dry-run', '.'], { cwd: dir });
      for (const [name, s] of snapshot(dir)) assert.equal(s.ino, dry.get(name)!.ino, `${name}: written by --fix-dry-run`);
      const r = runCli(['--fix', '.'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const after = snapshot(dir);
      const changed = names.filter((n) => fs.readFileSync(path.join(dir, n), 'utf8') !== texts[n]);
      assert.ok(changed.includes('troubled.productteam.yaml'), 'the troubled example has safe fixes: --fix should change it');
      for (const n of names) assert.deepEqual(facts(fs.readFileSync(path.join(dir, n), 'utf8')), facts(texts[n]), `${n}: --fix changed a fact about people`);
      runCli(['--fix', '.'], { cwd: dir });
      for (const [name, s] of snapshot(dir)) assert.equal(s.ino, after.get(name)!.ino, `${name}: written by the second --fix`);
    });

    it('--fix keeps CRLF line ends and a BOM, and follows a symbolic link', () => {
      const f = changing[0];
      const crlf = f.text.replace(/\r?\n/g, '\r\n');
      const dir = tree({ 'real.productteam.yaml': `\uFEFF${crlf}` });
      fs.symlinkSync('real.productteam.yaml', path.join(dir, 'link.productteam.yaml'));
      const r = runCli(['--fix', 'link.productteam.yaml'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'link.productteam.yaml')).isSymbolicLink(), 'the link was replaced by a file');
      const written = fs.readFileSync(path.join(dir, 'real.productteam.yaml'), 'utf8');
      assert.ok(written.startsWith('\uFEFF'), 'BOM lost');
      const body = written.slice(1);
      assert.equal(lineEndOf(body), '\r\n', 'a bare LF in a CRLF file');
      assert.equal(body.replace(/\r\n/g, '\n'), fixAllText(crlf).text.replace(/\r\n/g, '\n'));
      assert.notEqual(body, crlf);
    });

    it('--fix-dry-run writes nothing, prints a diff that turns each file into what --fix writes, and lists the suggestions left', () => {
      const files = changing.slice(0, 6);
      const dir = tree(Object.fromEntries(files.map((f) => [f.name, f.text])));
      const before = snapshot(dir);
      const r = runCli(['--fix-dry-run', '--format', 'compact', '.'], { cwd: dir, env: { NO_COLOR: '1' } });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.deepEqual(snapshot(dir), before, '--fix-dry-run wrote something');
      for (const f of files) {
        const start = r.stdout.indexOf(`--- a/${f.name}\n+++ b/${f.name}\n`);
        assert.ok(start >= 0, `no diff for ${f.name}:\n${r.stdout}`);
        const next = r.stdout.indexOf('\n--- a/', start + 1);
        const patch = r.stdout
          .slice(start, next < 0 ? undefined : next + 1)
          .split('\n')
          .filter((l) => /^(---|\+\+\+|@@|[ +\-\\])/.test(l) || l === '')
          .join('\n');
        assert.equal(applyPatch(f.text, patch), expectedFix(f.text), `${f.name}: the diff is not what --fix writes`);
        const fixed = expectedFix(f.text);
        const analysis = analyze(fixed);
        const want = analysis.problems.flatMap((p) => getFixes(analysis, p).filter((x) => x.kind !== 'safe' && !x.isSuppression));
        const listed = r.stdout.split('\n').filter((l) => l.startsWith(`${f.name}:`) && / suggestion: /.test(l));
        assert.equal(listed.length, want.length, `${f.name}: suggestions listed`);
        for (const l of listed) assert.match(l, /^[^:]+:\d+ [a-z-]+ suggestion: .+$/);
      }
    });

    it('with --format json, the diff goes to stderr and stdout stays one JSON array', () => {
      const f = changing[0];
      const dir = tree({ [f.name]: f.text });
      const r = runCli(['--fix-dry-run', '--format', 'json', f.name], { cwd: dir });
      assert.ok(Array.isArray(JSON.parse(r.stdout)));
      assert.ok(r.stderr.includes(`--- a/${f.name}`), r.stderr);
    });
  });

  describe('--stdin and --stdin-filename', () => {
    it('lints standard input, named by --stdin-filename, as it lints the file', () => {
      const dir = tree({ 'x.productteam.yaml': HOSTILE });
      const fromFile = runCli(['--format', 'json', 'x.productteam.yaml'], { cwd: dir });
      const fromStdin = runCli(['--format', 'json', '--stdin', '--stdin-filename', 'x.productteam.yaml'], { cwd: dir, input: HOSTILE });
      assert.equal(fromStdin.status, 1, fromStdin.stderr);
      assert.equal(fromStdin.stdout, fromFile.stdout);
      const unnamed = runCli(['--stdin', '--format', 'compact'], { cwd: dir, input: HOSTILE });
      assert.match(unnamed.stdout, /^<stdin>:\d+:\d+ error /m);
    });

    it('--stdin --fix: the fixed text on stdout, findings on stderr, exit 0; the file named is not touched', () => {
      const f = fixableCorpus().find((x) => expectedFix(x.text) !== x.text)!;
      const dir = tree({ 'x.productteam.yaml': 'version: 1\n' });
      const r = runCli(['--stdin', '--stdin-filename', 'x.productteam.yaml', '--fix', '--format', 'compact'], {
        cwd: dir,
        input: f.text,
        env: { NO_COLOR: '1' },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, fixAllText(f.text).text);
      const left = analyze(r.stdout).problems;
      if (left.length) assert.match(r.stderr, /^x\.productteam\.yaml:\d+:\d+ /m);
      assert.equal(fs.readFileSync(path.join(dir, 'x.productteam.yaml'), 'utf8'), 'version: 1\n');
    });

    it('--stdin --fix on text with nothing to fix prints it unchanged', () => {
      const r = runCli(['--stdin', '--fix'], { cwd: ROOT, input: GOOD });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, fixAllText(GOOD).text);
    });

    it('non-UTF-8 standard input: exit 2, a cannot-read finding, and with --fix nothing on stdout', () => {
      const bytes = Buffer.from('version: 1\nx: \xff\n', 'latin1');
      const r = runCli(['--stdin', '--fix'], { cwd: ROOT, input: bytes });
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /cannot read '<stdin>': not valid UTF-8/);
      const lint = runCli(['--stdin', '--format', 'json'], { cwd: ROOT, input: bytes });
      assert.equal(lint.status, 2);
      assert.equal((JSON.parse(lint.stdout) as JsonRecord[])[0].messages[0].message, 'cannot read: not valid UTF-8');
    });

    it('usage: --stdin with paths, --stdin-filename alone, --fix with --fix-dry-run', () => {
      for (const [argv, error] of [
        [['--stdin', 'a.yaml'], /--stdin takes no files/],
        [['--stdin-filename', 'a.yaml'], /--stdin-filename needs --stdin/],
        [['--fix', '--fix-dry-run'], /cannot be used together/],
        [['--fix=yes'], /takes no value/],
        [['--rule', 'yaml-syntax=off'], /cannot be turned off/],
      ] as const) {
        const parsed = parseArgs(argv);
        assert.ok(!parsed.ok);
        assert.match(parsed.error, error);
      }
      const r = runCli(['--stdin', 'a.yaml'], { cwd: ROOT });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^productteam-lint: --stdin takes no files or folders\n$/);
    });
  });
});
