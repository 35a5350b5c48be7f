import type { Route } from './schema';

/**
 * The same-origin proxy (the fix the CORS articles give): a route with `proxy: { to, path }` hands
 * the request to another origin of the same sandbox, in process, and relays its answer. The page
 * then talks to its own origin only, so no CORS check ever happens in the browser. Nothing leaves
 * the sandbox: the target is always one of its labels, answered by the same code (answerRequest).
 */

/** Hop-by-hop headers (RFC 9110, section 7.6.1) belong to one connection: a proxy never forwards them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Proxies that proxy again stop after this many hops, with 508 Loop Detected. */
export const PROXY_HOP_LIMIT = 5;

export interface ForwardTarget {
  /** The request target on the proxied origin: path and query. */
  path: string;
  /** The header lines the proxied origin receives, names in lower case. */
  headerLines: Array<[string, string]>;
}

/**
 * Where the request goes on the target origin: `proxy.path` when given (a prefix ending in /* on
 * both the route and the proxy swaps the prefix, as a dev-server proxy rewrites `/api/*`), else
 * the path as received; the query string always follows.
 */
export function forwardedPath(route: Route, requestPath: string): string {
  const queryAt = requestPath.search(/[?#]/);
  const pathname = queryAt === -1 ? requestPath : requestPath.slice(0, queryAt);
  const query = queryAt === -1 ? '' : requestPath.slice(queryAt);
  const to = route.proxy?.path;
  if (to === undefined) return requestPath;
  if (to.endsWith('/*') && route.path.endsWith('/*')) {
    // The route prefix matched, so what follows it is '' or starts with '/'.
    return (to.slice(0, -2) + pathname.slice(route.path.length - 2) || '/') + query;
  }
  return to.includes('?') ? to : to + query;
}

/**
 * What a typical reverse proxy (Vite's, http-proxy-middleware with changeOrigin, nginx proxy_pass)
 * sends on: the method, the body and every end-to-end header as received, Origin and Cookie
 * included (the target sees the page's Origin when the browser sent one, e.g. on a same-origin
 * POST, and none on a same-origin GET); Host becomes the target's; hop-by-hop headers go; a Via
 * line names the proxy (RFC 9110, section 7.6.3).
 */
export function forwardedHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  targetHost: string,
  proxyLabel: string,
): Array<[string, string]> {
  const lines: Array<[string, string]> = [['host', targetHost]];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'host' || name === 'via' || HOP_BY_HOP.has(name)) continue;
    lines.push([name, value]);
  }
  lines.push(['via', headers.via === undefined ? `1.1 ${proxyLabel}` : `${headers.via}, 1.1 ${proxyLabel}`]);
  return lines;
}

/** The answer when proxies chain past PROXY_HOP_LIMIT (a proxy to itself, say): no CORS header. */
export function proxyLoopAnswer(label: string): { status: number; headers: Array<[string, string]>; body: string } {
  return {
    status: 508,
    headers: [['content-type', 'text/plain; charset=utf-8']],
    body: `The proxy of origin "${label}" went through ${PROXY_HOP_LIMIT} proxies without reaching a route that answers (a proxy loop?).`,
  };
}

/** A request the proxy made to another origin of the sandbox, and what that origin answered: a line of the server log. */
export interface ForwardedExchange {
  /** The origin that received it. */
  label: string;
  /** The origin whose proxy route sent it. */
  via: string;
  method: string;
  /** Path and query on the receiving origin. */
  path: string;
  requestHeaders: Array<[string, string]>;
  response: { status: number; headers: Array<[string, string]> };
  routeIndex: number | null;
}

/** A proxy route's rules that span fields: the target is an origin of the sandbox, and the route has no answer of its own. */
export function proxyRouteErrors(route: Route, at: string, labels: readonly string[]): Array<{ path: string; message: string }> {
  if (route.proxy === undefined) return [];
  const errors: Array<{ path: string; message: string }> = [];
  if (!labels.includes(route.proxy.to)) errors.push({ path: `${at}.proxy.to`, message: `names no origin (origins: ${labels.join(', ')}); a proxy forwards only to an origin of this sandbox` });
  if (route.body !== '') errors.push({ path: `${at}.body`, message: 'cannot be set with proxy: the route answers with what the proxied origin answers' });
  for (const other of ['asset', 'websocket', 'postMessage'] as const) {
    if (route[other] !== undefined) errors.push({ path: `${at}.${other}`, message: 'cannot be set with proxy: the route answers with what the proxied origin answers' });
  }
  return errors;
}
