import { findRoute, HTTP_METHOD_SET, type Fix } from '@cors-playground/scenario';
import type { CorsError } from './console-messages';
import { libraryFix } from './cors-libraries/library-fix';
import { applyAnswerChanges, type AnswerChange } from './fix-patch';
import { isToken } from './header-list';
import { runFetch, type FetchOutcome } from './main-fetch';
import { cloneRequest, currentUrl, serializedOriginOf, type FetchContext, type ModelRequest, type NetworkErrorInfo } from './model-request';
import { labelOf } from './origin-labels';
import { PreflightCache } from './preflight-cache';
import { corsUnsafeRequestHeaderNames, isCorsSafelistedMethod } from './request-classification';

/**
 * The smallest change that makes a request succeed. The model proposes the response headers the
 * failed check asked for, tries them on a copy of the scenario, and repeats with the next failure
 * (a fixed preflight may reveal the actual response's missing header) until the request goes
 * through. Only a change that was seen to work is proposed.
 */
export interface FixInputs {
  context: FetchContext;
  /** The request as made, before the fetch ran (following redirects changes it). */
  request: ModelRequest;
  /** The same request after the fetch ran: its URL list shows which hop failed. */
  ran: ModelRequest;
  /** When it was made (virtual ms). */
  at: number;
  outcome: FetchOutcome;
  /** The page origin's label, for the `${origin:LABEL}` template of Access-Control-Allow-Origin. */
  pageLabel: string;
}

const MAX_ROUNDS = 8;

/** Fixes on the page's side, by the id of the check that refused the request before it was sent. */
const CLIENT_FIXES: Readonly<Record<string, string>> = {
  'body-with-get-or-head': 'A GET or HEAD request cannot have a body: send it with POST or PUT, or drop the body.',
  'no-cors-method': "Mode 'no-cors' allows only GET, HEAD and POST: use mode 'cors' (the default) and have the server allow the method.",
  'redirect-mode-error': "The response is a redirect and the request's redirect mode is 'error': use redirect: 'follow', or request the final URL directly.",
  'mixed-content': 'An https page may not fetch http from a host outside localhost: serve that origin over https (scheme "https").',
};

/** The answer changes behind each fix the engine proposed (status changes included), to apply them. */
const CHANGES = new WeakMap<Fix, readonly AnswerChange[]>();

/** The server changes a fix from smallestFix stands for; [] for a change on the page's side. */
export function answerChangesOf(fix: Fix): readonly AnswerChange[] {
  return CHANGES.get(fix) ?? [];
}

export function clientSideFix(blockedBy: string): Fix | null {
  const summary = CLIENT_FIXES[blockedBy];
  return summary === undefined ? null : { summary, headers: [], unsafe: null };
}

interface Attempt {
  outcome: FetchOutcome;
  request: ModelRequest;
}

function attempt(inputs: FixInputs, template: ModelRequest, changes: readonly AnswerChange[]): Attempt {
  const network = { ...inputs.context.network, scenario: applyAnswerChanges(inputs.context.network.scenario, changes), exchanges: [] };
  const context: FetchContext = { ...inputs.context, network, cache: new PreflightCache(inputs.context.engine) };
  const request = cloneRequest(template);
  return { outcome: runFetch(context, request, inputs.at), request };
}

const succeeded = (outcome: FetchOutcome) => outcome.ok && outcome.response.type !== 'opaque';

/** Tokens of a list header as sent, even a malformed one (space-separated methods). */
function tokensOf(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((token) => token !== '' && isToken(token));
}

function merged(existing: string | null | undefined, wanted: readonly string[], caseInsensitive: boolean): string {
  const tokens = tokensOf(existing);
  const has = (token: string) => tokens.some((item) => (caseInsensitive ? item.toLowerCase() === token.toLowerCase() : item === token));
  return [...tokens, ...wanted.filter((token) => !has(token))].join(', ');
}

const ORIGIN_ERRORS: ReadonlySet<CorsError> = new Set<CorsError>([
  'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue', 'AllowOriginMismatch', 'WildcardOriginNotAllowed',
]);

interface Step {
  change: AnswerChange;
  unsafe: string | null;
  note: string | null;
}

const UNSAFE_NULL_ORIGIN =
  'Only Access-Control-Allow-Origin: null with credentials lets this through: a cross-origin redirect made the request\'s origin "null", and allowing "null" with credentials lets any sandboxed iframe or data: page read these credentialed responses. Prefer redirecting within one origin, or dropping credentials.';

