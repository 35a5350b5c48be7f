import type { EngineName, LiveOrigin, RequestApi, RequestRecord } from '@cors-playground/scenario';
import { labelForUrl } from '@cors-playground/scenario';
import { chromiumCorsMessage, consoleLinesFor } from './console-messages';
import type { FetchOutcome } from './main-fetch';
import { currentUrl, type ModelRequest } from './model-request';
import { visibleHeaderNames } from './response-filtering';
import type { Verdict } from './spec';

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

/** Fills a record from what the model's fetch went through. */
export function finishRecord(record: RequestRecord, request: ModelRequest, outcome: FetchOutcome, engine: EngineName): void {
  const { trace } = outcome;
  const reasons = trace.preflightReasons.length > 0 && !trace.preflightSent ? [...trace.preflightReasons, CACHE_NOTE] : trace.preflightReasons;
  record.preflight = { sent: trace.preflightSent, reasons };
  if (outcome.ok) {
    const opaque = outcome.response.type === 'opaque' || outcome.response.type === 'opaqueredirect';
    record.outcome = opaque ? 'opaque' : 'ok';
    record.status = outcome.response.status;
    record.visibleHeaders = visibleHeaderNames(outcome.response.headers);
    return;
  }
  const { error } = outcome;
  // "blocked" as a real run can tell it (packages/scenario actual.ts): CORS or the request mode
  // refused it, or it reached a server and JavaScript still got a network error. "error" when
  // nothing reached a server (an invalid request, a host outside the sandbox).
  const refused = error.corsFailure !== null || error.blockedBy === 'same-origin-mode' || trace.reachedNetwork;
  record.outcome = refused ? 'blocked' : 'error';
  record.blockedBy = error.blockedBy;
  const chromium = error.corsFailure
    ? chromiumCorsMessage(error.corsFailure, { api: request.api, initialUrl: request.urlList[0]!.href, lastUrl: currentUrl(request).href, origin: request.origin })
    : error.otherConsole;
  record.console = consoleLinesFor(engine, chromium);
}

/** A request refused before anything was sent (a TypeError from fetch, an aborted XHR). */
export function failRecord(record: RequestRecord, blockedBy: string): void {
  record.outcome = 'error';
  record.status = 0;
  record.visibleHeaders = [];
  record.blockedBy = blockedBy;
  record.console = { chromium: null, firefox: null, webkit: null };
}
