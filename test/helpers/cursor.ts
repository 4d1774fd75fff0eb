// A cursor marker in test text, as json-languageservice's tests (`|`) and
// rust-analyzer's fixtures (`$0`) do: the text is written with `$0` where the
// cursor is, and the test gets the text without it plus the cursor's offset.
import type { TextEdit } from '../../server/src/engine';

export const CURSOR = '$0';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error(`no ${CURSOR} cursor marker in the text`);
  if (marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`more than one ${CURSOR} in the text`);
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

/** Applies non-overlapping edits to a text (last first, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
