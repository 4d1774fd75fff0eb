#!/usr/bin/env node
// Validates a SARIF log with Microsoft's SARIF Multitool and fails on any
// error or warning it reports (notes are printed, not fatal). The rules
// include GitHub code scanning's own.
//
//   node scripts/sarif-validate.mjs <file.sarif>
//
// The multitool is a ~100 MB self-contained .NET binary, so it is not a
// dependency of the package: it is installed on first use into
// .cache/sarif-multitool (git-ignored) at a pinned version.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MULTITOOL_VERSION = '5.7.0';
// Besides the SARIF spec's own rules, check what GitHub code scanning (Gh)
// requires of an upload. (Ado's rules want Azure Pipelines build metadata,
// which only a pipeline can supply; set SARIF_RULE_KINDS to add them.)
const RULE_KINDS = process.env.SARIF_RULE_KINDS ?? 'Sarif;Gh';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache', 'sarif-multitool');

function die(message, code = 2) {
  process.stderr.write(`sarif-validate: ${message}\n`);
  process.exit(code);
}

const input = process.argv[2];
if (!input || process.argv.length > 3) die('usage: node scripts/sarif-validate.mjs <file.sarif>');
if (!existsSync(input)) die(`no such file: ${input}`);

const platformPackage = { linux: 'sarif-multitool-linux', darwin: 'sarif-multitool-darwin', win32: 'sarif-multitool-win32' }[process.platform];
if (!platformPackage) die(`the SARIF Multitool has no build for ${process.platform}`);
const binary = join(cacheDir, 'node_modules', '@microsoft', platformPackage, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');

if (!existsSync(binary)) {
  process.stderr.write(`sarif-validate: installing @microsoft/sarif-multitool@${MULTITOOL_VERSION} into ${cacheDir}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--prefix', cacheDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `@microsoft/sarif-multitool@${MULTITOOL_VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' },
  );
  if (r.status !== 0 || !existsSync(binary)) die(`could not install the SARIF Multitool (expected ${binary})`);
}
// Its postinstall (chmod u+x) may not have run: npm can skip install scripts.
if (process.platform !== 'win32') chmodSync(binary, 0o755);

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
// .NET needs libicu for globalization unless told to run without it.
if (process.platform === 'linux' && !hasLibIcu()) env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = '1';

const work = mkdtempSync(join(tmpdir(), 'sarif-validate-'));
const output = join(work, 'validation.sarif');
try {
  const r = spawnSync(
    binary,
    ['validate', resolve(input), '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note', '--rule-kind', RULE_KINDS],
    { env, encoding: 'utf8' },
  );
  if (!existsSync(output)) {
    die(`the multitool wrote no validation log (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}`);
  }
  const log = JSON.parse(readFileSync(output, 'utf8'));
  const findings = [];
  for (const run of log.runs ?? []) {
    const rules = run.tool?.driver?.rules ?? [];
    for (const result of run.results ?? []) {
      const level = result.level ?? 'warning';
      const rule = result.ruleId ?? rules[result.ruleIndex]?.id ?? '?';
      const region = result.locations?.[0]?.physicalLocation?.region;
      const where = region?.startLine ? `${region.startLine}:${region.startColumn ?? 1}` : '';
      findings.push({ level, text: `${level} ${rule} ${where} ${messageText(result, rules)}`.replace(/ +/g, ' ') });
    }
    for (const inv of run.invocations ?? []) {
      for (const n of [...(inv.toolExecutionNotifications ?? []), ...(inv.toolConfigurationNotifications ?? [])]) {
        const level = n.level ?? 'warning';
        findings.push({ level, text: `${level} (tool) ${n.message?.text ?? JSON.stringify(n)}` });
      }
    }
  }
  for (const f of findings) process.stdout.write(`${f.text}\n`);
  const bad = findings.filter((f) => f.level === 'error' || f.level === 'warning');
  if (bad.length > 0) die(`${bad.length} error(s) or warning(s) in ${input}`, 1);
  process.stdout.write(`sarif-validate: ${input} is valid (${findings.length} note(s))\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function hasLibIcu() {
  const r = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  if (r.status === 0) return /libicuuc\.so/.test(r.stdout);
  return ['/usr/lib', '/usr/lib64', '/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib/aarch64-linux-gnu'].some((d) => {
    try {
      return readdirSync(d).some((f) => f.startsWith('libicuuc.so'));
    } catch {
      return false;
    }
  });
}

/** A result's message, with {0}-style arguments filled from the rule's template. */
function messageText(result, rules) {
  const m = result.message ?? {};
  const args = m.arguments ?? [];
  const rule = rules[result.ruleIndex] ?? rules.find((r) => r.id === result.ruleId);
  const template = m.text ?? (m.id && rule?.messageStrings?.[m.id]?.text) ?? '';
  return template.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? '');
}
