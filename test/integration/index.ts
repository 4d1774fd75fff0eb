// Entry point for @vscode/test-electron (extensionTestsPath): runs the API
// suite in the VS Code it launched and fails the run on any failure.
import { runIntegrationSuite } from './run';

export async function run(): Promise<void> {
  const report = await runIntegrationSuite();
  for (const t of report.tests) {
    console.log(`${t.state === 'failed' ? 'not ok' : 'ok'} - ${t.title}${t.state === 'pending' ? ' # SKIP' : ''}`);
    if (t.error) console.log(t.error.replace(/^/gm, '    '));
  }
  console.log(`${report.passed} passed, ${report.failed} failed (VS Code ${report.vscodeVersion})`);
  if (report.failed > 0) throw new Error(`${report.failed} API test(s) failed`);
}
