// Command-line arguments -> options, or the one-line reason they are wrong.
// Pure, so usage errors are testable without spawning a process.
import { closest, RULE_SETTINGS, RULES, STANCES, type RuleSetting, type Stance } from '../engine';
import { DEFAULT_FORMAT, FORMATS, OUTPUT_FORMATS, type Format } from './formats';

export { FORMATS, type Format };

export interface CliOptions {
  format: Format;
  /** Undefined: no limit. */
  maxWarnings?: number;
  stance?: Stance;
  quiet: boolean;
  rules: Record<string, RuleSetting>;
  /** `--max-domains-per-person`: overrides the files' `settings.maxDomainsPerPerson`. */
  maxDomainsPerPerson?: number;
  /** `--core-team a,b,c`: overrides the files' `settings.coreTeam`. */
  coreTeam?: string[];
  /** False with --no-ignore. */
  useIgnoreFiles: boolean;
  /** `--ignore-pattern` values (gitignore syntax, relative to the current folder). */
  ignorePatterns: string[];
  /** Undefined: decide from the terminal, FORCE_COLOR and NO_COLOR. */
  color?: boolean;
  help: boolean;
  version: boolean;
  /** Apply the safe fixes in place (`--fix`), or only show them (`--fix-dry-run`). */
  fix?: 'write' | 'dry-run';
  /** Read one document from standard input. */
  stdin: boolean;
  /** The name of the standard-input document, for messages (and to find its organisation). */
  stdinFilename?: string;
  paths: string[];
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

const formatLines = OUTPUT_FORMATS.map((f) => `                           ${f.name.padEnd(8)} ${f.description}`).join('\n');

export const USAGE = `Usage: productteam-lint [options] [files, folders or quoted globs...]
       productteam-lint map [file] [--format markdown|json|html]
       productteam-lint diff <old> <new> [--format markdown|json] [--fail-on-new-errors]

Lints product-team configurations (*.productteam.yaml, *.productteam.yml,
.productteam.yaml). Folders are searched recursively, dot-folders included
(.github/), except .git and node_modules; with no arguments, the current
folder is. A quoted glob ("**/*.productteam.yaml") is matched by the tool.
Files ignored by .gitignore or .productteamignore files are skipped, unless
named explicitly (then they are linted, with a warning).

Options:
  -f, --format <name>      the report's layout:
${formatLines}
      --max-warnings <n>   exit 1 when there are more than n warnings
      --stance <stance>    ${STANCES.join(', ')} (overrides the files)
      --rule <id>=<sev>    set a rule's severity: ${RULE_SETTINGS.join(', ')} (repeatable)
      --max-domains-per-person <n>
                           overrides settings.maxDomainsPerPerson in the files
      --core-team <a,b,c>  the disciplines a domain's teams should cover (overrides settings.coreTeam)
      --quiet              report errors only
      --ignore-pattern <p> skip files matching p too (gitignore syntax, from the current folder; repeatable)
      --no-ignore          lint ignored files too (.git and node_modules are never searched)
      --color, --no-color  force or disable colors (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)
      --fix                apply the safe fixes in place, then report what is left
      --fix-dry-run        print the diff --fix would write and the suggestions left to a person
      --stdin              lint one document read from standard input (with --fix: the
                           fixed text goes to standard output, findings to standard error)
      --stdin-filename <f> the name of the standard-input document in messages
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage, a path or
glob that matches nothing, or unreadable input (an unreadable file is also reported
as a yaml-syntax finding, and the other files are linted).
`;

const BOOLEAN_FLAGS: Record<string, ((o: CliOptions) => void) | undefined> = {
  '--quiet': (o) => (o.quiet = true),
  '--stdin': (o) => (o.stdin = true),
  '--color': (o) => (o.color = true),
  '--no-color': (o) => (o.color = false),
  '--no-ignore': (o) => (o.useIgnoreFiles = false),
  '-h': (o) => (o.help = true),
  '--help': (o) => (o.help = true),
  '-v': (o) => (o.version = true),
  '--version': (o) => (o.version = true),
};

const quote = (s: string): string => `'${s}'`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = {
    format: DEFAULT_FORMAT,
    quiet: false,
    rules: {},
    useIgnoreFiles: true,
    ignorePatterns: [],
    help: false,
    version: false,
    stdin: false,
    paths: [],
  };
  const fail = (error: string): ParsedArgs => ({ ok: false, error });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    // `--flag=value` and `--flag value` both work.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string | undefined => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined) return undefined;
      i++;
      return next;
    };
    const booleanFlag = BOOLEAN_FLAGS[flag];
    if (booleanFlag) {
      if (eq !== -1) return fail(`option ${flag} takes no value`);
      booleanFlag(options);
      continue;
    }
    if (flag === '--fix' || flag === '--fix-dry-run') {
      if (eq !== -1) return fail(`option ${flag} takes no value`);
      const mode = flag === '--fix' ? 'write' : 'dry-run';
      if (options.fix && options.fix !== mode) return fail('--fix and --fix-dry-run cannot be used together');
      options.fix = mode;
      continue;
    }

    switch (flag) {
      case '-f':
      case '--format': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs a value: ${FORMATS.join(', ')}`);
        if (!(FORMATS as readonly string[]).includes(v)) {
          return fail(`invalid format ${quote(v)}: expected one of ${FORMATS.join(', ')}`);
        }
        options.format = v as Format;
        break;
      }
      case '--max-warnings': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs a number`);
        if (!/^\d+$/.test(v)) return fail(`invalid --max-warnings ${quote(v)}: expected a whole number 0 or more`);
        options.maxWarnings = Number(v);
        break;
      }
      case '--stance': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs a value: ${STANCES.join(', ')}`);
        if (!(STANCES as readonly string[]).includes(v)) {
          return fail(`invalid stance ${quote(v)}: expected one of ${STANCES.join(', ')}`);
        }
        options.stance = v as Stance;
        break;
      }
      case '--rule': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs <rule-id>=<severity>`);
        const m = /^\s*([^=\s]+)\s*[=:]\s*(\S+)\s*$/.exec(v);
        if (!m) return fail(`invalid --rule ${quote(v)}: expected <rule-id>=<severity>`);
        const [, id, severity] = m;
        if (!RULES.some((r) => r.id === id)) {
          const near = closest(
            id,
            RULES.map((r) => r.id),
            Math.max(2, Math.floor(id.length / 3)),
          );
          return fail(`unknown rule ${quote(id)} in --rule${near.length ? `: did you mean ${quote(near[0])}?` : ` (see the rules in docs/rules/)`}`);
        }
        if (!(RULE_SETTINGS as readonly string[]).includes(severity)) {
          return fail(`invalid severity ${quote(severity)} in --rule: expected one of ${RULE_SETTINGS.join(', ')}`);
        }
        if (severity === 'off' && RULES.some((r) => r.id === id && r.unsuppressible))
          return fail(`${quote(id)} cannot be turned off: a file that does not parse must never look clean`);
        options.rules[id] = severity as RuleSetting;
        break;
      }
      case '--max-domains-per-person': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs a number`);
        if (!/^\d+$/.test(v) || Number(v) < 1) return fail(`invalid ${flag} ${quote(v)}: expected a whole number 1 or more`);
        options.maxDomainsPerPerson = Number(v);
        break;
      }
      case '--core-team': {
        const v = takeValue();
        if (v === undefined) return fail(`option ${flag} needs a comma-separated list of disciplines`);
        const list = v
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean);
        if (list.length === 0) return fail(`invalid ${flag} ${quote(v)}: expected disciplines separated by commas, e.g. product,technology,ux`);
        options.coreTeam = list;
        break;
      }
      case '--ignore-pattern': {
        const v = takeValue();
        if (v === undefined || v === '') return fail(`option ${flag} needs a pattern`);
        options.ignorePatterns.push(v);
        break;
      }
      case '--stdin-filename': {
        const v = takeValue();
        if (v === undefined || v === '') return fail(`option ${flag} needs a file name`);
        options.stdinFilename = v;
        break;
      }
      default:
        return fail(`unknown option ${quote(flag)} (see --help)`);
    }
  }
  if (options.stdinFilename !== undefined && !options.stdin) return fail('--stdin-filename needs --stdin');
  if (options.stdin && options.paths.length > 0) return fail('--stdin takes no files or folders');
  return { ok: true, options };
}
