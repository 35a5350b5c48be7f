import { corsCheck } from './cors-check';
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
  const failed = verdict('fail', 'networkError', 'HTTP-network fetch', `Nothing answers at ${url.origin}: it is not an origin of this sandbox, so the request fails with a network error.`, 'network-error');
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

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, run from HTTP fetch step 4.1 when the
 * cache does not cover the request. Returns a network error, or null when the request may go.
 */
function corsPreflight(context: FetchContext, request: ModelRequest, trace: FetchTrace): NetworkErrorInfo | null {
  const subject = preflightSubject(request);
  const decision = preflightNeeded(subject, context.cache, context.engine);
  trace.verdicts.push(decision.verdict);
  if (!decision.needed) return null;
  const url = currentUrl(request);
  const headers = [
    ...corsPreflightRequestHeaders(subject, context.engine),
    ['sec-fetch-mode', 'cors'] as [string, string],
    ['sec-fetch-site', secFetchSite(request, context.network.origins)] as [string, string],
    ['sec-fetch-dest', 'empty'] as [string, string],
  ];
  const response = sendRequest(context.network, { method: 'OPTIONS', url, headers, body: null }, true);
  if (response === null) return networkError(url, trace);
  trace.preflightSent = true;
  trace.reachedNetwork = true;
  const result = checkPreflightResponse(subject, response.status, response.headers, context.cache, context.engine);
  trace.verdicts.push(...result.verdicts);
  if (result.ok) return null;
  // Main fetch: if corsWithPreflightResponse is a network error, clear cache entries using request.
  context.cache.clear({ serializedOrigin: subject.serializedOrigin, url: subject.url });
  return { blockedBy: result.blockedBy, corsFailure: result.failure, otherConsole: null, verdict: result.verdicts.at(-1)! };
}

/**
 * https://fetch.spec.whatwg.org/#http-fetch: the preflight when asked for (step 4.1), the request
 * itself, then the CORS check when the response tainting is "cors" (step 4.4). Redirects are
 * the caller's (main fetch's) business.
 */
export function httpFetch(context: FetchContext, request: ModelRequest, trace: FetchTrace, makeCorsPreflight: boolean): HttpFetchResult {
  if (makeCorsPreflight) {
    const refused = corsPreflight(context, request, trace);
    if (refused) return { ok: false, error: refused };
  }
  const url = currentUrl(request);
  const response = sendRequest(context.network, { method: request.method, url, headers: headersOnTheWire(request, context.network.origins), body: request.body });
  if (response === null) return { ok: false, error: networkError(url, trace) };
  trace.reachedNetwork = true;
  if (request.responseTainting !== 'cors') return { ok: true, response };
  const check = corsCheck({ serializedOrigin: serializedOriginOf(request), credentialsMode: request.credentialsMode }, response.headers);
  const followed = isRedirectStatus(response.status) && locationUrl(response.headers, url) !== null;
  if (check.ok) {
    trace.verdicts.push(check.verdict);
    return { ok: true, response };
  }
  const blockedBy = followed ? 'redirect-cors' : check.blockedBy;
  const detail = followed ? `The redirect (${response.status}) fails the CORS check: ${check.verdict.detail}` : check.verdict.detail;
  const failedVerdict = { ...check.verdict, detail, blockedBy };
  trace.verdicts.push(failedVerdict);
  return { ok: false, error: { blockedBy, corsFailure: check.failure, otherConsole: null, verdict: failedVerdict } };
}
