import type { CorsPluginConfig, Fix, Scenario } from '@cors-playground/scenario';
import type { CorsError } from '../console-messages';
import { runFetch, type FetchOutcome } from '../main-fetch';
import { cloneRequest, currentUrl, serializedOriginOf, type FetchContext, type ModelRequest, type NetworkErrorInfo } from '../model-request';
import { labelOf } from '../origin-labels';
import { PreflightCache } from '../preflight-cache';
import { corsUnsafeRequestHeaderNames } from '../request-classification';
import { DEFAULTS as EXPRESS_DEFAULTS } from './express-cors';
import { DEFAULTS as FASTIFY_DEFAULTS } from './fastify-cors';

/**
 * The smallest fix for a request refused by an origin that runs a CORS library, written as that
 * library's options: the page origin added to `origin`, `credentials: true`, the method added to
 * `methods`, the header to `allowedHeaders`. Each change is tried on a copy of the scenario, with
 * the modelled library, and the next failure asks for the next change; only options seen to make
 * the request succeed are proposed. null when the failure is not the library's to fix (a route
 * that writes its own CORS headers over the library's, say), so the header fix is proposed instead.
 */
export interface LibraryFixInputs {
  context: FetchContext;
  /** The request to retry (mode already corrected when the fix changes it). */
  template: ModelRequest;
  at: number;
  /** The first failure, and the request as it ran (its URL list shows which hop failed). */
  outcome: FetchOutcome;
  ran: ModelRequest;
  pageLabel: string;
}

const MAX_ROUNDS = 6;

const ORIGIN_ERRORS: ReadonlySet<CorsError> = new Set<CorsError>([
  'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue', 'AllowOriginMismatch', 'WildcardOriginNotAllowed',
]);

/** What each library allows when `methods` is not set. */
const DEFAULT_METHODS: Readonly<Record<CorsPluginConfig['plugin'], string>> = {
  '@fastify/cors': FASTIFY_DEFAULTS.methods,
  cors: EXPRESS_DEFAULTS.methods,
};

const UNSAFE_NULL_ORIGIN =
  'Only allowing the origin "null" with credentials lets this through: a cross-origin redirect made the request\'s origin "null", and allowing "null" with credentials lets any sandboxed iframe or data: page read these credentialed responses. Prefer redirecting within one origin, or dropping credentials.';

type Options = Record<string, unknown>;

/** The items of a list option as written: a comma-separated string or a list. */
function listItems(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : [];
}

/** The list with `wanted` added, in the form it was written in (a list stays a list). */
function withItems(value: unknown, fallback: string, wanted: readonly string[], caseInsensitive: boolean): unknown {
  const items = listItems(value ?? fallback);
  const has = (item: string) => items.some((existing) => (caseInsensitive ? existing.toLowerCase() === item.toLowerCase() : existing === item));
  const added = wanted.filter((item) => !has(item));
  if (added.length === 0) return value;
  return Array.isArray(value) ? [...items, ...added] : [...items, ...added].join(',');
}

/** The origin option with `allowed` let in (the page origin's template, or "null"). */
function withOrigin(current: unknown, allowed: string, credentials: boolean): unknown {
  if (current === true) return true;
  if (current === undefined || current === false || current === '*') return allowed;
  if (Array.isArray(current)) {
    const items = credentials ? current.filter((item) => item !== '*') : current;
    return items.includes(allowed) ? items : [...items, allowed];
  }
  return current === allowed ? current : [current, allowed];
}

interface Step {
  options: Options;
  unsafe: string | null;
}

