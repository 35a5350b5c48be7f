import {
  findRoute, liveCorsOptions, pathnameOf, type CorsPluginConfig, type LiveCorsOptions, type Scenario, type ServerAnswer, type ServerRequest,
} from '@cors-playground/scenario';
import { expressCors } from './express-cors';
import { fastifyCors } from './fastify-cors';
import type { LibraryRequest, LibraryVerdict } from './library-verdict';
import { withLibraryHeaders } from './outgoing-headers';

export { expressCors } from './express-cors';
export { fastifyCors } from './fastify-cors';
export type { LibraryRequest, LibraryVerdict } from './library-verdict';
export { OutgoingHeaders, withLibraryHeaders } from './outgoing-headers';

/** What the origin's CORS library does with a request, modelled on its source. */
export function corsLibraryVerdict(plugin: CorsPluginConfig['plugin'], options: LiveCorsOptions, request: LibraryRequest): LibraryVerdict {
  return plugin === '@fastify/cors' ? fastifyCors(options, request) : expressCors(options, request);
}

/** Live options per plugin config and origins, so RegExps are built once per run. */
const LIVE = new WeakMap<CorsPluginConfig, { origins: Readonly<Record<string, string>>; options: LiveCorsOptions }>();

function liveOptions(config: CorsPluginConfig, origins: Readonly<Record<string, string>>): LiveCorsOptions {
  const cached = LIVE.get(config);
  if (cached && cached.origins === origins) return cached.options;
  const options = liveCorsOptions(config, origins);
  LIVE.set(config, { origins, options });
  return options;
}

/**
 * What an origin that may run a CORS library answers: the library's own answer when it ends the
 * request, else the routes' answer (`answer`) with the library's header lines in front, as the
 * sandbox server writes them (apps/server/src/cors-plugins.ts).
 */
export function answerThroughCorsLibrary(
  scenario: Scenario,
  origins: Readonly<Record<string, string>>,
  label: string,
  request: ServerRequest,
  answer: () => ServerAnswer,
): ServerAnswer {
  const config = scenario.servers[label]?.cors;
  if (!config) return answer();
  const routeMatches = findRoute(scenario.servers[label], request.method, pathnameOf(request.path)) !== null;
  const verdict = corsLibraryVerdict(config.plugin, liveOptions(config, origins), { method: request.method, headers: request.headers, routeMatches });
  if (verdict.ended) return { status: verdict.status, headers: verdict.headers, body: verdict.body, delayMs: 0, routeIndex: null, answeredBy: config.plugin };
  const routes = answer();
  return { ...routes, headers: withLibraryHeaders(verdict.headers, routes.headers) };
}
