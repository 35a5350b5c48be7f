/// <reference lib="dom" />
/**
 * The harness: runs in the page origin's document (never on the playground's origin). It defines
 * origin(), url() and log(), instruments fetch and XMLHttpRequest so each request becomes an
 * Observation of what JavaScript saw, runs the client code, and reports to its own origin
 * (same-origin, so the report never meets CORS). Bundled for the browser by esbuild (page.ts).
 */
import { formatLogLine, REPORT_LIMITS, type HarnessReport, type Observation } from '@cors-playground/scenario';
import { elementLoaders } from './elements';
import { frameHelpers } from './frames';
import { instrumentStreams } from './streams';
import { capWindowOpen } from './window-cap';

interface HarnessConfig {
  origins: Record<string, string>;
  client: string;
  timeoutMs: number;
  reportPath: string;
}

const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const SETTLE_GRACE_MS = 1_000;

const config = JSON.parse(document.getElementById('cors-playground-config')!.textContent!) as HarnessConfig;
const realFetch = window.fetch.bind(window);
const RealXMLHttpRequest = window.XMLHttpRequest;
const observations: Observation[] = [];
const pending = new Set<Promise<unknown>>();
const logLines: string[] = [];
const dropped = { observations: 0, logLines: 0 };
/** UTF-8 bytes the report may still take (REPORT_LIMITS.bytes), less a margin per observation for what it learns when it settles. */
let reportBudget = REPORT_LIMITS.bytes;
const OBSERVATION_MARGIN = 512;
const encoder = new TextEncoder();

/** Whether one more entry of this JSON size fits the report; a run that floods or logs without end reports what fits and counts the rest. */
function fits(count: number, max: number, entry: unknown, margin = 0): boolean {
  if (count >= max || reportBudget <= 0) return false;
  const bytes = encoder.encode(JSON.stringify(entry)).length + margin;
  if (bytes > reportBudget) return false;
  reportBudget -= bytes;
  return true;
}

function describeError(error: unknown): string {
  return error instanceof Error || (error && typeof error === 'object' && 'name' in error)
    ? `${(error as Error).name}: ${(error as Error).message}`
    : String(error);
}

/** The URL as the browser resolves it; an unparsable one stays as written (fetch then rejects on its own). */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, location.href).href;
  } catch {
    return url;
  }
}

function observe(api: Observation['api'], method: string, url: string): Observation {
  const observation: Observation = { api, method, url, settled: 'pending', responseType: null, status: 0, headers: [], error: null };
  if (fits(observations.length, REPORT_LIMITS.observations, observation, OBSERVATION_MARGIN)) observations.push(observation);
  else dropped.observations++;
  return observation;
}

function track<T>(promise: Promise<T>): Promise<T> {
  pending.add(promise);
  const done = () => pending.delete(promise);
  promise.then(done, done);
  return promise;
}

window.fetch = function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let method = String(init?.method ?? (input instanceof Request ? input.method : 'GET'));
  if (NORMALIZED_METHODS.has(method.toUpperCase())) method = method.toUpperCase();
  const url = absoluteUrl(input instanceof Request ? input.url : String(input));
  const observation = observe('fetch', method, url);
  observation.mode = init?.mode ?? (input instanceof Request ? input.mode : 'cors');
  const result = realFetch(input, init).then(
    (response) => {
      observation.settled = 'resolved';
      observation.responseType = response.type;
      observation.status = response.status;
      observation.headers = [...new Set([...response.headers.keys()])];
      return response;
    },
    (error: unknown) => {
      observation.settled = 'rejected';
      observation.error = describeError(error);
      throw error;
    },
  );
  return track(result);
};

class InstrumentedXMLHttpRequest extends RealXMLHttpRequest {
  private request: { method: string; url: string } | null = null;

  override open(method: string, url: string | URL, ...rest: unknown[]): void {
    // The real open() first, so a bad method or URL throws exactly what the browser throws.
    (RealXMLHttpRequest.prototype.open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    const upper = method.toUpperCase();
    this.request = { method: NORMALIZED_METHODS.has(upper) ? upper : method, url: absoluteUrl(String(url)) };
  }

  override send(body?: Document | XMLHttpRequestBodyInit | null): void {
    const observation = observe('xhr', this.request?.method ?? 'GET', this.request?.url ?? location.href);
    let settle = () => {};
    track(
      new Promise<void>((resolve) => {
        settle = resolve;
        this.addEventListener('loadend', () => {
          observation.status = this.status;
          observation.settled = this.status === 0 ? 'rejected' : 'resolved';
          if (this.status === 0) observation.error = 'XMLHttpRequest: network error (status 0)';
          observation.headers = this.getAllResponseHeaders()
            .split('\r\n')
            .filter((line) => line.includes(':'))
            .map((line) => line.slice(0, line.indexOf(':')).trim().toLowerCase());
          resolve();
        });
      }),
    );
    try {
      super.send(body);
    } catch (error) {
      // A synchronous request that fails throws and fires no loadend.
      observation.settled = 'rejected';
      observation.error = describeError(error);
      settle();
      throw error;
    }
  }
}
window.XMLHttpRequest = InstrumentedXMLHttpRequest;
capWindowOpen(window);
instrumentStreams({ observe, track, absoluteUrl, describeError });

const scope = {
  origin(label: string): string {
    const value = config.origins[label];
    if (value === undefined) throw new ReferenceError(`origin('${label}'): no origin "${label}" (origins: ${Object.keys(config.origins).join(', ')})`);
    return value;
  },
  url(label: string, path = '/'): string {
    return scope.origin(label) + (path.startsWith('/') ? path : `/${path}`);
  },
  log(...values: unknown[]): void {
    const line = formatLogLine(values);
    if (fits(logLines.length, REPORT_LIMITS.logLines, line)) logLines.push(line);
    else dropped.logLines++;
  },
  /** Waits ms milliseconds (the engine's model advances its clock by as much). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(ms) || 0)));
  },
  ...frameHelpers({ observe, track, absoluteUrl, describeError }),
  ...elementLoaders({ observe, track, absoluteUrl }),
};

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

function sleep(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

async function run(): Promise<void> {
  let end: HarnessReport['end'] = 'finished';
  let error: string | null = null;
  try {
    // Every helper of the scope is a parameter of the client code's function (modules add theirs to `scope`).
    const names = Object.keys(scope);
    const body = new AsyncFunction(...names, config.client);
    const values = names.map((name) => (scope as Record<string, unknown>)[name]);
    const outcome = await Promise.race([body(...values).then(() => 'finished' as const), sleep(config.timeoutMs)]);
    if (outcome === 'timeout') {
      end = 'timeout';
      error = `the client code did not finish within ${config.timeoutMs / 1000} s`;
    }
  } catch (thrown) {
    end = 'threw';
    error = describeError(thrown);
  }
  await Promise.race([Promise.allSettled([...pending]), sleep(SETTLE_GRACE_MS)]);
  const overflow = dropped.observations > 0 || dropped.logLines > 0;
  // An error message is the client's text: kept short, so a thrown megabyte cannot overflow the report.
  const report: HarnessReport = { observations, log: logLines, end, error: error?.slice(0, 4_000) ?? null, ...(overflow ? { dropped } : {}) };
  await realFetch(config.reportPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
  const left = overflow ? ` (past the report's limits, ${dropped.observations} request(s) and ${dropped.logLines} log line(s) were not recorded)` : '';
  document.getElementById('status')!.textContent = `Run ${end}: ${observations.length} request(s), ${logLines.length} log line(s)${left}.`;
}

void run();
