// productteam-lint end to end: the built bin in a child process, on fixture
// folders written to a temp dir (SPEC section 7), plus the formatters as pure
// functions. The SARIF test runs Microsoft's validator (installed on demand by
// scripts/sarif-validate.mjs into .cache/, so the first run is slow).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, ruleDocsUrl } from '../server/src/engine';
import { parseArgs } from '../server/src/cli/args';
import { escapeData, escapeProperty, formatGithub } from '../server/src/cli/format-github';
import { formatJson } from '../server/src/cli/format-json';
import { buildSarif, ruleName, sentence } from '../server/src/cli/format-sarif';
import { formatCompact } from '../server/src/cli/format-compact';
import { formatStylish } from '../server/src/cli/format-stylish';
import type { LintResult } from '../server/src/cli/results';
import { ensureBuilt, makeTree, ROOT, runCli } from './helpers/cli-run';

const team = (productOwner: string): string => `version: 1
organization:
  name: Acme
  stage: scaleup
  stance: combined
people:
  alice: { name: Alice Moreau, discipline: product, customerContact: weekly, decisionAuthority: full }
  bob: { name: Bob Chen, discipline: product, customerContact: weekly, decisionAuthority: full }
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
        productOwner: ${productOwner}
        outcomes:
          - Cut checkout abandonment by 10%
        teams: [checkout-squad]
teams:
  checkout-squad:
    name: Checkout Squad
    scrumMaster: erin
    members: [carol, dan, erin, bob]
`;

/** No errors, no warnings (combined stance, one PM/PO). */
const CLEAN = team('alice');
/** role-split warning under `combined` (alice PM, bob PO), nothing under `separated`. */
const WARN = team('bob');
/** unknown-reference error. */
const ERROR = team('zed');

const GITHUB_LINE = /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/;
const STYLISH_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) (.+) ([a-z-]+)$/;
const SUMMARY = /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?(, \d+ infos?)?(, \d+ hints?)?\)(, \d+ fixable with --fix)?$/;