function stepFor(error: NetworkErrorInfo, request: ModelRequest, config: CorsPluginConfig, inputs: LibraryFixInputs): Step | null {
  const failure = error.corsFailure!;
  const options: Options = { ...config.options };
  const include = request.credentialsMode === 'include';
  let unsafe: string | null = null;
  if (ORIGIN_ERRORS.has(failure.error)) {
    const tainted = serializedOriginOf(request) === 'null';
    options.origin = withOrigin(options.origin, tainted ? 'null' : `\${origin:${inputs.pageLabel}}`, include);
    if (tainted && include) unsafe = UNSAFE_NULL_ORIGIN;
    if (include) options.credentials = true;
  } else if (failure.error === 'InvalidAllowCredentials') {
    options.credentials = true;
  } else if (failure.error === 'PreflightInvalidStatus') {
    // The library answers preflights itself again, with an ok status.
    if (options.preflight === false || options.preflightContinue) {
      delete options.preflight;
      delete options.preflightContinue;
    } else if (typeof options.optionsSuccessStatus === 'number' && (options.optionsSuccessStatus < 200 || options.optionsSuccessStatus > 299)) {
      delete options.optionsSuccessStatus;
    }
  } else if (failure.error === 'InvalidAllowMethodsPreflightResponse' || failure.error === 'MethodDisallowedByPreflightResponse') {
    options.methods = withItems(options.methods, DEFAULT_METHODS[config.plugin], [request.method], false);
  } else if (failure.error === 'InvalidAllowHeadersPreflightResponse' || failure.error === 'HeaderDisallowedByPreflightResponse') {
    options.allowedHeaders = withItems(options.allowedHeaders, '', corsUnsafeRequestHeaderNames(request.headers, inputs.context.engine), true);
  } else {
    return null;
  }
  return JSON.stringify(options) === JSON.stringify(config.options) ? null : { options, unsafe };
}

function withOptions(scenario: Scenario, label: string, config: CorsPluginConfig, options: Options): Scenario {
  const server = scenario.servers[label]!;
  return { ...scenario, servers: { ...scenario.servers, [label]: { ...server, cors: { ...config, options } as CorsPluginConfig } } };
}

function attempt(inputs: LibraryFixInputs, scenario: Scenario): { outcome: FetchOutcome; request: ModelRequest } {
  const context: FetchContext = { ...inputs.context, network: { ...inputs.context.network, scenario, exchanges: [] }, cache: new PreflightCache(inputs.context.engine) };
  const request = cloneRequest(inputs.template);
  return { outcome: runFetch(context, request, inputs.at), request };
}

const succeeded = (outcome: FetchOutcome) => outcome.ok && outcome.response.type !== 'opaque';

function describe(plugin: string, label: string, before: Options, after: Options): string {
  const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
  const removed = Object.keys(before).filter((key) => !(key in after));
  const parts = [...changed.map((key) => `${key} to ${JSON.stringify(after[key])}`), ...removed.map((key) => `${key} back to its default`)];
  return `set ${parts.join(' and ')} in the ${plugin} options of ${label}`;
}

/** The library options that make the request succeed, re-checked against the model; null when none do. */
export function libraryFix(inputs: LibraryFixInputs): { fix: Omit<Fix, 'summary'>; change: string } | null {
  const base = inputs.context.network.scenario;
  let scenario = base;
  let current = { outcome: inputs.outcome, request: inputs.ran };
  let fixed: { label: string; config: CorsPluginConfig } | null = null;
  let unsafe: string | null = null;
  for (let round = 0; round < MAX_ROUNDS && !succeeded(current.outcome); round++) {
    if (current.outcome.ok) return null;
    const error = current.outcome.error;
    const label = error.corsFailure ? labelOf(inputs.context.network.origins, currentUrl(current.request)) : null;
    const config = label === null ? undefined : scenario.servers[label]?.cors;
    // One origin's options only: a second library to change is beyond one option set.
    if (!config || label === null || (fixed !== null && fixed.label !== label)) return null;
    const step = stepFor(error, current.request, config, inputs);
    if (step === null) return null;
    unsafe ??= step.unsafe;
    scenario = withOptions(scenario, label, config, step.options);
    fixed = { label, config: scenario.servers[label]!.cors! };
    current = attempt(inputs, scenario);
  }
  if (!succeeded(current.outcome) || fixed === null) return null;
  const before = base.servers[fixed.label]!.cors!.options as Options;
  const after = fixed.config.options as Options;
  return {
    fix: { headers: [], library: { plugin: fixed.config.plugin, options: after }, unsafe },
    change: describe(fixed.config.plugin, fixed.label, before, after),
  };
}
