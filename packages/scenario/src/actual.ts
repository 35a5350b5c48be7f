import type { LiveOrigin } from './hosts';
import { labelForUrl } from './hosts';
import { cookieNames } from './cookies';
import { failedElementOutcome, refusalAt } from './actual-elements';
import { mayTakeConsoleLine, unseenOutcome } from './actual-unseen';
import type { ConsoleLines, EngineName, RequestApi, RequestRecord, RunRecords } from './records';

/** What the harness saw of one request, from JavaScript's side (apps/server/src/harness). */
export interface Observation {
  api: RequestApi;
  method: string;
  url: string;
  settled: 'resolved' | 'rejected' | 'pending';
  /** Response.type for fetch ('basic', 'cors', 'opaque', 'opaqueredirect'); null for XHR. */
  responseType: string | null;
  status: number;
  /** Lower-case header names JavaScript could read. */
  headers: string[];
  /** The error JavaScript got, e.g. "TypeError: Failed to fetch". */
  error: string | null;
  /** The request's mode, for fetch: 'cors', 'no-cors', 'same-origin' (XHR is always 'cors'). */
  mode?: string;
}

export interface HarnessReport {
  observations: Observation[];
  log: string[];
  /** How the client code ended. */
  end: 'finished' | 'threw' | 'timeout';
  error: string | null;
  /** What the harness left out past REPORT_LIMITS; absent when nothing was. */
  dropped?: { observations: number; logLines: number };
}

/**
 * What one harness report may hold: the harness stops recording past these (and counts what it
 * dropped), the server refuses a report over them, so a run that floods or logs without end costs
 * the server a bounded report.
 */
export const REPORT_LIMITS = {
  observations: 2_000,
  logLines: 1_000,
  /** UTF-8 bytes of the report as JSON, which the harness keeps under (the server accepts up to 2 MiB). */
  bytes: 1_536 * 1024,
} as const;

/** One request a sandbox origin received and what it answered (the server's request log). */
export interface Exchange {
  seq: number;
  /** Milliseconds since the sandbox was created. */
  at: number;
  label: string;
  method: string;
  /** The full URL: the origin the request reached and its path. */
  url: string;
  /** Request header lines as received, names in lower case. */
  requestHeaders: Array<[string, string]>;
  response: { status: number; headers: Array<[string, string]> };
  /** The route that answered, or null for a 404 with no route. */
  routeIndex: number | null;
  /** The CORS library that answered the request itself (a preflight), when one did. */
  answeredBy?: '@fastify/cors' | 'cors';
  /** Set when a proxy route of this sandbox sent the request (its origin's label), not the browser. */
  via?: string;
}

/** A console line the browser printed, captured where the runner can (Playwright, not a page). */
export interface ConsoleCapture {
  engine: EngineName;
  text: string;
  /** Where the browser located the line, when it gave a URL (a "Failed to load resource" line names its URL only there). */
  url?: string;
}

const NO_CONSOLE: ConsoleLines = { chromium: null, firefox: null, webkit: null };

function headerOf(exchange: Exchange, name: string): string | undefined {
  return exchange.requestHeaders.find(([key]) => key === name)?.[1];
}

function isPreflightFor(exchange: Exchange, observation: Observation): boolean {
  return exchange.method === 'OPTIONS' && exchange.url === observation.url && headerOf(exchange, 'access-control-request-method') !== undefined;
}

/** The origin of a URL; null for a string that is no URL (a report is client input). */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether a console line names this very URL (not a longer one that starts with it). */
function namesUrl(text: string, url: string): boolean {
  for (let at = text.indexOf(url); at !== -1; at = text.indexOf(url, at + 1)) {
    const next = text.slice(at + url.length, at + url.length + 2);
    if (next === '' || next[0] === "'" || next[0] === ' ' || next === '.' || next === '. ') return true;
  }
  return false;
}

