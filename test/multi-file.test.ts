// Multi-file organisations (SPEC section 9) as data: a folder per case under
// test/fixtures/multi-file/ (and under test/fixtures/<rule-id>/ for the rules
// only an organisation of several files can fire), every *.productteam.yaml
// in it (recursively) given to one EngineHost, keyed by its path in the case
// folder. Each file carries its own expected findings as annotations (the
// format of test/helpers/fixtures.ts); a root whose header says `# fix-all`
// has fix-all run over its organisation, and each file it changes is
// compared with `<name>.fixed.productteam.yaml` beside it. `# options:` in a
// root's header are the host's options.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, type Snapshot } from '../server/src/engine';
import { compareFindings, parseAnnotations, parseHeader, toFinding } from './helpers/fixtures';
import { caseFolders, FIXED, hostFor } from './helpers/multi-file';

const FIXTURES = path.join(__dirname, 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function checkAnnotations(snap: Snapshot, key: string): string[] {
  const text = snap.text(key)!;
  const parsed = parseAnnotations(text);
  assert.deepEqual(parsed.errors, [], `${key}: malformed annotations:\n${parsed.errors.join('\n')}`);
  const a = snap.analysis(key)!;
  return compareFindings(
    text,
    parsed.findings,
    a.problems.map((p) => toFinding(p, text, a.lines)),
  ).map((m) => `${key}: ${m}`);
}

describe('multi-file organisations (fixture folders)', () => {
  for (const dir of caseFolders()) {
    it(path.relative(FIXTURES, dir).split(path.sep).join('/'), () => {
      const { host, keys, prefix } = hostFor(dir);
      const snap = host.snapshot();
      const diff = keys.flatMap((k) => checkAnnotations(snap, k));
      assert.ok(diff.length === 0, `findings differ from the annotations:\n${diff.join('\n')}`);
      const known = new Set(RULES.map((r) => r.id));
      for (const k of keys) for (const f of parseAnnotations(snap.text(k)!).findings) assert.ok(known.has(f.ruleId), `${k}: unknown rule ${f.ruleId}`);
      const roots = keys.filter((k) => parseHeader(snap.text(k)!).fixAll);
      for (const root of roots) {
        const { texts } = snap.fixAll(root);
        assert.ok(texts.size > 0, `${root}: fix-all changed nothing`);
        for (const k of keys) {
          const fixedPath = path.join(dir, k.slice(prefix.length).replace(/\.productteam\.ya?ml$/, FIXED));
          const after = texts.get(k);
          if (after === undefined) {
            assert.ok(!fs.existsSync(fixedPath), `${k}: fix-all left it alone, but ${path.basename(fixedPath)} exists`);
            continue;
          }
          if (UPDATE) fs.writeFileSync(fixedPath, after);
          else assert.equal(after, fs.readFileSync(fixedPath, 'utf8'), `${k}: fix-all result differs from ${path.basename(fixedPath)}`);
        }
      }
    });
  }
});
