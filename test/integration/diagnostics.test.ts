import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findings } from '../e2e/expectations';
import { activateExtension, closeCopies, codeOf, openExampleCopy, waitForDiagnostics } from './helpers';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

describe('diagnostics (vscode.languages.getDiagnostics)', () => {
  before(activateExtension);
  after(closeCopies);

  it('troubled example: every finding the engine reports, with rule id as code, source and severity', async () => {
    const doc = await openExampleCopy('troubled');
    const expected = findings(doc.getText());
    const rules = new Set(expected.map((f) => f.ruleId));
    assert.ok(rules.size >= 8, `the troubled example should break most rules; the engine finds only ${[...rules].join(', ')}`);
    const got = await waitForDiagnostics(doc.uri, (ds) => ds.length >= expected.length);
    const key = (rule: string | undefined, line: number, sev: vscode.DiagnosticSeverity | undefined): string => `${rule} @${line} ${sev}`;
    assert.deepEqual(
      got.map((d) => key(codeOf(d), d.range.start.line + 1, d.severity)).sort(),
      expected.map((f) => key(f.ruleId, f.line, SEVERITY[f.severity])).sort(),
    );
  });

  it('healthy example: no errors or warnings', async () => {
    const doc = await openExampleCopy('healthy');
    // Give the server the chance to publish (an empty list publishes too), then look.
    const expected = findings(doc.getText());
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length === expected.length);
    const bad = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      bad.map((d) => `${codeOf(d)}: ${d.message}`),
      [],
    );
  });
});
