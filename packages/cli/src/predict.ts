import vm from 'node:vm';
import { liveOrigins, type EngineName, type LiveOrigin, type Scenario } from '@cors-playground/scenario';
import { simulate, type SimulationResult } from '@cors-playground/engine';

export interface PredictOptions {
  /** Default 'k3j9x'. */
  sandboxId?: string;
  /** The sandbox server's listening ports per scheme; default the server's: { http: [8080, 8081], https: [8443, 8444] }. */
  ports?: { http: readonly number[]; https: readonly number[] };
  /** The parent of the site domains; default 'localhost'. */
  domain?: string;
  engine?: EngineName;
  /** For the whole run, default 10000 ms. */
  timeoutMs?: number;
  /** For the synchronous part of the client code (node:vm's timeout), default 2000 ms. */
  syncTimeoutMs?: number;
}

export type Prediction = SimulationResult & { origins: Record<string, LiveOrigin> };

export const DEFAULT_SANDBOX_ID = 'k3j9x';
export const DEFAULT_PORTS = { http: [8080, 8081], https: [8443, 8444] } as const;
/** How long the synchronous part of the client code may run before node:vm stops it. */
export const DEFAULT_SYNC_TIMEOUT_MS = 2_000;

/**
 * Runs client code in a fresh node:vm context that holds only the scope's names and a few
 * globals: no require, no process, no console. vm's `timeout` stops a synchronous loop; the
 * simulation's timeout covers the asynchronous part. node:vm is not a security boundary: the CLI
 * runs scenario files its user chose (the web app runs client code in a sandboxed iframe).
 */
export function createVmEvaluate(syncTimeoutMs = DEFAULT_SYNC_TIMEOUT_MS): { evaluate: (code: string, scope: Record<string, unknown>) => Promise<void>; dispose: () => void } {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const setTimeoutInContext = (callback: unknown, ms?: number, ...args: unknown[]) => {
    if (typeof callback !== 'function') throw new TypeError('setTimeout: the callback must be a function');
    const timer = setTimeout(() => {
      timers.delete(timer);
      (callback as (...values: unknown[]) => void)(...args);
    }, Number(ms) || 0);
    timers.add(timer);
    return timer;
  };
  const clearTimeoutInContext = (timer: ReturnType<typeof setTimeout>) => {
    clearTimeout(timer);
    timers.delete(timer);
  };
  const evaluate = async (code: string, scope: Record<string, unknown>): Promise<void> => {
    const context = vm.createContext({
      ...scope,
      setTimeout: setTimeoutInContext,
      clearTimeout: clearTimeoutInContext,
      URL,
      URLSearchParams,
      Blob,
      FormData,
      TextEncoder,
      TextDecoder,
      queueMicrotask,
    });
    // V8 gives every context a console that writes nowhere visible; the page has log() instead.
    vm.runInContext('delete globalThis.console', context);
    const script = new vm.Script(`(async () => { ${code} \n})()`, { filename: 'client.js' });
    await (script.runInContext(context, { timeout: syncTimeoutMs }) as Promise<void>);
  };
  const dispose = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  return { evaluate, dispose };
}

/** Predicts what a browser does with a scenario, without a network: the engine's model, in node:vm. */
export async function predictScenario(scenario: Scenario, options: PredictOptions = {}): Promise<Prediction> {
  const origins = liveOrigins(scenario, {
    sandboxId: options.sandboxId ?? DEFAULT_SANDBOX_ID,
    domain: options.domain ?? 'localhost',
    ports: options.ports ?? DEFAULT_PORTS,
  });
  const { evaluate, dispose } = createVmEvaluate(options.syncTimeoutMs);
  try {
    const result = await simulate({ scenario, origins, engine: options.engine, evaluate, timeoutMs: options.timeoutMs });
    return { ...result, origins };
  } finally {
    dispose();
  }
}