interface JsonRecord {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

describe('productteam-lint (CLI)', function () {
  this.timeout(60_000);
  let dir = '';
  let cleanup = (): void => undefined;
  const run = (...args: string[]) => runCli(args, { cwd: dir, env: { NO_COLOR: undefined } });
  const json = (...args: string[]): JsonRecord[] => {
    const r = run('--format', 'json', ...args);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return JSON.parse(r.stdout) as JsonRecord[];
  };
  const ruleIds = (records: JsonRecord[]): string[] => records.flatMap((r) => r.messages.map((m) => m.ruleId));
  /** Exit 2, one line on stderr starting with the program name, nothing on stdout. */
  const assertUsageError = (r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void => {
    assert.equal(r.status, 2, `stderr: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^productteam-lint: [^\n]+\n$/);
    assert.match(r.stderr, pattern);
  };

  before(function () {
    this.timeout(120_000);
    ensureBuilt();
    ({ dir, cleanup } = makeTree({
      'clean.productteam.yaml': CLEAN,
      'warn.productteam.yaml': WARN,
      'error.productteam.yaml': ERROR,
      'bom.productteam.yaml': `\uFEFF${ERROR}`,
      'latin1.productteam.yaml': Buffer.from('version: 1\norganization:\n  name: Caf\xe9\n', 'latin1'),
      'other-name.yaml': ERROR,
      'empty-folder/readme.md': '# nothing to lint\n',
      'tree/b.productteam.yml': CLEAN,
      'tree/a/.productteam.yaml': CLEAN,
      'tree/a/z.productteam.yaml': CLEAN,
      'tree/not-ours.yaml': ERROR,
      'tree/node_modules/dep/x.productteam.yaml': ERROR,
      'tree/.git/x.productteam.yaml': ERROR,
      'tree/.github/x.productteam.yaml': CLEAN,
    }));
  });
  after(() => cleanup());

  describe('compact (the one-line layout)', () => {
    it('prints path:line:col severity message rule, then a summary; exit 1 on errors', () => {
      const r = run('error.productteam.yaml', '--format', 'compact');
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      const lines = r.stdout.trimEnd().split('\n');
      const summary = lines.pop() ?? '';
      assert.match(summary, SUMMARY);
      assert.equal(lines.pop(), '', 'a blank line before the summary');
      assert.ok(lines.length > 0);
      for (const line of lines) {
        const m = STYLISH_LINE.exec(line);
        assert.ok(m, `not a stylish line: ${line}`);
        assert.equal(m[1], 'error.productteam.yaml');
        assert.ok(Number(m[2]) >= 1 && Number(m[3]) >= 1);
      }
      const unknown = lines.find((l) => l.endsWith(' unknown-reference'));
      assert.ok(unknown, r.stdout);
      // `productOwner: zed` is line 21; the value starts at column 23.
      assert.match(unknown, /^error\.productteam\.yaml:21:23 error .*zed.* unknown-reference$/);
      assert.match(summary, new RegExp(`^✖ ${lines.length} problems? \\(`));
    });

    it('prints nothing for clean files and exits 0', () => {
      const r = run('clean.productteam.yaml', '--quiet');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
    });

    it('uses no colors when piped or with NO_COLOR / --no-color, and colors with --color', () => {
      const esc = new RegExp(`${String.fromCharCode(27)}\\[`);
      assert.doesNotMatch(run('error.productteam.yaml').stdout, esc);
      assert.doesNotMatch(runCli(['error.productteam.yaml', '--color', '--no-color'], { cwd: dir }).stdout, esc);
      assert.match(run('error.productteam.yaml', '--color').stdout, esc);
    });
  });

  describe('json', () => {
    it("prints one array in ESLint's shape with 1-based positions", () => {
      const r = run('--format', 'json', 'error.productteam.yaml', 'clean.productteam.yaml');
      assert.equal(r.status, 1);
      const records = JSON.parse(r.stdout) as JsonRecord[];
      assert.ok(Array.isArray(records));
      assert.deepEqual(
        records.map((x) => x.filePath),
        [path.join(dir, 'clean.productteam.yaml'), path.join(dir, 'error.productteam.yaml')],
      );
      for (const rec of records) {
        assert.ok(path.isAbsolute(rec.filePath));
        assert.deepEqual(Object.keys(rec), [
          'filePath',
          'messages',
          'errorCount',
          'warningCount',
          'infoCount',
          'hintCount',
          'fixableErrorCount',
          'fixableWarningCount',
        ]);
        for (const m of rec.messages) {
          assert.deepEqual(Object.keys(m), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
          assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
          assert.ok(m.line >= 1 && m.column >= 1 && m.endLine >= m.line);
          if (m.endLine === m.line) assert.ok(m.endColumn >= m.column);
        }
        for (const sev of ['error', 'warning', 'info', 'hint'] as const) {
          assert.equal(rec[`${sev}Count`], rec.messages.filter((m) => m.severity === sev).length);
        }
      }
      const [clean, error] = records;
      assert.equal(clean.errorCount + clean.warningCount, 0, JSON.stringify(clean));
      const unknown = error.messages.find((m) => m.ruleId === 'unknown-reference');
      assert.deepEqual(unknown && [unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [21, 23, 21, 26]);
    });

    it('accepts a UTF-8 BOM and reports positions as if it were not there', () => {
      const [bom, plain] = json('bom.productteam.yaml', 'error.productteam.yaml');
      assert.deepEqual(bom.messages, plain.messages);
    });
  });

  describe('github', () => {
    it('prints one workflow command per finding', () => {
      const r = run('--format', 'github', 'error.productteam.yaml', 'warn.productteam.yaml', 'clean.productteam.yaml');
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      const records = json('error.productteam.yaml', 'warn.productteam.yaml', 'clean.productteam.yaml');
      assert.equal(
        lines.length,
        records.reduce((n, x) => n + x.messages.length, 0),
      );
      for (const line of lines) assert.match(line, GITHUB_LINE);
      assert.ok(lines.some((l) => l.startsWith('::error file=error.productteam.yaml,line=21,col=23,endLine=21,endColumn=26,title=unknown-reference::')));
      assert.ok(lines.some((l) => l.startsWith('::warning file=warn.productteam.yaml,') && l.includes('title=role-split::')));
    });

    it('escapes data and properties as the Actions runner does', () => {
      assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
      const out = formatGithub([result('/w/dir,x/a:b.productteam.yaml', [msg({ severity: 'hint', message: 'two\nlines' })])], { cwd: '/w' });
      assert.equal(out, '::notice file=dir%2Cx/a%3Ab.productteam.yaml,line=1,col=1,endLine=1,endColumn=2,title=schema::two%0Alines\n');
    });
  });

  describe('sarif', () => {
    it('prints SARIF 2.1.0 with every rule and relative locations', () => {
      const r = run('--format', 'sarif', 'error.productteam.yaml', 'clean.productteam.yaml');
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.runs.length, 1);
      const [runLog] = log.runs;
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.equal(runLog.tool.driver.name, 'productteam');
      assert.equal(runLog.tool.driver.version, pkg.version);
      assert.deepEqual(
        runLog.tool.driver.rules.map((x: { id: string }) => x.id),
        RULES.map((x) => x.id),
      );
      for (const rule of runLog.tool.driver.rules) {
        assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
        assert.match(rule.name, /^[A-Z][A-Za-z0-9]*$/);
        assert.match(rule.fullDescription.text, /\.$/);
      }
      const records = json('error.productteam.yaml', 'clean.productteam.yaml');
      const messages = records.flatMap((x) => x.messages);
      assert.equal(runLog.results.length, messages.length);
      for (const res of runLog.results) {
        assert.equal(runLog.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.equal(runLog.artifacts[loc.artifactLocation.index].location.uri, loc.artifactLocation.uri);
      }
      const unknown = runLog.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-reference');
      assert.equal(unknown.level, 'error');
      assert.equal(unknown.locations[0].physicalLocation.artifactLocation.uri, 'error.productteam.yaml');
      assert.deepEqual(unknown.locations[0].physicalLocation.region, { startLine: 21, startColumn: 23, endLine: 21, endColumn: 26 });
      assert.equal(runLog.originalUriBaseIds['%SRCROOT%'].uri, `${new URL(`file://${dir}/`).href}`);
    });

    it('maps severities to levels and names rules in PascalCase', () => {
      assert.equal(ruleName('scrum-master-not-product-owner'), 'ScrumMasterNotProductOwner');
      assert.equal(ruleName('schema'), 'SchemaRule');
      assert.equal(sentence('No owner'), 'No owner.');
      assert.equal(sentence('Done.'), 'Done.');
      const log = buildSarif([result('/w/a b/x.productteam.yaml', [msg({ severity: 'info' }), msg({ severity: 'hint', ruleId: 'not-a-rule' })])], {
        cwd: '/w',
        toolVersion: '1.2.3',
        informationUri: 'https://example.com',
        rules: [{ id: 'schema', defaultSeverity: 'error', description: 'Schema' }],
        docsUrl: (id) => `https://example.com/${id}`,
      }) as {
        runs: {
          results: { level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
          tool: { driver: { rules: { id: string }[] } };
        }[];
      };
      const [runLog] = log.runs;
      assert.deepEqual(
        runLog.results.map((x) => x.level),
        ['note', 'note'],
      );
      assert.deepEqual(
        runLog.tool.driver.rules.map((x) => x.id),
        ['schema', 'not-a-rule'],
      );
      assert.equal(runLog.results[1].ruleIndex, 1);
      assert.equal(runLog.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%20b/x.productteam.yaml');
    });

    it("passes Microsoft's SARIF validator with no errors and no warnings", function () {
      this.timeout(300_000);
      const examples = path.join(ROOT, 'examples');
      const hasExamples = fs.existsSync(examples) && fs.readdirSync(examples).some((f) => /\.productteam\.ya?ml$/.test(f));
      const target = hasExamples
        ? runCli(['--format', 'sarif', 'examples'], { cwd: ROOT })
        : run('--format', 'sarif', 'error.productteam.yaml', 'warn.productteam.yaml', 'clean.productteam.yaml', 'tree');
      assert.ok(target.status === 0 || target.status === 1, target.stderr);
      const sarifFile = path.join(dir, 'out.sarif');
      fs.writeFileSync(sarifFile, target.stdout);
      const v = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sarif-validate.mjs'), sarifFile], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(v.status, 0, `validator:\n${v.stdout}${v.stderr}`);
    });
  });

  describe('files and folders', () => {
    it('searches folders for the product-team file names, dot-folders included but not node_modules or .git, in sorted order', () => {
      const records = json('tree');
      assert.deepEqual(
        records.map((x) => path.relative(dir, x.filePath).split(path.sep).join('/')),
        ['tree/.github/x.productteam.yaml', 'tree/a/.productteam.yaml', 'tree/a/z.productteam.yaml', 'tree/b.productteam.yml'],
      );
    });

    it('lints the current folder with no arguments', () => {
      const r = runCli(['--format', 'json'], { cwd: path.join(dir, 'tree') });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonRecord[]).map((x) => path.basename(x.filePath)),
        ['x.productteam.yaml', '.productteam.yaml', 'z.productteam.yaml', 'b.productteam.yml'],
      );
    });

    it('lints each file once, however often it is named', () => {
      const records = json('clean.productteam.yaml', 'tree', './clean.productteam.yaml', 'tree/a/z.productteam.yaml');
      assert.equal(records.length, 5);
      assert.deepEqual(
        records.map((x) => x.filePath),
        [...records.map((x) => x.filePath)].sort(),
      );
    });

    it('lints an explicit file whatever its name', () => {
      assert.ok(ruleIds(json('other-name.yaml')).includes('unknown-reference'));
    });
  });

  describe('exit codes and options', () => {
    it('exits 0 with no errors, even with infos and hints', () => {
      const r = run('clean.productteam.yaml');
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });

    it('exits 1 on errors', () => {
      assert.equal(run('error.productteam.yaml').status, 1);
    });

    it('--max-warnings: exit 1 only with more warnings than allowed', () => {
      const [warn] = json('warn.productteam.yaml');
      assert.equal(warn.errorCount, 0);
      assert.ok(warn.warningCount >= 1, JSON.stringify(warn));
      assert.equal(run('warn.productteam.yaml').status, 0);
      assert.equal(run('warn.productteam.yaml', '--max-warnings', String(warn.warningCount)).status, 0);
      const over = run('warn.productteam.yaml', '--max-warnings', String(warn.warningCount - 1));
      assert.equal(over.status, 1);
      assert.match(over.stderr, /too many warnings/);
      assert.equal(run('warn.productteam.yaml', `--max-warnings=${warn.warningCount - 1}`, '--format', 'json').status, 1);
    });

    it('--quiet reports errors only, in output and counts', () => {
      const r = run('warn.productteam.yaml', '--quiet');
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
      const [error] = json('--quiet', 'error.productteam.yaml');
      assert.ok(error.messages.length > 0);
      assert.ok(error.messages.every((m) => m.severity === 'error'));
      assert.equal(error.warningCount + error.infoCount + error.hintCount, 0);
      assert.equal(run('warn.productteam.yaml', '--quiet', '--max-warnings', '0').status, 0);
    });

    it('--stance overrides the file and changes role-split', () => {
      assert.ok(ruleIds(json('warn.productteam.yaml')).includes('role-split'));
      assert.ok(!ruleIds(json('warn.productteam.yaml', '--stance', 'separated')).includes('role-split'));
      assert.ok(!ruleIds(json('warn.productteam.yaml', '--stance', 'outcomes-first')).includes('role-split'));
      assert.ok(!ruleIds(json('clean.productteam.yaml')).includes('role-split'));
      assert.ok(ruleIds(json('clean.productteam.yaml', '--stance=separated')).includes('role-split'));
    });

    it('--rule sets a severity or turns a rule off', () => {
      const [asError] = json('warn.productteam.yaml', '--rule', 'role-split=error');
      assert.equal(asError.messages.find((m) => m.ruleId === 'role-split')?.severity, 'error');
      assert.equal(run('warn.productteam.yaml', '--rule', 'role-split=error').status, 1);
      assert.ok(!ruleIds(json('warn.productteam.yaml', '--rule', 'role-split=off')).includes('role-split'));
    });

    it('--help and --version exit 0', () => {
      const help = run('--help');
      assert.equal(help.status, 0);
      assert.match(help.stdout, /--max-warnings/);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const version = run('--version');
      assert.equal(version.status, 0);
      assert.equal(version.stdout, `${pkg.version}\n`);
    });

    it('exits 2 with one line on bad usage', () => {
      assertUsageError(run('--frobnicate'), /unknown option '--frobnicate'/);
      assertUsageError(run('--format', 'xml'), /invalid format 'xml'/);
      assertUsageError(run('--format'), /needs a value/);
      assertUsageError(run('--stance', 'both'), /invalid stance 'both'/);
      assertUsageError(run('--max-warnings', 'many'), /invalid --max-warnings 'many'/);
      assertUsageError(run('--max-warnings', '-1'), /invalid --max-warnings/);
      assertUsageError(run('--rule', 'nope=error'), /unknown rule 'nope'/);
      assertUsageError(run('--rule', 'core-teams=off'), /unknown rule 'core-teams' in --rule: did you mean 'core-team'\?/);
      assertUsageError(run('--max-domains-per-person', '0'), /invalid --max-domains-per-person '0'/);
      assertUsageError(run('--core-team', ','), /invalid --core-team/);
      assertUsageError(run('--ignore-pattern'), /needs a pattern/);
      assertUsageError(run('--rule', 'role-split=loud'), /invalid severity 'loud'/);
      assertUsageError(run('--quiet=yes'), /takes no value/);
      assertUsageError(run('empty-folder'), /no files match 'empty-folder': no productteam files/);
      assertUsageError(run('missing.productteam.yaml'), /^productteam-lint: no files match 'missing\.productteam\.yaml'\n$/);
      assertUsageError(run('"nothing/**/*.productteam.yaml"'.slice(1, -1)), /no files match 'nothing\/\*\*\/\*\.productteam\.yaml'/);
    });

    it('exits 2 on unreadable input, reporting it as a finding and linting the rest', () => {
      const both = run('clean.productteam.yaml', 'latin1.productteam.yaml', '--format', 'json');
      assert.equal(both.status, 2);
      assert.equal(both.stderr, "productteam-lint: cannot read 'latin1.productteam.yaml': not valid UTF-8\n");
      assert.deepEqual(
        (JSON.parse(both.stdout) as JsonRecord[]).map((x) => [path.basename(x.filePath), x.errorCount]),
        [
          ['clean.productteam.yaml', 0],
          ['latin1.productteam.yaml', 1],
        ],
      );
    });

    it('exits 2 on a file or folder it may not read, reporting it as a finding', function () {
      if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
      const locked = path.join(dir, 'locked.productteam.yaml');
      const lockedDir = path.join(dir, 'locked-dir');
      fs.writeFileSync(locked, CLEAN, { mode: 0o000 });
      fs.mkdirSync(lockedDir, { mode: 0o000 });
      try {
        for (const [arg, shown] of [
          ['locked.productteam.yaml', 'locked\\.productteam\\.yaml'],
          ['locked-dir', 'locked-dir'],
        ]) {
          const r = run(arg, '--format', 'compact');
          assert.equal(r.status, 2);
          assert.match(r.stderr, new RegExp(`^productteam-lint: cannot read '${shown}': permission denied\\n$`));
          assert.match(r.stdout, new RegExp(`^${shown}:1:1 error cannot read: permission denied yaml-syntax$`, 'm'));
        }
      } finally {
        fs.chmodSync(locked, 0o644);
        fs.chmodSync(lockedDir, 0o755);
        fs.rmSync(locked);
        fs.rmSync(lockedDir, { recursive: true });
      }
    });

    it('parses arguments without a process', () => {
      const parsed = parseArgs(['-f', 'github', '--rule', 'core-team=off', '--', '--odd-name.yaml']);
      assert.ok(parsed.ok);
      assert.equal(parsed.options.format, 'github');
      assert.deepEqual(parsed.options.rules, { 'core-team': 'off' });
      assert.deepEqual(parsed.options.paths, ['--odd-name.yaml']);
    });
  });

  describe('formatters (pure)', () => {
    it('stylish and json read the plain results shape', () => {
      const results = [result('/w/x.productteam.yaml', [msg({ severity: 'warning', message: 'Warned' })])];
      assert.equal(formatCompact(results, { cwd: '/w' }), 'x.productteam.yaml:1:1 warning Warned schema\n\n✖ 1 problem (0 errors, 1 warning)\n');
      assert.equal(formatStylish([result('/w/x.productteam.yaml', [])], { cwd: '/w' }), '');
      assert.deepEqual(JSON.parse(formatJson(results))[0].messages[0], {
        ruleId: 'schema',
        severity: 'warning',
        message: 'Warned',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
      });
    });
  });
});

function msg(over: Partial<LintResult['messages'][number]>): LintResult['messages'][number] {
  return { ruleId: 'schema', severity: 'error', message: 'Message', line: 1, column: 1, endLine: 1, endColumn: 2, fixable: false, ...over };
}

function result(filePath: string, messages: LintResult['messages']): LintResult {
  const count = (s: string): number => messages.filter((m) => m.severity === s).length;
  const fixable = (s: string): number => messages.filter((m) => m.fixable && m.severity === s).length;
  return {
    filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    hintCount: count('hint'),
    fixableErrorCount: fixable('error'),
    fixableWarningCount: fixable('warning'),
  };
}