/** The answer change that the failed check asks for, or null when no header can fix it. */
function stepFor(error: NetworkErrorInfo, request: ModelRequest, inputs: FixInputs): Step | null {
  const failure = error.corsFailure;
  const url = currentUrl(request);
  const origin = labelOf(inputs.context.network.origins, url);
  if (failure === null || origin === null) return null;
  const values = error.verdict.values ?? {};
  const include = request.credentialsMode === 'include';
  const tainted = serializedOriginOf(request) === 'null';
  const method = failure.preflight ? 'OPTIONS' : request.method;
  const change: AnswerChange = { origin, method, path: url.pathname, headers: [] };
  const status = Number(values.status ?? 200);
  const noRoute = findRoute(inputs.context.network.scenario.servers[origin], method, url.pathname) === null;
  const note = noRoute
    ? `No route of ${origin} answers ${method} ${url.pathname} (the server's own 404 has no CORS headers): add one.`
    : status >= 400 && failure.error === 'MissingAllowOriginHeader'
      ? `Your server answered ${method} ${url.pathname} with ${status}, and that error answer has no CORS headers: send them on error answers too (or fix the error).`
      : null;
  let unsafe: string | null = null;
  if (ORIGIN_ERRORS.has(failure.error)) {
    change.headers.push({ name: 'Access-Control-Allow-Origin', value: tainted ? (include ? 'null' : '*') : `\${origin:${inputs.pageLabel}}` });
    if (tainted && include) unsafe = UNSAFE_NULL_ORIGIN;
    if (include && values['Access-Control-Allow-Credentials'] !== 'true') change.headers.push({ name: 'Access-Control-Allow-Credentials', value: 'true' });
  } else if (failure.error === 'InvalidAllowCredentials') {
    change.headers.push({ name: 'Access-Control-Allow-Credentials', value: 'true' });
  } else if (failure.error === 'PreflightInvalidStatus' || failure.error === 'PreflightDisallowedRedirect') {
    change.status = 204;
  } else if (failure.error === 'InvalidAllowMethodsPreflightResponse' || failure.error === 'MethodDisallowedByPreflightResponse') {
    const wanted = isCorsSafelistedMethod(request.method) && !request.useCorsPreflight ? [] : [request.method];
    change.headers.push({ name: 'Access-Control-Allow-Methods', value: merged(values['Access-Control-Allow-Methods'], wanted, false) });
  } else if (failure.error === 'InvalidAllowHeadersPreflightResponse' || failure.error === 'HeaderDisallowedByPreflightResponse') {
    const wanted = corsUnsafeRequestHeaderNames(request.headers, inputs.context.engine);
    change.headers.push({ name: 'Access-Control-Allow-Headers', value: merged(values['Access-Control-Allow-Headers'], wanted, true) });
  } else {
    return null;
  }
  return { change, unsafe, note };
}

function mergeChange(changes: AnswerChange[], change: AnswerChange): void {
  const same = changes.find((item) => item.origin === change.origin && item.method === change.method && item.path === change.path);
  if (!same) {
    changes.push({ ...change, headers: [...change.headers] });
    return;
  }
  for (const header of change.headers) {
    same.headers = [...same.headers.filter((item) => item.name.toLowerCase() !== header.name.toLowerCase()), header];
  }
  if (change.status !== undefined) same.status = change.status;
}

function describeChange(change: AnswerChange): string {
  const headers = change.headers.map((header) => `${header.name}: ${header.value}`);
  const what = [...(change.status !== undefined ? [`status ${change.status}`] : []), ...headers].join(' and ');
  return `answer ${change.method} ${change.path} on ${change.origin} with ${what}`;
}

function summarize(changes: readonly AnswerChange[], prefix: string | null, notes: readonly string[]): string {
  const parts = [...(prefix ? [prefix] : []), ...changes.map(describeChange)];
  const sentence = `${parts.join('; ')}.`;
  return [sentence.charAt(0).toUpperCase() + sentence.slice(1), ...notes].join(' ');
}

export function smallestFix(inputs: FixInputs): Fix | null {
  const { outcome, request } = inputs;
  if (outcome.ok && outcome.response.type !== 'opaque') return null;
  if (!HTTP_METHOD_SET.has(request.method)) {
    const upper = request.method.toUpperCase();
    const summary = HTTP_METHOD_SET.has(upper)
      ? `Write the method in upper case ('${upper}'): fetch and XMLHttpRequest upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, and Node's HTTP parser answers 400 to '${request.method}' before any route runs (then allow ${upper} in the preflight answer).`
      : `Use a method the server can receive: Node's HTTP parser answers 400 to '${request.method}' before any route runs.`;
    return { summary, headers: [], unsafe: null };
  }
  if (!outcome.ok) {
    const client = clientSideFix(outcome.error.blockedBy);
    if (client) return client;
  }
  const template = cloneRequest(request);
  let prefix: string | null = null;
  let current: Attempt = { outcome, request: inputs.ran };
  if (request.mode !== 'cors') {
    prefix = `use mode 'cors' (mode '${request.mode}' ${request.mode === 'no-cors' ? 'makes the response opaque to JavaScript' : 'refuses other origins'})`;
    template.mode = 'cors';
    current = attempt(inputs, template, []);
  }
  // An origin that runs a CORS library is fixed in its options, when they can fix it.
  const library = libraryFix({ context: inputs.context, template, at: inputs.at, outcome: current.outcome, ran: current.request, pageLabel: inputs.pageLabel });
  if (library) return { summary: summarize([], prefix === null ? library.change : `${prefix}; ${library.change}`, []), ...library.fix };
  const changes: AnswerChange[] = [];
  const notes: string[] = [];
  let unsafe: string | null = null;
  for (let round = 0; round < MAX_ROUNDS && !succeeded(current.outcome); round++) {
    if (current.outcome.ok) return null;
    const step = stepFor(current.outcome.error, current.request, inputs);
    if (step === null) return null;
    mergeChange(changes, step.change);
    if (step.unsafe) unsafe = step.unsafe;
    if (step.note && notes.length === 0) notes.push(step.note);
    current = attempt(inputs, template, changes);
  }
  if (!succeeded(current.outcome)) return null;
  const headers = changes.flatMap((change) => change.headers.map((header) => ({ origin: change.origin, method: change.method, path: change.path, ...header })));
  const fix: Fix = { summary: summarize(changes, prefix, notes), headers, unsafe };
  CHANGES.set(fix, changes);
  return fix;
}
