import { overCapAnswer, type ServerAnswer } from '@cors-playground/scenario';
import type { Sandbox } from './sandbox-store';

/**
 * Limits on what one run's client code can make the server do (issue 5, "Runaway and hostile
 * code"). The run time is the harness's timeout and the store's watchdog; this module counts the
 * requests a run sends to its sandbox: past `maxRequestsPerRun` each one is answered 429 with no
 * CORS header (request-cap.ts), so a flood costs the server almost nothing and other sandboxes
 * keep being served.
 */
interface RunCount {
  requests: number;
  refused: number;
}

const counts = new WeakMap<Sandbox, RunCount>();

/** A harness report of a flood holds an observation per request: it may be larger than a request body. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

function countOf(sandbox: Sandbox): RunCount {
  let count = counts.get(sandbox);
  if (!count) counts.set(sandbox, (count = { requests: 0, refused: 0 }));
  return count;
}

/** A new run starts on this sandbox (its harness page was served): the count starts again. */
export function resetRunCount(sandbox: Sandbox): void {
  counts.set(sandbox, { requests: 0, refused: 0 });
}

/** Counts a request that reached a route; the 429 answer when it is past the cap, else null. */
export function overCap(sandbox: Sandbox, limit: number): ServerAnswer | null {
  const count = countOf(sandbox);
  count.requests++;
  if (count.requests <= limit) return null;
  count.refused++;
  return overCapAnswer(limit);
}

/** For the run's end: how many requests the cap refused, or null when it was not hit. */
export function requestCapHit(sandbox: Sandbox, limit: number): { limit: number; refused: number } | null {
  const refused = countOf(sandbox).refused;
  return refused > 0 ? { limit, refused } : null;
}

/** Whether the log should still stream each exchange: past the cap only the count is told, so a flood cannot flood the playground. */
export function streamsExchange(sandbox: Sandbox): boolean {
  return countOf(sandbox).refused <= 1;
}
