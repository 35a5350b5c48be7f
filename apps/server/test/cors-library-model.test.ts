import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest, type HeaderList } from '@cors-playground/engine';
import { assertScenario, liveOrigins, originStrings, type Scenario } from '@cors-playground/scenario';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest } from './helpers';

/**
 * The engine's models of @fastify/cors and Express cors (packages/engine/src/cors-libraries)
 * against the real libraries, run by the real sandbox server: for every option set and every
 * request of the table, the status, the header lines (names lower-cased, values exact, in order)
 * and the body on the wire equal what the modelled network answers. Only Date's value differs.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
});
afterAll(() => server?.close());

const EVIL = 'http://evil-x1.site-evilsite-a.localhost:8080';

const ROUTES = [
  { path: '/data', method: ['GET', 'HEAD', 'POST', 'PURGE'], headers: { 'Content-Type': 'text/plain', 'X-Route': 'data' }, body: 'data' },
  { path: '/own-cors', method: 'GET', headers: { 'Access-Control-Allow-Origin': 'https://route.example', Vary: 'Accept', 'X-Multi': ['1', '2'] }, body: 'own' },
  { path: '/opt', method: 'OPTIONS', status: 200, headers: { 'X-Route': 'opt' }, body: 'opt' },
];

type Request = { name: string; method: string; path: string; headers: (origins: Record<string, string>) => Record<string, string>; body?: string };

const REQUESTS: Request[] = [
  { name: 'GET from the app', method: 'GET', path: '/data', headers: (o) => ({ origin: o.app! }) },
  { name: 'GET without Origin', method: 'GET', path: '/data', headers: () => ({}) },
  { name: 'GET from an evil origin', method: 'GET', path: '/data', headers: () => ({ origin: EVIL }) },
  { name: 'GET where the route sets its own ACAO and Vary', method: 'GET', path: '/own-cors', headers: (o) => ({ origin: o.app! }) },
  { name: 'HEAD from the app', method: 'HEAD', path: '/data', headers: (o) => ({ origin: o.app! }) },
  { name: 'POST with a body', method: 'POST', path: '/data', headers: (o) => ({ origin: o.app!, 'content-type': 'application/json' }), body: '{"a":1}' },
  { name: 'PURGE (a method Fastify has no route for)', method: 'PURGE', path: '/data', headers: (o) => ({ origin: o.app! }) },
  { name: 'GET with no route (404)', method: 'GET', path: '/missing', headers: (o) => ({ origin: o.app! }) },
  {
    name: 'preflight with request headers', method: 'OPTIONS', path: '/data',
    headers: (o) => ({ origin: o.app!, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token,content-type' }),
  },
  { name: 'preflight from an evil origin', method: 'OPTIONS', path: '/data', headers: () => ({ origin: EVIL, 'access-control-request-method': 'DELETE' }) },
  { name: 'OPTIONS without Access-Control-Request-Method', method: 'OPTIONS', path: '/data', headers: (o) => ({ origin: o.app! }) },
  { name: 'OPTIONS without Origin', method: 'OPTIONS', path: '/data', headers: () => ({ 'access-control-request-method': 'PUT' }) },
  { name: 'preflight where a route takes OPTIONS', method: 'OPTIONS', path: '/opt', headers: (o) => ({ origin: o.app!, 'access-control-request-method': 'PUT' }) },
];

const SHARED_OPTION_SETS: Array<Record<string, unknown>> = [
  {},
  { origin: true, credentials: true },
  { origin: '${origin:app}', credentials: true },
  { origin: '*', credentials: true },
  { origin: ['${origin:app}', { regex: '^http://other\\.example$' }] },
  { origin: { regex: 'site-a\\.localhost', flags: 'i' } },
  { origin: [{ regex: '^undefined$' }] },
  { origin: false },
  { origin: ['*', 'http://other.example'] },
  { origin: [] },
  { methods: ['GET', 'PUT'], allowedHeaders: ['X-Token', 'Content-Type'], exposedHeaders: ['X-Route', 'Content-Length'], maxAge: 600 },
  { methods: 'PUT,DELETE', allowedHeaders: 'x-token', exposedHeaders: 'x-route', maxAge: 0 },
  { methods: '', allowedHeaders: '', exposedHeaders: '' },
  { methods: [], allowedHeaders: [], exposedHeaders: [] },
  { preflightContinue: true },
  { origin: true, preflightContinue: true, optionsSuccessStatus: 202 },
  { optionsSuccessStatus: 200, maxAge: -1 },
];

const FASTIFY_OPTION_SETS: Array<Record<string, unknown>> = [
  { preflight: false },
  { strictPreflight: false },
  { origin: true, cacheControl: 300, maxAge: 60 },
  { cacheControl: 'no-store' },
  { hook: 'preHandler', origin: true },
  { hook: 'preParsing', strictPreflight: false },
  { hook: 'preValidation', preflightContinue: true },
  { hideOptionsRoute: false, logLevel: 'silent' },
];

const CASES: Array<{ plugin: '@fastify/cors' | 'cors'; options: Record<string, unknown> }> = [
  ...SHARED_OPTION_SETS.flatMap((options) => [{ plugin: '@fastify/cors' as const, options }, { plugin: 'cors' as const, options }]),
  ...FASTIFY_OPTION_SETS.map((options) => ({ plugin: '@fastify/cors' as const, options })),
];

interface Sandbox {
  id: string;
  scenario: Scenario;
  origins: Record<string, string>;
}

async function createSandbox(cors: unknown): Promise<Sandbox> {
  const input = { version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app', servers: { api: { cors, routes: ROUTES } } };
  const response = await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(response.status, await response.clone().text()).toBe(201);
  const created = (await response.json()) as { id: string; origins: Record<string, string> };
  return { id: created.id, scenario: assertScenario(input), origins: created.origins };
}

/** Header lines as compared: names lower-cased, Date's value left out. */
function comparable(lines: HeaderList): string[] {
  return lines.map(([name, value]) => (name.toLowerCase() === 'date' ? 'date' : `${name.toLowerCase()}: ${value}`));
}

