import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { originStrings, websocketAnswer } from '@cors-playground/scenario';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import type { SandboxStore, SandboxTarget } from './sandbox-store';

/**
 * WebSocket on sandbox origins. A WebSocket handshake meets no CORS check in the browser: the
 * server sees the Origin and decides (websocketAnswer, which the engine calls too). An accepted
 * socket echoes every message. Every handshake is logged as an exchange of the sandbox, with the
 * ws: or wss: URL the page asked for, its Origin and its cookies.
 */
export interface UpgradeHandler {
  /** The `upgrade` listener every http and https server of the app gets. */
  handle(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every open WebSocket (the app is closing; upgraded sockets keep no server open otherwise). */
  close(): void;
}

type ParseHost = (host: string | undefined, defaultPort?: number) => { hostname: string; port: number } | null;

function requestHeaderLines(request: IncomingMessage): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) lines.push([request.rawHeaders[index]!.toLowerCase(), request.rawHeaders[index + 1]!]);
  return lines;
}

/** Writes a plain HTTP answer on the raw socket and closes it: the handshake failed. */
function refuse(socket: Duplex, status: number, headers: Array<[string, string]>, body: string | Uint8Array): void {
  const payload = Buffer.from(body);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}`, ...headers.map(([name, value]) => `${name}: ${value}`), `content-length: ${payload.length}`, 'connection: close'];
  socket.once('finish', () => socket.destroy());
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]));
}

export function createUpgradeHandler(store: SandboxStore, config: ServerConfig, parseHost: ParseHost): UpgradeHandler {
  const sockets = new WebSocketServer({ noServer: true, clientTracking: true });
  // The route's headers go out on the 101 too (a Set-Cookie, say).
  const routeHeaders = new WeakMap<IncomingMessage, Array<[string, string]>>();
  sockets.on('headers', (written, request) => {
    for (const [name, value] of routeHeaders.get(request) ?? []) written.push(`${name}: ${value}`);
  });

  async function upgrade(target: SandboxTarget, request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { sandbox, origin } = target;
    const path = request.url ?? '/';
    const headerLines = requestHeaderLines(request);
    const headers = Object.fromEntries(headerLines.map(([name]) => [name, request.headers[name] === undefined ? undefined : String(request.headers[name])]));
    const answer = websocketAnswer(sandbox.scenario, originStrings(sandbox.origins), origin.label, { method: 'GET', path, headers });
    const url = `${origin.scheme === 'https' ? 'wss' : 'ws'}://${new URL(origin.origin).host}${path}`;
    const response = { status: answer.status, headers: answer.headers };
    store.recordExchange(sandbox, { label: origin.label, method: 'GET', url, requestHeaders: headerLines, response, routeIndex: answer.routeIndex });
    if (answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(answer.delayMs, config.runTimeoutMs)));
    if (!answer.accepted) return refuse(socket, answer.status, answer.headers, answer.body);
    routeHeaders.set(request, answer.headers);
    sockets.handleUpgrade(request, socket, head, (client) => {
      client.on('message', (data, isBinary) => client.send(data, { binary: isBinary }));
    });
  }

  return {
    handle(request, socket, head) {
      socket.on('error', () => socket.destroy());
      // A Host without a port means the scheme's default: 443 on a TLS socket.
      const host = parseHost(request.headers.host, 'encrypted' in request.socket ? 443 : 80);
      const target = host ? store.target(host.hostname, host.port) : null;
      if (!target) return refuse(socket, 404, [['content-type', 'text/plain; charset=utf-8']], 'No WebSocket here: only routes of a live sandbox origin accept upgrades.\n');
      upgrade(target, request, socket, head).catch(() => socket.destroy());
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
