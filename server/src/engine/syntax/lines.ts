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

/** At most this many edits' moves are kept pending before the line starts are written out again. */
const PENDING = 4;

export class LineIndex {
  /** The line starts, before the pending moves; never changed once made (later indexes share it). */
  private readonly starts: number[];
  /**
   * Moves not yet written into `starts`, by the first line they apply to (in
   * increasing order): line i starts at starts[i] plus the `by` of every move
   * whose `from` is at most i. An edit that adds or removes no line break
   * moves the lines after it; keeping that pending spares a keystroke copying
   * 20,000 line starts.
   */
  private readonly pending: readonly { from: number; by: number }[];
  /** Whether the text holds a CR (an index made by `after` never does). */
  private readonly hasCR: boolean = false;

  /** `starts` and `pending`: the line starts, when known (`after`); else they are found in the text. */
  constructor(
    private readonly text: string,
    starts?: number[],
    pending: readonly { from: number; by: number }[] = [],
  ) {
    this.pending = pending;
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

  /** Where line i starts (0 <= i < lineCount). */
  private at(i: number): number {
    let v = this.starts[i];
    for (const p of this.pending) {
      if (p.from > i) break;
      v += p.by;
    }
    return v;
  }

  /** The first line that starts after `offset`. */
  private firstAfter(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The index of `text`, an edit of the text `before` was made for (`shift`
   * says where): the line starts before the edit are kept, those after it
   * moved, and only the edited stretch is searched for line breaks. An edit
   * that adds or removes no line break only notes the move (see pending). A
   * text with a CR is indexed anew (a lone CR ends a line too); `textHasCR`
   * spares a caller that already looked a second scan of the text.
   */
  static after(before: LineIndex, shift: TextShift, text: string, textHasCR = text.includes('\r')): LineIndex {
    if (textHasCR || before.hasCR) return new LineIndex(text);
    const newEnd = shift.oldEnd + shift.by;
    const oldBreak = before.text.indexOf('\n', shift.start);
    const newBreak = text.indexOf('\n', shift.start);
    const from = before.firstAfter(shift.start);
    if ((oldBreak === -1 || oldBreak >= shift.oldEnd) && (newBreak === -1 || newBreak >= newEnd)) {
      // No line break in the edited stretch, before or after: the lines after it move, that is all.
      if (shift.by === 0 || from === before.starts.length) return new LineIndex(text, before.starts, before.pending);
      const pending: { from: number; by: number }[] = [];
      let placed = false;
      for (const p of before.pending) {
        if (!placed && p.from >= from) {
          if (p.from === from) {
            pending.push({ from, by: p.by + shift.by });
            placed = true;
            continue;
          }
          pending.push({ from, by: shift.by });
          placed = true;
        }
        pending.push(p);
      }
      if (!placed) pending.push({ from, by: shift.by });
      if (pending.length <= PENDING) return new LineIndex(text, before.starts, pending);
    }
    const starts: number[] = [];
    for (let j = 0; j < from; j++) starts.push(before.at(j));
    for (let i = newBreak; i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    for (let j = before.firstAfter(shift.oldEnd); j < before.starts.length; j++) starts.push(before.at(j) + shift.by);
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
      if (this.at(mid) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.at(lo) };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.at(pos.line);
    const next = pos.line + 1 < this.starts.length ? this.at(pos.line + 1) : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.at(Math.max(0, Math.min(line, this.starts.length - 1)));
  }

  /** Offset just past a line's text (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.at(line + 1) - 1 : this.text.length;
    // A lone \r ends the line by itself.
    if (next < this.text.length && this.text[next] === '\r') return next;
    return next > 0 && this.text[next - 1] === '\r' && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }
}
