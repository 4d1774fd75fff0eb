// The input of the ownership map and the semantic diff (SPEC section 10):
// an organisation's model, its effective settings and its findings, each
// finding already placed in its file. A single file's Analysis gives one
// (`ownershipInput`); an organisation snapshot of several files gives one
// the same way, with a `locate` that reads the file from the span.
import type { Analysis, EffectiveSettings, Model, Severity, Span } from '../types';

/** A place in a file, 1-based (the CLI's `--format json` convention). */
export interface SourceRange {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding in the `--format json` message shape, plus the file it is in. */
export interface LocatedFinding extends SourceRange {
  ruleId: string;
  severity: Severity;
  message: string;
}

/** What the map and the diff ask of an organisation. */
export interface OwnershipInput {
  model: Model;
  settings: Pick<EffectiveSettings, 'stance' | 'stanceSource' | 'maxDomainsPerPerson'>;
  findings: readonly LocatedFinding[];
  /** Where a span of the model is (a multi-file organisation's spans know their file). */
  locate(span: Span): SourceRange;
}

/** The ownership input of one file's analysis. */
/** The map and diff's input from one file's analysis: for a file of a multi-file organisation, the whole organisation's model (its findings are this file's). */
export function ownershipInput(
  analysis: Pick<Analysis, 'lines' | 'problems' | 'model' | 'settings' | 'organisation' | 'file'>,
  filePath: string,
  /** Where a span of another file of the organisation is (its `file` set); undefined: unknown. */
  locateElsewhere?: (span: Span & { file: string }) => SourceRange | undefined,
): OwnershipInput {
  const locate = (span: Span & { file?: string }): SourceRange => {
    if (span.file !== undefined && span.file !== analysis.file && locateElsewhere) {
      const there = locateElsewhere(span as Span & { file: string });
      if (there) return there;
    }
    const s = analysis.lines.positionAt(span.start);
    const e = analysis.lines.positionAt(Math.max(span.start, span.end));
    return { filePath, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const findings = analysis.problems.map((p): LocatedFinding => ({ ...locate(p), ruleId: p.ruleId, severity: p.severity, message: p.message }));
  return { model: analysis.organisation ?? analysis.model, settings: analysis.settings, findings, locate };
}
