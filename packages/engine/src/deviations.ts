import type { EngineName } from '@cors-playground/scenario';

/**
 * Where an engine departs from the Fetch standard (and XHR), as data: one table per engine, one row
 * per difference, each with its evidence. The model reads these rows (hasDeviation); it never
 * branches on an engine's name. Chromium's rows were each observed in Chromium 156 and name the
 * corpus case that proves them; Firefox's and WebKit's were read in the engines' sources and are
 * marked `verified: false` until a real browser confirms them.
 */
export const DEVIATION_IDS = [
  'client-hint-request-headers-safelisted',
  'authorization-covered-by-wildcard',
  'preflight-cache-one-result-per-url',
  'preflight-cache-keyed-by-credentials',
  'preflight-cache-head-not-exempt',
  'preflight-cache-stores-rejected-result',
  'cors-failure-clears-preflight-cache',
  'max-age-sign-accepted',
  'max-age-digits-only',
  'xhr-upload-listener-preflight-needs-body',
] as const;
export type DeviationId = (typeof DEVIATION_IDS)[number];

export interface Deviation {
  id: DeviationId;
  summary: string;
  /** The step of the standard it departs from. */
  spec: string;
  /**
   * What proves it: for Chromium the corpus case (corpus/<file>); for Firefox and WebKit the
   * source file read.
   */
  evidence: string;
  /** True when observed in a real browser; false when only read in the engine's source. */
  verified: boolean;
}

const FETCH = 'https://fetch.spec.whatwg.org/';
const GECKO = 'mozilla/gecko-dev netwerk/protocol/http/nsCORSListenerProxy.cpp';
const WEBKIT_CACHE = 'WebKit/WebKit Source/WebCore/loader/CrossOriginPreflightResultCache.cpp';

/** Chromium 156.0.8078.79 (Debian 12, headless, driven by playwright-core). */
export const CHROMIUM_DEVIATIONS: readonly Deviation[] = [
  {
    id: 'client-hint-request-headers-safelisted',
    summary: 'Intervention and the legacy client-hint request headers (DPR, Width, Viewport-Width, Device-Memory, RTT, Downlink, ECT, Save-Data) are CORS-safelisted when their value has the expected form, so setting them needs no preflight.',
    spec: `${FETCH}#cors-safelisted-request-header`,
    evidence: 'corpus/101-client-hint-dpr-no-preflight.json (and corpus/102-client-hint-bad-value-preflight.json); services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader',
    verified: true,
  },
  {
    id: 'authorization-covered-by-wildcard',
    summary: 'Access-Control-Allow-Headers: * also allows Authorization (the standard requires Authorization to be listed by name); Chromium only reports a deprecation issue in DevTools.',
    spec: `${FETCH}#cors-non-wildcard-request-header-name`,
    evidence: 'corpus/28-allow-headers-wildcard-authorization.json',
    verified: true,
  },
  {
    id: 'preflight-cache-one-result-per-url',
    summary: 'The CORS-preflight cache keeps one result per origin and URL (its methods, header names and credentials), replaced by each new preflight and dropped when a request needs more than it allows, rather than one entry per method and header name.',
    spec: `${FETCH}#cors-preflight-cache`,
    evidence: 'corpus/165-cache-entry-replaced-per-url.json; services/network/cors/preflight_cache.cc',
    verified: true,
  },
  {
    id: 'max-age-sign-accepted',
    summary: 'Access-Control-Max-Age is read as a signed integer: "+600" means 600 s (the standard takes only digits, so 5 s), and a negative value means the result is not cached (the standard: 5 s).',
    spec: `${FETCH}#http-access-control-max-age`,
    evidence: `corpus/157-cache-max-age-negative.json and corpus/297-max-age-plus-sign-accepted.json; services/network/cors/preflight_result.cc ParseAccessControlMaxAge`,
    verified: true,
  },
  {
    id: 'xhr-upload-listener-preflight-needs-body',
    summary: 'An upload listener forces a preflight only when the XMLHttpRequest has a body: a GET or HEAD with xhr.upload listeners is sent without one (the standard sets the use-CORS-preflight flag from the upload listener flag alone).',
    spec: 'https://xhr.spec.whatwg.org/#the-send()-method',
    evidence: `corpus/298-xhr-upload-listener-get-no-preflight.json (the POST case: corpus/114-xhr-upload-listener-preflight.json)`,
    verified: true,
  },
];

