import { formatLogLine, originStrings, REPORT_LIMITS, type EngineName, type LiveOrigin, type RunRecords, type Scenario } from '@cors-playground/scenario';
import { createRunCookies } from './cookies/http-cookies';
import { createElementLoaders } from './model-elements';
import { createFetch } from './model-fetch';
import { frameScope } from './model-frames';
import { ModelHeaders } from './model-headers';
import { createRequestClass } from './model-request-object';
import { ModelResponseObject } from './model-response';
import { streamScope } from './model-streams';
import { createXMLHttpRequest } from './model-xhr';
import { PreflightCache } from './preflight-cache';
import { requestCapNote } from './request-cap';
import type { RequestTrace } from './request-record';
import type { ModelExchange } from './sandbox-network';
import type { SimulationContext } from './simulation-context';
import type { Verdict } from './spec';
import { createTaskYield, runOnClock, VirtualClock } from './virtual-clock';

/** Where the harness page lives on the page origin (apps/server serves it there). */
export const HARNESS_PAGE_PATH = '/__cors-playground/run';

/** After the client code ends, how long requests still in flight may settle (the harness's SETTLE_GRACE_MS). */
export const SETTLE_GRACE_MS = 1_000;

export interface SimulationOptions {
  /** A validated scenario, from @cors-playground/scenario. */
  scenario: Scenario;
  /** From liveOrigins(). */
  origins: Record<string, LiveOrigin>;
  /** Default 'chromium'. */
  engine?: EngineName;
  /**
   * Runs the client code (an async function body, top-level await allowed) with these names in
   * scope. The host chooses the isolation (sandboxed iframe in the web app, node:vm in the CLI).
   */
  evaluate: (code: string, scope: Record<string, unknown>) => Promise<void>;
  /** Default 10000: virtual time for sleep() and route delays, real time for code that waits on nothing the model knows. */
  timeoutMs?: number;
}

export interface SimulationResult extends RunRecords {
  end: 'finished' | 'threw' | 'timeout';
  error: string | null;
  /** Why each request went as it did, index-aligned with `requests`. */
  traces: RequestTrace[];
  /** What the modelled servers received, in order (preflights included). */
  exchanges: ModelExchange[];
  /** What the run met that the model does not simulate. */
  notes: Verdict[];
  /** Virtual milliseconds the run took (sleep() and route delays), up to the report. */
  elapsedMs: number;
}

function describeError(error: unknown): string {
  return error instanceof Error || (error !== null && typeof error === 'object' && 'name' in error && 'message' in error)
    ? `${(error as Error).name}: ${(error as Error).message}`
    : String(error);
}

/**
 * The names the client code sees: the harness's helpers (origin, url, log, sleep) and the modelled
 * request APIs. `sleep(ms)` is the harness's `(ms: number) => Promise<void>`, a setTimeout promise in
 * the browser; here it moves the virtual clock by `ms` at once.
 */
export function createScope(context: SimulationContext, log: string[]): Record<string, unknown> {
  const origins = context.network.originStrings;
  const origin = (label: string): string => {
    const value = origins[label];
    if (value === undefined) throw new ReferenceError(`origin('${label}'): no origin "${label}" (origins: ${Object.keys(origins).join(', ')})`);
    return value;
  };
  return {
    origin,
    url: (label: string, path = '/'): string => origin(label) + (path.startsWith('/') ? path : `/${path}`),
    log: (...values: unknown[]): void => {
      // The harness keeps at most REPORT_LIMITS.logLines lines (apps/server harness/client.ts); so does the prediction.
      if (log.length < REPORT_LIMITS.logLines) log.push(formatLogLine(values));
    },
    sleep: (ms: number): Promise<void> => context.clock.sleep(Math.max(0, Number(ms) || 0)),
    fetch: createFetch(context),
    Request: createRequestClass(context),
    Headers: ModelHeaders,
    Response: ModelResponseObject,
    XMLHttpRequest: createXMLHttpRequest(context),
    ...createElementLoaders(context),
    ...frameScope(context),
    ...streamScope(context),
  };
}

/**
 * Runs a scenario's client code against the model: every request goes through the Fetch
 * standard's rules (as the chosen engine ships them) to the scenario's modelled servers, and
 * comes back as a RequestRecord, the shape a real run produces.
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const engine = options.engine ?? 'chromium';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const page = options.origins[options.scenario.page];
  if (!page) throw new RangeError(`page: no live origin "${options.scenario.page}"`);
  const context: SimulationContext = {
    network: { scenario: options.scenario, origins: options.origins, originStrings: originStrings(options.origins), exchanges: [] },
    cache: new PreflightCache(engine),
    engine,
    pageUrl: page.origin + HARNESS_PAGE_PATH,
    page,
    records: [],
    traces: [],
    pending: new Set(),
    notes: [],
    clock: new VirtualClock(),
  };
  context.cookies = createRunCookies(context.network, page);
  const log: string[] = [];
  const tasks = createTaskYield();
  try {
    const { end, error } = await runClient(options.evaluate, options.scenario.client, createScope(context, log), timeoutMs, context.clock, tasks);
    // As the harness does: requests still in flight get a grace period, then the run is reported.
    await withRealTimeout(SETTLE_GRACE_MS, (idle) => runOnClock(context.clock, drained(context), context.clock.now + SETTLE_GRACE_MS, idle, tasks));
    // Anything the client code does after the report is not part of the run.
    const exchanges = [...context.network.exchanges].sort((a, b) => a.at - b.at);
    const capNote = requestCapNote(context.network);
    if (capNote) context.notes.push(capNote);
    return {
      requests: [...context.records], log: [...log], end, error, traces: [...context.traces], exchanges, notes: [...context.notes], elapsedMs: context.clock.now,
    };
  } finally {
    tasks.close();
  }
}

/** Resolves once no request is in flight (a response may start another request). */
async function drained(context: SimulationContext): Promise<void> {
  while (context.pending.size > 0) await Promise.allSettled([...context.pending]);
}

/**
 * Runs `body` with a promise that resolves `ms` of real time after the start (for code that waits on
 * nothing the model knows). The timer is set only when `body` asks for the promise.
 */
async function withRealTimeout<T>(ms: number, body: (timeout: () => Promise<void>) => Promise<T>): Promise<T> {
  const start = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeout: Promise<void> | null = null;
  const lazy = () =>
    (timeout ??= new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, start + ms - Date.now()));
    }));
  try {
    return await body(lazy);
  } finally {
    clearTimeout(timer);
  }
}

type ClientEnd = { end: SimulationResult['end']; error: string | null };

async function runClient(
  evaluate: SimulationOptions['evaluate'],
  code: string,
  scope: Record<string, unknown>,
  timeoutMs: number,
  clock: VirtualClock,
  tasks: { next: () => Promise<void> },
): Promise<ClientEnd> {
  const client = Promise.resolve()
    .then(() => evaluate(code, scope))
    .then(
      (): ClientEnd => ({ end: 'finished', error: null }),
      (thrown: unknown): ClientEnd => ({ end: 'threw', error: describeError(thrown) }),
    );
  const run = await withRealTimeout(timeoutMs, (idle) => runOnClock(clock, client, timeoutMs, idle, tasks));
  return run.settled ? run.value : { end: 'timeout', error: `the client code did not finish within ${timeoutMs / 1000} s` };
}
