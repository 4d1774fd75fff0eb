// A bounded, seeded fuzz test (issue 8): a few hundred mutants of the examples
// and fixtures — flipped characters, deleted, duplicated and re-indented
// lines, inserted aliases, anchors, tags, comments and CRLF, truncations —
// through the engine (analyze, every fix of every problem, fixAllText: no
// exception) and through ONE long-lived language server (the mutants as
// didChange, with hover, completion and code-action requests in between: no
// crash, every request answered, the last diagnostics for the last version).
// The same mutants on every run; each test stops at its time budget and says
// how far it got.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, EngineHost, fixAllText, getFixes } from '../server/src/engine';
import { LspClient, ResponseError, ROOT, type CodeAction, type Diagnostic, type Position } from './lsp/client';

const MUTANTS = 300;
/** Per test; the tests stop early rather than run past it. */
const BUDGET_MS = 5_000;

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function seeds(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.productteam\.ya?ml$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

/** The seeded mutants: each a seed text with one to three mutations. */
function mutants(count: number, seed = 8): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const CHARS = [
    '\u0000',
    '\u001b',
    '\t',
    '\u00a0',
    '\ufeff',
    '\u2028',
    'é',
    '😀',
    ':',
    '-',
    '#',
    '&',
    '*',
    '!',
    '|',
    '>',
    '"',
    "'",
    '[',
    '{',
    '}',
    ',',
    '?',
    '%',
    '@',
    '`',
    ' ',
    '\n',
    '\r',
    'x',
    '0',
  ];
  const INSERTS = [
    '*nowhere',
    '*a',
    '&a ',
    '&o ',
    '!!null ',
    '!!str ',
    '!!binary ',
    '!custom ',
    '# comment',
    ' # TODO',
    '<<: *a',
    '? ',
    '~',
    '""',
    '[]',
    '{}',
    'x-note: *nowhere\n',
    '---\n',
    '...\n',
    '%YAML 1.2\n',
  ];
  const lines = (t: string) => t.split(/(?<=\n)/);
  const ops: ((t: string) => string)[] = [
    (t) => {
      const i = Math.floor(rnd() * t.length); // flip one character
      return t.slice(0, i) + pick(CHARS) + t.slice(i + 1);
    },
    (t) => {
      const ls = lines(t); // delete a line
      ls.splice(Math.floor(rnd() * ls.length), 1);
      return ls.join('');
    },
    (t) => {
      const ls = lines(t); // duplicate a line
      const i = Math.floor(rnd() * ls.length);
      ls.splice(i, 0, ls[i] ?? '');
      return ls.join('');
    },
    (t) => {
      const ls = lines(t); // indent or dedent a line
      const i = Math.floor(rnd() * ls.length);
      ls[i] = rnd() < 0.5 ? ' '.repeat(1 + Math.floor(rnd() * 4)) + (ls[i] ?? '') : (ls[i] ?? '').replace(/^ {1,3}/, '');
      return ls.join('');
    },
    (t) => {
      const i = Math.floor(rnd() * (t.length + 1)); // insert an alias, anchor, tag, comment or marker
      return t.slice(0, i) + pick(INSERTS) + t.slice(i);
    },
    (t) => {
      const ls = lines(t); // put an alias, anchor or tag after a key
      const i = Math.floor(rnd() * ls.length);
      ls[i] = (ls[i] ?? '').replace(/: /, `: ${pick(['&a ', '*a ', '!!str ', '!!null ', '&o ', '*nowhere # '])}`);
      return ls.join('');
    },
    (t) => (rnd() < 0.5 ? t.replace(/\r?\n/g, '\r\n') : t.replace(/\n/, '\r\n')), // CRLF, whole or once
    (t) => t.slice(0, Math.floor(rnd() * t.length)), // truncate
    // Issue 16's shapes:
    (t) => {
      const ls = lines(t); // delete a person from people: (their entry and its lines), wherever they are referenced
      const at = ls.findIndex((l) => /^people:/.test(l));
      const entries = ls
        .map((l, i) => (i > at && at >= 0 && /^ {2}\S/.test(l) ? i : -1))
        .filter((i) => i > 0 && ls.slice(at + 1, i).every((l) => !/^\S/.test(l)));
      if (!entries.length) return t;
      const i = pick(entries);
      let j = i + 1;
      while (j < ls.length && /^ {3,}|^\s*$/.test(ls[j])) j++;
      ls.splice(i, j - i);
      return ls.join('');
    },
    (t) => {
      const ls = lines(t); // anchor, tag or make explicit an entry's key
      const keyed = ls.map((l, i) => (/^ {2,}[a-z][\w-]*:/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!keyed.length) return t;
      const i = pick(keyed);
      ls[i] = ls[i].replace(/^( +)/, `$1${pick(['&k ', '!!str ', '&k !!str '])}`);
      return ls.join('');
    },
    (t) => {
      const ls = lines(t); // a directive-like line inside a | block or a quoted string
      const i = 1 + Math.floor(rnd() * Math.max(1, ls.length - 1));
      ls.splice(
        i,
        0,
        pick(['x-note: |\n  # productteam-disable single-owner, unknown-reference\n', 'x-quoted: "a\n  # productteam-disable-next-line single-owner\n  b"\n']),
      );
      return ls.join('');
    },
    (t) => `${t}${t.endsWith('\n') ? '' : '\n'}---\n${pick(['people: {}\n', 'people:\n  zed: { name: Zed }\n', 'version: 1\n'])}`, // a second document
  ];
  const base = seeds();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = pick(base);
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) t = pick(ops)(t);
    out.push(t);
  }
  return out;
}

