import { describe, expect, it } from 'vitest';
import { liveOrigins, type CorsPluginConfig } from '@cors-playground/scenario';
import { simulate } from '../src/index';
import { ADDRESSING, evaluateInFunction, scenario, type Servers } from './support';

/**
 * On an origin that runs a CORS library, the smallest fix is written as that library's options,
 * and applying those options makes the request succeed in the model.
 */
const FETCH = (init: string) => `try { const r = await fetch(url('api', '/d')${init ? `, ${init}` : ''}); log(r.status); } catch (e) { log(e.name); }`;
const PUT = "{ method: 'PUT' }";
const TOKEN = "{ headers: { 'X-Token': '1' } }";
const INCLUDE = "{ credentials: 'include' }";
const ROUTES = [{ path: '/d', method: '*', body: 'd' }];

interface Case {
  name: string;
  cors: CorsPluginConfig | { plugin: string; options: Record<string, unknown> };
  init: string;
  routes?: Servers[string]['routes'];
  summary: string;
  options: Record<string, unknown>;
  unsafe?: boolean;
}

const CASES: Case[] = [
  {
    name: 'adds the method to the default methods of @fastify/cors',
    cors: { plugin: '@fastify/cors', options: {} }, init: PUT,
    summary: 'Set methods to "GET,HEAD,POST,PUT" in the @fastify/cors options of api.', options: { methods: 'GET,HEAD,POST,PUT' },
  },
  {
    name: 'adds the method to a methods list, keeping it a list',
    cors: { plugin: 'cors', options: { methods: ['GET'] } }, init: PUT,
    summary: 'Set methods to ["GET","PUT"] in the cors options of api.', options: { methods: ['GET', 'PUT'] },
  },
  {
    name: 'adds the header to allowedHeaders',
    cors: { plugin: 'cors', options: { allowedHeaders: 'Content-Type' } }, init: TOKEN,
    summary: 'Set allowedHeaders to "Content-Type,x-token" in the cors options of api.', options: { allowedHeaders: 'Content-Type,x-token' },
  },
  {
    name: 'adds the page origin to an origin list',
    cors: { plugin: '@fastify/cors', options: { origin: ['http://other.example'] } }, init: '',
    summary: 'Set origin to ["http://other.example","${origin:app}"] in the @fastify/cors options of api.', options: { origin: ['http://other.example', '${origin:app}'] },
  },
  {
    name: 'names the page origin instead of "*" and allows credentials for a credentialed request',
    cors: { plugin: 'cors', options: { origin: '*' } }, init: INCLUDE,
    summary: 'Set origin to "${origin:app}" and credentials to true in the cors options of api.', options: { origin: '${origin:app}', credentials: true },
  },
  {
    name: 'turns credentials on when the origin is already reflected',
    cors: { plugin: '@fastify/cors', options: { origin: true } }, init: INCLUDE,
    summary: 'Set credentials to true in the @fastify/cors options of api.', options: { origin: true, credentials: true },
  },
  {
    name: 'puts a regex in a list with the page origin, and drops "*" from a list for credentials',
    cors: { plugin: 'cors', options: { origin: [{ regex: '^http://x$' }, '*'] } }, init: INCLUDE,
    summary: 'Set origin to [{"regex":"^http://x$","flags":""},"${origin:app}"] and credentials to true in the cors options of api.',
    options: { origin: [{ regex: '^http://x$', flags: '' }, '${origin:app}'], credentials: true },
  },
  {
    name: 'lets the library answer the preflight again when preflightContinue falls to a 404',
    cors: { plugin: 'cors', options: { preflightContinue: true, optionsSuccessStatus: 200 } }, init: PUT, routes: [{ path: '/d', method: 'PUT' }],
    summary: 'Set preflightContinue back to its default in the cors options of api.', options: { optionsSuccessStatus: 200 },
  },
  {
    name: 'brings an error optionsSuccessStatus back to its default',
    cors: { plugin: '@fastify/cors', options: { optionsSuccessStatus: 500 } }, init: PUT,
    summary: 'Set methods to "GET,HEAD,POST,PUT" and optionsSuccessStatus back to its default in the @fastify/cors options of api.', options: { methods: 'GET,HEAD,POST,PUT' },
  },
];

async function predict(cors: Case['cors'], init: string, routes: Servers[string]['routes'] = ROUTES) {
  const validated = scenario(FETCH(init), { api: { cors: cors as CorsPluginConfig, routes } });
  const result = await simulate({ scenario: validated, origins: liveOrigins(validated, ADDRESSING), evaluate: evaluateInFunction });
  return result.requests[0]!;
}

describe('the smallest fix on an origin that runs a CORS library', () => {
  it.each(CASES)('$name', async ({ cors, init, routes, summary, options }) => {
    const blocked = await predict(cors, init, routes);
    expect(blocked.outcome).toBe('blocked');
    const fix = blocked.fix!;
    expect(fix.summary).toBe(summary);
    expect(fix.headers).toEqual([]);
    expect(fix.library).toEqual({ plugin: cors.plugin, options });
    expect((await predict(fix.library!, init, routes)).outcome).toBe('ok');
  });

  it('falls back to response headers when a route writes its own CORS header over the library', async () => {
    const routes = [{ path: '/d', method: 'GET', headers: { 'Access-Control-Allow-Origin': 'http://other.example' } }];
    const blocked = await predict({ plugin: '@fastify/cors', options: { origin: true } }, '', routes);
    expect(blocked.fix!.library).toBeUndefined();
    expect(blocked.fix!.headers.map((header) => `${header.name}: ${header.value}`)).toEqual(['Access-Control-Allow-Origin: ${origin:app}']);
  });
});