function pairs(rawHeaders: string[]): HeaderList {
  const lines: HeaderList = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) lines.push([rawHeaders[index]!, rawHeaders[index + 1]!]);
  return lines;
}

function modelled(sandbox: Sandbox, request: Request) {
  const origins = liveOrigins(sandbox.scenario, { sandboxId: sandbox.id, domain: 'localhost', ports: { http: server.ports.http, https: [] } });
  const network = { scenario: sandbox.scenario, origins, originStrings: originStrings(origins), exchanges: [] };
  const headers = Object.entries(request.headers(sandbox.origins)) as HeaderList;
  if (request.body !== undefined) headers.push(['content-length', String(request.body.length)]);
  const answer = sendRequest(network, { method: request.method, url: new URL(request.path, sandbox.origins.api), headers, body: request.body ?? null });
  if (!answer) throw new Error('the model found no origin');
  return { status: answer.status, headers: comparable(answer.headers), body: request.method === 'HEAD' ? '' : answer.body };
}

async function real(sandbox: Sandbox, request: Request) {
  const answer = await rawRequest(server.ports.http[0]!, {
    method: request.method, host: hostOf(sandbox.origins.api!), path: request.path, headers: request.headers(sandbox.origins), body: request.body,
  });
  return { status: answer.status, headers: comparable(pairs(answer.rawHeaders)), body: answer.body };
}

describe('the engine models each CORS library as the real library answers', () => {
  for (const { plugin, options } of CASES) {
    it(`${plugin} ${JSON.stringify(options)}: every request of the table gets the modelled status, header lines and body`, async () => {
      const sandbox = await createSandbox({ plugin, options });
      for (const request of REQUESTS) {
        const actual = await real(sandbox, request);
        expect(modelled(sandbox, request), `${request.name} (${request.method} ${request.path})`).toEqual(actual);
      }
    });
  }
});

describe('the request log of an origin that runs a CORS library', () => {
  it('records the preflight the library answered itself, with the lines it wrote', async () => {
    const sandbox = await createSandbox({ plugin: '@fastify/cors', options: { origin: '${origin:app}', maxAge: 60 } });
    const preflight = REQUESTS.find((request) => request.name === 'preflight with request headers')!;
    await real(sandbox, preflight);
    const log = (await (await fetch(`${server.url}/api/sandboxes/${sandbox.id}/log`)).json()) as { exchanges: Array<{ method: string; answeredBy?: string; response: { status: number; headers: HeaderList } }> };
    const exchange = log.exchanges.find((item) => item.method === 'OPTIONS')!;
    expect(exchange.answeredBy).toBe('@fastify/cors');
    expect(exchange.response.status).toBe(204);
    expect(comparable(exchange.response.headers)).toEqual([
      `access-control-allow-origin: ${sandbox.origins.app}`,
      'access-control-allow-methods: GET,HEAD,POST',
      'vary: Access-Control-Request-Headers',
      'access-control-allow-headers: x-token,content-type',
      'access-control-max-age: 60',
      'content-length: 0',
    ]);
  });

  it("records the library's lines before the route's, as they were sent", async () => {
    const sandbox = await createSandbox({ plugin: 'cors', options: { origin: true, credentials: true } });
    await real(sandbox, REQUESTS[0]!);
    const log = (await (await fetch(`${server.url}/api/sandboxes/${sandbox.id}/log`)).json()) as { exchanges: Array<{ answeredBy?: string; response: { status: number; headers: HeaderList } }> };
    expect(log.exchanges[0]!.answeredBy).toBeUndefined();
    expect(comparable(log.exchanges[0]!.response.headers)).toEqual([
      `access-control-allow-origin: ${sandbox.origins.app}`,
      'vary: Origin',
      'access-control-allow-credentials: true',
      'content-type: text/plain',
      'x-route: data',
    ]);
  });
});

describe('a user pattern that backtracks exponentially', () => {
  // Nested repetitions are refused by the schema; overlapping alternatives pass it. Without V8's
  // linear-time fallback this Origin takes 2^40 steps and the request (and the server) never ends.
  for (const plugin of ['@fastify/cors', 'cors'] as const) {
    it(`${plugin}: cannot freeze the server with one crafted Origin`, async () => {
      const sandbox = await createSandbox({ plugin, options: { origin: { regex: '^(a|a)*$' } } });
      const answer = await real(sandbox, { name: 'crafted', method: 'GET', path: '/data', headers: () => ({ origin: `${'a'.repeat(40)}!` }) });
      expect(answer.status).toBe(200);
      expect(answer.headers.some((line) => line.startsWith('access-control-allow-origin'))).toBe(false);
    });
  }
});
