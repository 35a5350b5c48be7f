import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Exchange } from '@cors-playground/scenario';
import { startServer, type RunningServer } from '../src/listen';
import { createSandbox, hostOf, scenario } from './helpers';

let server: RunningServer;

beforeEach(async () => {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
});

afterEach(async () => {
  await server.close();
});

const SOCKET_ROUTES = [
  { path: '/socket', websocket: true },
  { path: '/only-app', websocket: { origins: ['${origin:app}'] }, headers: { 'X-Route': 'only-app' } },
  { path: '/plain', body: 'not a socket' },
];

/** Opens a WebSocket to a sandbox origin (through 127.0.0.1, with the origin's Host), with the given Origin. */
function connect(origin: string, path: string, from: string, port = server.ports.http[0]!) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers: { host: hostOf(origin) }, origin: from });
  return new Promise<{ opened: boolean; status: number | null; echo: string | null; headers: Record<string, unknown> }>((resolve) => {
    socket.on('upgrade', (response) => {
      socket.once('open', () => socket.send('ping'));
      socket.once('message', (data) => {
        socket.close();
        resolve({ opened: true, status: 101, echo: String(data), headers: response.headers });
      });
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? null, echo: null, headers: response.headers });
      response.resume();
      socket.terminate();
    });
    socket.on('error', () => resolve({ opened: false, status: null, echo: null, headers: {} }));
  });
}

async function sandboxLog(id: string): Promise<Exchange[]> {
  const response = await server.playground.app.inject({ method: 'GET', url: `/api/sandboxes/${id}/log` });
  return (response.json() as { exchanges: Exchange[] }).exchanges;
}

describe('WebSocket on sandbox origins', () => {
  it('accepts an upgrade on a websocket route from any origin, echoes messages and logs the handshake with its Origin', async () => {
    const sandbox = await createSandbox(server.playground, scenario({ servers: { api: { routes: SOCKET_ROUTES } } }));
    const answer = await connect(sandbox.origins.api!, '/socket', 'http://elsewhere.example');
    expect(answer).toMatchObject({ opened: true, status: 101, echo: 'ping' });
    const [exchange] = await sandboxLog(sandbox.id);
    expect(exchange).toMatchObject({ method: 'GET', url: `ws://${hostOf(sandbox.origins.api!)}/socket`, response: { status: 101 }, routeIndex: 0 });
    expect(exchange!.requestHeaders).toContainEqual(['origin', 'http://elsewhere.example']);
  });

  it('answers 403 to an Origin the route does not list, and accepts a listed one with the route headers on the 101', async () => {
    const sandbox = await createSandbox(server.playground, scenario({ servers: { api: { routes: SOCKET_ROUTES } } }));
    expect(await connect(sandbox.origins.api!, '/only-app', sandbox.origins.api!)).toMatchObject({ opened: false, status: 403 });
    const accepted = await connect(sandbox.origins.api!, '/only-app', sandbox.origins.app!);
    expect(accepted).toMatchObject({ opened: true, echo: 'ping' });
    expect(accepted.headers['x-route']).toBe('only-app');
    expect((await sandboxLog(sandbox.id)).map((exchange) => exchange.response.status)).toEqual([403, 101]);
  });

  it('fails the handshake of a route without websocket with its plain answer, and of an unknown path with 404', async () => {
    const sandbox = await createSandbox(server.playground, scenario({ servers: { api: { routes: SOCKET_ROUTES } } }));
    expect(await connect(sandbox.origins.api!, '/plain', sandbox.origins.app!)).toMatchObject({ opened: false, status: 200 });
    expect(await connect(sandbox.origins.api!, '/nothing', sandbox.origins.app!)).toMatchObject({ opened: false, status: 404 });
  });

  it('upgrades on every listening port, and refuses a host that is no live sandbox origin', async () => {
    const sandbox = await createSandbox(server.playground, scenario({ origins: { app: { site: 'a' }, api: { site: 'b', port: 1 } }, servers: { api: { routes: SOCKET_ROUTES } } }));
    expect(await connect(sandbox.origins.api!, '/socket', sandbox.origins.app!, server.ports.http[1])).toMatchObject({ opened: true });
    expect(await connect('http://localhost', '/socket', sandbox.origins.app!)).toMatchObject({ opened: false, status: 404 });
  });
});
