// productteam-lint's ESLint habits (SPEC section 7, revision 3), on a
// temporary git repository: quoted globs, dot-folders, .gitignore and
// .productteamignore, --ignore-pattern, --no-ignore, an explicitly named
// ignored file, links out of the folder, "no files match", stylish and
// compact layouts, colour switches, fixable counts, settings flags.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { colorWanted } from '../server/src/cli/colors';
import { FORMATS, OUTPUT_FORMATS } from '../server/src/cli/formats';
import { parseArgs, USAGE } from '../server/src/cli/args';
import { ensureBuilt, makeTree, ROOT, runCli } from './helpers/cli-run';

const CLEAN = `version: 1
organization:
  name: Acme
  stage: scaleup
  stance: combined
people:
  alice: { name: Alice Moreau, discipline: product, customerContact: weekly, decisionAuthority: full }
  carol: { name: Carol Diaz, discipline: technology }
  dan: { name: Dan Ek, discipline: ux }
  erin: { name: Erin Fox, discipline: business }
products:
  payments:
    name: Acme Payments
    vision: Paying should feel effortless.
    owner: alice
    domains:
      checkout:
        name: Checkout
        productManager: alice
        productOwner: alice
        outcomes:
          - Cut checkout abandonment by 10%
        teams: [checkout-squad]
teams:
  checkout-squad:
    name: Checkout Squad
    members: [carol, dan, erin]
`;
/** One safe fix (the misspelt stage) and an unknown person (no safe fix). */
const FIXABLE = CLEAN.replace('stage: scaleup', 'stage: scalup').replace('productOwner: alice', 'productOwner: zed');

