import type { EngineName } from '@cors-playground/scenario';
import { CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET } from './request-classification';
import { hasDeviation } from './deviations';
import { getHeader, type HeaderList } from './header-list';

/** Chromium's bounds (services/network/cors/preflight_result.cc): 5 s by default, 2 h at most. */
export const DEFAULT_MAX_AGE_SECONDS = 5;
export const MAX_AGE_LIMIT_SECONDS = 7200;

/** https://fetch.spec.whatwg.org/#cache-entry (the network partition key is not modelled: one page). */
interface CacheEntry {
  serializedOrigin: string;
  url: string;
  credentials: boolean;
  method: string | null;
  headerName: string | null;
}

export interface CacheKey {
  serializedOrigin: string;
  url: string;
  credentialsMode: 'omit' | 'same-origin' | 'include';
}

/** The max-age a preflight response asks for, as Chromium parses Access-Control-Max-Age. */
export function preflightMaxAge(headers: HeaderList): number {
  const value = getHeader(headers, 'Access-Control-Max-Age');
  if (value === null || !/^[+-]?\d+$/.test(value)) return DEFAULT_MAX_AGE_SECONDS;
  return Math.min(Math.max(Number(value), 0), MAX_AGE_LIMIT_SECONDS);
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-cache
 * Not modelled: expiry in time. The model has no clock, so an entry with a max-age above 0 lives
 * for the whole run (the default max-age is 5 s); an entry with max-age 0 is never stored.
 */
export class PreflightCache {
  #entries: CacheEntry[] = [];

  constructor(readonly engine: EngineName) {}

  /** https://fetch.spec.whatwg.org/#concept-cache-match */
  #matches(entry: CacheEntry, key: CacheKey): boolean {
    return entry.serializedOrigin === key.serializedOrigin && entry.url === key.url && (entry.credentials || key.credentialsMode !== 'include');
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-match-method */
  hasMethodMatch(key: CacheKey, method: string): boolean {
    return this.#entries.some((entry) => this.#matches(entry, key) && (entry.method === method || (entry.method === '*' && !entry.credentials)));
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-match-header */
  hasHeaderNameMatch(key: CacheKey, headerName: string): boolean {
    const lower = headerName.toLowerCase();
    const wildcardCovers = !CORS_NON_WILDCARD_REQUEST_HEADER_NAME_SET.has(lower) || hasDeviation(this.engine, 'authorization-covered-by-wildcard');
    return this.#entries.some(
      (entry) => this.#matches(entry, key) && (entry.headerName === lower || (entry.headerName === '*' && !entry.credentials && wildcardCovers)),
    );
  }

  /** https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 7.10 to 7.13 (create new cache entries). */
  store(key: CacheKey, maxAge: number, methods: readonly string[], headerNames: readonly string[]): void {
    if (maxAge <= 0) return;
    if (hasDeviation(this.engine, 'preflight-cache-one-entry-per-url')) this.clear(key);
    const base = { serializedOrigin: key.serializedOrigin, url: key.url, credentials: key.credentialsMode === 'include' };
    for (const method of methods) if (!this.hasMethodMatch(key, method)) this.#entries.push({ ...base, method, headerName: null });
    for (const name of headerNames) {
      const lower = name.toLowerCase();
      if (!this.#entries.some((entry) => this.#matches(entry, key) && entry.headerName === lower)) this.#entries.push({ ...base, method: null, headerName: lower });
    }
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear */
  clear(key: Pick<CacheKey, 'serializedOrigin' | 'url'>): void {
    this.#entries = this.#entries.filter((entry) => entry.serializedOrigin !== key.serializedOrigin || entry.url !== key.url);
  }

  get size(): number {
    return this.#entries.length;
  }
}
