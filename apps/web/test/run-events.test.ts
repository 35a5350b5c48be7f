import { describe, expect, it, vi } from 'vitest';
import { openRunEvents, type RunEventHandlers } from '../src/run/run-events';

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.OPEN;
  closed = false;
  private listeners = new Map<string, Array<(event: Event) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data?: string) {
    const event = Object.assign(new Event(type), { data });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function handlers() {
  return {
    exchange: vi.fn<RunEventHandlers['exchange']>(),
    report: vi.fn<RunEventHandlers['report']>(),
    actual: vi.fn<RunEventHandlers['actual']>(),
    end: vi.fn<RunEventHandlers['end']>(),
    broken: vi.fn<RunEventHandlers['broken']>(),
  };
}

const exchange = { seq: 0, at: 1, label: 'api', method: 'GET', url: 'http://a/x', requestHeaders: [], response: { status: 200, headers: [] }, routeIndex: 0 };

describe('a run’s event stream', () => {
  it('passes well-formed events on and drops malformed ones', () => {
    const on = handlers();
    openRunEvents(FakeEventSource as unknown as typeof EventSource, '/api/sandboxes/x/events', on);
    const source = FakeEventSource.last!;
    source.emit('exchange', JSON.stringify(exchange));
    source.emit('exchange', '{not json');
    source.emit('exchange', JSON.stringify({ seq: 'one' }));
    source.emit('actual', JSON.stringify({ requests: [], log: ['a'] }));
    expect(on.exchange).toHaveBeenCalledTimes(1);
    expect(on.actual).toHaveBeenCalledWith({ requests: [], log: ['a'] });
  });

  it('closes itself at the end and reports why the run ended', () => {
    const on = handlers();
    openRunEvents(FakeEventSource as unknown as typeof EventSource, '/events', on);
    FakeEventSource.last!.emit('end', JSON.stringify({ reason: 'timeout' }));
    expect(on.end).toHaveBeenCalledWith('timeout', null);
    expect(FakeEventSource.last!.closed).toBe(true);
  });

  it('passes on that the run hit the request cap, and how many requests it refused', () => {
    const on = handlers();
    openRunEvents(FakeEventSource as unknown as typeof EventSource, '/events', on);
    FakeEventSource.last!.emit('end', JSON.stringify({ reason: 'finished', requestCap: { limit: 500, refused: 20 } }));
    expect(on.end).toHaveBeenCalledWith('finished', { limit: 500, refused: 20 });
  });

  it('reports a stream that broke for good, but not one that is reconnecting', () => {
    const on = handlers();
    openRunEvents(FakeEventSource as unknown as typeof EventSource, '/events', on);
    const source = FakeEventSource.last!;
    source.readyState = FakeEventSource.CONNECTING;
    source.emit('error');
    expect(on.broken).not.toHaveBeenCalled();
    source.readyState = FakeEventSource.CLOSED;
    source.emit('error');
    expect(on.broken).toHaveBeenCalledTimes(1);
  });
});
