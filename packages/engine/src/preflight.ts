import type { EngineName } from '@cors-playground/scenario';
import type { CorsFailure } from './console-messages';
import { corsCheck, type CorsCheckRequest } from './cors-check';
import { hasDeviation } from './deviations';
import { extractHeaderListValues, getHeader, type HeaderList } from './header-list';
import { preflightMaxAge, type CacheKey, type PreflightCache } from './preflight-cache';
import { cachePolicyOf } from './preflight-cache-policies';
import { isRedirectStatus } from './redirects';
import { CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET, corsUnsafeRequestHeaderNames, isCorsSafelistedMethod } from './request-classification';
import { serverErrorNote } from './server-errors';
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

function cacheKey(subject: PreflightSubject): CacheKey {
  return { serializedOrigin: subject.serializedOrigin, url: subject.url, credentialsMode: subject.credentialsMode };
}

/**
 * https://fetch.spec.whatwg.org/#http-fetch, step 4.1: whether the CORS-preflight cache covers the
 * method and every CORS-unsafe request-header name at virtual time `at`, or a preflight is sent.
 */
export function preflightNeeded(subject: PreflightSubject, cache: PreflightCache, engine: EngineName, at = 0): { needed: boolean; verdict: Verdict } {
  const unsafe = corsUnsafeRequestHeaderNames(subject.headers, engine);
  const { missing } = cache.lookup(cacheKey(subject), subject.method, unsafe, subject.useCorsPreflight, at);
  const values = { method: subject.method, 'CORS-unsafe header names': unsafe.length > 0 ? unsafe.join(',') : null, time: `${at} ms` };
  if (missing.length > 0) {
    return { needed: true, verdict: verdict('info', 'httpFetch', 'HTTP fetch, step 4.1', `No CORS-preflight cache entry covers ${missing.join(', ')}, so a preflight (OPTIONS) is sent first.`, undefined, values) };
  }
  return { needed: false, verdict: verdict('info', 'corsPreflightCache', 'HTTP fetch, step 4.1', 'A CORS-preflight cache entry from an earlier preflight covers this request (it has not expired), so no preflight is sent.', undefined, values) };
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

const PREFLIGHT_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age'];

function valuesOf(headers: HeaderList, names: readonly string[], status: number): Record<string, string | null> {
  return { status: String(status), ...Object.fromEntries(names.map((name) => [name, getHeader(headers, name)])) };
}

function refuse(verdicts: Verdict[], failure: CorsFailure, blockedBy: string, step: string, detail: string, values: Record<string, string | null>): PreflightResult {
  return { ok: false, failure, blockedBy, verdicts: [...verdicts, verdict('fail', 'corsPreflightFetch', step, detail, blockedBy, values)] };
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 6 to 7: judge the preflight
 * response received at virtual time `at` and, when it allows the request, fill the cache. Checked
 * in Chromium's order (services/network/cors/preflight_controller.cc): a redirect, the CORS check,
 * the status, then the methods and the header names.
 */
export function checkPreflightResponse(subject: PreflightSubject, status: number, headers: HeaderList, cache: PreflightCache, engine: EngineName, at = 0): PreflightResult {
  const values = valuesOf(headers, PREFLIGHT_HEADERS, status);
  if (isRedirectStatus(status)) {
    return refuse([], { error: 'PreflightDisallowedRedirect', hint: '', preflight: true, status }, 'preflight-redirect', 'CORS-preflight fetch, step 7',
      `The preflight was answered with a redirect (${status}); a preflight is never redirected.`, { ...values, Location: getHeader(headers, 'Location') });
  }
  // 7. If a CORS check for request and response returns success and response's status is an ok status:
  const check = corsCheck(subject, headers, true, status);
  if (!check.ok) return { ok: false, failure: check.failure, blockedBy: check.blockedBy, verdicts: [check.verdict] };
  const verdicts = [check.verdict];
  if (!isOkStatus(status)) {
    return refuse(verdicts, { error: 'PreflightInvalidStatus', hint: '', preflight: true, status }, 'preflight-status', 'CORS-preflight fetch, step 7',
      [`The preflight was answered with status ${status}; it needs an ok status (200 to 299).`, serverErrorNote(status, 'OPTIONS', true)].join(' ').trim(), values);
  }
  // 7.1-7.3 Let methods and headerNames be the extracted values; failure is a network error.
  let methods = extractHeaderListValues(headers, 'Access-Control-Allow-Methods');
  const headerNames = extractHeaderListValues(headers, 'Access-Control-Allow-Headers');
  if (methods === 'failure') {
    return refuse(verdicts, { error: 'InvalidAllowMethodsPreflightResponse', hint: getHeader(headers, 'Access-Control-Allow-Methods') ?? '', preflight: true, status }, 'acam-invalid', 'CORS-preflight fetch, step 7.3',
      'Access-Control-Allow-Methods must be a comma-separated list of methods.', values);
  }
  if (headerNames === 'failure') {
    return refuse(verdicts, { error: 'InvalidAllowHeadersPreflightResponse', hint: getHeader(headers, 'Access-Control-Allow-Headers') ?? '', preflight: true, status }, 'acah-invalid', 'CORS-preflight fetch, step 7.3',
      'Access-Control-Allow-Headers must be a comma-separated list of header names.', values);
  }
  // 7.4 If methods is null and the use-CORS-preflight flag is set, methods is « request's method ».
  if (methods === null && subject.useCorsPreflight) methods = [subject.method];
  const maxAge = preflightMaxAge(headers, engine);
  const store = () => cache.store(cacheKey(subject), at, maxAge, methods ?? [], headerNames ?? []);
  const methodProblem = checkMethod(subject, methods ?? []);
  const missingHeader = methodProblem ? null : firstHeaderNotAllowed(subject, (headerNames ?? []).map((name) => name.toLowerCase()), engine);
  if (methodProblem || missingHeader) {
    if (cachePolicyOf(engine).storesRejectedResult) store();
    if (methodProblem) {
      return refuse(verdicts, { error: 'MethodDisallowedByPreflightResponse', hint: subject.method, preflight: true, status }, 'acam-missing-method', 'CORS-preflight fetch, step 7.5', methodProblem, values);
    }
    return refuse(verdicts, { error: 'HeaderDisallowedByPreflightResponse', hint: missingHeader!.name, preflight: true, status }, 'acah-missing-header', missingHeader!.step, missingHeader!.detail, values);
  }
  // 7.8-7.13 Let max-age be `Access-Control-Max-Age` (5 when absent), and create cache entries.
  store();
  verdicts.push(verdict('pass', 'corsPreflightFetch', 'CORS-preflight fetch, step 7', `The preflight allows ${subject.method}${describeMaxAge(headers, maxAge)}.`, undefined, values));
  return { ok: true, verdicts };
}

function describeMaxAge(headers: HeaderList, maxAge: number): string {
  const value = getHeader(headers, 'Access-Control-Max-Age');
  if (maxAge <= 0) return ` (Access-Control-Max-Age: ${value}, so the result is not cached)`;
  const source = value === null ? 'no Access-Control-Max-Age, so the default' : `Access-Control-Max-Age: ${value}, read as`;
  return ` and is cached for ${maxAge} s (${source} ${maxAge} s)`;
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
