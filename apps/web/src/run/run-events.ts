import type { Exchange, HarnessReport, RunRecords } from '@cors-playground/scenario';
import { isExchange, isHarnessReport, isObject, isRunRecords } from '../predict/records-shape';

export type RunEndReason = 'finished' | 'timeout' | 'expired';

export interface RunEventHandlers {
  exchange(exchange: Exchange): void;
  report(report: HarnessReport): void;
  actual(actual: RunRecords): void;
  /** `requestCap` is set when the run hit the sandbox's request cap (apps/server/src/run-limits.ts). */
  end(reason: RunEndReason, requestCap: { limit: number; refused: number } | null): void;
  /** The stream broke for good (EventSource gave up reconnecting). */
  broken(message: string): void;
}

export interface RunEvents {
  close(): void;
}

function parse(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return undefined;
  }
}

/**
 * Listens to a sandbox's server-sent events. The server replays what happened so far on every
 * (re)connect, so exchanges may arrive twice: the store keeps them by `seq`. Malformed events are
 * dropped.
 */
export function openRunEvents(EventSourceImpl: typeof EventSource, url: string, handlers: RunEventHandlers): RunEvents {
  const source = new EventSourceImpl(url);
  let closed = false;
  const close = () => {
    closed = true;
    source.close();
  };
  source.addEventListener('exchange', (event) => {
    const data = parse(event);
    if (isExchange(data)) handlers.exchange(data);
  });
  source.addEventListener('report', (event) => {
    const data = parse(event);
    if (isHarnessReport(data)) handlers.report(data);
  });
  source.addEventListener('actual', (event) => {
    const data = parse(event);
    if (isRunRecords(data)) handlers.actual(data);
  });
  source.addEventListener('end', (event) => {
    const data = parse(event);
    const reason = isObject(data) && (data.reason === 'timeout' || data.reason === 'expired') ? data.reason : 'finished';
    close();
    const cap = isObject(data) && isObject(data.requestCap) ? data.requestCap : null;
    handlers.end(reason, cap && typeof cap.limit === 'number' && typeof cap.refused === 'number' ? { limit: cap.limit, refused: cap.refused } : null);
  });
  source.addEventListener('error', () => {
    if (!closed && source.readyState === EventSourceImpl.CLOSED) {
      closed = true;
      handlers.broken('The connection to the run’s event stream was lost.');
    }
  });
  return { close };
}
