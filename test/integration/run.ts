// Runs the API suite with mocha's programmatic API inside the extension host
// it is loaded in (code-server's, via test/runner-extension, or VS Code's, via
// @vscode/test-electron and ./index.ts) and returns per-test results.
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  vscodeVersion: string;
  durationMs: number;
  /** Set when the suite could not run at all. */
  error?: string;
}

/** Mocha prints nothing: the caller reports from the outcomes. */
class QuietReporter extends Mocha.reporters.Base {}

export async function runIntegrationSuite(timeoutMs = 30_000): Promise<SuiteReport> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, color: false, reporter: QuietReporter });
  // What mocha does before requiring each spec file: define describe/it/… globally.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration', mocha);
  await import('./suites.js');

  const tests: TestOutcome[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (t: Mocha.Test) => {
      tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
    });
    // Also fires for a failing hook, whose `fullTitle` names it.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (t: Mocha.Test, err: Error) => {
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (t: Mocha.Test) => {
      tests.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 });
    });
  });
  const count = (s: TestOutcome['state']): number => tests.filter((t) => t.state === s).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    pending: count('pending'),
    tests,
    vscodeVersion: vscode.version,
    durationMs: Date.now() - started,
  };
}
