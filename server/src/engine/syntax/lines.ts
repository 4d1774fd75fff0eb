// Offsets <-> (line, character). Built once per text (or from the last
// text's index after an edit), binary search per call, so converting
// thousands of problems stays O(n log n).
import type { TextShift } from '../text';
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit in the line (what LSP and JS strings count). */
  character: number;
}

export class LineIndex {
  private readonly starts: number[];
  /** Whether the text holds a CR (an index made by `after` never does). */
  private readonly hasCR: boolean = false;

  /** `starts`: the line starts, when known (`after`); else they are found in the text. */
  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    starts = [0];
    this.hasCR = text.includes('\r');
    if (this.hasCR) {
      // \n, \r\n and a lone \r all end a line (as in LSP and YAML).
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    this.starts = starts;
  }

  /**
   * The index of `text`, an edit of the text `before` was made for (`shift`
   * says where): the line starts before the edit are kept, those after it
   * moved, and only the edited stretch is searched for line breaks. A text
   * with a CR is indexed anew (a lone CR ends a line too); `textHasCR` spares
   * a caller that already looked a second scan of the text.
   */
  static after(before: LineIndex, shift: TextShift, text: string, textHasCR = text.includes('\r')): LineIndex {
    if (textHasCR || before.hasCR) return new LineIndex(text);
    const old = before.starts;
    // The first line start past the edit's start, and the first whose line break lies after the edited stretch.
    const firstAfter = (offset: number) => {
      let lo = 0;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (old[mid] <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const starts = old.slice(0, firstAfter(shift.start));
    const newEnd = shift.oldEnd + shift.by;
    for (let i = text.indexOf('\n', shift.start); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    for (let j = firstAfter(shift.oldEnd); j < old.length; j++) starts.push(old[j] + shift.by);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past a line's text (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    // A lone \r ends the line by itself.
    if (next < this.text.length && this.text[next] === '\r') return next;
    return next > 0 && this.text[next - 1] === '\r' && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }
}
