import type { EngineName } from '@cors-playground/scenario';
import type { CorsFailure } from './console-messages';
import { corsCheck, type CorsCheckRequest } from './cors-check';
import { hasDeviation } from './deviations';
import { extractHeaderListValues, type HeaderList } from './header-list';
import { preflightMaxAge, type CacheKey, type PreflightCache } from './preflight-cache';
import { isRedirectStatus } from './redirects';
import { CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET, corsUnsafeRequestHeaderNames, isCorsSafelistedMethod } from './request-classification';
import { verdict, type Verdict } from './spec';

/** https://fetch.spec.whatwg.org/#ok-status */
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

export interface PreflightSubject extends CorsCheckRequest {
  method: string;
  headers: HeaderList;
  url: string;
  useCorsPreflight: boolean;
}

/**
 * https://fetch.spec.whatwg.org/#http-fetch, step 4.1: whether the CORS-preflight cache already
 * covers the method and every CORS-unsafe request-header name, or a preflight must be sent.
 */
export function preflightNeeded(subject: PreflightSubject, cache: PreflightCache, engine: EngineName): { needed: boolean; verdict: Verdict } {
  const key: CacheKey = { serializedOrigin: subject.serializedOrigin, url: subject.url, credentialsMode: subject.credentialsMode };
  const methodMissing = !cache.hasMethodMatch(key, subject.method) && (!isCorsSafelistedMethod(subject.method) || subject.useCorsPreflight);
  const headersMissing = corsUnsafeRequestHeaderNames(subject.headers, engine).filter((name) => !cache.hasHeaderNameMatch(key, name));
  if (methodMissing || headersMissing.length > 0) {
    const missing = [...(methodMissing ? [`method ${subject.method}`] : []), ...headersMissing.map((name) => `header ${name}`)];
    return { needed: true, verdict: verdict('info', 'httpFetch', 'HTTP fetch, step 4.1', `No CORS-preflight cache entry covers ${missing.join(', ')}, so a preflight (OPTIONS) is sent first.`) };
  }
  return { needed: false, verdict: verdict('info', 'corsPreflightCache', 'HTTP fetch, step 4.1', 'A CORS-preflight cache entry from an earlier preflight covers this request, so no preflight is sent.') };
}

/** https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 1 to 5: the preflight's headers, in Chromium's order. */
export function corsPreflightRequestHeaders(subject: PreflightSubject, engine: EngineName): HeaderList {
  const headers: HeaderList = [
    ['accept', '*/*'],
    ['access-control-request-method', subject.method],
  ];
  const names = corsUnsafeRequestHeaderNames(subject.headers, engine);
  // 5. If headers is not empty, append `Access-Control-Request-Headers`: the names joined with "," (no space).
  if (names.length > 0) headers.push(['access-control-request-headers', names.join(',')]);
  headers.push(['origin', subject.serializedOrigin]);
  return headers;
}

export type PreflightResult =
  | { ok: true; verdicts: Verdict[] }
  | { ok: false; verdicts: Verdict[]; failure: CorsFailure; blockedBy: string };