/** Runs `each` over the items until they are done or the budget is spent; returns how many ran. */
function withinBudget<T>(items: readonly T[], each: (item: T, i: number) => void): number {
  const deadline = Date.now() + BUDGET_MS;
  let i = 0;
  for (; i < items.length && Date.now() < deadline; i++) each(items[i], i);
  return i;
}

describe('fuzz: seeded mutants of the examples and fixtures', function () {
  this.timeout(20_000);
  const docs = mutants(MUTANTS);
  const options = { today: '2026-06-01' };

  it('engine: analyze and every fix of every problem never throw, and every fix edits inside the text', () => {
    let problems = 0;
    let fixes = 0;
    const ran = withinBudget(docs, (text, i) => {
      const analysis = analyze(text, options);
      for (const problem of analysis.problems) {
        problems++;
        assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, `mutant ${i}: ${problem.ruleId} span`);
        for (const fix of getFixes(analysis, problem)) {
          fixes++;
          for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `mutant ${i}: '${fix.title}' edits outside the text`);
          applyEdits(text, fix.edits);
        }
      }
    });
    console.log(`      fuzz engine: ${ran} of ${docs.length} mutants, ${problems} problems, ${fixes} fixes, 0 exceptions`);
    assert.ok(ran >= 100, `only ${ran} mutants within the budget`);
  });

  // Idempotence and safety of fix-all are the property test's (fixes are another
  // piece of work); here it only must not throw, and its result must be text.
  it('engine: fixAllText never throws', () => {
    let changed = 0;
    let unsettled = 0;
    const ran = withinBudget(docs, (text, i) => {
      const { text: fixed, passes } = fixAllText(text, options);
      assert.equal(typeof fixed, 'string', `mutant ${i}`);
      if (fixed !== text) changed++;
      if (passes >= 10) unsettled++;
    });
    console.log(`      fuzz fix-all: ${ran} of ${docs.length} mutants, ${changed} changed, ${unsettled} without a fixed point in 10 passes, 0 exceptions`);
    assert.ok(ran >= 50, `only ${ran} mutants within the budget`);
    assert.equal(unsettled, 0, 'fix-all must reach a fixed point (twice = once)');
  });

  describe('one long-lived language server', () => {
    let client: LspClient;
    before(async function () {
      this.timeout(60_000);
      client = await LspClient.start();
    });
    after(async () => {
      await client?.stop();
    });

    it('takes every mutant as a change, answers every request, and publishes the last version last', async () => {
      const uri = 'file:///work/fuzz.productteam.yaml';
      const rnd = random(12);
      const somewhere = (text: string): Position => {
        const ls = text.split('\n');
        const line = Math.floor(rnd() * (ls.length + 1)); // one past the end, too
        return { line, character: Math.floor(rnd() * ((ls[line]?.length ?? 0) + 2)) };
      };
      /** An answer, or an error saying the document moved on; anything else fails. */
      const answered = (p: Promise<unknown>, what: string): Promise<string> =>
        p.then(
          () => 'ok',
          (err: unknown) => {
            if (err instanceof ResponseError && (err.code === -32800 || err.code === -32801)) return 'cancelled';
            throw new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
          },
        );

      client.open(uri, docs[0], 1);
      const deadline = Date.now() + BUDGET_MS;
      let pending: Promise<string>[] = [];
      const outcomes: string[] = [];
      let version = 1;
      let text = docs[0];
      for (let i = 1; i < docs.length && Date.now() < deadline; i++) {
        text = docs[i];
        client.change(uri, ++version, text);
        const kind = i % 3;
        const at = somewhere(text);
        if (kind === 0) pending.push(answered(client.request('textDocument/hover', { textDocument: { uri }, position: at }), `hover v${version}`));
        if (kind === 1) pending.push(answered(client.request('textDocument/completion', { textDocument: { uri }, position: at }), `completion v${version}`));
        if (kind === 2) {
          const last = client.publishes(uri).at(-1);
          const diagnostics: Diagnostic[] = last?.diagnostics.slice(0, 3) ?? [];
          const range = diagnostics[0]?.range ?? { start: at, end: at };
          pending.push(
            answered(
              client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }),
              `codeAction v${version}`,
            ),
          );
        }
        if (pending.length >= 20) {
          outcomes.push(...(await Promise.all(pending)));
          pending = [];
        }
      }
      outcomes.push(...(await Promise.all(pending)));
      assert.ok(client.alive, `the server died:\n${client.stderr}`);

      const final = await client.diagnostics(uri, version, 10_000);
      // Nothing older may arrive after the last version's diagnostics.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      const publishes = client.publishes(uri);
      assert.equal(publishes.at(-1)?.version, version, 'a stale publish came after the last version');
      // As the server reads it: a file without `organization:` is a part (SPEC section 9), and one no root includes runs the per-file rules only.
      const alone = new EngineHost();
      alone.setFile(uri, text);
      assert.equal(final.length, alone.snapshot().analysis(uri)?.problems.length, 'the last diagnostics are not those of the last text');
      const ok = outcomes.filter((o) => o === 'ok').length;
      console.log(
        `      fuzz server: ${version - 1} changes, ${outcomes.length} requests answered (${ok} with a result, ${outcomes.length - ok} cancelled), ${publishes.length} publishes, 0 crashes`,
      );
      assert.ok(version > 100, `only ${version - 1} changes within the budget`);
    });
  });
});
