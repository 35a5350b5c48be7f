import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '@cors-playground/scenario';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest, scenario } from './helpers';

let server: RunningServer;
afterEach(() => server?.close());

async function start(overrides: Record<string, unknown>, config: Record<string, unknown> = {}) {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent', ...config });
  const response = await fetch(`${server.url}/api/sandboxes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario(overrides)),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; origins: Record<string, string>; runUrl: string };
}

async function exchanges(id: string): Promise<Exchange[]> {
  return ((await (await fetch(`${server.url}/api/sandboxes/${id}/log`)).json()) as { exchanges: Exchange[] }).exchanges;
}

const PROXY_SERVERS = {
  app: { routes: [{ path: '/api/*', method: '*', delayMs: 20, headers: { 'X-Proxy': 'app' }, proxy: { to: 'api', path: '/v2/*' } }] },
  api: { routes: [{ path: '/v2/*', method: '*', status: 201, headers: { 'Content-Type': 'text/plain' }, body: '${request.method} ${request.path} ${request.body}|${request.origin}|${request.header:host}|${request.header:via}' }] },
};

describe('the same-origin proxy', () => {
  it('forwards method, path, query and body to the other origin and relays its answer with the proxy route headers added', async () => {
    const created = await start({ servers: PROXY_SERVERS });
    const answer = await rawRequest(server.ports.http[0]!, {
      method: 'POST', host: hostOf(created.origins.app!), path: '/api/orders?x=1',
      headers: { origin: created.origins.app!, 'content-type': 'text/plain' }, body: 'tea=2',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toBe(`POST /v2/orders?x=1 tea=2|${created.origins.app}|${hostOf(created.origins.api!)}|1.1 app`);
    const names = answer.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
    expect(names).toContain('x-proxy');
  });

  it('logs the forwarded request on the target origin, marked with the proxy, before the request the browser sent', async () => {
    const created = await start({ servers: PROXY_SERVERS });
    await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.app!), path: '/api/items' });
    const log = await exchanges(created.id);
    expect(log.map(({ label, method, url, via }) => ({ label, method, url, via }))).toEqual([
      { label: 'api', method: 'GET', url: `${created.origins.api}/v2/items`, via: 'app' },
      { label: 'app', method: 'GET', url: `${created.origins.app}/api/items`, via: undefined },
    ]);
    expect(log[0]!.requestHeaders).toContainEqual(['host', hostOf(created.origins.api!)]);
  });

  it('stops a proxy loop with 508 and no CORS header', async () => {
    const created = await start({ servers: { app: { routes: [{ path: '/loop', proxy: { to: 'app' } }] } } });
    const answer = await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.app!), path: '/loop' });
    expect(answer.status).toBe(508);
    expect(answer.rawHeaders.some((name) => name.toLowerCase().startsWith('access-control-'))).toBe(false);
  });
});

describe('the request cap of a run', () => {
  it('answers the requests past the cap with 429 and no CORS header, and serving the harness page again does not start counting again', async () => {
    const created = await start({}, { maxRequestsPerRun: 3 });
    const get = () => rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.api!), path: '/data', headers: { origin: created.origins.app! } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await get();
    expect(refused.rawHeaders.some((name) => name.toLowerCase().startsWith('access-control-'))).toBe(false);
    // A sandbox runs once: client code that loads the harness page again gets no fresh count.
    for (let i = 0; i < 2; i++) {
      const page = await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.app!), path: new URL(created.runUrl).pathname });
      expect(page.status).toBe(200);
    }
    expect((await get()).status).toBe(429);
  });

  it('says at the run\'s end that the cap was hit, and how many requests it refused, streaming only the first refused one', async () => {
    const created = await start({}, { maxRequestsPerRun: 1 });
    const port = server.ports.http[0]!;
    await rawRequest(port, { host: hostOf(created.origins.app!), path: new URL(created.runUrl).pathname });
    for (let i = 0; i < 4; i++) await rawRequest(port, { host: hostOf(created.origins.api!), path: '/data' });
    const report = { observations: [], log: [], end: 'finished', error: null };
    await rawRequest(port, { method: 'POST', host: hostOf(created.origins.app!), path: '/__cors-playground/report', headers: { 'content-type': 'application/json', origin: created.origins.app! }, body: JSON.stringify(report) });
    const stream = await (await fetch(`${server.url}/api/sandboxes/${created.id}/events`)).body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/event: end\ndata: .*\n\n/.test(text)) text += (await stream.read()).value ?? '';
    await stream.cancel();
    expect(text.match(/event: exchange/g)).toHaveLength(2);
    expect(text).toContain('"requestCap":{"limit":1,"refused":3}');
    expect(await exchanges(created.id)).toHaveLength(4);
  });

  it('keeps serving another sandbox while one is past its cap', async () => {
    const flooded = await start({}, { maxRequestsPerRun: 2 });
    const other = await (await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario()) })).json() as { origins: Record<string, string> };
    for (let i = 0; i < 4; i++) await rawRequest(server.ports.http[0]!, { host: hostOf(flooded.origins.api!), path: '/data' });
    expect((await rawRequest(server.ports.http[0]!, { host: hostOf(other.origins.api!), path: '/data' })).status).toBe(200);
  });
});
