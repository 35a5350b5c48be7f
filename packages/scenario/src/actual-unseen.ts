import type { Exchange, Observation } from './actual';
import type { ConsoleLines, Outcome } from './records';

/**
 * The actual outcome of requests whose result JavaScript sees little or nothing of, where the
 * general rule of actualRecords (resolved, rejected, reached a server) does not tell:
 *
 * - iframe and window: the document always "loads" (a network error shows an error page), so
 *   the request is "error" when no server received it; else "ok" when the page could read the
 *   document, "opaque" when reading it threw SecurityError (cross-origin).
 * - beacon: the harness settles it from its Resource Timing entry (resolved: sent, opaque in
 *   no-cors mode, passed CORS in cors mode; rejected: CORS blocked it), and the general rule
 *   applies, except that a resolved no-cors beacon no server received is an error. One still
 *   pending at the report: the console says when CORS blocked it; without a console (a run in the
 *   playground), a preflight with no request after it is blocked, and a request that arrived is
 *   "ok" in CORS mode or "opaque" in no-cors mode.
 *
 * Null for every other API.
 */
export function unseenOutcome(observation: Observation, preflight: Exchange | undefined, main: Exchange | undefined, console: ConsoleLines): Outcome | null {
  switch (observation.api) {
    case 'iframe':
    case 'window':
      if (observation.settled !== 'resolved' || main === undefined) return 'error';
      return observation.responseType === 'opaque' ? 'opaque' : 'ok';
    case 'beacon':
      if (observation.settled === 'resolved') return main === undefined ? 'error' : null;
      if (observation.settled === 'rejected') return null;
      if (Object.values(console).some((line) => line !== null)) return 'blocked';
      if (main === undefined) return preflight === undefined ? 'error' : 'blocked';
      return observation.mode === 'cors' ? 'ok' : 'opaque';
    default:
      return null;
  }
}

/** Whether a console line may belong to a request that JavaScript never saw fail (a beacon). */
export function mayTakeConsoleLine(observation: Observation): boolean {
  return observation.settled === 'rejected' || (observation.api === 'beacon' && observation.settled === 'pending');
}
