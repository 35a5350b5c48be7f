import { answerRequest, findRoute, pathnameOf, type ServerRequest } from './routes';
import type { Scenario } from './schema';
import { expandTemplates } from './templates';

/**
 * What a sandbox origin answers a WebSocket handshake (a GET with `Upgrade: websocket`). The real
 * server (apps/server websocket.ts) and the engine (model-websocket.ts) both call this. No CORS
 * applies: a route with `websocket` accepts (101) any Origin, or only its listed `origins` (403 for
 * any other); any other route answers as it answers a plain GET, which the browser takes as a
 * failed handshake ("Unexpected response code").
 */
export interface WebSocketAnswer {
  accepted: boolean;
  status: number;
  headers: Array<[string, string]>;
  body: string | Uint8Array;
  delayMs: number;
  routeIndex: number | null;
  /** Why the server refused, in a sentence; null when it accepted. */
  refusal: string | null;
}

export function websocketAnswer(scenario: Scenario, origins: Readonly<Record<string, string>>, label: string, request: ServerRequest): WebSocketAnswer {
  const pathname = pathnameOf(request.path);
  const routeIndex = findRoute(scenario.servers[label], 'GET', pathname);
  const route = routeIndex === null ? undefined : scenario.servers[label]?.routes[routeIndex];
  const answer = answerRequest(scenario, origins, label, { ...request, method: 'GET' });
  if (route?.websocket === undefined) {
    const refusal = route === undefined ? `no route of "${label}" matches ${pathname}` : `the route for ${pathname} has no "websocket" field, so it answers as to a plain GET`;
    return { accepted: false, status: answer.status, headers: answer.headers, body: answer.body, delayMs: answer.delayMs, routeIndex, refusal };
  }
  const origin = request.headers.origin;
  const allowed = route.websocket === true ? null : route.websocket.origins.map((text) => expandTemplates(text, { origins, requestHeaders: request.headers }));
  if (allowed === null || (origin !== undefined && allowed.includes(origin))) {
    return { accepted: true, status: 101, headers: answer.headers, body: '', delayMs: answer.delayMs, routeIndex, refusal: null };
  }
  return {
    accepted: false, status: 403, headers: [['content-type', 'text/plain; charset=utf-8']], body: `Origin ${origin ?? '(none)'} is not accepted on ${pathname}.\n`,
    delayMs: answer.delayMs, routeIndex, refusal: `the route accepts only ${allowed.join(', ')}, and the Origin is ${origin ?? 'missing'}`,
  };
}
