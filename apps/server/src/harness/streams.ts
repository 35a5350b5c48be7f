/// <reference lib="dom" />
/**
 * Instruments the browser's EventSource, WebSocket and navigator.sendBeacon, as client.ts does
 * fetch and XHR, so each call becomes an observation (api "eventsource", "websocket", "beacon").
 *
 * - EventSource: resolved at `open`, rejected at an `error` before it. When the server ends the
 *   stream, the browser fires `error` (readyState CONNECTING) and would reconnect after a few
 *   seconds; the instrumented one closes right after that event instead, so a run never loops.
 * - WebSocket: resolved at `open`, rejected at an `error` before it (a refused handshake).
 * - sendBeacon: the call only says whether the beacon was queued. Its mode is "cors" for a Blob
 *   whose type is not a CORS-safelisted Content-Type, else "no-cors". Chromium adds a Resource
 *   Timing entry (initiatorType "beacon") when the beacon is done, failed or not: in CORS mode
 *   its responseStatus is the status when the response passed the CORS check, 0 when CORS
 *   blocked it (checked in Chromium 156). The observation settles then; until the entry comes it
 *   stays pending, and the server log and the console tell the rest.
 */
import type { Observation } from '@cors-playground/scenario';
import type { HarnessTools } from './tools';


/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header, for Content-Type: the MIME type's essence. */
const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** sendBeacon's mode: "cors" only for a Blob body whose type is set and not a CORS-safelisted Content-Type. */
export function beaconMode(data: unknown): 'cors' | 'no-cors' {
  if (!(data instanceof Blob) || data.type === '') return 'no-cors';
  return SAFELISTED_CONTENT_TYPES.has(data.type.split(';')[0]!.trim().toLowerCase()) ? 'no-cors' : 'cors';
}

/** Resolves at the first `open` (true) or `error` (false) of an EventSource or a WebSocket. */
function firstOutcome(target: EventTarget): Promise<boolean> {
  return new Promise((resolve) => {
    target.addEventListener('open', () => resolve(true), { once: true });
    target.addEventListener('error', () => resolve(false), { once: true });
  });
}

function observeConnection(tools: HarnessTools, observation: Observation, target: EventTarget, what: string): void {
  void tools.track(
    firstOutcome(target).then((opened) => {
      observation.settled = opened ? 'resolved' : 'rejected';
      if (!opened) observation.error = `${what}: the connection failed`;
    }),
  );
}

/** Resolves, per beacon sent to a URL, with the responseStatus of its Resource Timing entry, in order. */
function watchBeacons(): (url: string) => Promise<number> {
  const entries: PerformanceResourceTiming[] = [];
  const waiting: Array<{ url: string; resolve: (status: number) => void }> = [];
  const match = () => {
    for (let index = 0; index < waiting.length; ) {
      const at = entries.findIndex((entry) => entry.name === waiting[index]!.url);
      if (at === -1) index++;
      else waiting.splice(index, 1)[0]!.resolve(entries.splice(at, 1)[0]!.responseStatus ?? 0);
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) if (entry.initiatorType === 'beacon') entries.push(entry);
    match();
  }).observe({ type: 'resource' });
  return (url) =>
    new Promise((resolve) => {
      waiting.push({ url, resolve });
      match();
    });
}

function settleBeacon(observation: Observation, status: number): void {
  if (observation.mode === 'cors' && status === 0) {
    observation.settled = 'rejected';
    observation.error = 'the beacon failed (CORS, or no server)';
  } else {
    observation.settled = 'resolved';
    observation.responseType = observation.mode === 'cors' ? 'cors' : 'opaque';
  }
}

export function instrumentStreams(tools: HarnessTools): void {
  const RealEventSource = window.EventSource;
  window.EventSource = class InstrumentedEventSource extends RealEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      const observation = tools.observe('eventsource', 'GET', this.url);
      observation.mode = 'cors';
      observeConnection(tools, observation, this, 'EventSource');
      // Registered first, so the client's own listeners see the browser's readyState; closed before any reconnect.
      this.addEventListener('error', () => {
        if (this.readyState === RealEventSource.CONNECTING) setTimeout(() => this.close(), 0);
      });
    }
  };

  const RealWebSocket = window.WebSocket;
  window.WebSocket = class InstrumentedWebSocket extends RealWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const observation = tools.observe('websocket', 'GET', this.url);
      observeConnection(tools, observation, this, 'WebSocket');
    }
  };

  const beaconDone = watchBeacons();
  const realSendBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = function sendBeacon(url: string | URL, data?: BodyInit | null): boolean {
    const observation = tools.observe('beacon', 'POST', tools.absoluteUrl(String(url)));
    observation.mode = beaconMode(data);
    try {
      const queued = realSendBeacon(url, data);
      if (!queued) {
        observation.settled = 'rejected';
        observation.error = 'sendBeacon returned false: the beacon was not queued';
      } else void tools.track(beaconDone(observation.url).then((status) => settleBeacon(observation, status)));
      return queued;
    } catch (error) {
      observation.settled = 'rejected';
      observation.error = tools.describeError(error);
      throw error;
    }
  };
}
