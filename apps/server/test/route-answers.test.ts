import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest, rawSocketExchange, scenario } from './helpers';

let server: RunningServer;
afterEach(() => server?.close());

async function start(servers: Record<string, unknown>) {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
  const response = await fetch(`${server.url}/api/sandboxes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario({ servers })),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; origins: Record<string, string> };
}

function headerLines(rawHeaders: string[], name: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) lines.push(rawHeaders[i + 1]!);
  return lines;
}

describe('route answers', () => {
  it('sends a list header value as repeated header lines, in order, with no CORS header of its own', async () => {
    const created = await start({ api: { routes: [{ path: '/data', headers: { 'Access-Control-Allow-Origin': ['${origin:app}', '*'] } }] } });
    const answer = await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.api!), path: '/data', headers: { origin: created.origins.app! } });
    expect(headerLines(answer.rawHeaders, 'access-control-allow-origin')).toEqual([created.origins.app, '*']);
    expect(answer.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()).filter((n) => n.startsWith('access-control-')))
      .toEqual(['access-control-allow-origin', 'access-control-allow-origin']);
  });

  it('expands origin, request.origin and request.header templates in headers and body', async () => {
    const created = await start({
      api: { routes: [{ path: '/echo', headers: { 'Access-Control-Allow-Origin': '${request.origin}', 'X-Token-Was': '${request.header:X-Token}' }, body: 'page=${origin:app} raw=${not.a.template}' }] },
    });
    const answer = await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.api!), path: '/echo', headers: { origin: 'http://evil.example', 'x-token': 't1' } });
    expect(headerLines(answer.rawHeaders, 'access-control-allow-origin')).toEqual(['http://evil.example']);
    expect(headerLines(answer.rawHeaders, 'x-token-was')).toEqual(['t1']);
    expect(answer.body).toBe(`page=${created.origins.app} raw=\${not.a.template}`);
  });

  it('redirects with the configured status and expanded Location', async () => {
    const created = await start({ api: { routes: [{ path: '/old', status: 302, headers: { Location: '${origin:app}/new' } }] } });
    const answer = await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.api!), path: '/old' });
    expect(answer.status).toBe(302);
    expect(headerLines(answer.rawHeaders, 'location')).toEqual([`${created.origins.app}/new`]);
  });

  it('answers 404 with no CORS header when no route matches, as a misconfigured server would', async () => {
    const created = await start({ api: { routes: [{ path: '/data', method: 'GET' }] } });
    const answer = await rawRequest(server.ports.http[0]!, { method: 'OPTIONS', host: hostOf(created.origins.api!), path: '/data', headers: { origin: created.origins.app!, 'access-control-request-method': 'PUT' } });
    expect(answer.status).toBe(404);
    expect(answer.rawHeaders.some((name) => name.toLowerCase().startsWith('access-control-'))).toBe(false);
  });

  it('matches the first route on path prefix and method, and a lower-case method never reaches a route', async () => {
    const created = await start({
      api: {
        routes: [
          { path: '/items/*', method: ['PATCH', 'PUT'], body: 'upper' },
          { path: '/items/*', body: 'any' },
        ],
      },
    });
    const host = hostOf(created.origins.api!);
    const port = server.ports.http[0]!;
    expect((await rawRequest(port, { method: 'PATCH', host, path: '/items/1' })).body).toBe('upper');
    // Node's HTTP parser knows methods in upper case only: a `patch` request never reaches a route.
    for (const listening of server.ports.http) {
      const answer = await rawSocketExchange(listening, `patch /items/1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      // Every listener answers the parser's refusal alike, with Fastify's JSON error.
      expect(answer.endsWith('{"error":"Bad Request","message":"Client Error","statusCode":400}')).toBe(true);
    }
    expect((await rawRequest(port, { method: 'GET', host, path: '/items/1?x=1' })).body).toBe('any');
    expect((await rawRequest(port, { method: 'GET', host, path: '/other' })).status).toBe(404);
  });

  it('answers HEAD without a body and 204 with neither body nor length', async () => {
    const created = await start({ api: { routes: [{ path: '/h', method: ['HEAD', 'OPTIONS'], status: 204, body: 'ignored' }, { path: '/g', method: 'HEAD', body: 'abc' }] } });
    const host = hostOf(created.origins.api!);
    const port = server.ports.http[0]!;
    const noContent = await rawRequest(port, { method: 'OPTIONS', host, path: '/h' });
    expect([noContent.status, noContent.body, headerLines(noContent.rawHeaders, 'content-length')]).toEqual([204, '', []]);
    const head = await rawRequest(port, { method: 'HEAD', host, path: '/g' });
    expect([head.status, head.body, headerLines(head.rawHeaders, 'content-length')]).toEqual([200, '', ['3']]);
  });

  it('waits delayMs before answering', async () => {
    const created = await start({ api: { routes: [{ path: '/slow', delayMs: 300 }] } });
    const started = process.hrtime.bigint();
    await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.api!), path: '/slow' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(290);
  });

  it('serves the second port for origins that differ by port only', async () => {
    const created = await start({ app2: { routes: [{ path: '/p', body: 'second' }] } });
    const answer = await rawRequest(server.ports.http[1]!, { host: hostOf(created.origins.app2!), path: '/p' });
    expect(answer.body).toBe('second');
  });
});
