/**
 * The simulation's clock: virtual milliseconds since the client code started. Nothing in the model
 * waits in real time. `sleep(ms)` and a route's `delayMs` schedule a timer; the run (see
 * runOnClock) moves the clock to the earliest timer once everything that can happen at the current
 * instant has happened, so a run that sleeps for six seconds takes microseconds.
 */
interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export class VirtualClock {
  #now = 0;
  #seq = 0;
  #timers: Timer[] = [];
  #wake: (() => void) | null = null;

  /** Virtual milliseconds since the client code started. */
  get now(): number {
    return this.#now;
  }

  /** When the earliest timer fires, or null when none is scheduled. */
  get nextAt(): number | null {
    return this.#timers[0]?.at ?? null;
  }

  /** Runs `fire` when the clock reaches `at` (timers at the same instant fire in the order scheduled). */
  schedule(at: number, fire: () => void): void {
    const timer = { at: Math.max(at, this.#now), seq: this.#seq++, fire };
    let index = this.#timers.length;
    while (index > 0 && this.#timers[index - 1]!.at > timer.at) index--;
    this.#timers.splice(index, 0, timer);
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /** The client code's `sleep(ms)`: resolves when the clock has moved `ms` milliseconds on. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(this.#now + ms, resolve));
  }

  /** Resolves the next time a timer is scheduled. */
  whenScheduled(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.#wake;
      this.#wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  /** Moves the clock to the earliest timer and fires it. */
  advance(): void {
    const timer = this.#timers.shift();
    if (!timer) return;
    // A synchronous XHR may have moved the clock past the timer: it fires late, never back in time.
    this.#now = Math.max(this.#now, timer.at);
    timer.fire();
  }

  /** Moves the clock to `at` without firing anything (a deadline was reached). */
  jumpTo(at: number): void {
    this.#now = Math.max(this.#now, at);
  }
}

/**
 * Resolves after every microtask queued so far has run: a task (a MessageChannel message where the
 * host has one, which is much quicker than a timer; setTimeout otherwise). The channel is made on
 * first use: most runs schedule no timer and never need it.
 */
export class TaskYield {
  #channel: { port1: PortLike; port2: PortLike } | null = null;
  #waiting: Array<() => void> = [];

  next(): Promise<void> {
    const Channel = (globalThis as { MessageChannel?: new () => { port1: PortLike; port2: PortLike } }).MessageChannel;
    if (!Channel) return new Promise((resolve) => setTimeout(resolve, 0));
    if (this.#channel === null) {
      this.#channel = new Channel();
      this.#channel.port1.onmessage = () => this.#waiting.shift()?.();
    }
    const channel = this.#channel;
    return new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  }

  close(): void {
    this.#channel?.port1.close();
    this.#channel?.port2.close();
  }
}

export function createTaskYield(): TaskYield {
  return new TaskYield();
}

interface PortLike {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

export type ClockRun<T> = { settled: true; value: T } | { settled: false; why: 'deadline' | 'idle' };

/**
 * Fires the clock's timers in time order until `finished` settles (it must not reject), the next
 * timer lies past `deadline` (the clock then stops at the deadline), or nothing is scheduled and
 * the promise `idle()` gives settles first (asked for only when nothing is scheduled).
 */
export async function runOnClock<T>(
  clock: VirtualClock,
  finished: Promise<T>,
  deadline: number,
  idle: () => Promise<unknown>,
  tasks: { next: () => Promise<void> },
): Promise<ClockRun<T>> {
  let result: ClockRun<T> | null = null;
  const done = finished.then((value): ClockRun<T> => (result = { settled: true, value }));
  let idled: Promise<ClockRun<T>> | null = null;
  for (;;) {
    if (clock.nextAt === null) {
      idled ??= idle().then((): ClockRun<T> => ({ settled: false, why: 'idle' }));
      const woke = await Promise.race([done, idled, clock.whenScheduled().then(() => null)]);
      if (woke) return woke;
      continue;
    }
    // Let everything that happens at this instant happen: it may schedule an earlier timer.
    await tasks.next();
    if (result) return result;
    const next = clock.nextAt;
    if (next === null) continue;
    if (next > deadline) {
      clock.jumpTo(deadline);
      return { settled: false, why: 'deadline' };
    }
    clock.advance();
  }
}
