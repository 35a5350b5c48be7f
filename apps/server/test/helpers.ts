import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { buildApp, type PlaygroundApp } from '../src/app';
import type { ServerConfig } from '../src/config';

export const PORTS = { http: [8080, 8081] };

export function scenario(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    title: 'test',
    origins: { app: { site: 'a' }, api: { site: 'b' }, app2: { host: 'app', port: 1 } },
    page: 'app',
    client: "log('hi')",
    servers: {
      api: {
        routes: [
          { path: '/data', method: 'GET', headers: { 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'data' },
        ],
      },
    },
    ...overrides,
  };
}

export async function app(config: Partial<ServerConfig> = {}): Promise<PlaygroundApp> {
  return buildApp({ ports: PORTS, webRoot: '/nonexistent', ...config });
}

export interface Created {
  id: string;
  origins: Record<string, string>;
  runUrl: string;
}

export async function createSandbox(playground: PlaygroundApp, body: unknown = scenario()): Promise<Created> {
  const response = await playground.app.inject({ method: 'POST', url: '/api/sandboxes', payload: body as object });
  if (response.statusCode !== 201) throw new Error(`sandbox not created: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The Host header an origin string names. */
export function hostOf(origin: string): string {
  return new URL(origin).host;
}

/** A raw HTTP request to a listening server, keeping every header line as sent. */
export function rawRequest(
  port: number,
  options: { method?: string; host: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; rawHeaders: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: options.host, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sends bytes as written (Node's HTTP client would upper-case the method) and returns the whole answer. */
export function rawSocketExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}
