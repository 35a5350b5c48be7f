import type { Route, Scenario, ServerConfig } from './schema';
import { expandTemplates } from './templates';

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
}

export interface ServerAnswer {
  status: number;
  /** Header lines in order; a name may repeat. */
  headers: Array<[string, string]>;
  body: string;
  delayMs: number;
  /** The index of the route that answered, or null when none matched. */
  routeIndex: number | null;
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
  const context = { origins, requestHeaders: request.headers };
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(route.headers)) {
    for (const line of Array.isArray(value) ? value : [value]) headers.push([name, expandTemplates(line, context)]);
  }
  return { status: route.status, headers, body: expandTemplates(route.body, context), delayMs: route.delayMs, routeIndex };
}
