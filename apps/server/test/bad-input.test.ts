import * as http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_METHODS, LIMITS } from '@cors-playground/scenario';
import type { PlaygroundApp } from '../src/app';
import { app, createSandbox, hostOf, scenario } from './helpers';

let playground: PlaygroundApp;
afterEach(() => playground?.app.close());

async function post(body: string, contentType = 'application/json') {
  playground ??= await app();
  return playground.app.inject({ method: 'POST', url: '/api/sandboxes', headers: { 'content-type': contentType }, payload: body });
}

describe('bad input to POST /api/sandboxes', () => {
  it('answers malformed JSON with 400 naming the line and column', async () => {
    playground = await app();
    const response = await post('{\n  "version": 1,\n  "page": }');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid-scenario' });
    expect(response.json().message).toMatch(/not valid JSON: ValueExpected at line 3, column 11/);
  });

  it('lists every failing path of a scenario that breaks the schema', async () => {
    playground = await app();
    const response = await post(JSON.stringify(scenario({ page: 'nowhere', servers: { api: { routes: [{ path: 'data', status: 99 }] } } })));
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['servers.api.routes[0].path', 'servers.api.routes[0].status']));
  });

  it('refuses CR, LF or NUL in a header value and names the header', async () => {
    playground = await app();
    for (const value of ['a\r\nSet-Cookie: x=1', 'a\nb', 'a\u0000b']) {
      const response = await post(JSON.stringify(scenario({ servers: { api: { routes: [{ path: '/d', headers: { 'X-A': value } }] } } })));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('servers.api.routes[0].headers.X-A: CR, LF or NUL not allowed in a header value');
    }
  });

  it('refuses a header name that is not a token', async () => {
    playground = await app();
    const response = await post(JSON.stringify(scenario({ servers: { api: { routes: [{ path: '/d', headers: { 'Bad Name': 'x' } }] } } })));
    expect(response.json().errors[0].path).toBe('servers.api.routes[0].headers["Bad Name"]');
  });

  it('answers a scenario over the size limit with 413', async () => {
    playground = await app();
    const response = await post(JSON.stringify(scenario({ notes: 'x'.repeat(LIMITS.scenarioBytes) })));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('body-too-large');
  });

  it('refuses too many origins and too many routes', async () => {
    playground = await app();
    const origins = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`o${i}`, {}]));
    const manyOrigins = await post(JSON.stringify(scenario({ origins, page: 'o0', servers: {} })));
    expect(manyOrigins.statusCode).toBe(400);
    expect(manyOrigins.json().message).toContain('origins: must hold 1 to 8 origins');
    const routes = Array.from({ length: LIMITS.routesPerServer + 1 }, () => ({ path: '/x' }));
    const manyRoutes = await post(JSON.stringify(scenario({ servers: { api: { routes } } })));
    expect(manyRoutes.statusCode).toBe(400);
    expect(manyRoutes.json().message).toContain('servers.api.routes: at most 64 routes');
  });

  it('refuses a route method Node cannot receive and lists the accepted ones', async () => {
    playground = await app();
    const response = await post(JSON.stringify(scenario({ servers: { api: { routes: [{ path: '/x', method: 'FOO' }] } } })));
    expect(response.json().errors[0]).toMatchObject({ path: 'servers.api.routes[0].method' });
    expect(response.json().errors[0].message).toContain('PROPFIND');
  });

  it('answers another media type with 415', async () => {
    playground = await app();
    const response = await post('version=1', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
  });

  it('refuses API requests whose Origin is a sandbox origin', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const response = await playground.app.inject({ method: 'GET', url: `/api/sandboxes/${created.id}/log`, headers: { origin: created.origins.app! } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('sandbox-origin');
    // An expired sandbox's origin is refused too: the page of an old run may still be open.
    const expired = await playground.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'http://app-aaaaaaaaaaaaaaaa.site-a.localhost:8080' } });
    expect(expired.statusCode).toBe(403);
  });

  it('answers an unknown sandbox id with 404', async () => {
    playground = await app();
    const response = await playground.app.inject({ url: '/api/sandboxes/aaaaaaaaaaaaaaaa/log' });
    expect(response.statusCode).toBe(404);
  });

  it('answers a request body over the limit with 413 on a sandbox origin, and keeps serving', async () => {
    playground = await app({ maxRequestBodyBytes: 1024 });
    const created = await createSandbox(playground);
    const host = hostOf(created.origins.api!);
    const big = await playground.app.inject({ method: 'POST', url: '/data', headers: { host }, payload: 'x'.repeat(2048) });
    expect(big.statusCode).toBe(413);
    const next = await playground.app.inject({ url: '/data', headers: { host } });
    expect(next.statusCode).toBe(200);
  });
});

describe('the methods a route may name', () => {
  it('are exactly the methods the running Node parser accepts', () => {
    expect([...HTTP_METHODS]).toEqual(http.METHODS);
  });
});
