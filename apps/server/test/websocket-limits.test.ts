import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Exchange } from '@cors-playground/scenario';
import type { ServerOptions } from '../src/config';
import { startServer, type RunningServer } from '../src/listen';
import { MAX_SOCKETS_PER_SANDBOX } from '../src/websocket';
import { createSandbox, hostOf, rawSocketExchange, scenario } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SOCKETS = scenario({ servers: { api: { routes: [{ path: '/socket', websocket: true }] } } });

async function start(config: ServerOptions = {}) {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent', ...config });
  const created = await createSandbox(server.playground, SOCKETS);
  return { ...created, api: created.origins.api!, port: server.ports.http[0]! };
}

/** Opens a WebSocket to the api origin; resolves with the open socket, or the status of a refused handshake. */
function open(api: string, port: number): Promise<{ socket: WebSocket | null; status: number | null }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/socket`, { headers: { host: hostOf(api) } });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      socket.terminate();
      resolve({ socket: null, status: response.statusCode ?? null });
    });
    socket.once('error', () => resolve({ socket: null, status: null }));
  });
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function statuses(id: string): Promise<number[]> {
  const response = await server!.playground.app.inject({ method: 'GET', url: `/api/sandboxes/${id}/log` });
  return (response.json() as { exchanges: Exchange[] }).exchanges.map((exchange) => exchange.response.status);
}

describe('what client code can hold open over WebSocket', () => {
  it('closes a socket that sends a message over 64 KiB (1009, message too big) and still echoes one under it', async () => {
    const { api, port } = await start();
    const { socket } = await open(api, port);
    const echo = new Promise((resolve) => socket!.once('message', (data) => resolve(String(data).length)));
    socket!.send('x'.repeat(1000));
    expect(await echo).toBe(1000);
    socket!.send('x'.repeat(64 * 1024 + 1));
    expect(await closed(socket!)).toBe(1009);
  });

  it(`refuses the socket past ${MAX_SOCKETS_PER_SANDBOX} open ones with 503, and logs it`, async () => {
    const { id, api, port } = await start();
    const sockets: WebSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_SANDBOX; i++) sockets.push((await open(api, port)).socket!);
    expect(sockets.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);
    expect((await open(api, port)).status).toBe(503);
    expect((await statuses(id)).at(-1)).toBe(503);
    // One closed makes room for one more.
    const gone = closed(sockets[0]!);
    sockets[0]!.close();
    await gone;
    expect((await open(api, port)).status).toBe(101);
  });

  it('ends the open sockets of a sandbox when the sandbox is deleted', async () => {
    const { id, api, port } = await start();
    const { socket } = await open(api, port);
    const end = closed(socket!);
    server!.playground.store.delete(server!.playground.store.get(id));
    expect(await end).toBe(1006);
  });

  it('closes a socket that stays silent for the run time (1001)', async () => {
    const { api, port } = await start({ runTimeoutMs: 100, runGraceMs: 50 });
    const { socket } = await open(api, port);
    expect(await closed(socket!)).toBe(1001);
  });

  it('counts handshakes toward the request cap of the run: past it they are answered 429', async () => {
    const { id, api, port } = await start({ maxRequestsPerRun: 1 });
    expect((await open(api, port)).status).toBe(101);
    expect((await open(api, port)).status).toBe(429);
    expect(await statuses(id)).toEqual([101, 429]);
  });

  it('logs a malformed handshake with the 400 it got, not a 101', async () => {
    const { id, api, port } = await start();
    const answer = await rawSocketExchange(port, `GET /socket HTTP/1.1\r\nHost: ${hostOf(api)}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Sec-WebSocket-Key');
    expect(await statuses(id)).toEqual([400]);
  });

  it('answers an upgrade to another protocol (h2c) with 400 saying so, and logs it under its http URL', async () => {
    const { id, api, port } = await start();
    const answer = await rawSocketExchange(port, `GET /socket HTTP/1.1\r\nHost: ${hostOf(api)}\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Upgrade: websocket only, not Upgrade: h2c');
    const response = await server!.playground.app.inject({ method: 'GET', url: `/api/sandboxes/${id}/log` });
    expect((response.json() as { exchanges: Exchange[] }).exchanges).toMatchObject([{ url: `${api}/socket`, response: { status: 400 } }]);
  });
});
