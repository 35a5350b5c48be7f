import { chromiumSameOriginModeMessage, chromiumUnsafeRedirectMessage } from './console-messages';
import { deleteHeader, type HeaderList } from './header-list';
import { httpFetch, type HttpFetchResult } from './http-fetch';
import { shouldBlockAsMixedContent } from './mixed-content';
import { currentUrl, type FetchContext, type FetchTrace, type ModelRequest, type NetworkErrorInfo } from './model-request';
import { CORS_NON_WILDCARD_REQUEST_HEADER_NAMES, preflightReasons } from './request-classification';
import { isRedirectStatus, locationUrl, REDIRECT_LIMIT, rewriteForRedirect } from './redirects';
import { filterResponseHeaders } from './response-filtering';
import type { NetworkResponse } from './sandbox-network';
import { verdict, type SpecTerm } from './spec';

/** What JavaScript gets: a filtered response (https://fetch.spec.whatwg.org/#concept-filtered-response). */
export interface ModelResponse {
  type: 'basic' | 'cors' | 'opaque' | 'opaqueredirect';
  status: number;
  statusText: string;
  /** The filtered header list: only what JavaScript may read. */
  headers: HeaderList;
  body: string;
  /** The response URL without its fragment; empty for an opaque response. */
  url: string;
  redirected: boolean;
  /** https://fetch.spec.whatwg.org/#concept-internal-response: what the network answered, for the page's own use (an <img> decodes it). */
  internal?: NetworkResponse;
}

export type FetchOutcome =
  | { ok: true; response: ModelResponse; trace: FetchTrace }
  | { ok: false; error: NetworkErrorInfo; trace: FetchTrace };

function refuse(trace: FetchTrace, blockedBy: string, term: SpecTerm, step: string, detail: string, otherConsole: string | null = null): NetworkErrorInfo {
  const failed = verdict('fail', term, step, detail, blockedBy);
  trace.verdicts.push(failed);
  return { blockedBy, corsFailure: null, otherConsole, verdict: failed };
}

/** What the classification looked at: the method, the mode and credentials, and each request header. */
function classificationValues(request: ModelRequest): Record<string, string | null> {
  const values: Record<string, string | null> = { method: request.method, mode: request.mode, 'credentials mode': request.credentialsMode };
  if (request.useCorsPreflight) values['use-CORS-preflight flag'] = 'set (upload listeners)';
  for (const [name, value] of request.headers) values[name] = value;
  return values;
}

/** https://fetch.spec.whatwg.org/#main-fetch, step 12: which kind of fetch the current URL gets. */
function mainFetchStep(context: FetchContext, request: ModelRequest, trace: FetchTrace): HttpFetchResult {
  const url = currentUrl(request);
  // 7. If should fetching request be blocked as mixed content returns blocked, a network error.
  const mixed = shouldBlockAsMixedContent(context.pageUrl, url, request.api);
  if (mixed) trace.verdicts.push(mixed.verdict);
  if (mixed?.blocked) return { ok: false, error: { blockedBy: 'mixed-content', corsFailure: null, otherConsole: mixed.console, verdict: mixed.verdict } };
  const step = 'Main fetch, step 12';
  if (url.origin === request.origin && request.responseTainting === 'basic') {
    trace.verdicts.push(verdict('info', 'mainFetch', step, `${url.origin} is the page's own origin: a same-origin request, CORS does not apply.`));
    return httpFetch(context, request, trace, false);
  }
  if (request.mode === 'same-origin') {
    const message = request.urlList.length === 1 ? chromiumSameOriginModeMessage(url.href, request.origin) : chromiumUnsafeRedirectMessage(url.href, context.pageUrl);
    return { ok: false, error: refuse(trace, 'same-origin-mode', 'mainFetch', step, `The request's mode is "same-origin", but ${url.origin} is another origin; nothing is sent.`, message) };
  }
  if (request.mode === 'no-cors') {
    request.responseTainting = 'opaque';
    trace.verdicts.push(verdict('info', 'mainFetch', step, 'Mode "no-cors": the request is sent without CORS and the response will be opaque.'));
    return httpFetch(context, request, trace, false);
  }
  request.responseTainting = 'cors';
  const reasons = preflightReasons(request.method, request.headers, context.engine, request.useCorsPreflight);
  const values = classificationValues(request);
  if (reasons.length > 0) {
    if (trace.preflightReasons.length === 0) trace.preflightReasons = reasons;
    trace.verdicts.push(verdict('info', 'corsUnsafeRequestHeaderNames', step, `A cross-origin request that needs a preflight: ${reasons.join('; ')}.`, undefined, values));
    return httpFetch(context, request, trace, true);
  }
  trace.verdicts.push(verdict('info', 'corsSafelistedMethod', step, `A cross-origin request with a CORS-safelisted method (${request.method}) and only CORS-safelisted headers: no preflight.`, undefined, values));
  return httpFetch(context, request, trace, false);
}

