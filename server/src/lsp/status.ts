// After each analysis the server tells the client what it linted with, and
// logs it. The `productteam/status` notification carries the stance in force
// and where it came from (the editor setting or the file) for VS Code's
// language status item; with neither, `stance` is null: no stance is declared,
// so no rule judges the PM/PO arrangement (SPEC revision 3: role-split does
// not run). Any other client may ignore it. The log
// line goes out as window/logMessage at `info` level (VS Code's "Product Team"
// output channel): file, time taken, finding count.
import type { Connection } from 'vscode-languageserver';
import type { Analysis, Stance } from '../engine';

export const STATUS_NOTIFICATION = 'productteam/status';

export interface StatusParams {
  uri: string;
  version: number;
  /** The stance the rules follow; null when none is declared (then the PM/PO arrangement is not judged). */
  stance: Stance | null;
  /** `option`: the editor's `productteam.stance`; `file`: `organization.stance`; `default`: neither (`stance` is null). */
  stanceSource: Analysis['settings']['stanceSource'];
  findings: number;
  /** Milliseconds from the document's turn to its diagnostics being ready. */
  ms: number;
}

export function statusOf(uri: string, version: number, analysis: Analysis, ms: number): StatusParams {
  const { stance, stanceSource } = analysis.settings;
  return { uri, version, stance: stanceSource === 'default' ? null : stance, stanceSource, findings: analysis.problems.length, ms };
}

/**
 * `analysed /path/team.productteam.yaml (version 3) in 4.2 ms: 12 findings; stance contextual (from the file)`,
 * or, with no stance declared, `…: 12 findings; no stance declared (the PM/PO arrangement is not judged)`.
 */
export function logLine(s: StatusParams): string {
  const findings = `${s.findings} finding${s.findings === 1 ? '' : 's'}`;
  const stance =
    s.stance === null || s.stanceSource === 'default'
      ? 'no stance declared (the PM/PO arrangement is not judged)'
      : `stance ${s.stance} (${s.stanceSource === 'option' ? 'from the productteam.stance setting' : 'from the file'})`;
  return `analysed ${displayName(s.uri)} (version ${s.version}) in ${s.ms.toFixed(1)} ms: ${findings}; ${stance}`;
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
