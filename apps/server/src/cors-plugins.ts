import { ServerResponse, type IncomingMessage } from 'node:http';
import fastifyCors from '@fastify/cors';
import expressCors, { type CorsOptions } from 'cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { findRoute, liveCorsOptions, pathnameOf, type CorsPluginConfig, type LiveCorsOptions, type Scenario } from '@cors-playground/scenario';

/**
 * The real CORS libraries in front of a sandbox origin's routes (`servers.LABEL.cors`):
 * `@fastify/cors` registered with the origin's options on an internal Fastify instance, which
 * handles the raw request through `instance.routing`, and the Express `cors` middleware called on
 * the raw request. Either the library answers the request itself (a preflight), or
 * it sets its headers and the sandbox handler answers from the routes, writing the library's lines
 * and then the route's, which replace the library's of the same name (packages/engine/src/
 * cors-libraries models both).
 *
 * @fastify/cors is registered with static options, as `fastify.register(cors, options)` in the
 * server code the playground shows: its options delegator would mark every option set dynamic,
 * which adds `Vary: Origin` to every answer, even for a fixed origin. One instance serves every
 * origin with the same live options; a bounded cache keeps the most recently used.
 */

/** What the library did. `headers` are lines as written, names as the library spelt them. */
export type LibraryOutcome =
  /** It answered: the status and lines it sent (Node's own Date, Connection and Keep-Alive left out). */
  | { ended: true; status: number; headers: Array<[string, string]>; plugin: CorsPluginConfig['plugin'] }
  /** It set these lines on the response and passed the request on to the routes. */
  | { ended: false; headers: Array<[string, string]> };

interface Pending {
  routeMatches: boolean;
  resolve(outcome: LibraryOutcome): void;
}

const PENDING = new WeakMap<IncomingMessage, Pending>();
const INSTANCE_CACHE_SIZE = 100;
const instances = new Map<string, Promise<FastifyInstance>>();

/** The lines Node's HTTP server writes by itself, which the request log leaves out. */
const NODE_TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The header lines a finished response carried, from the head Node wrote. */
function writtenLines(response: ServerResponse): Array<[string, string]> {
  const head = (response as ServerResponse & { _header?: string | null })._header ?? '';
  return head
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    })
    .filter(([name]) => !NODE_TRANSPORT.has(name.toLowerCase()));
}

/** The lines set on a response not yet written (res.setHeader), in the order they were set. */
function setLines(response: ServerResponse): Array<[string, string]> {
  // getRawHeaderNames (Node 15.13) keeps the case the library wrote; @types/node 20 lacks it.
  const names = (response as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
  return names.flatMap((name) => {
    const value = response.getHeader(name);
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, String(item)]);
  });
}

/** Hands a request that the library let through back to the sandbox handler, with the lines the library set. */
function passToRoutes(request: FastifyRequest, reply: FastifyReply): void {
  const pending = PENDING.get(request.raw);
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    for (const item of value === undefined ? [] : Array.isArray(value) ? value : [value]) headers.push([name, String(item)]);
  }
  reply.hijack();
  pending?.resolve({ ended: false, headers });
}

async function createFastifyInstance(options: LiveCorsOptions): Promise<FastifyInstance> {
  const instance = Fastify({ exposeHeadRoutes: false });
  // The sandbox handler has read the body already; no parser may wait for it or refuse its type.
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  await instance.register(fastifyCors, options as Parameters<typeof fastifyCors>[1]);
  // A route of the scenario for OPTIONS is the app's own route: it wins over the plugin's
  // `OPTIONS *` once the plugin's hook (registered first, so run first) let the request through.
  instance.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'OPTIONS' && PENDING.get(request.raw)?.routeMatches) return passToRoutes(request, reply);
    done();
  });
  instance.route({ method: instance.supportedMethods.filter((method) => method !== 'OPTIONS'), url: '*', handler: passToRoutes });
  // Methods Fastify has no route for (PURGE, LINK, ...) and OPTIONS the plugin passes on.
  instance.setNotFoundHandler(passToRoutes);
  await instance.ready();
  return instance;
}

/** RegExps become tagged objects, so the key of `/a/` differs from the string "/a/". */
function optionsKey(options: LiveCorsOptions): string {
  return JSON.stringify(options, (_key, value: unknown) => (value instanceof RegExp ? { regex: value.source, flags: value.flags } : value));
}

function fastifyInstance(options: LiveCorsOptions): Promise<FastifyInstance> {
  const key = optionsKey(options);
  let instance = instances.get(key);
  if (instance) instances.delete(key);
  else {
    instance = createFastifyInstance(options);
    instance.catch(() => instances.delete(key));
  }
  instances.set(key, instance);
  for (const [oldest, evicted] of instances) {
    if (instances.size <= INSTANCE_CACHE_SIZE) break;
    instances.delete(oldest);
    void evicted.then((old) => old.close()).catch(() => undefined);
  }
  return instance;
}

async function runFastifyCors(options: LiveCorsOptions, routeMatches: boolean, request: IncomingMessage, response: ServerResponse): Promise<LibraryOutcome> {
  const instance = await fastifyInstance(options);
  const url = request.url;
  return new Promise<LibraryOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: LibraryOutcome) => {
      if (settled) return;
      settled = true;
      PENDING.delete(request);
      request.url = url;
      resolve(outcome);
    };
    const ended = () => settle({ ended: true, status: response.statusCode, headers: writtenLines(response), plugin: '@fastify/cors' });
    response.once('finish', ended);
    response.once('close', ended);
    PENDING.set(request, { routeMatches, resolve: (outcome) => {
      response.off('finish', ended);
      response.off('close', ended);
      settle(outcome);
    } });
    // The library reads no path; the router would refuse a path it cannot decode (400) before any
    // hook ran, which the sandbox's routes answer instead.
    request.url = '/';
    instance.routing(request, response);
  });
}

/**
 * The middleware runs on the raw request and on a ServerResponse of its own, with no socket, and
 * the sandbox relays what it wrote: once a response holds headers set with setHeader, Node 20's
 * writeHead folds the route's repeated lines of one name into a single line.
 */
function runExpressCors(options: LiveCorsOptions, request: IncomingMessage, response: ServerResponse): LibraryOutcome {
  const scratch = new ServerResponse(request);
  let passed = false;
  // With static options the middleware runs synchronously: it calls next() or ends the response.
  expressCors(options as CorsOptions)(request, scratch, () => {
    passed = true;
  });
  if (passed) return { ended: false, headers: setLines(scratch) };
  const headers = writtenLines(scratch);
  response.writeHead(scratch.statusCode, headers.flat());
  response.end();
  return { ended: true, status: scratch.statusCode, headers, plugin: 'cors' };
}

/**
 * Runs the origin's CORS library on a request, or returns null when the origin runs none. When
 * the outcome is `ended`, the response has been sent.
 */
export async function runCorsLibrary(
  scenario: Scenario,
  origins: Readonly<Record<string, string>>,
  label: string,
  method: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<LibraryOutcome | null> {
  const server = scenario.servers[label];
  const config: CorsPluginConfig | undefined = server?.cors;
  if (!config) return null;
  const options = liveCorsOptions(config, origins);
  if (config.plugin === 'cors') return runExpressCors(options, request, response);
  return runFastifyCors(options, findRoute(server, method, pathnameOf(path)) !== null, request, response);
}
