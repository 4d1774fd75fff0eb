// `--format sarif`: SARIF 2.1.0 for code-scanning uploads. One run; the
// driver lists every rule so that viewers can show docs for rules that did
// not fire. Paths are relative to %SRCROOT% (the working directory), which
// keeps the log portable; originalUriBaseIds says where that was.
// Kept clean under Microsoft's validator: see scripts/sarif-validate.sh.
import type { Severity } from '../engine';
import { escapeJson } from './escape';
import { directoryUri, fileUri, relativeUri } from './paths';
import type { LintResult } from './results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifRuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

export interface SarifOptions {
  cwd: string;
  toolVersion: string;
  informationUri: string;
  /** Every rule the tool has (the engine's RULES). */
  rules: readonly SarifRuleMeta[];
  /** Absolute URL of a rule's page (the engine's ruleDocsUrl). */
  docsUrl: (ruleId: string) => string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * A rule's friendly name: `single-backlog-owner` -> `SingleBacklogOwner`.
 * SARIF wants it to differ from the id even ignoring case, so a one-word id
 * gets a suffix: `schema` -> `SchemaRule`.
 */
export function ruleName(id: string): string {
  const name = pascalCase(id);
  return name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name;
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF wants messages and descriptions to be complete sentences. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  if (!t) return t;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^.*?[.!?](?=\s|$)/s.exec(t);
  return sentence(m ? m[0] : t);
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  return `${escapeJson(JSON.stringify(buildSarif(results, options), null, 2))}\n`;
}

export function buildSarif(results: readonly LintResult[], options: SarifOptions): Record<string, unknown> {
  const docsUrl = options.docsUrl;
  const ruleMetas: SarifRuleMeta[] = [...options.rules];
  const ruleIndex = new Map(ruleMetas.map((r, i) => [r.id, i]));
  // A finding from a rule the list does not know still gets a descriptor,
  // so that every result's ruleIndex is valid.
  for (const r of results) {
    for (const m of r.messages) {
      if (!ruleIndex.has(m.ruleId)) {
        ruleIndex.set(m.ruleId, ruleMetas.length);
        ruleMetas.push({ id: m.ruleId, defaultSeverity: m.severity, description: `Rule ${m.ruleId}.` });
      }
    }
  }

  const location = (filePath: string): { uri: string; uriBaseId?: string } => {
    const uri = relativeUri(filePath, options.cwd);
    return uri !== undefined ? { uri, uriBaseId: SRCROOT } : { uri: fileUri(filePath) };
  };
  const artifactLocation = (filePath: string, index: number) => ({ ...location(filePath), index });

  const artifacts = results.map((r) => ({
    location: location(r.filePath),
    roles: ['analysisTarget'],
    mimeType: 'application/yaml',
    sourceLanguage: 'yaml',
  }));

  const sarifResults = results.flatMap((r, fileIndex) =>
    r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId),
      level: LEVEL[m.severity],
      message: { text: sentence(m.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(r.filePath, fileIndex),
            region: {
              startLine: m.line,
              startColumn: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
            },
          },
        },
      ],
    })),
  );

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'productteam',
            fullName: `productteam-lint ${options.toolVersion}`,
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: ruleMetas.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: firstSentence(rule.description) },
              fullDescription: { text: sentence(rule.description) },
              helpUri: docsUrl(rule.id),
              help: {
                text: `${sentence(rule.description)} See ${docsUrl(rule.id)}`,
                markdown: `${sentence(rule.description)}\n\n[More about \`${rule.id}\`](${docsUrl(rule.id)})`,
              },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        // GitHub's "category": results of one category replace each other on upload.
        automationDetails: { id: 'productteam/' },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
