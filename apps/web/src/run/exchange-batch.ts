import type { Exchange } from '@cors-playground/scenario';

/**
 * The server streams one event per request it received. Applied one by one, a flood of them
 * (hundreds of fetches in a run) re-renders the whole comparison per event and the playground
 * stops answering; gathered for EXCHANGE_BATCH_MS, they cost one render per batch.
 */
export const EXCHANGE_BATCH_MS = 250;

export interface ExchangeBatch {
  add(exchange: Exchange): void;
  /** Applies what is waiting now (before the run's report, so the log is complete when it lands). */
  flush(): void;
  /** Drops what is waiting (the run was left). */
  cancel(): void;
}

export function createExchangeBatch(
  apply: (batch: Exchange[]) => void,
  clock: { setTimeout: (callback: () => void, ms: number) => number; clearTimeout: (handle: number) => void },
): ExchangeBatch {
  let waiting: Exchange[] = [];
  let timer: number | null = null;
  const flush = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    if (batch.length > 0) apply(batch);
  };
  return {
    add(exchange) {
      waiting.push(exchange);
      timer ??= clock.setTimeout(flush, EXCHANGE_BATCH_MS);
    },
    flush,
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      waiting = [];
    },
  };
}

/** The log with a batch added: each exchange once (a reconnect replays them), in the server's order. */
export function addExchanges(list: Exchange[], batch: Exchange[]): Exchange[] {
  const known = new Set(list.map((exchange) => exchange.seq));
  const fresh = batch.filter((exchange) => !known.has(exchange.seq) && known.add(exchange.seq));
  return fresh.length === 0 ? list : [...list, ...fresh].sort((a, b) => a.seq - b.seq);
}