/** https://fetch.spec.whatwg.org/#http-redirect-fetch: null when the request may follow `location`. */
function httpRedirectFetch(request: ModelRequest, status: number, location: URL | 'failure', trace: FetchTrace): NetworkErrorInfo | null {
  const step = 'HTTP-redirect fetch';
  // 5. If locationURL is failure, then return a network error.
  if (location === 'failure') return refuse(trace, 'redirect-location-invalid', 'httpRedirectFetch', `${step}, step 5`, `The Location of the ${status} response is not a URL.`);
  // 6. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    request.urlList.push(location);
    const error = refuse(trace, 'redirect-scheme', 'httpRedirectFetch', `${step}, step 6`, `The ${status} response redirects to ${location.protocol} URL; only http and https can be fetched.`);
    return request.mode === 'cors' ? { ...error, corsFailure: { error: 'CorsDisabledScheme', hint: '', preflight: false } } : error;
  }
  // 7-8. If request's redirect count is 20, then return a network error; increase it by 1.
  if (request.redirectCount === REDIRECT_LIMIT) return refuse(trace, 'redirect-limit', 'httpRedirectFetch', `${step}, step 7`, `More than ${REDIRECT_LIMIT} redirects: a network error.`);
  request.redirectCount += 1;
  // 9-10. A cross-origin location that includes credentials is a network error.
  if ((location.username !== '' || location.password !== '') && (request.responseTainting === 'cors' || (request.mode === 'cors' && location.origin !== request.origin))) {
    const error = refuse(trace, 'redirect-credentials', 'httpRedirectFetch', `${step}, step 9`, 'The redirect location includes a user name or password.');
    return { ...error, corsFailure: { error: 'RedirectContainsCredentials', hint: '', preflight: false } };
  }
  // 12. 301/302 with POST, or 303 with anything but GET/HEAD, becomes a GET without a body.
  const rewritten = rewriteForRedirect(status, request.method, request.headers);
  const changed = rewritten.method !== request.method ? ` as ${rewritten.method} (was ${request.method})` : '';
  request.method = rewritten.method;
  request.headers = rewritten.headers;
  if (rewritten.dropBody) request.body = null;
  // 13. Leaving the current origin drops the CORS non-wildcard request-header names (Authorization).
  if (currentUrl(request).origin !== location.origin) {
    for (const name of CORS_NON_WILDCARD_REQUEST_HEADER_NAMES) request.headers = deleteHeader(request.headers, name);
  }
  request.urlList.push(location);
  trace.verdicts.push(verdict('info', 'httpRedirectFetch', step, `Following the ${status} redirect to ${location.href}${changed}.`));
  return null;
}

function filtered(request: ModelRequest, response: NetworkResponse, trace: FetchTrace): ModelResponse {
  const { headers, verdict: filterVerdict } = filterResponseHeaders(request.responseTainting, response.headers, request.credentialsMode);
  trace.verdicts.push(filterVerdict);
  if (request.responseTainting === 'opaque') return { type: 'opaque', status: 0, statusText: '', headers: [], body: '', url: '', redirected: false, internal: response };
  const url = new URL(currentUrl(request).href);
  url.hash = '';
  return {
    type: request.responseTainting, status: response.status, statusText: response.statusText, headers, body: response.body, url: url.href, redirected: request.urlList.length > 1, internal: response,
  };
}

/**
 * https://fetch.spec.whatwg.org/#main-fetch, run over the modelled network: main fetch, HTTP
 * fetch and HTTP-redirect fetch until a response that is not followed, then the filtered response.
 */
export function runFetch(context: FetchContext, request: ModelRequest, at = 0): FetchOutcome {
  const trace: FetchTrace = { verdicts: [], preflightSent: false, preflightReasons: [], reachedNetwork: false, time: at };
  for (;;) {
    const result = mainFetchStep(context, request, trace);
    if (!result.ok) return { ok: false, error: result.error, trace };
    const { response } = result;
    const location = isRedirectStatus(response.status) ? locationUrl(response.headers, currentUrl(request)) : null;
    if (location === null) return { ok: true, response: filtered(request, response, trace), trace };
    if (request.redirectMode === 'error') {
      return { ok: false, error: refuse(trace, 'redirect-mode-error', 'httpFetch', 'HTTP fetch, step 9', `The response is a ${response.status} redirect and the request's redirect mode is "error".`), trace };
    }
    if (request.redirectMode === 'manual') {
      trace.verdicts.push(verdict('info', 'opaqueRedirectFilteredResponse', 'HTTP fetch, step 9', 'Redirect mode "manual": the redirect is not followed; JavaScript gets an opaque-redirect response.'));
      return { ok: true, response: { type: 'opaqueredirect', status: 0, statusText: '', headers: [], body: '', url: currentUrl(request).href, redirected: false }, trace };
    }
    const refused = httpRedirectFetch(request, response.status, location, trace);
    if (refused) return { ok: false, error: refused, trace };
  }
}
