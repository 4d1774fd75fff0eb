// The schema is validated in pieces (the root's skeleton, then each entry with
// its `$defs` validator, cached by value), and the bundles use the same
// validators compiled ahead of time. Both must be invisible: the same ajv
// errors as the whole schema compiled at once, and the precompiled module the
// same as a runtime compile.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { resolverFor } from '../../server/src/engine/syntax/resolve';
import { ajvErrors, validateSchema } from '../../server/src/engine/schema/schema';
import { AJV_OPTIONS, ENTRY_DEFS, SCHEMA, skeletonSchema } from '../../server/src/engine/schema/schemaParts';
import { loadValidators, type Validators } from '../../server/src/engine/schema/validators';
import { PARSE_OPTIONS } from '../../server/src/engine/syntax/incremental';

const ROOT = path.resolve(__dirname, '..', '..');
const PRECOMPILED = path.join(ROOT, 'server', 'out', 'schema-validators.js');

/** Every fixture's data, as the schema sees it, plus a few shapes the fixtures may not have. */
let sampled: [string, unknown][] | undefined;
function samples(): [string, unknown][] {
  if (sampled) return sampled;
  const out: [string, unknown][] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(f)) out.push([path.relative(ROOT, p), resolverFor(parseDocument(fs.readFileSync(p, 'utf8'), PARSE_OPTIONS)).toJS().data]);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  out.push(['not a mapping', [1, 2]], ['empty', null], ['sections of the wrong type', { version: 1, people: [], products: 'x', teams: 3 }]);
  out.push(['ids that need escaping', { version: 1, organization: { name: 'o' }, people: { 'a/b': { name: 1 }, 'a~c': 'x', a: null, '0': { extra: true } } }]);
  return (sampled = out);
}

const shown = (errors: readonly ErrorObject[]) =>
  errors.map((e) => JSON.stringify([e.instancePath, e.schemaPath, e.keyword, e.params, e.message, e.data])).sort();

describe('schema validators', () => {
  // Compiling the schema three ways and parsing every fixture is the slow part: done once, before the tests.
  let whole: ReturnType<Ajv2020['compile']>;
  before(function () {
    this.timeout(60_000);
    whole = new Ajv2020(AJV_OPTIONS).compile(SCHEMA);
    loadValidators();
    samples();
  });

  it('validating the skeleton and each entry gives the errors of the whole schema', () => {
    let errors = 0;
    for (const [name, data] of samples()) {
      const expected = whole(data) ? [] : (whole.errors ?? []);
      errors += expected.length;
      assert.deepEqual(shown(ajvErrors(data)), shown(expected), name);
    }
    assert.ok(errors > 50, `only ${errors} errors in the samples: they test little`);
  });

  it("the skeleton says nothing of a section but its type, so a section's entries may be left out of the data it validates", () => {
    // schema.ts validates the skeleton with each section's mapping given as {} (byEntry): a keyword about a section's keys or size would break that.
    const properties = skeletonSchema().properties as Record<string, Record<string, unknown>>;
    for (const section of Object.keys(ENTRY_DEFS)) {
      const keywords = Object.keys(properties[section]).filter((k) => !['title', 'description', 'markdownDescription', 'examples', 'default'].includes(k));
      assert.deepEqual(keywords, ['type'], section);
      assert.ok((properties[section].type as string[]).includes('object'), section);
    }
  });

  it("placing errors entry by entry gives what placing the whole data's errors gives", () => {
    const texts: [string, string][] = [];
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir)) {
        const p = path.join(dir, f);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(f)) texts.push([path.relative(ROOT, p), fs.readFileSync(p, 'utf8')]);
      }
    };
    walk(path.join(ROOT, 'test', 'fixtures'));
    walk(path.join(ROOT, 'examples'));
    texts.push(
      ['not a mapping', '- 1\n- 2\n'],
      ['empty', ''],
      ['sections of the wrong type', 'version: 1\npeople: []\nproducts: x\nteams: 3\n'],
      ['ids that need escaping', "version: 1\norganization: { name: o }\npeople:\n  a/b: { name: 1 }\n  'a~c': x\n  a:\n  0: { extra: true }\n"],
      ['a repeated id and a repeated section', 'version: 1\npeople:\n  a: { nam: x }\n  a: { name: 1 }\npeople:\n  b: { nme: y }\n'],
      ['a key that is not a scalar', 'version: 1\npeople:\n  ? [a, b]\n  : { nam: x }\n  c: { name: C, discipline: design }\n'],
    );
    let placed = 0;
    for (const [name, text] of texts) {
      const doc = parseDocument(text, PARSE_OPTIONS);
      const byEntry = validateSchema(doc);
      placed += byEntry.length;
      assert.deepEqual(byEntry, validateSchema(parseDocument(text, PARSE_OPTIONS), resolverFor(doc).toJS().data), name);
    }
    assert.ok(placed > 50, `only ${placed} errors placed: the texts test little`);
  });

  it('a `__proto__` key is data like any other, never the prototype', () => {
    const data = resolverFor(parseDocument('people:\n  __proto__: { nam: x }\n  ann: { name: Ann }\n', PARSE_OPTIONS)).toJS().data as {
      people: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(data.people), ['__proto__', 'ann']);
    assert.equal(Object.getPrototypeOf(data.people), Object.prototype);
    assert.ok(
      ajvErrors(data).some((e) => e.instancePath === '/people/__proto__'),
      'its entry is validated',
    );
  });

  it('the validators compiled by the build give the same errors as the runtime compile', function () {
    this.timeout(60_000); // builds when run alone
    if (!fs.existsSync(PRECOMPILED)) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, `build failed:\n${r.stdout}${r.stderr}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const precompiled = (require(PRECOMPILED) as { loadValidators(): Validators }).loadValidators();
    const runtime = loadValidators();
    for (const [name, data] of samples()) {
      const entries = Object.entries(data && typeof data === 'object' ? data : {}).flatMap(([section, v]) =>
        (['people', 'products', 'teams'].includes(section) && v && typeof v === 'object' ? Object.values(v as object) : []).map((e) => [section, e] as const),
      );
      const kinds = { people: 'person', products: 'product', teams: 'team' } as const;
      for (const [kind, value] of [['root', data] as const, ...entries.map(([s, e]) => [kinds[s as keyof typeof kinds], e] as const)]) {
        const a = runtime[kind];
        const b = precompiled[kind];
        assert.equal(a(value), b(value), `${name}: ${kind}`);
        assert.deepEqual(shown(b.errors ?? []), shown(a.errors ?? []), `${name}: ${kind}`);
      }
    }
  });
});
