// ANSI colours for the human formats, and when to use them. Seven escape
// codes do not justify a dependency; the decision follows Node's own order
// (its docs for FORCE_COLOR / NO_COLOR): a flag, then FORCE_COLOR, then
// NO_COLOR (https://no-color.org), then whether the stream is a terminal.

export const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
} as const;

export type Paint = (code: string, s: string) => string;

export function painter(color: boolean | undefined): Paint {
  return (code, s) => (color && s ? `${code}${s}${ANSI.reset}` : s);
}

/**
 * `flag`: --color (true) or --no-color (false), else undefined.
 * FORCE_COLOR: any value but '0' or 'false' turns colour on, those turn it off.
 * NO_COLOR: any non-empty value turns it off.
 */
export function colorWanted(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}
