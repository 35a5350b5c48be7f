import { websocketAnswer, type RequestRecord } from '@cors-playground/scenario';
import { consoleLinesFor } from './console-messages';
import type { HeaderList } from './header-list';
import { labelOf } from './origin-labels';
import { defineEventHandlers, domException, newRecord, pageVerdict, WEBSOCKETS_SPEC } from './page-api-support';
import type { RequestTrace } from './request-record';
import { parseUrl, track, type SimulationContext } from './simulation-context';
import { ModelEventTarget } from './xhr-events';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
const ESTABLISH = `${WEBSOCKETS_SPEC}#concept-websocket-establish`;
/** The key every modelled handshake sends (a browser sends a random one; only its presence matters). */
const MODEL_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** https://websockets.spec.whatwg.org/#dom-websocket-websocket, steps 1-7: the URL record, or a SyntaxError. */
function websocketUrl(context: SimulationContext, input: string): URL {
  const parsed = parseUrl(context, input);
  if (parsed === null) throw domException(`Failed to construct 'WebSocket': The URL '${input}' is invalid.`, 'SyntaxError');
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw domException(`Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${parsed.protocol.slice(0, -1)}' is not allowed.`, 'SyntaxError');
  }
  parsed.hash = '';
  return parsed;
}

/** The http(s) URL whose origin serves a ws(s) URL. */
function httpUrlOf(url: URL): URL {
  return new URL(url.href.replace(/^ws/, 'http'));
}

/**
 * https://websockets.spec.whatwg.org/ over the modelled servers. The handshake meets no CORS
 * check: the browser sends `Origin` and the server decides (websocketAnswer, which the real
 * server calls too). An accepted socket echoes every message, as the sandbox's does.
 */
export function createWebSocket(context: SimulationContext) {
  class WebSocket extends ModelEventTarget {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly url: string;
    readonly protocol = '';
    readonly extensions = '';
    readonly bufferedAmount = 0;
    binaryType = 'blob';
    #state = CONNECTING;
    #closedEarly = false;
    #origin: string;

    constructor(url: unknown) {
      super();
      const parsed = websocketUrl(context, String(url));
      this.url = parsed.href;
      this.#origin = `${parsed.protocol}//${parsed.host}`;
      const { record, trace } = newRecord(context, 'websocket', 'GET', parsed.href);
      track(context, new Promise<void>((resolve) => queueMicrotask(() => resolve(this.#handshake(parsed, record, trace)))));
    }

    get readyState(): number {
      return this.#state;
    }

    send(data: unknown): void {
      if (this.#state === CONNECTING) throw domException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
      if (this.#state !== OPEN) return;
      this.#later(() => this.#state === OPEN && this.fire('message', undefined, { data, origin: this.#origin }));
    }

    close(code?: number, reason?: string): void {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw domException(`Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, 'InvalidAccessError');
      }
      if (this.#state === CONNECTING) {
        // Closing before the handshake ends fails the connection (error, then close 1006).
        this.#state = CLOSING;
        this.#closedEarly = true;
        return;
      }
      if (this.#state !== OPEN) return;
      this.#state = CLOSING;
      this.#later(() => {
        this.#state = CLOSED;
        this.fire('close', undefined, { code: code ?? 1005, reason: reason ?? '', wasClean: true });
      });
    }

    /** https://websockets.spec.whatwg.org/#concept-websocket-establish, as the modelled network answers it. */
    #handshake(url: URL, record: RequestRecord, trace: RequestTrace): void {
      const httpUrl = httpUrlOf(url);
      const label = labelOf(context.network.origins, httpUrl);
      const origin = context.page.origin;
      trace.verdicts.push(pageVerdict('info', ESTABLISH, 'Establish a WebSocket connection',
        `A GET with Upgrade: websocket and Origin: ${origin}. No CORS check applies to a WebSocket: no preflight, no Access-Control-Allow-Origin; the server reads Origin and decides.`, undefined, { origin }));
      if (label === null) {
        trace.verdicts.push(pageVerdict('fail', ESTABLISH, 'Establish a WebSocket connection', `Nothing answers at ${httpUrl.origin}: it is not an origin of this sandbox.`, 'network-error'));
        Object.assign(record, { outcome: 'error', blockedBy: 'network-error', explanation: trace.verdicts, fix: null });
        return this.#fail();
      }
      const lines: HeaderList = [
        ['host', url.host], ['pragma', 'no-cache'], ['cache-control', 'no-cache'], ['upgrade', 'websocket'], ['origin', origin],
        ['sec-websocket-version', '13'], ['sec-websocket-key', MODEL_KEY], ['sec-websocket-extensions', 'permessage-deflate; client_max_window_bits'],
      ];
      const answer = websocketAnswer(context.network.scenario, context.network.originStrings, label, { method: 'GET', path: url.pathname + url.search, headers: Object.fromEntries(lines) });
      context.network.exchanges.push({
        label, method: 'GET', url: url.href, requestHeaders: lines, response: { status: answer.status, headers: answer.headers }, routeIndex: answer.routeIndex, preflight: false, at: context.clock.now,
      });
      record.explanation = trace.verdicts;
      record.fix = null;
      context.clock.schedule(context.clock.now + answer.delayMs, () => {
        if (this.#closedEarly) {
          trace.verdicts.push(pageVerdict('fail', `${WEBSOCKETS_SPEC}#dom-websocket-close`, 'close()', 'close() was called before the handshake ended: the connection fails (error, then close with code 1006).', 'websocket-closed-early'));
          Object.assign(record, { outcome: 'blocked', blockedBy: 'websocket-closed-early' });
          record.console = consoleLinesFor(context.engine, context.engine === 'chromium' ? `WebSocket connection to '${url.href}' failed: WebSocket is closed before the connection is established.` : null);
          return this.#fail();
        }
        if (answer.accepted) {
          trace.verdicts.push(pageVerdict('pass', ESTABLISH, 'Establish a WebSocket connection', `The server answered 101 Switching Protocols: the socket is open (and echoes every message).`));
          record.outcome = 'ok';
          this.#state = OPEN;
          return this.fire('open');
        }
        trace.verdicts.push(pageVerdict('fail', ESTABLISH, 'Establish a WebSocket connection', `The server answered ${answer.status}, not 101: ${answer.refusal}. The handshake fails; JavaScript gets error, then close with code 1006.`, 'websocket-handshake', { status: String(answer.status) }));
        Object.assign(record, { outcome: 'blocked', blockedBy: 'websocket-handshake' });
        const line = `WebSocket connection to '${url.href}' failed: Error during WebSocket handshake: Unexpected response code: ${answer.status}`;
        record.console = consoleLinesFor(context.engine, context.engine === 'chromium' ? line : null);
        this.#fail();
      });
    }

    /** A failed connection: error, then close 1006 (not clean). */
    #fail(): void {
      this.#state = CLOSED;
      this.fire('error');
      this.fire('close', undefined, { code: 1006, reason: '', wasClean: false });
    }

    #later(step: () => void): void {
      context.clock.schedule(context.clock.now, step);
    }
  }
  defineEventHandlers(WebSocket.prototype, ['open', 'message', 'error', 'close']);
  return WebSocket;
}
