import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, type PlaygroundApp } from './app';
import type { ServerConfig } from './config';

export interface RunningServer {
  playground: PlaygroundApp;
  /** The playground's URL, e.g. http://localhost:8080 */
  url: string;
  ports: { http: number[] };
  close(): Promise<void>;
}

/**
 * A listener beside Fastify's own answers what Node's HTTP parser refuses (a `patch` request, a
 * malformed line) exactly as Fastify's does, so every port and address behaves alike.
 */
function createListener(playground: PlaygroundApp): Server {
  const server = createServer(playground.handler());
  for (const listener of playground.app.server.listeners('clientError')) server.on('clientError', listener as (...args: unknown[]) => void);
  return server;
}

function listenOn(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: address, ipv6Only: address.includes(':') }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Listens on every configured port (one app, several listeners, so that origins can differ by
 * port only) and on every bind address. The first address decides ephemeral ports; the others
 * reuse them. An address the machine lacks (no IPv6) is skipped.
 */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const playground = await buildApp(overrides);
  const { config, app } = playground;
  const servers: Server[] = [];
  const ports: number[] = [];
  const [first, ...others] = config.bindAddresses;
  for (const [index, wanted] of config.ports.http.entries()) {
    const server = index === 0 ? app.server : createListener(playground);
    ports.push(await listenOn(server, wanted, first ?? '127.0.0.1'));
    servers.push(server);
  }
  for (const address of others) {
    for (const port of ports) {
      const server = createListener(playground);
      try {
        await listenOn(server, port, address);
        servers.push(server);
      } catch (error) {
        if (!['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    }
  }
  playground.setPorts({ http: ports });
  return {
    playground,
    url: `http://localhost:${ports[0]}`,
    ports: { http: ports },
    async close() {
      // Fastify closes only a server it listened on itself; these listened through listenOn().
      await app.close();
      await Promise.all(
        servers.map((server) => {
          if (!server.listening) return undefined;
          server.closeAllConnections();
          return new Promise((resolve) => server.close(resolve));
        }),
      );
    },
  };
}