interface JsonRecord {
  filePath: string;
  messages: { ruleId: string; severity: string; fix?: boolean }[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

describe('productteam-lint: files as ESLint finds them, its layouts and colours', function () {
  this.timeout(60_000);
  let dir = '';
  let outside = '';
  let cleanup = (): void => undefined;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env: { NO_COLOR: undefined, ...env } });
  const listed = (...args: string[]): string[] => {
    const r = run(['--format', 'json', ...args]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return (JSON.parse(r.stdout) as JsonRecord[]).map((x) => path.relative(dir, x.filePath).split(path.sep).join('/'));
  };

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
    ({ dir, cleanup } = makeTree({
      '.gitignore': 'build/\n*.local.productteam.yaml\n',
      '.productteamignore': 'drafts/\n',
      'org.productteam.yaml': CLEAN,
      '.github/team.productteam.yaml': CLEAN,
      'teams/a.productteam.yaml': CLEAN,
      'teams/b.productteam.yml': CLEAN,
      'teams/.gitignore': 'b.productteam.yml\n',
      'teams/me.local.productteam.yaml': CLEAN,
      'build/out.productteam.yaml': CLEAN,
      'drafts/wip.productteam.yaml': CLEAN,
      'node_modules/dep/x.productteam.yaml': CLEAN,
      'fix/f.productteam.yaml': FIXABLE,
    }));
    const git = spawnSync('git', ['init', '-q'], { cwd: dir });
    if (git.status !== 0) fs.mkdirSync(path.join(dir, '.git')); // what marks the repository's root is the .git folder
    fs.writeFileSync(path.join(dir, '.git', 'x.productteam.yaml'), CLEAN);
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'productteam-outside-')));
    fs.writeFileSync(path.join(outside, 'secret.productteam.yaml'), CLEAN);
    fs.symlinkSync(outside, path.join(dir, 'teams', 'linked-out'));
    fs.symlinkSync(path.join(outside, 'secret.productteam.yaml'), path.join(dir, 'teams', 'out.productteam.yaml'));
    fs.symlinkSync(path.join(dir, 'org.productteam.yaml'), path.join(dir, 'teams', 'in.productteam.yaml'));
  });
  after(() => {
    cleanup();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const WALKED = ['.github/team.productteam.yaml', 'fix/f.productteam.yaml', 'org.productteam.yaml', 'teams/a.productteam.yaml', 'teams/in.productteam.yaml'];

  it('walks dot-folders, skips .git, node_modules and what .gitignore / .productteamignore name, and never follows a link out of the folder', () => {
    assert.deepEqual(listed('.'), WALKED);
    assert.deepEqual(listed(), WALKED);
  });

  it('matches quoted globs itself (dot-folders included, ignores applied)', () => {
    assert.deepEqual(listed('**/*.productteam.yaml'), WALKED);
    // teams/in.productteam.yaml links to ../org.productteam.yaml: out of the glob's base (teams/), so not followed.
    assert.deepEqual(listed('teams/*.productteam.y*ml'), ['teams/a.productteam.yaml']);
    assert.deepEqual(listed('.github/*.yaml'), ['.github/team.productteam.yaml']);
  });

  it('--ignore-pattern adds patterns; --no-ignore lints ignored files (never .git or node_modules, never a link out)', () => {
    assert.deepEqual(listed('--ignore-pattern', 'fix/', '--ignore-pattern', '.github'), [
      'org.productteam.yaml',
      'teams/a.productteam.yaml',
      'teams/in.productteam.yaml',
    ]);
    assert.deepEqual(listed('--no-ignore'), [
      '.github/team.productteam.yaml',
      'build/out.productteam.yaml',
      'drafts/wip.productteam.yaml',
      'fix/f.productteam.yaml',
      'org.productteam.yaml',
      'teams/a.productteam.yaml',
      'teams/b.productteam.yml',
      'teams/in.productteam.yaml',
      'teams/me.local.productteam.yaml',
    ]);
  });

  it('lints an ignored file named explicitly, with a warning on stderr (silenced by --no-ignore)', () => {
    const r = run(['--format', 'json', 'drafts/wip.productteam.yaml', 'teams/b.productteam.yml']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as JsonRecord[]).length, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0], /^productteam-lint: warning: 'drafts\/wip\.productteam\.yaml' is ignored by \.productteamignore; linted because it was named/);
    assert.match(lines[1], /^productteam-lint: warning: 'teams\/b\.productteam\.yml' is ignored by teams\/\.gitignore;/);
    assert.equal(run(['--no-ignore', 'drafts/wip.productteam.yaml']).stderr, '');
  });

  const NO_MATCH = [
    ['nope.productteam.yaml', /^productteam-lint: no files match 'nope\.productteam\.yaml'\n$/],
    ['nowhere/**/*.productteam.yaml', /^productteam-lint: no files match 'nowhere\/\*\*\/\*\.productteam\.yaml'\n$/],
    ['teams/*.json', /^productteam-lint: no files match 'teams\/\*\.json'\n$/],
    ['drafts', /^productteam-lint: no files match 'drafts': no productteam files/],
  ] as const;
  for (const [arg, reason] of NO_MATCH) {
    it(`a path or glob that matches nothing (${arg}): exit 2 and one line, not a finding`, () => {
      const r = run([arg, 'org.productteam.yaml']);
      assert.equal(r.status, 2, `${arg}: ${r.stdout}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, reason);
    });
  }

  it('stylish: findings grouped under the file, aligned columns, the summary with what --fix would fix', () => {
    const r = run(['fix/f.productteam.yaml']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '');
    assert.equal(lines[1], 'fix/f.productteam.yaml');
    const rows = lines.slice(2, lines.indexOf('', 2));
    assert.ok(rows.length >= 2, r.stdout);
    const ROW = /^ {2}(\d+:\d+ *) {2}(error|warning|info|hint) * {2}.+ {2}([a-z-]+)$/;
    for (const row of rows) assert.match(row, ROW);
    // Aligned: the severity and the message start at the same column on every row.
    const severityAt = new Set(rows.map((row) => row.search(/(error|warning|info|hint)/)));
    assert.equal(severityAt.size, 1, r.stdout);
    const summary = lines[lines.indexOf('', 2) + 1];
    assert.match(summary, /^✖ \d+ problems \(\d+ errors?, \d+ warnings?(, \d+ infos?)?(, \d+ hints?)?\), 1 fixable with --fix$/);
    assert.equal(lines.at(-1), '');
  });

  it('compact: one file:line:col line per finding, then the same summary', () => {
    const r = run(['fix/f.productteam.yaml', '--format', 'compact']);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.equal(lines.pop(), '');
    for (const line of lines) assert.match(line, /^fix\/f\.productteam\.yaml:\d+:\d+ (error|warning|info|hint) .+ [a-z-]+$/);
    assert.match(summary, /, 1 fixable with --fix$/);
  });

  it('json: fixable counts per file and "fix": true on a message with a safe fix', () => {
    const r = run(['fix/f.productteam.yaml', '--format', 'json']);
    const [rec] = JSON.parse(r.stdout) as JsonRecord[];
    const fixable = rec.messages.filter((m) => m.fix === true);
    assert.deepEqual(
      fixable.map((m) => m.ruleId),
      ['schema'],
    );
    assert.ok(rec.messages.some((m) => m.ruleId === 'unknown-reference' && !('fix' in m)));
    assert.equal(rec.fixableErrorCount, 1);
    assert.equal(rec.fixableWarningCount, 0);
  });

  it('--fix-dry-run diffs are relative to the current folder, so git apply takes them', function () {
    const r = run(['--fix-dry-run', '--format', 'json', 'fix']);
    assert.match(r.stderr, /^--- a\/fix\/f\.productteam\.yaml\n\+\+\+ b\/fix\/f\.productteam\.yaml$/m);
    const patch = r.stderr
      .split('\n')
      .filter((l) => !/ suggestion: /.test(l))
      .join('\n');
    const check = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
    if (check.error) this.skip();
    assert.equal(check.status, 0, check.stderr);
  });

  it('colour in the process: none when piped, on with FORCE_COLOR, and the --no-color flag wins', () => {
    const esc = /\u001b\[/; // eslint-disable-line no-control-regex -- colour codes are the point
    const out = (args: string[], env: NodeJS.ProcessEnv = {}) => run(['fix/f.productteam.yaml', ...args], env).stdout;
    assert.doesNotMatch(out([]), esc, 'piped: no colour');
    assert.match(out([], { FORCE_COLOR: '1', NO_COLOR: '1' }), esc, 'FORCE_COLOR wins over NO_COLOR, as in Node');
    assert.doesNotMatch(out(['--no-color'], { FORCE_COLOR: '1' }), esc, 'the flag wins');
  });

  it('colour decided as Node does (flag, FORCE_COLOR, NO_COLOR, terminal), only for the human formats', () => {
    assert.equal(colorWanted(undefined, {}, true), true);
    assert.equal(colorWanted(undefined, {}, false), false);
    assert.equal(colorWanted(undefined, { NO_COLOR: '1' }, true), false);
    assert.equal(colorWanted(undefined, { NO_COLOR: '' }, true), true);
    assert.equal(colorWanted(undefined, { FORCE_COLOR: '1' }, false), true);
    assert.equal(colorWanted(undefined, { FORCE_COLOR: '' }, false), true);
    assert.equal(colorWanted(undefined, { FORCE_COLOR: '0' }, true), false);
    assert.equal(colorWanted(undefined, { FORCE_COLOR: 'false' }, true), false);
    assert.equal(colorWanted(true, { NO_COLOR: '1' }, false), true);
    assert.equal(colorWanted(false, { FORCE_COLOR: '1' }, true), false);
    assert.deepEqual(
      OUTPUT_FORMATS.filter((f) => f.colors).map((f) => f.name),
      ['stylish', 'compact'],
    );
    const results = [
      {
        filePath: '/w/x.productteam.yaml',
        messages: [{ ruleId: 'schema', severity: 'error' as const, message: 'M', line: 1, column: 1, endLine: 1, endColumn: 2, fixable: true }],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
        hintCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
      },
    ];
    const esc = /\u001b\[/; // eslint-disable-line no-control-regex -- colour codes are the point
    for (const f of OUTPUT_FORMATS) {
      const text = f.render(results, { cwd: '/w', color: true, toolVersion: '0.0.0', informationUri: 'https://example.org' });
      assert.equal(esc.test(text), f.colors, f.name);
    }
  });

  it('--max-domains-per-person reaches the engine; --core-team is parsed into the engine option coreTeam', () => {
    const twoDomains = CLEAN.replace(
      'teams:\n  checkout-squad',
      'teams:\n  checkout-squad'.replace(
        'teams:',
        '      billing:\n        name: Billing\n        productManager: alice\n        productOwner: alice\n        outcomes: [Fewer failed invoices]\n        teams: [checkout-squad]\nteams:',
      ),
    );
    fs.writeFileSync(path.join(dir, 'two.productteam.yaml'), twoDomains);
    try {
      const ids = (...args: string[]) =>
        (JSON.parse(run(['--format', 'json', 'two.productteam.yaml', ...args]).stdout) as JsonRecord[])[0].messages.map((m) => m.ruleId);
      assert.ok(!ids().includes('overloaded-person'), 'two domains are within the default limit');
      assert.ok(ids('--max-domains-per-person', '1').includes('overloaded-person'));
    } finally {
      fs.rmSync(path.join(dir, 'two.productteam.yaml'));
    }
    const parsed = parseArgs(['--core-team', 'technology, ux', '--max-domains-per-person=3']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options.coreTeam, ['technology', 'ux']);
    assert.equal(parsed.options.maxDomainsPerPerson, 3);
  });

  it('one registry of formats: --format, the usage text and the Action all name the same list', () => {
    for (const f of OUTPUT_FORMATS) assert.ok(USAGE.includes(`${f.name.padEnd(8)} ${f.description}`), f.name);
    for (const f of FORMATS) {
      const parsed = parseArgs(['--format', f]);
      assert.ok(parsed.ok && parsed.options.format === f, f);
    }
    const wrong = parseArgs(['--format', 'xml']);
    assert.ok(!wrong.ok && wrong.error.endsWith(FORMATS.join(', ')));
    const action = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    assert.ok(action.includes(FORMATS.join(', ')), 'action.yml lists the formats of the registry');
  });
});
