import type { LiveOrigin, RequestRecord } from '@cors-playground/scenario';
import type { FetchContext } from './model-request';
import type { RequestTrace } from './request-record';
import type { Verdict } from './spec';
import type { VirtualClock } from './virtual-clock';

/** Everything the modelled APIs of one run share: the network, the cache, what was recorded. */
export interface SimulationContext extends FetchContext {
  page: LiveOrigin;
  records: RequestRecord[];
  traces: RequestTrace[];
  /** Requests still in flight: the run waits for them before it ends, as the harness does. */
  pending: Set<Promise<unknown>>;
  /** Things the model met but does not simulate, each said once. */
  notes: Verdict[];
  /** Virtual time: sleep() and route delays move it, nothing waits in real time. */
  clock: VirtualClock;
}

export function track<T>(context: SimulationContext, promise: Promise<T>): Promise<T> {
  context.pending.add(promise);
  const done = () => context.pending.delete(promise);
  promise.then(done, done);
  return promise;
}

export function note(context: SimulationContext, note: Verdict): void {
  if (!context.notes.some((existing) => existing.detail === note.detail)) context.notes.push(note);
}

/** Resolves a URL the way the page would: against the page's URL. */
export function parseUrl(context: SimulationContext, input: string): URL | null {
  try {
    return new URL(input, context.pageUrl);
  } catch {
    return null;
  }
}
