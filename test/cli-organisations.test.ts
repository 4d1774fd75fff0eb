// The CLI and multi-file organisations (SPEC section 9): files are grouped
// into organisations and checked once each; a part given alone is checked
// with the root that includes it (found in its folder and parents, up to the
// repository root); --fix writes fixes in whichever file they belong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, makeTree, runCli } from './helpers/cli-run';

const FIXTURES = path.join(__dirname, 'fixtures', 'multi-file');

/** A case folder's files (annotations and all), for makeTree. */
function filesOf(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesOf(p, base, out);
    else if (!e.name.includes('.fixed.')) out[path.relative(base, p)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

type JsonResult = { filePath: string; messages: { ruleId: string; message: string }[] };

describe('cli: multi-file organisations', function () {
  before(() => ensureBuilt());

  it('checks a part given alone with the root that includes it, found in a parent folder', () => {
    const tree = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...filesOf(path.join(FIXTURES, 'basic')) });
    try {
      const r = runCli(['--format', 'json', 'products/payments.productteam.yaml'], { cwd: tree.dir });
      const results = JSON.parse(r.stdout) as JsonResult[];
      assert.equal(results.length, 1, 'only the file given is reported');
      const rules = results[0].messages.map((m) => m.ruleId).sort();
      assert.deepEqual(rules, ['decision-authority', 'role-split', 'unknown-reference']);
      assert.match(results[0].messages.find((m) => m.ruleId === 'unknown-reference')!.message, /'zed'/);
    } finally {
      tree.cleanup();
    }
  });

  it('a whole folder: each file reported once, with the root stance in force in the parts', () => {
    const tree = makeTree(filesOf(path.join(FIXTURES, 'basic')));
    try {
      const r = runCli(['--format', 'json', '.'], { cwd: tree.dir });
      const results = JSON.parse(r.stdout) as JsonResult[];
      assert.equal(results.length, 4);
      const all = results.flatMap((x) => x.messages.map((m) => `${path.basename(x.filePath)} ${m.ruleId}`)).sort();
      assert.deepEqual(all, [
        'directory.productteam.yaml unused-person',
        'payments.productteam.yaml decision-authority',
        'payments.productteam.yaml role-split',
        'payments.productteam.yaml unknown-reference',
        'search.productteam.yaml team-single-domain',
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('--fix on the root writes the fix into the part file it belongs in, keeping its BOM', () => {
    const files = filesOf(path.join(FIXTURES, 'fix-all'));
    const tree = makeTree({ ...files, 'product.productteam.yaml': `\ufeff${files['product.productteam.yaml']}` });
    try {
      runCli(['--fix', 'root.productteam.yaml'], { cwd: tree.dir });
      const product = fs.readFileSync(path.join(tree.dir, 'product.productteam.yaml'), 'utf8');
      assert.equal(product, `\ufeff${fs.readFileSync(path.join(FIXTURES, 'fix-all', 'product.fixed.productteam.yaml'), 'utf8')}`);
    } finally {
      tree.cleanup();
    }
  });
});
