// The one registry of output formats: `--format` accepts these names, the
// usage text and the docs list them, the GitHub Action passes its `format`
// input through to them. Adding a format is one entry here (and its test).
import { RULES, ruleDocsUrl } from '../engine';
import { formatCompact } from './format-compact';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import type { LintResult } from './results';

export interface FormatContext {
  cwd: string;
  color: boolean;
  toolVersion: string;
  /** Where the tool is documented (an absolute URL), for SARIF. */
  informationUri: string;
}

export interface OutputFormat {
  name: string;
  /** One line, for the usage text and the docs. */
  description: string;
  /** Machine-read (standard output must stay one document: --fix-dry-run's diff goes to standard error). */
  machine: boolean;
  /** Colours apply (on a terminal, or with --color). */
  colors: boolean;
  render(results: readonly LintResult[], context: FormatContext): string;
}

export const OUTPUT_FORMATS = [
  {
    name: 'stylish',
    description: "ESLint's layout: findings grouped under each file, aligned columns, a summary line (default)",
    machine: false,
    colors: true,
    render: (results, c) => formatStylish(results, { cwd: c.cwd, color: c.color }),
  },
  {
    name: 'compact',
    description: 'one `file:line:col severity message rule` line per finding, then the summary line',
    machine: false,
    colors: true,
    render: (results, c) => formatCompact(results, { cwd: c.cwd, color: c.color }),
  },
  {
    name: 'json',
    description: "one array, a record per file, in ESLint's shape (with fixable counts)",
    machine: true,
    colors: false,
    render: (results) => formatJson(results),
  },
  {
    name: 'sarif',
    description: 'SARIF 2.1.0, for code-scanning uploads',
    machine: true,
    colors: false,
    render: (results, c) =>
      formatSarif(results, { cwd: c.cwd, toolVersion: c.toolVersion, informationUri: c.informationUri, rules: RULES, docsUrl: ruleDocsUrl }),
  },
  {
    name: 'github',
    description: 'GitHub Actions workflow commands (annotations on the pull request)',
    machine: false,
    colors: false,
    render: (results, c) => formatGithub(results, { cwd: c.cwd }),
  },
] as const satisfies readonly OutputFormat[];

export type Format = (typeof OUTPUT_FORMATS)[number]['name'];
export const FORMATS: readonly Format[] = OUTPUT_FORMATS.map((f) => f.name);
export const DEFAULT_FORMAT: Format = 'stylish';

export function outputFormat(name: Format): OutputFormat {
  return OUTPUT_FORMATS.find((f) => f.name === name) as OutputFormat;
}
