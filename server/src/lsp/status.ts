// After each analysis the server tells the client what it linted with, and
// logs it. The `productteam/status` notification carries the stance in force
// and where it came from (the editor setting, the file, or the default) for
// VS Code's language status item; any other client may ignore it. The log
// line goes out as window/logMessage at `info` level (VS Code's "Product Team"
// output channel): file, time taken, finding count.
import type { Connection } from 'vscode-languageserver';
import type { Analysis, Stance } from '../engine';

export const STATUS_NOTIFICATION = 'productteam/status';

export interface StatusParams {
  uri: string;
  version: number;
  stance: Stance;
  /** `option`: the editor's `productteam.stance`; `file`: `organization.stance`; `default`: neither. */
  stanceSource: Analysis['settings']['stanceSource'];
  findings: number;
  /** Milliseconds from the document's turn to its diagnostics being ready. */
  ms: number;
}

export function statusOf(uri: string, version: number, analysis: Analysis, ms: number): StatusParams {
  return { uri, version, stance: analysis.settings.stance, stanceSource: analysis.settings.stanceSource, findings: analysis.problems.length, ms };
}

/** `analysed /path/team.productteam.yaml (version 3) in 4.2 ms: 12 findings; stance contextual (from the file)` */
export function logLine(s: StatusParams): string {
  const source = s.stanceSource === 'option' ? 'from the productteam.stance setting' : s.stanceSource === 'file' ? 'from the file' : 'the default';
  const findings = `${s.findings} finding${s.findings === 1 ? '' : 's'}`;
  return `analysed ${displayName(s.uri)} (version ${s.version}) in ${s.ms.toFixed(1)} ms: ${findings}; stance ${s.stance} (${source})`;
}

function displayName(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** Sends the status notification and the log line; never throws (the diagnostics are out already). */
export function reportAnalysis(connection: Connection, uri: string, version: number, analysis: Analysis, startedAt: number): void {
  try {
    const status = statusOf(uri, version, analysis, performance.now() - startedAt);
    connection.console.info(logLine(status));
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  } catch {
    // Reporting is a courtesy; a closed connection must not break validation.
  }
}
