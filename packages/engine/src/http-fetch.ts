import { cookieHeaderFor, storeResponseCookies } from './cookies/http-cookies';
import { corsCheck } from './cors-check';
import { crossOriginResourcePolicyCheck } from './cross-origin-resource-policy';
import { cachePolicyOf } from './preflight-cache-policies';
import { locationUrl, isRedirectStatus } from './redirects';
import {
  currentUrl, headersOnTheWire, secFetchSite, serializedOriginOf,
  type FetchContext, type FetchTrace, type ModelRequest, type NetworkErrorInfo,
} from './model-request';
import { checkPreflightResponse, corsPreflightRequestHeaders, preflightNeeded, type PreflightSubject } from './preflight';
import { sendRequest, type NetworkResponse } from './sandbox-network';
import { verdict } from './spec';

export type HttpFetchResult = { ok: true; response: NetworkResponse } | { ok: false; error: NetworkErrorInfo };

function networkError(url: URL, trace: FetchTrace): NetworkErrorInfo {
  const failed = verdict('fail', 'networkError', 'HTTP-network fetch', `Nothing answers at ${url.origin}: it is not an origin of this sandbox, so the request fails with a network error.`, 'network-error', { url: url.href });
  trace.verdicts.push(failed);
  return { blockedBy: 'network-error', corsFailure: null, otherConsole: null, verdict: failed };
}

function preflightSubject(request: ModelRequest): PreflightSubject {
  return {
    method: request.method,
    headers: request.headers,
    url: currentUrl(request).href,
    serializedOrigin: serializedOriginOf(request),
    credentialsMode: request.credentialsMode,
    useCorsPreflight: request.useCorsPreflight,
  };
}

/** Sends over the modelled network at the trace's time; the answer arrives `delayMs` later. */
function send(context: FetchContext, trace: FetchTrace, request: Parameters<typeof sendRequest>[1], preflight: boolean): NetworkResponse | null {
  const response = sendRequest(context.network, request, preflight, trace.time);
  if (response === null) return null;
  trace.reachedNetwork = true;
  trace.time += response.delayMs;
  if (response.rejectedByParser) {
    trace.verdicts.push(verdict('info', 'httpFetch', 'HTTP-network fetch',
      `Node's HTTP parser, which the sandbox server runs on, does not know the method ${request.method} (methods are case-sensitive): the server answers 400 Bad Request before any route runs, with no CORS headers.`,
      undefined, { method: request.method, status: '400' }));
  }
  return response;
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, run from HTTP fetch step 4.1 when the
 * cache does not cover the request. Returns a network error, or null when the request may go.
 */
function corsPreflight(context: FetchContext, request: ModelRequest, trace: FetchTrace): NetworkErrorInfo | null {
  const subject = preflightSubject(request);
  const decision = preflightNeeded(subject, context.cache, context.engine, trace.time);
  trace.verdicts.push(decision.verdict);
  if (!decision.needed) return null;
  const url = currentUrl(request);
  const headers = [
    ...corsPreflightRequestHeaders(subject, context.engine),
    ['sec-fetch-mode', 'cors'] as [string, string],
    ['sec-fetch-site', secFetchSite(request, context.network.origins)] as [string, string],
    ['sec-fetch-dest', 'empty'] as [string, string],
  ];
  const response = send(context, trace, { method: 'OPTIONS', url, headers, body: null }, true);
  if (response === null) return networkError(url, trace);
  trace.preflightSent = true;
  const result = checkPreflightResponse(subject, response.status, response.headers, context.cache, context.engine, trace.time);
  trace.verdicts.push(...result.verdicts);
  if (result.ok) return null;
  // HTTP fetch, step 4.1: a failed preflight clears the cache entries for the request.
  if (!cachePolicyOf(context.engine).storesRejectedResult) context.cache.clear({ serializedOrigin: subject.serializedOrigin, url: subject.url }, trace.time);
  return { blockedBy: result.blockedBy, corsFailure: result.failure, otherConsole: null, verdict: result.verdicts.at(-1)! };
}

/**
 * https://fetch.spec.whatwg.org/#http-fetch: the preflight when asked for (step 4.1), the request
 * itself, then the CORS check when the response tainting is "cors" (step 4.4). Redirects are
 * the caller's (main fetch's) business. Time passes by each route's delay.
 */
export function httpFetch(context: FetchContext, request: ModelRequest, trace: FetchTrace, makeCorsPreflight: boolean): HttpFetchResult {
  if (makeCorsPreflight) {
    const refused = corsPreflight(context, request, trace);
    if (refused) return { ok: false, error: refused };
  }
  const url = currentUrl(request);
  const cookies = cookieHeaderFor(context.cookies, request, url, trace);
  const headers = headersOnTheWire(request, context.network.origins);
  if (cookies.header !== null) headers.push(['cookie', cookies.header]);
  const response = send(context, trace, { method: request.method, url, headers, body: request.body }, false);
  if (response === null) return { ok: false, error: networkError(url, trace) };
  if (!response.rejectedByParser) trace.cookies ??= cookies.names;
  storeResponseCookies(context.cookies, context.network.exchanges, request, url, response, trace);
  const refusedByPolicy = crossOriginResourcePolicyCheck({ mode: request.mode, origin: request.origin, url, headers: response.headers }, context.network.origins, trace);
  if (refusedByPolicy) return { ok: false, error: refusedByPolicy };
  if (request.responseTainting !== 'cors') return { ok: true, response };
  const serializedOrigin = serializedOriginOf(request);
  const check = corsCheck({ serializedOrigin, credentialsMode: request.credentialsMode, method: request.method }, response.headers, false, response.status);
  const location = isRedirectStatus(response.status) ? locationUrl(response.headers, url) : null;
  const followed = location !== null;
  if (check.ok) {
    trace.verdicts.push(check.verdict);
    return { ok: true, response };
  }
  if (cachePolicyOf(context.engine).clearsOnCorsFailure) context.cache.clear({ serializedOrigin, url: url.href }, trace.time);
  const blockedBy = followed ? 'redirect-cors' : check.blockedBy;
  const detail = followed ? `The redirect (${response.status}) fails the CORS check: ${check.verdict.detail}` : check.verdict.detail;
  const failedVerdict = { ...check.verdict, detail, blockedBy };
  trace.verdicts.push(failedVerdict);
  const corsFailure = location instanceof URL ? { ...check.failure, redirectTo: location.href } : check.failure;
  return { ok: false, error: { blockedBy, corsFailure, otherConsole: null, verdict: failedVerdict } };
}
