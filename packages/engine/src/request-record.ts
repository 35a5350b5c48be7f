import type { EngineName, Fix, LiveOrigin, RequestApi, RequestRecord } from '@cors-playground/scenario';
import { labelForUrl } from '@cors-playground/scenario';
import { chromiumCorsMessage, consoleLinesFor, type ConsoleContext, type CorsFailure } from './console-messages';
import { firefoxCorsMessage } from './firefox-console';
import type { FetchOutcome } from './main-fetch';
import { currentUrl, serializedOriginOf, type FetchContext, type FetchTrace, type ModelRequest } from './model-request';
import { visibleHeaderNames } from './response-filtering';
import { clientSideFix, smallestFix } from './smallest-fix';
import type { Verdict } from './spec';
import { webkitCorsMessage } from './webkit-console';

/** Why each request went as it did: the verdicts in order, index-aligned with the records. */
export interface RequestTrace {
  verdicts: Verdict[];
}

export interface RecordStart {
  api: RequestApi;
  method: string;
  url: string;
  from: string;
  origins: Readonly<Record<string, LiveOrigin>>;
}

/** A record as soon as the request is made (the harness observes it then too); finished later. */
export function startRecord(start: RecordStart): RequestRecord {
  return {
    api: start.api,
    method: start.method,
    url: start.url,
    from: start.from,
    to: labelForUrl(start.origins, start.url),
    preflight: { sent: false, reasons: [] },
    outcome: 'error',
    status: 0,
    visibleHeaders: [],
    blockedBy: null,
    console: { chromium: null, firefox: null, webkit: null },
  };
}

const CACHE_NOTE = 'a CORS-preflight cache entry covered it, so no preflight was sent';

/** What the servers saw of the request: set when it is sent, so even a request still in flight at the end shows it. */
export function notePreflight(record: RequestRecord, trace: FetchTrace): void {
  const reasons = trace.preflightReasons.length > 0 && !trace.preflightSent ? [...trace.preflightReasons, CACHE_NOTE] : trace.preflightReasons;
  record.preflight = { sent: trace.preflightSent, reasons };
  record.cookies = trace.cookies ?? null;
}

/** The CORS line each engine prints (each writer is that engine's data: its strings and its order of checks). */
const CORS_LINE_WRITERS: Readonly<Record<EngineName, (failure: CorsFailure, context: ConsoleContext) => string | null>> = {
  chromium: chromiumCorsMessage,
  firefox: firefoxCorsMessage,
  webkit: webkitCorsMessage,
};

function consoleLine(engine: EngineName, request: ModelRequest, outcome: FetchOutcome & { ok: false }): string | null {
  const { error } = outcome;
  if (error.corsFailure === null) return engine === 'chromium' ? error.otherConsole : null;
  const context: ConsoleContext = {
    api: request.api, initialUrl: request.urlList[0]!.href, lastUrl: currentUrl(request).href, origin: request.origin,
    serializedOrigin: serializedOriginOf(request), method: request.method, headers: request.headers,
  };
  return CORS_LINE_WRITERS[engine](error.corsFailure, context);
}

export interface Finished {
  /** The request as it was made. */
  request: ModelRequest;
  /** The same request after the fetch ran (redirects change its URL list and method). */
  ran: ModelRequest;
  outcome: FetchOutcome;
  /** When it was made (virtual ms). */
  at: number;
  context: FetchContext;
  pageLabel: string;
  verdicts: Verdict[];
}

/** Fills a record once the response (or the network error) reaches JavaScript. */
export function finishRecord(record: RequestRecord, finished: Finished): void {
  const { outcome, ran, context } = finished;
  notePreflight(record, outcome.trace);
  record.explanation = finished.verdicts;
  if (outcome.ok) {
    const opaque = outcome.response.type === 'opaque' || outcome.response.type === 'opaqueredirect';
    record.outcome = opaque ? 'opaque' : 'ok';
    record.status = outcome.response.status;
    record.visibleHeaders = visibleHeaderNames(outcome.response.headers);
    record.fix = opaque ? smallestFix({ ...finished, context }) : null;
    return;
  }
  const { error } = outcome;
  // "blocked" as a real run can tell it (packages/scenario actual.ts): CORS or the request mode
  // refused it, or it reached a server and JavaScript still got a network error. "error" when
  // nothing reached a server (an invalid request, a host outside the sandbox).
  const refused = error.corsFailure !== null || error.blockedBy === 'same-origin-mode' || outcome.trace.reachedNetwork;
  record.outcome = refused ? 'blocked' : 'error';
  record.status = 0;
  record.visibleHeaders = [];
  record.blockedBy = error.blockedBy;
  record.console = consoleLinesFor(context.engine, consoleLine(context.engine, ran, outcome));
  record.fix = smallestFix({ ...finished, context });
}

/** A request refused before anything was sent (a TypeError from fetch, an aborted XHR). */
export function failRecord(record: RequestRecord, blockedBy: string, verdicts: Verdict[] = []): void {
  record.outcome = 'error';
  record.status = 0;
  record.visibleHeaders = [];
  record.blockedBy = blockedBy;
  record.console = { chromium: null, firefox: null, webkit: null };
  record.explanation = verdicts;
  record.fix = clientSideFix(blockedBy) satisfies Fix | null;
}
