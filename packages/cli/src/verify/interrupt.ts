const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** What a verification rejects with when SIGINT or SIGTERM stopped it. */
export class InterruptedError extends Error {
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

export interface Interruption {
  /** Aborted on the first SIGINT or SIGTERM, with an InterruptedError as its reason. */
  signal: AbortSignal;
  /** Removes the handlers; the process's default handling comes back. */
  dispose(): void;
}

/**
 * Turns SIGINT and SIGTERM into an abort signal while a verification runs, so it can close its
 * browser and server before the process exits. The handlers stay until disposed: a second Ctrl-C
 * (a terminal sends it to the launcher and to this process alike) must not kill the process
 * half-way through closing.
 */
export function interruptOnSignals(): Interruption {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(new InterruptedError(signal));
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
