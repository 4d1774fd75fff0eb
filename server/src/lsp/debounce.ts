// How long to wait before linting after a keystroke. The first keystroke after
// a pause (longer than the last analysis took) is linted at once, after a few
// milliseconds that let a burst of queued changes arrive: the squiggles follow
// typing that the analysis keeps up with. A keystroke that comes sooner, in a
// burst, waits about as long as the last analysis took (near zero for a small
// file), never more than the configured `debounceMs`, so typing through a burst
// wastes at most about half the time on analyses a newer keystroke makes
// stale. Publishing only the newest version stays start.ts's job (its tickets).
//
// Also the engine's warm-up: a small file opened and typed into, in the idle
// time after `initialize`, so that neither the first file opened nor its
// first keystrokes pay for the code's first run (lazy compilation, the JIT's
// first tiers) of the whole parse or of the incremental one.
import { EngineHost } from '../engine';

/** The shortest wait: a burst of changes sent in one go still becomes one analysis. */
export const MIN_DEBOUNCE_MS = 4;

export class AdaptiveDebounce {
  private readonly lastMs = new Map<string, number>();
  private readonly lastChangeAt = new Map<string, number>();

  /** The delay before linting `uri` after a change made at `now`, at most `capMs`. */
  delay(uri: string, capMs: number, now = performance.now()): number {
    const last = this.lastMs.get(uri);
    const previous = this.lastChangeAt.get(uri);
    this.lastChangeAt.set(uri, now);
    if (last === undefined) return capMs;
    const inBurst = previous !== undefined && now - previous < Math.max(MIN_DEBOUNCE_MS, last);
    return Math.min(capMs, inBurst ? Math.max(MIN_DEBOUNCE_MS, Math.ceil(last)) : MIN_DEBOUNCE_MS);
  }

  /** How long the latest analysis of `uri` took. */
  record(uri: string, ms: number): void {
    this.lastMs.set(uri, ms);
  }

  forget(uri: string): void {
    this.lastMs.delete(uri);
    this.lastChangeAt.delete(uri);
  }
}

/**
 * An organisation of `size` people, products and teams in the shapes real
 * files have (block and flow entries, lists, comments, a suppression, a few
 * findings): what the warm-up analyses, so that the hot paths of the parse,
 * the schema, the model and the rules are compiled before a real file comes.
 */
export function warmUpText(size: number): string {
  const lines = ['version: 1', 'organization:', '  name: Warm-up', '  stance: combined', 'people:'];
  for (let i = 0; i < size; i++) {
    if (i % 2) lines.push(`  p${i}: { name: Person ${i}, discipline: [technology, ux], email: p${i}@example.com }`);
    else lines.push(`  p${i}:`, `    name: Person ${i}`, `    discipline: ${i % 4 ? 'business' : 'product'}`, '    # a comment');
  }
  lines.push('products:');
  for (let i = 0; i < size; i += 4) {
    lines.push(`  app${i}:`, `    name: App ${i}`, `    owner: p${i}`, '    domains:');
    for (const d of ['core', 'edge'])
      lines.push(
        `      ${d}:`,
        `        productManager: p${i}`,
        `        productOwner: ${d === 'core' ? `p${i + 1}` : 'nobody'}  # productteam-disable-line unknown-reference`,
        '        outcomes: ["One outcome", Another]',
        `        teams: [t${i}]`,
      );
  }
  lines.push('teams:');
  for (let i = 0; i < size; i += 4) lines.push(`  t${i}:`, '    type: stream-aligned', `    members: [p${i + 1}, p${i + 2}, p${i + 3}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * The texts the warm-up analyses one after the other: a mid-sized
 * organisation, opened, then typed into (a letter at a time in a name near
 * its middle, so the later entries move), `runs` texts in all.
 */
export function warmUpTexts(runs: number): string[] {
  const text = warmUpText(60);
  const at = text.indexOf('\n', text.indexOf('name: Person 30'));
  return Array.from({ length: runs }, (_, i) => text.slice(0, at) + 'x'.repeat(i) + text.slice(at));
}

/**
 * Warms the engine up in the idle time after `initialize`: a mid-sized
 * organisation opened and typed into, in a host of its own (so the
 * incremental parse and the reuse of findings run too), one text per turn of
 * the event loop, so that a document that arrives meanwhile waits for one of
 * them at most. While `busy()` (an analysis is waiting or running) it waits
 * and tries again a little later; never throws.
 */
export function warmUpSoon(busy: () => boolean = () => false, runs = 8): void {
  const texts = warmUpTexts(runs);
  const host = new EngineHost();
  host.setOptions({ today: '2025-01-01' });
  const key = 'warm-up.productteam.yaml';
  const step = (i: number) => {
    if (i === texts.length) return;
    if (busy()) {
      setTimeout(() => step(i), WARM_UP_RETRY_MS);
      return;
    }
    try {
      host.setFile(key, texts[i]);
      host.snapshot().analysis(key);
      if (i === 0) host.prepareForEdits(key);
    } catch {
      // A warm-up that fails costs nothing: the real analysis reports properly.
      return;
    }
    setTimeout(() => step(i + 1), 0);
  };
  setTimeout(() => step(0), 0);
}

/** How long the warm-up waits for the server to be idle again. */
const WARM_UP_RETRY_MS = 50;
