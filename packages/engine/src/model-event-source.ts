import { fetchRequest } from './fetch-algorithm';
import { getHeader } from './header-list';
import type { FetchOutcome } from './main-fetch';
import { parseMimeTypeEssence } from './mime-type';
import type { ModelRequest } from './model-request';
import { defineEventHandlers, domException, hideResponse, HTML_SPEC, newRecord, pageVerdict } from './page-api-support';
import type { RequestTrace } from './request-record';
import { parseUrl, track, type SimulationContext } from './simulation-context';
import { ModelEventTarget } from './xhr-events';
import type { RequestRecord } from '@cors-playground/scenario';

const SSE_SPEC = `${HTML_SPEC}server-sent-events.html`;
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

export interface StreamEvent {
  type: string;
  data: string;
  lastEventId: string;
}

/**
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation: the
 * events a whole response body dispatches (an event not ended by a blank line is dropped).
 */
export function parseEventStream(body: string): StreamEvent[] {
  const events: StreamEvent[] = [];
  let data = '';
  let type = '';
  let lastEventId = '';
  for (const line of body.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).slice(0, -1)) {
    if (line === '') {
      if (data !== '') events.push({ type: type || 'message', data: data.endsWith('\n') ? data.slice(0, -1) : data, lastEventId });
      data = '';
      type = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data += `${value}\n`;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
  }
  return events;
}

/** Why an EventSource fails although the fetch went through (the response's status or MIME type). */
function responseProblem(outcome: FetchOutcome & { ok: true }): { detail: string; console: string | null } | null {
  const { status, headers } = outcome.response;
  if (status !== 200) return { detail: `The response's status is ${status}, not 200: the EventSource fails and does not reconnect.`, console: null };
  const type = getHeader(headers, 'content-type');
  if (type === null || parseMimeTypeEssence(type) !== 'text/event-stream') {
    return {
      detail: `The response's Content-Type is ${type ?? 'missing'}, not text/event-stream: the EventSource fails and does not reconnect.`,
      console: `EventSource's response has a MIME type ("${type ?? ''}") that is not "text/event-stream". Aborting the connection.`,
    };
  }
  return null;
}

/**
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface over the
 * model's fetch: a GET in CORS mode with `Accept: text/event-stream`, credentials "include" with
 * withCredentials, else "same-origin". As the harness's instrumented EventSource does, it does not
 * reconnect: when the stream ends it fires `error` (readyState CONNECTING), then closes.
 */
export function createEventSource(context: SimulationContext) {
  class EventSource extends ModelEventTarget {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSED = CLOSED;
    readonly url: string;
    readonly withCredentials: boolean;
    #state = CONNECTING;

    constructor(url: unknown, init?: { withCredentials?: unknown }) {
      super();
      const parsed = parseUrl(context, String(url));
      if (parsed === null) throw domException(`Failed to construct 'EventSource': Cannot open an EventSource to '${String(url)}'. The URL is invalid.`, 'SyntaxError');
      this.url = parsed.href;
      this.withCredentials = Boolean(init?.withCredentials);
      const { record, trace } = newRecord(context, 'eventsource', 'GET', parsed.href);
      const request: ModelRequest = {
        api: 'eventsource', method: 'GET', urlList: [parsed], origin: context.page.origin, headers: [['accept', 'text/event-stream']], body: null,
        mode: 'cors', credentialsMode: this.withCredentials ? 'include' : 'same-origin', redirectMode: 'follow', useCorsPreflight: false, responseTainting: 'basic', redirectCount: 0,
      };
      const credentials = this.withCredentials ? 'withCredentials: credentials mode "include"' : 'credentials mode "same-origin" (withCredentials is false)';
      trace.verdicts.push(pageVerdict('info', `${SSE_SPEC}#dom-eventsource`, 'new EventSource(url)', `A GET in CORS mode with Accept: text/event-stream and ${credentials}; it never needs a preflight.`));
      track(context, new Promise<void>((resolve) => {
        queueMicrotask(() => fetchRequest(context, record, trace, request, { processResponse: (outcome) => resolve(this.#connected(outcome, record, trace)) }));
      }));
    }

    get readyState(): number {
      return this.#state;
    }

    close(): void {
      this.#state = CLOSED;
    }

    /** https://html.spec.whatwg.org/multipage/server-sent-events.html#sse-processing-model */
    #connected(outcome: FetchOutcome, record: RequestRecord, trace: RequestTrace): void {
      hideResponse(record);
      const problem = outcome.ok ? responseProblem(outcome) : null;
      if (!outcome.ok || problem) {
        if (problem) {
          trace.verdicts.push(pageVerdict('fail', `${SSE_SPEC}#sse-processing-model`, 'EventSource processing model', problem.detail, 'eventsource-response'));
          Object.assign(record, { outcome: 'blocked', blockedBy: 'eventsource-response', fix: null });
          record.console = { ...record.console, [context.engine]: context.engine === 'chromium' ? problem.console : null };
        }
        return this.#later(() => {
          this.#state = CLOSED;
          this.fire('error');
        });
      }
      trace.verdicts.push(pageVerdict('pass', `${SSE_SPEC}#sse-processing-model`, 'EventSource processing model', 'The response is 200 with Content-Type text/event-stream: the connection opens and each event of the stream is dispatched.'));
      const origin = new URL(outcome.response.url).origin;
      this.#later(() => {
        this.#state = OPEN;
        this.fire('open');
      });
      for (const event of parseEventStream(outcome.response.body)) this.#later(() => this.fire(event.type, undefined, { data: event.data, lastEventId: event.lastEventId, origin }));
      // The stream ended: the browser would reconnect; the harness's EventSource closes instead.
      this.#later(() => {
        this.#state = CONNECTING;
        this.fire('error');
      });
      this.#later(() => (this.#state = CLOSED));
    }

    /** A task at the current instant: each event is its own task, and close() stops the ones after it. */
    #later(step: () => void): void {
      context.clock.schedule(context.clock.now, () => {
        if (this.#state !== CLOSED) step();
      });
    }
  }
  defineEventHandlers(EventSource.prototype, ['open', 'message', 'error']);
  return EventSource;
}
