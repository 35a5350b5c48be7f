import type { CredentialsMode } from './cors-check';
import { extractHeaderListValues, sortedLowercaseSet, type HeaderList } from './header-list';
import { verdict, type Verdict } from './spec';

/** https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name */
export const CORS_SAFELISTED_RESPONSE_HEADER_NAMES = [
  'cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma',
] as const;
export const CORS_SAFELISTED_RESPONSE_HEADER_NAME_SET: ReadonlySet<string> = new Set(CORS_SAFELISTED_RESPONSE_HEADER_NAMES);

/** https://fetch.spec.whatwg.org/#forbidden-response-header-name */
export const FORBIDDEN_RESPONSE_HEADER_NAMES = ['set-cookie', 'set-cookie2'] as const;
export const FORBIDDEN_RESPONSE_HEADER_NAME_SET: ReadonlySet<string> = new Set(FORBIDDEN_RESPONSE_HEADER_NAMES);

export const RESPONSE_TAINTINGS = ['basic', 'cors', 'opaque'] as const;
export type ResponseTainting = (typeof RESPONSE_TAINTINGS)[number];

/**
 * https://fetch.spec.whatwg.org/#main-fetch, step 14.1: the response's CORS-exposed header-name
 * list, from Access-Control-Expose-Headers (`*` means every name, only without credentials).
 */
export function corsExposedHeaderNames(headers: HeaderList, credentialsMode: CredentialsMode): string[] {
  const names = extractHeaderListValues(headers, 'Access-Control-Expose-Headers');
  if (names === null || names === 'failure') return [];
  if (credentialsMode !== 'include' && names.includes('*')) return sortedLowercaseSet(headers.map(([name]) => name));
  return sortedLowercaseSet(names);
}

/** https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name, given the exposed list. */
export function isCorsSafelistedResponseHeaderName(name: string, exposed: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return CORS_SAFELISTED_RESPONSE_HEADER_NAME_SET.has(lower) || (exposed.includes(lower) && !FORBIDDEN_RESPONSE_HEADER_NAME_SET.has(lower));
}

export interface FilteredHeaders {
  headers: HeaderList;
  verdict: Verdict;
}

/**
 * The header list JavaScript gets: a basic filtered response hides Set-Cookie, a CORS filtered
 * response shows only safelisted and exposed names, an opaque filtered response shows nothing.
 */
export function filterResponseHeaders(tainting: ResponseTainting, headers: HeaderList, credentialsMode: CredentialsMode): FilteredHeaders {
  if (tainting === 'opaque') {
    return { headers: [], verdict: verdict('info', 'opaqueFilteredResponse', 'Main fetch, step 14.2', 'The response is opaque: status 0, no headers, no body.') };
  }
  if (tainting === 'basic') {
    const kept = headers.filter(([name]) => !FORBIDDEN_RESPONSE_HEADER_NAME_SET.has(name.toLowerCase()));
    return { headers: kept, verdict: verdict('info', 'basicFilteredResponse', 'Main fetch, step 14.2', 'A same-origin (basic) response: every header is readable except Set-Cookie and Set-Cookie2.') };
  }
  const exposed = corsExposedHeaderNames(headers, credentialsMode);
  const kept = headers.filter(([name]) => isCorsSafelistedResponseHeaderName(name, exposed));
  const hidden = sortedLowercaseSet(headers.filter(([name]) => !isCorsSafelistedResponseHeaderName(name, exposed)).map(([name]) => name));
  const detail = hidden.length === 0
    ? 'A CORS response: every header is readable.'
    : `A CORS response: only CORS-safelisted and exposed headers are readable; hidden: ${hidden.join(', ')}; list them in Access-Control-Expose-Headers to expose them.`;
  return { headers: kept, verdict: verdict('info', 'corsFilteredResponse', 'Main fetch, step 14.2', detail) };
}

/** The lower-case names JavaScript can read, sorted (RequestRecord.visibleHeaders). */
export function visibleHeaderNames(headers: HeaderList): string[] {
  return sortedLowercaseSet(headers.map(([name]) => name));
}
