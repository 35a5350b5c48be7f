import type { EngineName } from '@cors-playground/scenario';
import { CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET } from './request-classification';
import { cachePolicyOf, type PreflightCachePolicy } from './preflight-cache-policies';
import { getHeader, type HeaderList } from './header-list';

export { DEFAULT_MAX_AGE_SECONDS } from './preflight-cache-policies';

export interface CacheKey {
  serializedOrigin: string;
  url: string;
  credentialsMode: 'omit' | 'same-origin' | 'include';
}

/**
 * One preflight's result as the cache keeps it: what it allows, from when (virtual ms) until when.
 * The standard's entries (one per method and header name, https://fetch.spec.whatwg.org/#cache-entry)
 * are the union of these results' tokens; an engine that keeps one result per URL uses the latest.
 */
interface CachedResult {
  serializedOrigin: string;
  url: string;
  credentials: boolean;
  methods: readonly string[];
  /** Lower case. */
  headerNames: readonly string[];
  from: number;
  /** Expiry: the result no longer counts at this instant. */
  until: number;
}

/** The max-age (seconds) a preflight response asks for, as `engine` parses Access-Control-Max-Age. */
export function preflightMaxAge(headers: HeaderList, engine: EngineName = 'chromium'): number {
  return cachePolicyOf(engine).maxAge(getHeader(headers, 'Access-Control-Max-Age'));
}

export interface CacheLookup {
  /** The method and header names no valid entry covers ("method PUT", "header x-token"). */
  missing: string[];
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-cache, over virtual time: an entry counts from the
 * instant its preflight response arrived until its max-age has passed (expired when now >= expiry,
 * so a request exactly max-age later sends a new preflight). The network partition key is not
 * modelled (one page). How each engine keys, stores and drops entries is data:
 * preflight-cache-policies.ts.
 */
export class PreflightCache {
  readonly #policy: PreflightCachePolicy;
  #results: CachedResult[] = [];

  constructor(readonly engine: EngineName) {
    this.#policy = cachePolicyOf(engine);
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-match, at virtual time `at`. */
  #matching(key: CacheKey, at: number): CachedResult[] {
    const include = key.credentialsMode === 'include';
    return this.#results.filter(
      (result) =>
        result.serializedOrigin === key.serializedOrigin && result.url === key.url && result.from <= at && at < result.until &&
        (this.#policy.keyedByCredentials ? result.credentials === include : result.credentials || !include),
    );
  }

  #covers(results: readonly CachedResult[], key: CacheKey, method: string, headerNames: readonly string[], useCorsPreflight: boolean): string[] {
    const missing: string[] = [];
    const exempt = !useCorsPreflight && this.#policy.methodsNeverPreflighted.includes(method);
    // https://fetch.spec.whatwg.org/#concept-cache-match-method: the method, or `*` without credentials.
    const methodCovered = (result: CachedResult) => result.methods.includes(method) || (result.methods.includes('*') && !result.credentials && key.credentialsMode !== 'include');
    if (!exempt && !results.some(methodCovered)) missing.push(`method ${method}`);
    // https://fetch.spec.whatwg.org/#concept-cache-match-header: the name, or `*` (never for Authorization, per the standard).
    for (const name of headerNames) {
      const wildcardCovers = !CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET.has(name) || this.#policy.wildcardCoversAuthorization;
      const covered = (result: CachedResult) =>
        result.headerNames.includes(name) || (result.headerNames.includes('*') && !result.credentials && key.credentialsMode !== 'include' && wildcardCovers);
      if (!results.some(covered)) missing.push(`header ${name}`);
    }
    return missing;
  }

  /**
   * HTTP fetch, step 4.1: which of the request's method and CORS-unsafe header names no entry
   * covers at `at`. An engine that keeps one result per URL drops that result when it does not
   * cover the request (Chromium's and WebKit's caches do).
   */
  lookup(key: CacheKey, method: string, headerNames: readonly string[], useCorsPreflight: boolean, at: number): CacheLookup {
    let results = this.#matching(key, at);
    if (this.#policy.oneResultPerUrl) results = results.slice(-1);
    const missing = this.#covers(results, key, method, headerNames, useCorsPreflight);
    if (missing.length > 0 && this.#policy.oneResultPerUrl && results.length > 0) this.clear(key, at);
    return { missing };
  }

  /** https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 7.8 to 7.13: cache what the preflight allowed. */
  store(key: CacheKey, at: number, maxAgeSeconds: number, methods: readonly string[], headerNames: readonly string[]): void {
    if (maxAgeSeconds <= 0) return;
    if (this.#policy.oneResultPerUrl) this.clear(key, at);
    this.#results.push({
      serializedOrigin: key.serializedOrigin, url: key.url, credentials: key.credentialsMode === 'include',
      methods: [...methods], headerNames: headerNames.map((name) => name.toLowerCase()), from: at, until: at + maxAgeSeconds * 1000,
    });
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear, from `at` on (entries made later stay). */
  clear(key: Pick<CacheKey, 'serializedOrigin' | 'url'>, at: number): void {
    for (const result of this.#results) {
      if (result.serializedOrigin === key.serializedOrigin && result.url === key.url && result.from <= at) result.until = Math.min(result.until, at);
    }
  }

  /** How many stored results are valid at `at`. */
  sizeAt(at: number): number {
    return this.#results.filter((result) => result.from <= at && at < result.until).length;
  }
}
