import { describe, expect, it } from 'vitest';
import type { ExplanationStep } from '@cors-playground/scenario';
import { line, run } from './support';

const ACAO = { 'Access-Control-Allow-Origin': '${origin:app}' };

/** Each case: a request, and the steps its explanation must show, as "result step" plus what one of them must say. */
const CASES: Array<{ name: string; client: string; servers: Parameters<typeof run>[1]; steps: string[]; says?: RegExp; values?: Record<string, string | null> }> = [
  {
    name: 'a simple GET: the classification, then the CORS check that passed, then the filtered response',
    client: "await fetch(url('api', '/d'));",
    servers: { api: { routes: [{ path: '/d', headers: ACAO }] } },
    steps: ['info Main fetch, step 12', 'pass CORS check, step 5', 'info Main fetch, step 14.2'],
    values: { 'Access-Control-Allow-Origin': '{origin}', Origin: '{origin}', status: '200' },
  },
  {
    name: 'a 500 without Access-Control-Allow-Origin is explained as a server error that looks like a CORS error',
    client: "await fetch(url('api', '/d')).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', status: 500 }] } },
    steps: ['info Main fetch, step 12', 'fail CORS check, step 2'],
    says: /Your server answered 500 to GET \(it failed\) and the error page has no CORS headers: a server error that looks like a CORS error\./,
    values: { 'Access-Control-Allow-Origin': null, status: '500' },
  },
  {
    name: 'a preflighted PUT: why, the cache lookup, the preflight\'s checks and the actual response',
    client: "await fetch(url('api', '/d'), { method: 'PUT', headers: { 'X-Token': '1' } });",
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token', 'Access-Control-Max-Age': '60' } }, { path: '/d', headers: ACAO }] } },
    steps: ['info Main fetch, step 12', 'info HTTP fetch, step 4.1', 'pass CORS check, step 5', 'pass CORS-preflight fetch, step 7', 'pass CORS check, step 5', 'info Main fetch, step 14.2'],
    says: /The preflight allows PUT and is cached for 60 s \(Access-Control-Max-Age: 60, read as 60 s\)\./,
    values: { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token', 'Access-Control-Max-Age': '60', status: '204' },
  },
  {
    name: 'a preflight answered 404 says the server has no handler for OPTIONS',
    client: "await fetch(url('api', '/d'), { method: 'PUT' }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', method: 'PUT', headers: ACAO }] } },
    steps: ['info Main fetch, step 12', 'info HTTP fetch, step 4.1', 'fail CORS check, step 2'],
    says: /Your server answered 404 to OPTIONS \(nothing there handles OPTIONS\)/,
  },
  {
    name: 'a preflight answered 401 with CORS headers says a preflight never carries credentials',
    client: "await fetch(url('api', '/d'), { method: 'PUT' }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 401, headers: ACAO }] } },
    steps: ['info Main fetch, step 12', 'info HTTP fetch, step 4.1', 'pass CORS check, step 5', 'fail CORS-preflight fetch, step 7'],
    says: /Your server answered 401 to OPTIONS \(it refused OPTIONS, and a preflight never carries credentials\)/,
  },
  {
    name: 'a lower-case patch is explained by Node\'s parser',
    client: "await fetch(url('api', '/d'), { method: 'patch' }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'patch' } }] } },
    steps: ['info Main fetch, step 12', 'info HTTP fetch, step 4.1', 'pass CORS check, step 5', 'pass CORS-preflight fetch, step 7', 'info HTTP-network fetch', 'fail CORS check, step 2'],
    says: /Node's HTTP parser, which the sandbox server runs on, does not know the method patch/,
  },
  {
    name: 'a 429 with CORS headers is no CORS failure: the page reads it',
    client: "await fetch(url('api', '/d'));",
    servers: { api: { routes: [{ path: '/d', status: 429, headers: ACAO }] } },
    steps: ['info Main fetch, step 12', 'pass CORS check, step 5', 'info Main fetch, step 14.2'],
  },
  {
    name: 'a 413 without CORS headers: the server rejected the request',
    client: "await fetch(url('api', '/d'), { method: 'POST', body: 'big' }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', status: 413 }] } },
    steps: ['info Main fetch, step 12', 'fail CORS check, step 2'],
    says: /Your server answered 413 to POST \(it rejected POST\)/,
  },
];

describe('the explanation of each request', () => {
  it.each(CASES)('$name', async ({ client, servers, steps, says, values }) => {
    const result = await run(client, servers);
    const explanation: ExplanationStep[] = result.requests[0]!.explanation!;
    expect(explanation.map((step) => `${step.result} ${step.step}`)).toEqual(steps);
    for (const step of explanation) expect(step.spec).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#[\w-]+$/);
    if (says) expect(explanation.map((step) => step.detail).join('\n')).toMatch(says);
    if (values) {
      for (const [name, value] of Object.entries(values)) {
        const wanted = value === null ? null : line(value);
        expect(explanation.some((step) => step.values !== undefined && name in step.values && step.values[name] === wanted), `${name}: ${wanted}`).toBe(true);
      }
    }
    const failed = explanation.filter((step) => step.result === 'fail');
    expect(failed.map((step) => step.blockedBy)).toEqual(result.requests[0]!.blockedBy === null ? [] : [result.requests[0]!.blockedBy]);
  });
});
