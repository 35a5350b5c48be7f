import { STATUS_CODES, validateHeaderName, validateHeaderValue, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { originStrings, websocketAnswer } from '@cors-playground/scenario';
import { WebSocket, WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import { requestHeaderLines, requestHeaders, routeDelay } from './request-lines';
import { overCap } from './run-limits';
import { requestHost } from './host';
import type { Sandbox, SandboxStore, SandboxTarget } from './sandbox-store';

/**
 * WebSocket on sandbox origins. A WebSocket handshake meets no CORS check in the browser: the
 * server sees the Origin and decides (websocketAnswer, which the engine calls too). An accepted
 * socket echoes every message. Every upgrade request is logged as an exchange of the sandbox, with
 * what was really answered: the 101, or the refusal (the route's, the request cap's 429, a bad
 * handshake's 400, the 503 of a sandbox at its socket limit), under the ws: or wss: URL the page
 * asked for, its Origin and its cookies.
 *
 * What client code can hold open is bounded: a message is at most 64 KiB, a sandbox has at most 32
 * sockets, a socket silent for a run's time is closed, and a sandbox's sockets end with it.
 */
export interface UpgradeHandler {
  /** The `upgrade` listener every http and https server of the app gets. */
  handle(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every open WebSocket (the app is closing; upgraded sockets keep no server open otherwise). */
  close(): void;
}


export const MAX_MESSAGE_BYTES = 64 * 1024;
export const MAX_SOCKETS_PER_SANDBOX = 32;
/** Echoes a peer has not read yet, past which it is dropped (it sends without reading). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** RFC 6455, section 4.1: the key is 16 random bytes in base64. */
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;
const TEXT: [string, string] = ['content-type', 'text/plain; charset=utf-8'];

/** What makes a WebSocket handshake one ws would refuse (the same checks, so the log says what was answered). */
function handshakeProblem(request: IncomingMessage): { status: number; message: string } | null {
  if (request.method !== 'GET') return { status: 405, message: `A WebSocket handshake is a GET, not ${request.method}.` };
  const key = request.headers['sec-websocket-key'];
  if (key === undefined || !WEBSOCKET_KEY.test(key)) return { status: 400, message: 'Missing or invalid Sec-WebSocket-Key header.' };
  const version = Number(request.headers['sec-websocket-version']);
  if (version !== 13 && version !== 8) return { status: 400, message: 'Missing or invalid Sec-WebSocket-Version header (13 expected).' };
  return null;
}

/** The first header line Node cannot write (a character it refuses in a name or a value), or null. */
function unwritableHeader(headers: ReadonlyArray<[string, string]>): string | null {
  for (const [name, value] of headers) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      return name;
    }
  }
  return null;
}

/** Writes a plain HTTP answer on the raw socket and closes it: the handshake failed. Headers are checked writable first. */
function refuse(socket: Duplex, status: number, headers: ReadonlyArray<[string, string]>, body: string | Uint8Array): void {
  const payload = Buffer.from(body);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}`, ...headers.map(([name, value]) => `${name}: ${value}`), `content-length: ${payload.length}`, 'connection: close'];
  socket.once('finish', () => socket.destroy());
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]));
}

/** The log entry of one upgrade request, written once its answer is known. */
interface Handshake {
  target: SandboxTarget;
  url: string;
  headerLines: Array<[string, string]>;
}

export function createUpgradeHandler(store: SandboxStore, config: ServerConfig): UpgradeHandler {
  const sockets = new WebSocketServer({ noServer: true, clientTracking: true, maxPayload: MAX_MESSAGE_BYTES });
  const idleMs = config.runTimeoutMs + config.runGraceMs;
  const open = new Map<Sandbox, Set<WebSocket>>();
  const handshakes = new WeakMap<IncomingMessage, Handshake>();
  // The route's headers go out on the 101 too (a Set-Cookie, say).
  const routeHeaders = new WeakMap<IncomingMessage, Array<[string, string]>>();
  sockets.on('headers', (written, request) => {
    for (const [name, value] of routeHeaders.get(request) ?? []) written.push(`${name}: ${value}`);
  });
  // A handshake ws refuses past our own checks (a bad Sec-WebSocket-Protocol, say) is logged as answered.
  sockets.on('wsClientError', (error, socket, request) => {
    const handshake = handshakes.get(request);
    if (handshake) record(handshake, request, 400, [TEXT], null);
    refuse(socket, 400, [TEXT], `${error.message}\n`);
  });
  store.onDelete((sandbox) => {
    for (const client of open.get(sandbox) ?? []) client.terminate();
    open.delete(sandbox);
  });

  function record(handshake: Handshake, request: IncomingMessage, status: number, headers: Array<[string, string]>, routeIndex: number | null): void {
    const { target, url, headerLines } = handshake;
    store.recordExchange(target.sandbox, { label: target.origin.label, method: request.method ?? 'GET', url, requestHeaders: headerLines, response: { status, headers }, routeIndex });
  }

  function track(sandbox: Sandbox, client: WebSocket): void {
    let mine = open.get(sandbox);
    if (!mine) open.set(sandbox, (mine = new Set()));
    mine.add(client);
    let idle: NodeJS.Timeout;
    const awake = () => {
      clearTimeout(idle);
      idle = setTimeout(() => client.close(1001, `no message for ${idleMs / 1000} s`), idleMs).unref();
    };
    awake();
    client.on('message', (data, isBinary) => {
      awake();
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) return client.terminate();
      client.send(data, { binary: isBinary });
    });
    // A peer's protocol error (a message over 64 KiB, say): ws has already sent the close frame; without a listener it would throw.
    client.on('error', () => client.terminate());
    client.on('close', () => {
      clearTimeout(idle);
      mine.delete(client);
    });
  }

  async function upgrade(target: SandboxTarget, request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { sandbox, origin } = target;
    const path = request.url ?? '/';
    const isWebSocket = request.headers.upgrade?.toLowerCase() === 'websocket';
    const host = new URL(origin.origin).host;
    const handshake: Handshake = { target, url: isWebSocket ? `${origin.scheme === 'https' ? 'wss' : 'ws'}://${host}${path}` : origin.origin + path, headerLines: requestHeaderLines(request) };
    handshakes.set(request, handshake);
    const answerWith = (status: number, headers: Array<[string, string]>, body: string | Uint8Array, routeIndex: number | null) => {
      record(handshake, request, status, headers, routeIndex);
      refuse(socket, status, headers, body);
    };

    const capped = overCap(sandbox, config.maxRequestsPerRun);
    if (capped) return answerWith(capped.status, capped.headers, capped.body, null);
    if (!isWebSocket) return answerWith(400, [TEXT], `A sandbox origin answers Upgrade: websocket only, not Upgrade: ${request.headers.upgrade}.\n`, null);
    const problem = handshakeProblem(request);
    if (problem) return answerWith(problem.status, [TEXT], `${problem.message}\n`, null);
    const headers = requestHeaders(request, handshake.headerLines);
    const answer = websocketAnswer(sandbox.scenario, originStrings(sandbox.origins), origin.label, { method: 'GET', path, headers });
    const unwritable = unwritableHeader(answer.headers);
    if (unwritable !== null) return answerWith(500, [TEXT], `The route's header ${unwritable} holds a character Node cannot send in a header.\n`, answer.routeIndex);
    await routeDelay(answer.delayMs, config.runTimeoutMs);
    if (!answer.accepted) return answerWith(answer.status, answer.headers, answer.body, answer.routeIndex);
    if ((open.get(sandbox)?.size ?? 0) >= MAX_SOCKETS_PER_SANDBOX) {
      return answerWith(503, [TEXT], `This sandbox has ${MAX_SOCKETS_PER_SANDBOX} WebSockets open, its most: close one first.\n`, answer.routeIndex);
    }
    routeHeaders.set(request, answer.headers);
    sockets.handleUpgrade(request, socket, head, (client) => {
      record(handshake, request, 101, answer.headers, answer.routeIndex);
      track(sandbox, client);
    });
  }

  return {
    handle(request, socket, head) {
      socket.on('error', () => socket.destroy());
      const host = requestHost(request);
      const target = host ? store.target(host.hostname, host.port) : null;
      if (!target) return refuse(socket, 404, [TEXT], 'No WebSocket here: only routes of a live sandbox origin accept upgrades.\n');
      upgrade(target, request, socket, head).catch(() => socket.destroy());
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
