// Issue 16, "--fix writes only what it may": the CLI's writes, on copies in
// a temp folder. A read-only file is reported and left alone (exit 2), as
// root too (the tests run as root here, where the system lets anything be
// written: the refusal is the tool's own, from the file's mode); a hard-linked
// file is written in place so every name sees the fix; an ordinary file is
// still replaced atomically; --fix-dry-run says which day "today" is when an
// until is involved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAllText } from '../server/src/engine';
import { whyNotWritable, writeFixedFile } from '../server/src/cli/files';
import { ensureBuilt, makeTree, runCli } from './helpers/cli-run';

/** A file --fix changes: a misspelt stage (a safe fix). */
const FIXABLE = `version: 1
organization:
  name: Acme
  stance: combined
  stage: scaleupp
people:
  alice: { name: Alice, discipline: product }
products:
  p:
    name: P
    owner: alice
`;
const FIXED = fixAllText(FIXABLE).text;

describe('productteam-lint --fix: writes only what it may (issue 16)', function () {
  this.timeout(60_000);
  const cleanups: (() => void)[] = [];
  const tree = (files: Record<string, string>): string => {
    const t = makeTree(files);
    cleanups.push(t.cleanup);
    return t.dir;
  };
  before(ensureBuilt);
  after(() => {
    for (const c of cleanups) c();
  });

  it('the fixture is one --fix changes (else these tests would prove nothing)', () => {
    assert.notEqual(FIXED, FIXABLE);
    assert.match(FIXED, /stage: scaleup\n/);
  });

  it('a read-only file is reported and left alone, byte for byte, mode and all: exit 2', () => {
    const dir = tree({ 'ro.productteam.yaml': FIXABLE, 'rw.productteam.yaml': FIXABLE });
    const ro = path.join(dir, 'ro.productteam.yaml');
    fs.chmodSync(ro, 0o444);
    const before = fs.statSync(ro);
    const r = runCli(['--fix', 'ro.productteam.yaml', 'rw.productteam.yaml'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^productteam-lint: cannot write 'ro\.productteam\.yaml': read-only file$/m);
    assert.equal(fs.readFileSync(ro, 'utf8'), FIXABLE);
    const after = fs.statSync(ro);
    assert.equal(after.ino, before.ino, 'replaced through the folder permission');
    assert.equal(after.mode, before.mode);
    assert.equal(fs.readFileSync(path.join(dir, 'rw.productteam.yaml'), 'utf8'), FIXED, 'the other file still gets its fix');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['ro.productteam.yaml', 'rw.productteam.yaml'], 'a temp file was left behind');
  });

  it('whyNotWritable: no write bit is read-only for everyone; a writable file passes', () => {
    const dir = tree({ 'a.productteam.yaml': FIXABLE });
    const f = path.join(dir, 'a.productteam.yaml');
    assert.equal(whyNotWritable(fs.statSync(f), f), undefined);
    fs.chmodSync(f, 0o400);
    assert.equal(whyNotWritable(fs.statSync(f), f), 'read-only file');
    assert.throws(() => writeFixedFile(f, FIXED), /read-only file/);
    assert.equal(fs.readFileSync(f, 'utf8'), FIXABLE);
  });

  it('a hard-linked file is written in place: every name sees the fix, the link stays', () => {
    const dir = tree({ 'a.productteam.yaml': FIXABLE });
    const a = path.join(dir, 'a.productteam.yaml');
    const b = path.join(dir, 'other-name.yaml');
    fs.linkSync(a, b);
    fs.chmodSync(a, 0o640);
    const before = fs.statSync(a);
    const r = runCli(['--fix', 'a.productteam.yaml'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(fs.readFileSync(a, 'utf8'), FIXED);
    assert.equal(fs.readFileSync(b, 'utf8'), FIXED, 'the other name kept the old text: the link was split');
    const after = fs.statSync(a);
    assert.equal(after.ino, before.ino);
    assert.equal(after.nlink, 2);
    assert.equal(after.mode, before.mode);
  });

  it('an ordinary file is still replaced atomically (a new inode by rename), and a shorter text leaves no tail', () => {
    const dir = tree({ 'a.productteam.yaml': FIXABLE });
    const a = path.join(dir, 'a.productteam.yaml');
    const before = fs.statSync(a);
    const r = runCli(['--fix', 'a.productteam.yaml'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(fs.readFileSync(a, 'utf8'), FIXED);
    assert.notEqual(fs.statSync(a).ino, before.ino);
    // In place, a text shorter than the file must not leave the old end behind.
    const linked = path.join(dir, 'b.yaml');
    fs.linkSync(a, linked);
    writeFixedFile(linked, 'version: 1\n');
    assert.equal(fs.readFileSync(a, 'utf8'), 'version: 1\n');
  });

  it('--fix-dry-run says which day today is where an until is involved', () => {
    const text = FIXABLE.replace('    owner: alice', '    # productteam-disable-next-line single-owner -- until 2000-01-31\n    owner: [alice, alice]');
    const dir = tree({ 'a.productteam.yaml': text });
    const r = runCli(['--fix-dry-run', 'a.productteam.yaml'], { cwd: dir, env: { NO_COLOR: '1' } });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.match(
      r.stdout,
      /expired-suppression suggestion: Extend until .* \(today is \d{4}-\d{2}-\d{2}, the local calendar date of the machine that runs the check \(not UTC\)\)$/m,
    );
    assert.doesNotMatch(r.stdout, /schema suggestion: .*today is/);
  });
});
