// The `productteam/map` request (SPEC section 10): the ownership map of a
// document as one HTML page, plus where each clickable thing of it is, so
// that a client (VS Code's webview, later the web build) can reveal it.
// The page comes from the engine (renderMapHtml); the client passes the
// markup its webview needs in `<head>` (its content security policy and its
// own script) and the nonce that lets the page's style through that policy.
import type { Range } from 'vscode-languageserver';
import { buildMap, mapTargets, ownershipInput, renderMapHtml, type Analysis, type Snapshot, type SourceRange } from '../engine';

export const MAP_REQUEST = 'productteam/map';

export interface MapParams {
  textDocument: { uri: string };
  /** Added to the page's `<head>` as is: the client's CSP meta and script. */
  head?: string;
  /** The nonce of the client's CSP, put on the page's `<style>`. */
  nonce?: string;
}

export interface MapTarget {
  uri: string;
  range: Range;
}

export interface MapResult {
  /** The document version the map was made from. */
  version: number;
  html: string;
  /** Every clickable thing of the page by its `data-target` key. */
  targets: Record<string, MapTarget>;
}

/** The last segment of a URI's path, decoded: how the page names the file. */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

/** LSP's 0-based range of a 1-based source range. */
function toRange(r: SourceRange): Range {
  return { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

/**
 * The map of one document; for a file of a multi-file organisation, the
 * whole organisation's, with what is defined in its other files located
 * there (through the host's snapshot).
 */
export function mapResult(analysis: Analysis, uri: string, version: number, params: MapParams, snap?: Snapshot): MapResult {
  const ownName = fileName(uri);
  const elsewhere = (span: { start: number; end: number; file: string }): SourceRange | undefined => {
    const other = snap?.analysis(span.file);
    if (!other) return undefined;
    const s = other.lines.positionAt(span.start);
    const e = other.lines.positionAt(Math.max(span.start, span.end));
    return { filePath: span.file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const map = buildMap(ownershipInput(analysis, ownName, elsewhere));
  const targets: Record<string, MapTarget> = {};
  for (const [key, where] of Object.entries(mapTargets(map))) targets[key] = { uri: where.filePath === ownName ? uri : where.filePath, range: toRange(where) };
  return { version, html: renderMapHtml(map, { head: params.head, nonce: params.nonce, interactive: true }), targets };
}
