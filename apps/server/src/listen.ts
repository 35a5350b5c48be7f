import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildApp, type PlaygroundApp } from './app';
import { resolveConfig, type ServerOptions } from './config';
import { forgetSandboxOrigins } from './cors-plugins';
import { loadTls, type LiveHostCheck, type TlsSetup } from './tls';

type Scheme = 'http' | 'https';
type Listener = HttpServer | HttpsServer;

export interface RunningServer {
  playground: PlaygroundApp;
  /** The playground's URL, e.g. http://localhost:8080 */
  url: string;
  ports: { http: number[]; https: number[] };
  /** The local CA's certificate, for a user to trust; null without https or with a provided certificate. */
  caCertFile: string | null;
  close(): Promise<void>;
}

/**
 * A listener beside Fastify's own answers what Node's HTTP parser refuses (a `patch` request, a
 * malformed line) exactly as Fastify's does, so every port, scheme and address behaves alike.
 */
function createListener(playground: PlaygroundApp, tls: TlsSetup | null): Listener {
  const handler = playground.handler();
  const server = tls ? createHttpsServer(tls.serverOptions, handler) : createHttpServer(handler);
  for (const listener of playground.app.server.listeners('clientError')) server.on('clientError', listener as (...args: unknown[]) => void);
  server.on('upgrade', playground.upgrade);
  return server;
}

function listenOn(server: Listener, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: address, ipv6Only: address.includes(':') }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeListeners(servers: Listener[]): Promise<unknown> {
  return Promise.all(
    servers.map((server) => {
      if (!server.listening) return undefined;
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
}

/**
 * Listens on every configured port of both schemes (one app, several listeners, so that origins
 * can differ by port or scheme only) and on every bind address. The first address decides
 * ephemeral ports; the others reuse them. An address the machine lacks (no IPv6) is skipped. The
 * certificates are ready before anything listens, so a bad certificate file stops the start.
 */
export async function startServer(overrides: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(overrides);
  const ports: Record<Scheme, number[]> = { http: [], https: [] };
  // Set once the app exists; no TLS client connects before then.
  let isLiveHost: LiveHostCheck = () => false;
  const tls = config.ports.https.length > 0 ? await loadTls(config, (servername) => isLiveHost(servername)) : null;
  const playground = await buildApp(config);
  isLiveHost = (servername) => ports.https.some((port) => playground.store.target(servername, port) !== null);
  playground.store.onDelete((sandbox) => forgetSandboxOrigins(Object.values(sandbox.origins).map(({ origin }) => origin)));
  const { app } = playground;
  const servers: Listener[] = [];
  const [first, ...others] = config.bindAddresses;
  try {
    for (const scheme of ['http', 'https'] as const) {
      for (const wanted of config.ports[scheme]) {
        const server = scheme === 'http' && servers.length === 0 ? app.server : createListener(playground, scheme === 'https' ? tls : null);
        servers.push(server);
        ports[scheme].push(await listenOn(server, wanted, first ?? '127.0.0.1'));
      }
    }
    for (const address of others) {
      for (const scheme of ['http', 'https'] as const) {
        for (const port of ports[scheme]) {
          const server = createListener(playground, scheme === 'https' ? tls : null);
          try {
            await listenOn(server, port, address);
            servers.push(server);
          } catch (error) {
            if (!['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
          }
        }
      }
    }
  } catch (error) {
    await app.close();
    await closeListeners(servers);
    throw error;
  }
  playground.setPorts(ports);
  return {
    playground,
    url: `http://localhost:${ports.http[0]}`,
    ports,
    caCertFile: tls?.caCertFile ?? null,
    async close() {
      // Fastify closes only a server it listened on itself; these listened through listenOn().
      await app.close();
      await closeListeners(servers);
    },
  };
}
