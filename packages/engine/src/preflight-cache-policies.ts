import type { EngineName } from '@cors-playground/scenario';
import { hasDeviation } from './deviations';

/**
 * How each engine runs its CORS-preflight cache: the limit it imposes on max-age (the standard
 * leaves it to the user agent) and the rows of deviations.ts that change how entries are parsed,
 * keyed, matched and dropped.
 */

/** https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, step 7.8: without a usable Access-Control-Max-Age, 5 s. */
export const DEFAULT_MAX_AGE_SECONDS = 5;

export interface MaxAgeLimit {
  seconds: number;
  source: string;
  /** True when seen in a real browser; the limits were read in source (waiting them out is impractical). */
  verified: boolean;
}

/** The "imposed limit on max-age" of each engine. */
export const MAX_AGE_LIMITS: Readonly<Record<EngineName, MaxAgeLimit>> = {
  chromium: { seconds: 7200, source: 'chromium/src services/network/cors/preflight_result.cc (kMaxTimeout = base::Hours(2))', verified: false },
  firefox: { seconds: 86400, source: 'mozilla/gecko-dev netwerk/protocol/http/nsCORSListenerProxy.cpp (AddResultToCache: "Cap at 24 hours")', verified: false },
  webkit: { seconds: 600, source: 'WebKit/WebKit Source/WebCore/loader/CrossOriginPreflightResultCache.cpp (maxPreflightCacheTimeout = 600_s)', verified: false },
};

export interface PreflightCachePolicy {
  /** Seconds an Access-Control-Max-Age value (null: absent) keeps a result; 0 or less: not cached. */
  maxAge(value: string | null): number;
  oneResultPerUrl: boolean;
  keyedByCredentials: boolean;
  wildcardCoversAuthorization: boolean;
  /** Methods a cached result need not list (the CORS-safelisted methods, per the standard). */
  methodsNeverPreflighted: readonly string[];
  /** Cache a preflight that failed only on its methods or header names. */
  storesRejectedResult: boolean;
  /** Drop a URL's entries when the actual response fails the CORS check. */
  clearsOnCorsFailure: boolean;
}

/** A signed decimal integer, as Chromium's base::StringToInt64 and WebKit's parseInteger<int64_t> read it. */
const SIGNED_INTEGER = /^[+-]?\d+$/;

function maxAgeParser(engine: EngineName): (value: string | null) => number {
  const limit = MAX_AGE_LIMITS[engine].seconds;
  const capped = (seconds: number) => Math.min(seconds, limit);
  if (hasDeviation(engine, 'max-age-sign-accepted')) {
    // Unparsable: 5 s; negative: not cached; otherwise capped.
    return (value) => (value === null || !SIGNED_INTEGER.test(value) ? DEFAULT_MAX_AGE_SECONDS : Math.max(0, capped(Number(value))));
  }
  if (hasDeviation(engine, 'max-age-digits-only')) {
    // Absent or empty: 5 s; anything but digits: not cached.
    return (value) => (value === null || value === '' ? DEFAULT_MAX_AGE_SECONDS : /^\d+$/.test(value) ? capped(Number(value)) : 0);
  }
  // The standard: delta-seconds, or 5 s when absent or not one.
  return (value) => (value !== null && /^\d+$/.test(value) ? capped(Number(value)) : DEFAULT_MAX_AGE_SECONDS);
}

function policyOf(engine: EngineName): PreflightCachePolicy {
  return {
    maxAge: maxAgeParser(engine),
    oneResultPerUrl: hasDeviation(engine, 'preflight-cache-one-result-per-url'),
    keyedByCredentials: hasDeviation(engine, 'preflight-cache-keyed-by-credentials'),
    wildcardCoversAuthorization: hasDeviation(engine, 'authorization-covered-by-wildcard'),
    methodsNeverPreflighted: hasDeviation(engine, 'preflight-cache-head-not-exempt') ? ['GET', 'POST'] : ['GET', 'HEAD', 'POST'],
    storesRejectedResult: hasDeviation(engine, 'preflight-cache-stores-rejected-result'),
    clearsOnCorsFailure: hasDeviation(engine, 'cors-failure-clears-preflight-cache'),
  };
}

const POLICIES: Readonly<Record<EngineName, PreflightCachePolicy>> = {
  chromium: policyOf('chromium'),
  firefox: policyOf('firefox'),
  webkit: policyOf('webkit'),
};

export function cachePolicyOf(engine: EngineName): PreflightCachePolicy {
  return POLICIES[engine];
}