function consoleFor(url: string, captures: readonly ConsoleCapture[], used: Set<ConsoleCapture>): ConsoleLines {
  const lines = { ...NO_CONSOLE };
  for (const capture of captures) {
    if (used.has(capture) || lines[capture.engine] !== null || !(namesUrl(capture.text, url) || refusalAt(capture, url))) continue;
    lines[capture.engine] = capture.text;
    used.add(capture);
  }
  return lines;
}

/**
 * The actual side of a run: what JavaScript saw (the harness), joined with what the servers
 * received (the log) and, where captured, the console. A rejected request is "blocked" when the
 * request or its preflight reached a sandbox server (the network worked, CORS refused) or when
 * mode "same-origin" met a cross-origin URL, and "error" when nothing was sent (an invalid
 * request, an unreachable host).
 */
export function actualRecords(
  report: HarnessReport,
  exchanges: readonly Exchange[],
  origins: Readonly<Record<string, LiveOrigin>>,
  page: string,
  /** Left out when the runner cannot read the console (a run in the playground). */
  captures?: readonly ConsoleCapture[],
): RunRecords {
  const consumed = new Set<Exchange>();
  const usedCaptures = new Set<ConsoleCapture>();
  // The browser's exchanges by URL, in arrival order: each observation looks at its URL's only, so
  // a flood of requests costs time in proportion to its size. An exchange a proxy route sent (`via`)
  // was not the browser's request.
  const byUrl = new Map<string, Exchange[]>();
  for (const exchange of exchanges) {
    if (exchange.via !== undefined) continue;
    const list = byUrl.get(exchange.url);
    if (list) list.push(exchange);
    else byUrl.set(exchange.url, [exchange]);
  }
  const requests = report.observations.map((observation): RequestRecord => {
    // A request's own preflight is the first exchange of its URL not yet taken, so a preflight sent
    // later (after a cache entry expired) is left for the request it belongs to.
    const sameUrl = byUrl.get(observation.url) ?? [];
    while (sameUrl.length > 0 && consumed.has(sameUrl[0]!)) sameUrl.shift();
    const first = sameUrl[0];
    const preflight = first && isPreflightFor(first, observation) ? first : undefined;
    if (preflight) consumed.add(preflight);
    const main = sameUrl.find((exchange) => !consumed.has(exchange) && !isPreflightFor(exchange, observation) && exchange.method === observation.method);
    if (main) consumed.add(main);
    const to = labelForUrl(origins, observation.url);
    // Only a request that failed takes a console line: an earlier success to the same URL must not.
    const consoleLines = mayTakeConsoleLine(observation) ? consoleFor(observation.url, captures ?? [], usedCaptures) : { ...NO_CONSOLE };
    const refusedBySameOriginMode = observation.mode === 'same-origin' && origins[page]?.origin !== originOf(observation.url);
    let outcome: RequestRecord['outcome'];
    if (observation.settled === 'resolved') outcome = observation.responseType === 'opaque' || observation.responseType === 'opaqueredirect' ? 'opaque' : 'ok';
    else if (observation.settled === 'rejected' && (preflight !== undefined || main !== undefined || refusedBySameOriginMode)) outcome = 'blocked';
    else outcome = 'error';
    outcome = unseenOutcome(observation, preflight, main, consoleLines) ?? failedElementOutcome(observation, main, consoleLines, captures !== undefined) ?? outcome;
    const reasons = preflight
      ? [`the server received OPTIONS with Access-Control-Request-Method: ${headerOf(preflight, 'access-control-request-method')}` +
          (headerOf(preflight, 'access-control-request-headers') ? ` and Access-Control-Request-Headers: ${headerOf(preflight, 'access-control-request-headers')}` : '')]
      : [];
    return {
      api: observation.api,
      method: observation.method,
      url: observation.url,
      from: page,
      to,
      preflight: { sent: preflight !== undefined, reasons },
      outcome,
      status: outcome === 'ok' ? observation.status : 0,
      visibleHeaders: outcome === 'ok' ? [...observation.headers].sort() : [],
      blockedBy: null,
      console: consoleLines,
      cookies: main ? cookieNames(main.requestHeaders.filter(([name]) => name === 'cookie').map(([, value]) => value)) : null,
    };
  });
  return { requests, log: report.log };
}
