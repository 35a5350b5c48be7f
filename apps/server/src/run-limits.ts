import { answerPastCap, refusedPastCap, type ServerAnswer } from '@cors-playground/scenario';
import type { Sandbox } from './sandbox-store';

/**
 * Limits on what one run's client code can make the server do (issue 5, "Runaway and hostile
 * code"). The run time is the harness's timeout and the store's watchdog; this module counts the
 * requests (WebSocket handshakes included) a run sends to its sandbox: past `maxRequestsPerRun`
 * each one is answered 429 with no CORS header (request-cap.ts), so a flood costs the server almost
 * nothing and other sandboxes keep being served. A sandbox has one run (sandbox-store.ts startRun),
 * so the count is never reset.
 */
const counts = new WeakMap<Sandbox, number>();

/**
 * The harness keeps its report within REPORT_LIMITS (packages/scenario actual.ts: observations,
 * log lines and bytes); this is headroom above those bytes.
 */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/** Counts a request that reached a route; the 429 answer when it is past the cap, else null. */
export function overCap(sandbox: Sandbox, limit: number): ServerAnswer | null {
  const received = (counts.get(sandbox) ?? 0) + 1;
  counts.set(sandbox, received);
  return answerPastCap(received, limit);
}

/** For the run's end: how many requests the cap refused, or null when it was not hit. */
export function requestCapHit(sandbox: Sandbox, limit: number): { limit: number; refused: number } | null {
  const refused = refusedPastCap(counts.get(sandbox) ?? 0, limit);
  return refused > 0 ? { limit, refused } : null;
}

/** Whether the log should still stream each exchange: past the cap only the count is told, so a flood cannot flood the playground. */
export function streamsExchange(sandbox: Sandbox, limit: number): boolean {
  return refusedPastCap(counts.get(sandbox) ?? 0, limit) <= 1;
}
