// What the server says and does beyond the protocol's features: its first
// log line (version and rule count, so a bug report names both), the
// "Show documentation for <rule id>" command (any LSP client can run it: it
// asks the client to open the rule's page with `window/showDocument`), and a
// warning, once per id, for a rule id in the settings that no rule has.
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver';
import { RULES, ruleDocsUrl } from '../engine';
import { SHOW_DOCUMENTATION_COMMAND } from './convert';
import { unknownRuleIdLines } from './settings';

export const SERVER_COMMANDS = [SHOW_DOCUMENTATION_COMMAND];

/** `productteam-language-server 0.1.0: 24 rules` */
export function firstLogLine(version: string): string {
  return `productteam-language-server ${version}: ${RULES.length} rules`;
}

/** Runs a server command; returns whether it was one of ours. */
export async function executeCommand(connection: Connection, params: ExecuteCommandParams): Promise<boolean> {
  if (params.command !== SHOW_DOCUMENTATION_COMMAND) return false;
  const [url] = params.arguments ?? [];
  // Only the engine's own rule pages: a command's arguments come from the client.
  if (typeof url !== 'string' || !RULES.some((r) => ruleDocsUrl(r.id) === url)) return true;
  await connection.window.showDocument({ uri: url, external: /^https?:/.test(url) });
  return true;
}

/** Logs each unknown rule id of raw `productteam.*` settings once per server. */
export function unknownRuleIdLogger(connection: Connection): (raw: unknown) => void {
  const logged = new Set<string>();
  return (raw) => {
    for (const line of unknownRuleIdLines(raw)) {
      if (logged.has(line)) continue;
      logged.add(line);
      connection.console.warn(line);
    }
  };
}