function refuse(verdicts: Verdict[], failure: CorsFailure, blockedBy: string, step: string, detail: string): PreflightResult {
  return { ok: false, failure, blockedBy, verdicts: [...verdicts, verdict('fail', 'corsPreflightFetch', step, detail, blockedBy)] };
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 6 to 7: judge the preflight
 * response and, when it allows the request, fill the cache. Checked in Chromium's order
 * (services/network/cors/preflight_controller.cc): a redirect, the CORS check, the status, then
 * the methods and the header names.
 */
export function checkPreflightResponse(subject: PreflightSubject, status: number, headers: HeaderList, cache: PreflightCache, engine: EngineName): PreflightResult {
  if (isRedirectStatus(status)) {
    return refuse([], { error: 'PreflightDisallowedRedirect', hint: '', preflight: true }, 'preflight-redirect', 'CORS-preflight fetch, step 7',
      `The preflight was answered with a redirect (${status}); a preflight is never redirected.`);
  }
  // 7. If a CORS check for request and response returns success and response's status is an ok status:
  const check = corsCheck(subject, headers, true);
  if (!check.ok) return { ok: false, failure: check.failure, blockedBy: check.blockedBy, verdicts: [check.verdict] };
  const verdicts = [check.verdict];
  if (!isOkStatus(status)) {
    return refuse(verdicts, { error: 'PreflightInvalidStatus', hint: '', preflight: true }, 'preflight-status', 'CORS-preflight fetch, step 7',
      `The preflight was answered with status ${status}; it needs an ok status (200 to 299).`);
  }
  // 7.1-7.3 Let methods and headerNames be the extracted values; failure is a network error.
  let methods = extractHeaderListValues(headers, 'Access-Control-Allow-Methods');
  const headerNames = extractHeaderListValues(headers, 'Access-Control-Allow-Headers');
  if (methods === 'failure') {
    return refuse(verdicts, { error: 'InvalidAllowMethodsPreflightResponse', hint: '', preflight: true }, 'acam-invalid', 'CORS-preflight fetch, step 7.3',
      'Access-Control-Allow-Methods must be a comma-separated list of methods.');
  }
  if (headerNames === 'failure') {
    return refuse(verdicts, { error: 'InvalidAllowHeadersPreflightResponse', hint: '', preflight: true }, 'acah-invalid', 'CORS-preflight fetch, step 7.3',
      'Access-Control-Allow-Headers must be a comma-separated list of header names.');
  }
  // 7.4 If methods is null and the use-CORS-preflight flag is set, methods is « request's method ».
  if (methods === null && subject.useCorsPreflight) methods = [subject.method];
  const methodVerdict = checkMethod(subject, methods ?? []);
  if (methodVerdict) return refuse(verdicts, { error: 'MethodDisallowedByPreflightResponse', hint: subject.method, preflight: true }, 'acam-missing-method', 'CORS-preflight fetch, step 7.5', methodVerdict);
  const missingHeader = firstHeaderNotAllowed(subject, (headerNames ?? []).map((name) => name.toLowerCase()), engine);
  if (missingHeader) {
    return refuse(verdicts, { error: 'HeaderDisallowedByPreflightResponse', hint: missingHeader.name, preflight: true }, 'acah-missing-header', missingHeader.step, missingHeader.detail);
  }
  // 7.8-7.13 Let max-age be `Access-Control-Max-Age` (5 when absent), and create cache entries.
  const maxAge = preflightMaxAge(headers);
  cache.store({ serializedOrigin: subject.serializedOrigin, url: subject.url, credentialsMode: subject.credentialsMode }, maxAge, methods ?? [], headerNames ?? []);
  verdicts.push(verdict('pass', 'corsPreflightFetch', 'CORS-preflight fetch, step 7', `The preflight allows ${subject.method}${maxAge > 0 ? ` and may be reused for ${maxAge} s` : ' (Access-Control-Max-Age: 0, so it is not cached)'}.`));
  return { ok: true, verdicts };
}

/** Step 7.5, case-sensitive: why the method is not allowed, or null when it is. */
function checkMethod(subject: PreflightSubject, methods: readonly string[]): string | null {
  if (methods.includes(subject.method) || isCorsSafelistedMethod(subject.method)) return null;
  const include = subject.credentialsMode === 'include';
  if (!include && methods.includes('*')) return null;
  const listed = methods.length === 0 ? 'no Access-Control-Allow-Methods header' : `Access-Control-Allow-Methods: ${methods.join(', ')}`;
  if (methods.includes('*')) return `The preflight response has ${listed}, but * counts only for requests without credentials; ${subject.method} must be listed by name.`;
  const caseOnly = methods.some((method) => method.toUpperCase() === subject.method.toUpperCase());
  return `The preflight response has ${listed}, which does not list ${subject.method}${caseOnly ? ' (methods are compared case-sensitively)' : ''}.`;
}

/** Steps 7.6 and 7.7: the first request header name the response does not allow, in sorted order. */
function firstHeaderNotAllowed(subject: PreflightSubject, allowed: readonly string[], engine: EngineName): { name: string; step: string; detail: string } | null {
  const wildcard = subject.credentialsMode !== 'include' && allowed.includes('*');
  const unsafe = corsUnsafeRequestHeaderNames(subject.headers, engine);
  if (wildcard && !hasDeviation(engine, 'authorization-covered-by-wildcard')) {
    const name = unsafe.find((header) => CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET.has(header) && !allowed.includes(header));
    if (name) return { name, step: 'CORS-preflight fetch, step 7.6', detail: `Access-Control-Allow-Headers: * never covers ${name}; it must be listed by name.` };
  }
  if (wildcard) return null;
  const name = unsafe.find((header) => !allowed.includes(header));
  if (name === undefined) return null;
  const listed = allowed.length === 0 ? 'no Access-Control-Allow-Headers header' : `Access-Control-Allow-Headers: ${allowed.join(', ')}`;
  const starNote = allowed.includes('*') ? ' (* counts only for requests without credentials)' : '';
  return { name, step: 'CORS-preflight fetch, step 7.7', detail: `The preflight response has ${listed}${starNote}, which does not list ${name}.` };
}
