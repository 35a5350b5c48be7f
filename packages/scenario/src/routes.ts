import type { Route, Scenario, ServerConfig } from './schema';
import { messengerAnswer } from './messenger-page';
import { forwardedHeaders, forwardedPath, PROXY_HOP_LIMIT, proxyLoopAnswer, type ForwardedExchange } from './proxy';
import { assetAnswer } from './route-assets';
import { expandTemplates, TemplateOverflowError } from './templates';

/**
 * What a sandbox origin answers. The real server (apps/server) and the engine's modelled server
 * (packages/engine) both call this, so a prediction answers exactly as the sandbox does.
 */
export interface ServerRequest {
  method: string;
  /** The path with its query, as on the request line. */
  path: string;
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body decoded as UTF-8, for `${request.body}` and a proxy; '' or absent when none. */
  body?: string;
}

export interface ServerAnswer {
  status: number;
  /** Header lines in order; a name may repeat. */
  headers: Array<[string, string]>;
  /** Text, or the bytes of a built-in asset (route-assets.ts). */
  body: string | Uint8Array;
  delayMs: number;
  /** The index of the route that answered, or null when none matched. */
  routeIndex: number | null;
  /** The CORS library that answered the request itself (a preflight), when one did. */
  answeredBy?: '@fastify/cors' | 'cors';
  /** What a proxy route sent to other origins of the sandbox (innermost first), for the server log. */
  forwarded?: ForwardedExchange[];
}

export function routeMatches(route: Route, method: string, pathname: string): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.some((allowed) => allowed === '*' || allowed === method)) return false;
  if (route.path.endsWith('/*')) return pathname.startsWith(route.path.slice(0, -1)) || pathname === route.path.slice(0, -2);
  return pathname === route.path;
}

export function findRoute(server: ServerConfig | undefined, method: string, pathname: string): number | null {
  if (!server) return null;
  const index = server.routes.findIndex((route) => routeMatches(route, method, pathname));
  return index === -1 ? null : index;
}

export function pathnameOf(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** The first route of `label`'s server that matches; a 404 with no CORS header when none does. */
export function answerRequest(
  scenario: Scenario,
  origins: Readonly<Record<string, string>>,
  label: string,
  request: ServerRequest,
  /** How many proxies the request went through already. */
  hops = 0,
): ServerAnswer {
  const routeIndex = findRoute(scenario.servers[label], request.method, pathnameOf(request.path));
  const route = routeIndex === null ? undefined : scenario.servers[label]?.routes[routeIndex];
  if (route === undefined) {
    return {
      status: 404,
      headers: [['content-type', 'text/plain; charset=utf-8']],
      body: `No route of origin "${label}" matches ${request.method} ${pathnameOf(request.path)}.`,
      delayMs: 0,
      routeIndex: null,
    };
  }
  try {
    return routeAnswer(scenario, origins, label, request, route, routeIndex, hops);
  } catch (error) {
    if (!(error instanceof TemplateOverflowError)) throw error;
    const body = `servers.${label}.routes[${routeIndex}]: ${error.message}.`;
    return { status: 500, headers: [['content-type', 'text/plain; charset=utf-8']], body, delayMs: route.delayMs, routeIndex };
  }
}

function routeAnswer(scenario: Scenario, origins: Readonly<Record<string, string>>, label: string, request: ServerRequest, route: Route, routeIndex: number | null, hops: number): ServerAnswer {
  const context = { origins, requestHeaders: request.headers, request: { method: request.method, path: request.path, body: request.body ?? '' } };
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(route.headers)) {
    for (const line of Array.isArray(value) ? value : [value]) headers.push([name, expandTemplates(line, context)]);
  }
  if (route.proxy) return proxyAnswer(scenario, origins, label, request, route, routeIndex, headers, hops);
  if (route.postMessage) return { status: route.status, ...messengerAnswer(route.postMessage, headers, expandTemplates(route.body, context), context), delayMs: route.delayMs, routeIndex };
  if (route.asset) return { status: route.status, ...assetAnswer(route.asset, headers), delayMs: route.delayMs, routeIndex };
  return { status: route.status, headers, body: expandTemplates(route.body, context), delayMs: route.delayMs, routeIndex };
}

/**
 * A proxy route: the request goes on to `route.proxy.to` (proxy.ts says what is forwarded), and its
 * answer comes back as it is, with the proxy route's own headers added and both delays summed.
 */
function proxyAnswer(
  scenario: Scenario,
  origins: Readonly<Record<string, string>>,
  label: string,
  request: ServerRequest,
  route: Route,
  routeIndex: number | null,
  ownHeaders: Array<[string, string]>,
  hops: number,
): ServerAnswer {
  const to = route.proxy!.to;
  if (hops >= PROXY_HOP_LIMIT) return { ...proxyLoopAnswer(label), delayMs: route.delayMs, routeIndex, forwarded: [] };
  const path = forwardedPath(route, request.path);
  const headerLines = forwardedHeaders(request.headers, new URL(origins[to] ?? 'http://invalid').host, label);
  const headers: Record<string, string> = {};
  for (const [name, value] of headerLines) headers[name] = value;
  const inner = answerRequest(scenario, origins, to, { method: request.method, path, headers, body: request.body ?? '' }, hops + 1);
  const exchange: ForwardedExchange = {
    label: to, via: label, method: request.method, path, requestHeaders: headerLines,
    response: { status: inner.status, headers: inner.headers }, routeIndex: inner.routeIndex,
  };
  return {
    status: inner.status,
    headers: [...inner.headers, ...ownHeaders],
    body: inner.body,
    delayMs: route.delayMs + inner.delayMs,
    routeIndex,
    forwarded: [...(inner.forwarded ?? []), exchange],
  };
}
