import { ServerResponse, type IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import fastifyCors from '@fastify/cors';
import expressCors, { type CorsOptions } from 'cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { InstanceCache } from './instance-cache';
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
 * origin with the same live options; a bounded cache keeps the most recently used, and drops those
 * naming a sandbox's origins when the sandbox is deleted (instance-cache.ts: never under a request).
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

/**
 * The libraries run a user's RegExp on every request's Origin. The schema refuses nested
 * repetitions; overlapping alternatives such as `^(a|a)*$` still backtrack exponentially, so V8
 * switches a RegExp to its linear-time engine once it backtracks too much (RegExps made after this).
 */
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

const PENDING = new WeakMap<IncomingMessage, Pending>();
const INSTANCE_CACHE_SIZE = 100;
const instances = new InstanceCache<FastifyInstance>(INSTANCE_CACHE_SIZE, (instance) => instance.close());

/** The lines Node's HTTP server writes by itself, which the request log leaves out. */
const NODE_TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

type HeaderLines = Array<[string, string]>;

/** A header value as lines: Node writes one line per item of a list. */
function linesOf(name: string, value: unknown): HeaderLines {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, String(item)]);
}

/**
 * Records the lines a response is given through writeHead (Fastify passes all of its headers
 * there at once), then those set with setHeader before it, in the order Node writes them.
 */
function recordHead(response: ServerResponse): { lines(): HeaderLines; stop(): void } {
  let given: HeaderLines = [];
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, index) => index > 0 && typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      const flat = (headers as unknown[]).flat() as string[];
      for (let index = 0; index + 1 < flat.length; index += 2) given.push([flat[index]!, flat[index + 1]!]);
    } else if (headers) given = Object.entries(headers).flatMap(([name, value]) => linesOf(name, value));
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.writeHead;
  return {
    stop: () => {
      response.writeHead = writeHead;
    },
    lines: () => {
      const names = new Set(given.map(([name]) => name.toLowerCase()));
      const set = setLines(response).filter(([name]) => !names.has(name.toLowerCase()));
      return [...set, ...given].filter(([name]) => !NODE_TRANSPORT.has(name.toLowerCase()));
    },
  };
}

/** The lines set on a response not yet written (res.setHeader), in the order they were set. */
function setLines(response: ServerResponse): HeaderLines {
  // getRawHeaderNames (Node 15.13) keeps the case the library wrote; @types/node 20 lacks it.
  const names = (response as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
  return names.flatMap((name) => linesOf(name, response.getHeader(name)));
}

/** Hands a request that the library let through back to the sandbox handler, with the lines the library set. */
function passToRoutes(request: FastifyRequest, reply: FastifyReply): void {
  const pending = PENDING.get(request.raw);
  const headers = Object.entries(reply.getHeaders()).flatMap(([name, value]) => linesOf(name, value));
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

async function runFastifyCors(options: LiveCorsOptions, routeMatches: boolean, request: IncomingMessage, response: ServerResponse): Promise<LibraryOutcome> {
  const use = instances.acquire(optionsKey(options), () => createFastifyInstance(options));
  try {
    return await runOn(await use.value, routeMatches, request, response);
  } finally {
    use.release();
  }
}

function runOn(instance: FastifyInstance, routeMatches: boolean, request: IncomingMessage, response: ServerResponse): Promise<LibraryOutcome> {
  const url = request.url;
  const head = recordHead(response);
  return new Promise<LibraryOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: LibraryOutcome) => {
      if (settled) return;
      settled = true;
      head.stop();
      PENDING.delete(request);
      request.url = url;
      resolve(outcome);
    };
    const ended = () => settle({ ended: true, status: response.statusCode, headers: head.lines(), plugin: '@fastify/cors' });
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
  // The middleware writes with setHeader only, Content-Length included, then end().
  const headers = setLines(scratch);
  if (passed) return { ended: false, headers };
  response.writeHead(scratch.statusCode, headers.flat());
  response.end();
  return { ended: true, status: scratch.statusCode, headers, plugin: 'cors' };
}

/**
 * Closes the instances whose options name a deleted sandbox's origins (`${origin:LABEL}` expanded):
 * no request can use them again. Instances with no sandbox origin in their options stay shared.
 */
export function forgetSandboxOrigins(origins: readonly string[]): void {
  const quoted = origins.map((origin) => JSON.stringify(origin));
  instances.evict((key) => quoted.some((origin) => key.includes(origin)));
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
