import { findRoute, pathnameOf, type Route, type Scenario } from '@cors-playground/scenario';

/**
 * A change to one answer of a sandbox server: the response headers to send (replacing every line
 * of the same name) and, when the answer's status itself is the problem, the status to use.
 */
export interface AnswerChange {
  /** The origin's label. */
  origin: string;
  method: string;
  /** The request's path (the route that answers it is changed, or a route is added for it). */
  path: string;
  headers: Array<{ name: string; value: string }>;
  status?: number;
}

function withHeader(headers: Route['headers'], name: string, value: string): Route['headers'] {
  const lower = name.toLowerCase();
  const kept = Object.entries(headers).filter(([key]) => key.toLowerCase() !== lower);
  return Object.fromEntries([...kept, [name, value]]);
}

/**
 * The scenario with `changes` applied, for the model to try them out. A route that answers only
 * this method is changed in place; a route shared with other methods (or no route: the server's
 * 404) gets a route of its own in front, so the other methods keep their answers.
 */
export function applyAnswerChanges(scenario: Scenario, changes: readonly AnswerChange[]): Scenario {
  const servers: Scenario['servers'] = { ...scenario.servers };
  for (const change of changes) {
    const server = servers[change.origin] ?? { routes: [] };
    const routes = [...server.routes];
    const index = findRoute(server, change.method, pathnameOf(change.path));
    const matched = index === null ? undefined : routes[index];
    let route: Route = matched && matched.method === change.method
      ? { ...matched }
      : { path: matched?.path ?? pathnameOf(change.path), method: change.method, status: matched?.status ?? (change.method === 'OPTIONS' ? 204 : 200), headers: { ...matched?.headers }, body: matched?.body ?? '', delayMs: matched?.delayMs ?? 0 };
    for (const header of change.headers) route = { ...route, headers: withHeader(route.headers, header.name, header.value) };
    if (change.status !== undefined) route = { ...route, status: change.status };
    if (matched && matched.method === change.method) routes[index!] = route;
    else routes.unshift(route);
    servers[change.origin] = { ...server, routes };
  }
  return { ...scenario, servers };
}
