// Transport scheduling for diagnostics, and nothing else: runs are debounced
// (a pause in typing), a run that a newer change overtook publishes nothing,
// and a file's diagnostics are sent again only when they changed.
import type { Problem } from '../engine';

/** What the server watches on disk (SPEC section 9): every productteam file. */
export const WATCHED_GLOBS = ['**/*.productteam.{yaml,yml}', '**/.productteam.yaml'];

export interface Publisher {
  /** Runs after `delayMs` (the debounce when undefined), replacing any pending run. */
  schedule(delayMs?: number): void;
  /** Nothing is scheduled or running (the warm-up may use the time). */
  idle(): boolean;
}

export function createPublisher(options: {
  debounceMs(): number;
  /** One run; `isCurrent()` turns false once a newer run was scheduled. */
  run(isCurrent: () => boolean): Promise<void>;
  onError(err: unknown): void;
}): Publisher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;
  let running = 0;
  return {
    schedule(delayMs) {
      clearTimeout(timer);
      const mine = ++ticket;
      timer = setTimeout(() => {
        timer = undefined;
        running++;
        options
          .run(() => mine === ticket)
          .catch(options.onError)
          .finally(() => running--);
      }, delayMs ?? options.debounceMs());
    },
    idle: () => timer === undefined && running === 0,
  };
}

/** Which findings were last sent for each file, so that unchanged ones are not sent again. */
export function createPublishedDiagnostics() {
  const sent = new Map<string, { version: number | undefined; problems: readonly Problem[] }>();
  return {
    /** Whether these findings (for this version of an open document, or a file on disk) are news. */
    shouldSend(uri: string, version: number | undefined, problems: readonly Problem[]): boolean {
      const last = sent.get(uri);
      if (last && last.version === version && last.problems === problems) return false;
      sent.set(uri, { version, problems });
      return true;
    },
    forget(uri: string): void {
      sent.delete(uri);
    },
  };
}
