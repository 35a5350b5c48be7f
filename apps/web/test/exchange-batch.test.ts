import type { Exchange } from '@cors-playground/scenario';
import { describe, expect, it } from 'vitest';
import { addExchanges, createExchangeBatch, EXCHANGE_BATCH_MS } from '../src/run/exchange-batch';

const exchange = (seq: number): Exchange => ({
  seq, at: seq, label: 'api', method: 'GET', url: 'http://api-x.site-b.localhost:8080/data', requestHeaders: [], response: { status: 200, headers: [] }, routeIndex: 0,
});

/** A clock whose timers run when the test says so. */
function manualClock() {
  const timers = new Map<number, { at: number; callback: () => void }>();
  let now = 0;
  let next = 1;
  return {
    setTimeout: (callback: () => void, ms: number) => (timers.set(next, { at: now + ms, callback }), next++),
    clearTimeout: (handle: number) => void timers.delete(handle),
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...timers]) if (timer.at <= now) (timers.delete(handle), timer.callback());
    },
  };
}

describe('the exchange batch', () => {
  it('applies a flood of exchanges as one update per period instead of one per event', () => {
    const clock = manualClock();
    const applied: number[][] = [];
    const batch = createExchangeBatch((list) => applied.push(list.map((item) => item.seq)), clock);
    for (let seq = 0; seq < 300; seq++) batch.add(exchange(seq));
    expect(applied).toEqual([]);
    clock.advance(EXCHANGE_BATCH_MS);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toHaveLength(300);
  });

  it('applies what waits at once when the run reports, and drops it when the run is left', () => {
    const clock = manualClock();
    const applied: number[][] = [];
    const batch = createExchangeBatch((list) => applied.push(list.map((item) => item.seq)), clock);
    batch.add(exchange(1));
    batch.flush();
    batch.add(exchange(2));
    batch.cancel();
    clock.advance(EXCHANGE_BATCH_MS);
    expect(applied).toEqual([[1]]);
  });

  it('keeps each exchange once, in the server order, when a reconnect replays them', () => {
    const merged = addExchanges([exchange(0), exchange(2)], [exchange(2), exchange(1), exchange(1)]);
    expect(merged.map((item) => item.seq)).toEqual([0, 1, 2]);
  });
});
