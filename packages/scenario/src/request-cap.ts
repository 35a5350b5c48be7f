import type { ServerAnswer } from './routes';

/**
 * The request cap of a run: client code that floods its sandbox (thousands of fetches, a request
 * in a loop) gets its first `limit` requests answered as configured and then 429 Too Many
 * Requests, with no CORS header, so the browser blocks each one past the cap as it would block
 * any error page without Access-Control-Allow-Origin. The real server and the engine's modelled
 * network answer with these same bytes.
 */
export function overCapAnswer(limit: number): ServerAnswer {
  return {
    status: 429,
    headers: [['content-type', 'text/plain; charset=utf-8'], ['retry-after', '0']],
    body: `This run sent more than ${limit} requests to its sandbox; past that cap every request is answered 429 (press Run for a fresh sandbox).`,
    delayMs: 0,
    routeIndex: null,
  };
}

/** The answer to the `received`-th request of a run (counting from 1): the 429 past the cap, else null (the route answers). */
export function answerPastCap(received: number, limit: number): ServerAnswer | null {
  return received > limit ? overCapAnswer(limit) : null;
}

/** How many of a run's `received` requests the cap refused. */
export function refusedPastCap(received: number, limit: number): number {
  return Math.max(0, received - limit);
}

/** The sentence a run's summary gives when the cap was hit. */
export function requestCapSummary(limit: number, refused: number): string {
  return `The request cap was hit: past ${limit} requests in this run, the sandbox answered ${refused} more with 429 and no CORS header.`;
}
