import type { ConsoleCapture, Exchange, Observation } from './actual';
import type { ConsoleLines, Outcome, RequestApi } from './records';

/**
 * The actual outcome of an element load (img, script, module, stylesheet, font) that fired its
 * `error` event. JavaScript cannot tell why, so the console decides: Chromium prints a CORS line
 * ("Access to image at … has been blocked by CORS policy") or, for Cross-Origin-Resource-Policy
 * and Opaque Response Blocking, "Failed to load resource: net::ERR_BLOCKED_BY_…" at the resource's
 * URL: "blocked". Any other failure (a status that is not ok, bytes that are not an image, no
 * server) is "error". Without a console (a run in the playground, where the page cannot read it),
 * a load the server answered with an ok status counts as blocked.
 */
const ELEMENT_APIS: ReadonlySet<RequestApi> = new Set<RequestApi>(['img', 'script', 'module', 'stylesheet', 'font']);

const BLOCKED_BY_RESPONSE = /^Failed to load resource: net::ERR_BLOCKED_BY_(RESPONSE|ORB)\b/;

/** A "Failed to load resource: net::ERR_BLOCKED_BY_…" line names its URL only in its location. */
export function refusalAt(capture: ConsoleCapture, url: string): boolean {
  return capture.url === url && BLOCKED_BY_RESPONSE.test(capture.text);
}

function refusedBy(line: string | null): boolean {
  return line !== null && (line.includes(' has been blocked by CORS policy: ') || BLOCKED_BY_RESPONSE.test(line));
}

/** Null unless the observation is an element load that failed. */
export function failedElementOutcome(observation: Observation, main: Exchange | undefined, console: ConsoleLines, consoleCaptured: boolean): Outcome | null {
  if (!ELEMENT_APIS.has(observation.api) || observation.settled !== 'rejected') return null;
  if (consoleCaptured) return Object.values(console).some(refusedBy) ? 'blocked' : 'error';
  return main !== undefined && main.response.status >= 200 && main.response.status <= 299 ? 'blocked' : 'error';
}
