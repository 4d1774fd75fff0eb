// A test-only extension, installed next to productteam by the e2e driver
// (scripts/e2e/run.mjs): once the workbench has started it runs the VS Code
// API suite (test/integration) in this extension host, the one productteam
// runs in, and writes the per-test results as JSON where
// $PRODUCTTEAM_E2E_REPORT says. The driver polls for that file.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { runIntegrationSuite, type SuiteReport } from '../../integration/run';

const EXTENSION_ID = 'productteam.productteam';

export function activate(): void {
  const reportPath = process.env.PRODUCTTEAM_E2E_REPORT;
  if (!reportPath) return; // inert unless the e2e driver asked for a run
  void runAndReport(reportPath);
}

async function runAndReport(reportPath: string): Promise<void> {
  let report: SuiteReport;
  const started = Date.now();
  try {
    await waitForExtension(EXTENSION_ID, 30_000);
    report = await runIntegrationSuite();
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    report = { passed: 0, failed: 1, pending: 0, tests: [], vscodeVersion: vscode.version, durationMs: Date.now() - started, error };
  }
  // Write, then rename: the driver never reads half a file.
  fs.writeFileSync(`${reportPath}.tmp`, JSON.stringify(report, null, 2));
  fs.renameSync(`${reportPath}.tmp`, reportPath);
}

async function waitForExtension(id: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (vscode.extensions.getExtension(id)) return;
    if (Date.now() > deadline) throw new Error(`extension ${id} is not installed`);
    await new Promise<void>((resolve) => {
      const sub = vscode.extensions.onDidChange(() => {
        sub.dispose();
        resolve();
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 500);
    });
  }
}
