// How long to wait for a pause in typing before linting: about as long as the
// document's last analysis took (near zero for a small file), never more than
// the configured `debounceMs`. Waiting that long means typing through a burst
// wastes at most about half the time on analyses a newer keystroke makes stale,
// while a small file's squiggles follow each keystroke at once. Publishing only
// the newest version stays start.ts's job (its tickets).
//
// Also the engine's warm-up: one small analysis in the idle time after
// `initialize`, so that the first file opened does not pay for the code's
// first run (lazy compilation, the JIT's first tiers).
import { analyze } from '../engine';

/** The shortest wait: a burst of changes sent in one go still becomes one analysis. */
export const MIN_DEBOUNCE_MS = 4;

export class AdaptiveDebounce {
  private readonly lastMs = new Map<string, number>();

  /** The delay before linting `uri` after a change, at most `capMs`. */
  delay(uri: string, capMs: number): number {
    const last = this.lastMs.get(uri);
    if (last === undefined) return capMs;
    return Math.min(capMs, Math.max(MIN_DEBOUNCE_MS, Math.ceil(last)));
  }

  /** How long the latest analysis of `uri` took. */
  record(uri: string, ms: number): void {
    this.lastMs.set(uri, ms);
  }

  forget(uri: string): void {
    this.lastMs.delete(uri);
  }
}

/** A small organisation that exercises the parse, the schema, the model and most rules. */
const WARM_UP_TEXT = `version: 1
organization:
  name: Warm-up
  stance: combined
people:
  ana: { name: Ana, discipline: product }
  ben:
    name: Ben
    discipline: technology
products:
  app:
    name: App
    owner: ana
    domains:
      core:
        productManager: ana
        productOwner: ben
        outcomes: [One outcome]
        teams: [squad]
teams:
  squad:
    members: [ben, cara]
`;

/** Runs one throwaway analysis when the event loop is idle; never throws. */
export function warmUpSoon(): void {
  setTimeout(() => {
    try {
      analyze(WARM_UP_TEXT, { today: '2025-01-01' });
    } catch {
      // A warm-up that fails costs nothing: the real analysis reports properly.
    }
  }, 0);
}
