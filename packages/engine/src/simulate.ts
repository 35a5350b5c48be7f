import { formatLogLine, originStrings, type EngineName, type LiveOrigin, type RunRecords, type Scenario } from '@cors-playground/scenario';
import { createFetch } from './model-fetch';
import { ModelHeaders } from './model-headers';
import { ModelResponseObject } from './model-response';
import { createXMLHttpRequest } from './model-xhr';
import { PreflightCache } from './preflight-cache';
import type { RequestTrace } from './request-record';
import type { ModelExchange } from './sandbox-network';
import type { SimulationContext } from './simulation-context';
import type { Verdict } from './spec';

/** Where the harness page lives on the page origin (apps/server serves it there). */
export const HARNESS_PAGE_PATH = '/__cors-playground/run';

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
  /** Default 10000. */
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
}

function describeError(error: unknown): string {
  return error instanceof Error || (error !== null && typeof error === 'object' && 'name' in error && 'message' in error)
    ? `${(error as Error).name}: ${(error as Error).message}`
    : String(error);
}

/** The names the client code sees: the harness's helpers and the modelled request APIs. */
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
      log.push(formatLogLine(values));
    },
    fetch: createFetch(context),
    Headers: ModelHeaders,
    Response: ModelResponseObject,
    XMLHttpRequest: createXMLHttpRequest(context),
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
  };
  const log: string[] = [];
  const { end, error } = await runClient(options.evaluate, options.scenario.client, createScope(context, log), timeoutMs);
  // As the harness does: let requests still in flight settle (they settle in microtasks here).
  await Promise.allSettled([...context.pending]);
  return { requests: context.records, log, end, error, traces: context.traces, exchanges: context.network.exchanges, notes: context.notes };
}

async function runClient(
  evaluate: SimulationOptions['evaluate'],
  code: string,
  scope: Record<string, unknown>,
  timeoutMs: number,
): Promise<{ end: SimulationResult['end']; error: string | null }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => evaluate(code, scope)).then(() => 'finished' as const), timeout]);
    if (outcome === 'timeout') return { end: 'timeout', error: `the client code did not finish within ${timeoutMs / 1000} s` };
    return { end: 'finished', error: null };
  } catch (thrown) {
    return { end: 'threw', error: describeError(thrown) };
  } finally {
    clearTimeout(timer);
  }
}
