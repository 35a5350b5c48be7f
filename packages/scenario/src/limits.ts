/** Bounds every scenario must respect. The server enforces the same numbers (apps/server/src/config.ts). */
export const LIMITS = {
  /** Bytes of the scenario document as JSON. */
  scenarioBytes: 256 * 1024,
  origins: 8,
  routesPerServer: 64,
  headersPerRoute: 64,
  headerNameLength: 256,
  headerValueLength: 8 * 1024,
  bodyBytes: 64 * 1024,
  clientBytes: 64 * 1024,
  delayMs: 10_000,
  /** Requests one run may send to its sandbox (preflights included); past it the sandbox answers 429 (request-cap.ts). */
  requestsPerRun: 500,
  labelLength: 20,
} as const;

/**
 * The methods Node's HTTP parser accepts (`http.METHODS`, Node 20). A sandbox server never sees any
 * other method: the parser answers 400 before a route runs. A server test checks this list against
 * the running Node, so it cannot drift silently.
 */
export const HTTP_METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK',
  'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH',
  'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
] as const;
export const HTTP_METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);