/** Read in mozilla/gecko-dev (central, 2025); not yet checked in a running Firefox. */
export const FIREFOX_DEVIATIONS: readonly Deviation[] = [
  {
    id: 'authorization-covered-by-wildcard',
    summary: 'Access-Control-Allow-Headers: * also allows Authorization while the pref network.cors_preflight.authorization_covered_by_wildcard is true (its default), with a warning in the console.',
    spec: `${FETCH}#cors-non-wildcard-request-header-name`,
    evidence: `${GECKO} (nsCORSPreflightListener::CheckPreflightRequestApproved)`,
    verified: false,
  },
  {
    id: 'max-age-digits-only',
    summary: 'An Access-Control-Max-Age with anything but digits is not cached at all (the standard falls back to 5 s); the cap is 24 hours.',
    spec: `${FETCH}#http-access-control-max-age`,
    evidence: `${GECKO} (nsCORSPreflightListener::AddResultToCache)`,
    verified: false,
  },
  {
    id: 'preflight-cache-keyed-by-credentials',
    summary: 'Cache entries made with credentials and without them are kept apart: a credentialed preflight does not serve a later request without credentials.',
    spec: `${FETCH}#concept-cache-match`,
    evidence: `${GECKO} (nsPreflightCache::GetEntry, key from GetPrefLightCacheKey with aWithCredentials)`,
    verified: false,
  },
  {
    id: 'preflight-cache-head-not-exempt',
    summary: 'A cached preflight covers HEAD only when HEAD was listed in Access-Control-Allow-Methods (only GET and POST are exempt from the method check).',
    spec: `${FETCH}#concept-cache-match-method`,
    evidence: `${GECKO} (nsPreflightCache::CacheEntry::CheckRequest)`,
    verified: false,
  },
  {
    id: 'cors-failure-clears-preflight-cache',
    summary: 'When the actual response (or a redirect) fails the CORS check, the preflight cache entries for its URL are removed, so the next request preflights again.',
    spec: `${FETCH}#concept-cache-clear`,
    evidence: `${GECKO} (nsCORSListenerProxy::OnStartRequest and AsyncOnChannelRedirect, RemoveEntries)`,
    verified: false,
  },
];

/** Read in WebKit/WebKit (main, 2025); not yet checked in a running Safari or WebKit. */
export const WEBKIT_DEVIATIONS: readonly Deviation[] = [
  {
    id: 'authorization-covered-by-wildcard',
    summary: 'Access-Control-Allow-Headers: * allows every header, Authorization included.',
    spec: `${FETCH}#cors-non-wildcard-request-header-name`,
    evidence: `${WEBKIT_CACHE} (CrossOriginPreflightResultCacheItem::validateCrossOriginHeaders)`,
    verified: false,
  },
  {
    id: 'preflight-cache-one-result-per-url',
    summary: 'The preflight cache keeps one result per origin and URL, replaced by each new preflight and removed when a request needs more than it allows.',
    spec: `${FETCH}#cors-preflight-cache`,
    evidence: `${WEBKIT_CACHE} (appendEntry, canSkipPreflight)`,
    verified: false,
  },
  {
    id: 'max-age-sign-accepted',
    summary: 'Access-Control-Max-Age is parsed as a signed integer: "+600" means 600 s, a negative value expires at once; the cap is 600 s.',
    spec: `${FETCH}#http-access-control-max-age`,
    evidence: `${WEBKIT_CACHE} (parseAccessControlMaxAge, "FIXME: This should probably reject strings that have a leading +")`,
    verified: false,
  },
  {
    id: 'preflight-cache-stores-rejected-result',
    summary: 'A preflight response that passes the status and CORS checks is cached even when it then refuses the method or a header, so a later request it does allow needs no preflight.',
    spec: `${FETCH}#cors-preflight-fetch-0`,
    evidence: 'WebKit/WebKit Source/WebCore/loader/CrossOriginAccessControl.cpp (validatePreflightResponse appends the entry before validateMethodAndHeaders fails)',
    verified: false,
  },
];

export const DEVIATIONS: Readonly<Record<EngineName, readonly Deviation[]>> = {
  chromium: CHROMIUM_DEVIATIONS,
  firefox: FIREFOX_DEVIATIONS,
  webkit: WEBKIT_DEVIATIONS,
};

const ROWS: ReadonlySet<string> = new Set(
  Object.entries(DEVIATIONS).flatMap(([engine, rows]) => rows.map((row) => `${engine} ${row.id}`)),
);

export function hasDeviation(engine: EngineName, id: DeviationId): boolean {
  return ROWS.has(`${engine} ${id}`);
}

export function deviationsOf(engine: EngineName): readonly Deviation[] {
  return DEVIATIONS[engine];
}

const decimal = (value: string) => /^\d+(\.\d+)?$/.test(value);
const integer = (value: string) => /^\d+$/.test(value);

/**
 * The value rule of each request header Chromium adds to the safelist
 * (deviation "client-hint-request-headers-safelisted"; cors.cc IsCorsSafelistedHeader).
 */
export const CHROMIUM_EXTRA_SAFELISTED_REQUEST_HEADERS: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['intervention', () => true],
  ['device-memory', decimal],
  ['dpr', decimal],
  ['downlink', decimal],
  ['width', integer],
  ['viewport-width', integer],
  ['rtt', integer],
  ['ect', (value: string) => ['slow-2g', '2g', '3g', '4g'].includes(value)],
  ['save-data', (value: string) => value.toLowerCase() === 'on'],
]);
