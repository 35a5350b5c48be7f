import type { RequestRecord } from '@cors-playground/scenario';
import type { CredentialsMode } from './cors-check';
import { CREDENTIALS_MODES } from './cors-check';
import { hasHeader, isToken } from './header-list';
import { runFetch } from './main-fetch';
import { headerListOf, ModelHeaders } from './model-headers';
import { REDIRECT_MODES, REQUEST_MODES, type ModelRequest, type RedirectMode, type RequestMode } from './model-request';
import { ModelResponseObject } from './model-response';
import { extractBody } from './request-body';
import { finishRecord, failRecord, startRecord } from './request-record';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './request-classification';
import { verdict } from './spec';
import { note, parseUrl, track, type SimulationContext } from './simulation-context';

/** A TypeError that fetch() rejects with before anything is sent, and the check that raised it. */
class RequestError extends TypeError {
  constructor(message: string, readonly blockedBy: string) {
    super(`Failed to execute 'fetch' on 'Window': ${message}`);
  }
}

interface RequestInitLike {
  method?: unknown;
  headers?: ConstructorParameters<typeof ModelHeaders>[0];
  body?: unknown;
  mode?: unknown;
  credentials?: unknown;
  redirect?: unknown;
}

function enumMember<T extends string>(value: unknown, members: readonly T[], fallback: T, field: string, type: string): T {
  if (value === undefined) return fallback;
  if (!members.includes(String(value) as T)) {
    if (field === 'mode' && value === 'navigate') throw new RequestError("Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.", 'invalid-init');
    throw new RequestError(`Failed to read the '${field}' property from 'RequestInit': The provided value '${String(value)}' is not a valid enum value of type ${type}.`, 'invalid-init');
  }
  return String(value) as T;
}

/** https://fetch.spec.whatwg.org/#dom-request: the steps that can refuse a request, in order. */
function buildRequest(context: SimulationContext, url: URL, init: RequestInitLike): ModelRequest {
  const mode = enumMember<RequestMode>(init.mode, REQUEST_MODES, 'cors', 'mode', 'RequestMode');
  const credentialsMode = enumMember<CredentialsMode>(init.credentials, CREDENTIALS_MODES, 'same-origin', 'credentials', 'RequestCredentials');
  const redirectMode = enumMember<RedirectMode>(init.redirect, REDIRECT_MODES, 'follow', 'redirect', 'RequestRedirect');
  // 25. If init["method"] exists: it must be a method, not a forbidden method; normalize it.
  const rawMethod = init.method === undefined ? 'GET' : String(init.method);
  if (!isToken(rawMethod)) throw new RequestError(`'${rawMethod}' is not a valid HTTP method.`, 'invalid-method');
  if (isForbiddenMethod(rawMethod)) throw new RequestError(`'${rawMethod}' HTTP method is unsupported.`, 'forbidden-method');
  const method = normalizeMethod(rawMethod);
  // 30. If mode is "no-cors": the method must be CORS-safelisted; headers get the "request-no-cors" guard.
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) throw new RequestError(`'${method}' is unsupported in no-cors mode.`, 'no-cors-method');
  let headers;
  try {
    headers = new ModelHeaders(init.headers as ModelHeaders, mode === 'no-cors' ? 'request-no-cors' : 'request', context.engine);
  } catch (error) {
    const message = (error as Error).message.replace(/^Failed to construct 'Headers': /, '');
    throw new RequestError(message.startsWith('String contains') ? `Failed to read the 'headers' property from 'RequestInit': ${message}` : message, 'invalid-header');
  }
  // 34-36. A body with GET or HEAD is a TypeError; otherwise its Content-Type joins the headers.
  const body = extractBody(init.body);
  if (body !== null && (method === 'GET' || method === 'HEAD')) throw new RequestError('Request with GET/HEAD method cannot have body.', 'body-with-get-or-head');
  const list = [...headerListOf(headers)];
  if (body?.unsupported) note(context, body.unsupported);
  if (body?.contentType && !hasHeader(list, 'content-type')) list.push(['Content-Type', body.contentType]);
  return {
    api: 'fetch', method, urlList: [url], origin: context.page.origin, headers: list, body: body?.text ?? null,
    mode, credentialsMode, redirectMode, useCorsPreflight: false, responseTainting: 'basic', redirectCount: 0,
  };
}

/** A Request's URL, or the input as a string (a URL object, or anything else, as a browser does). */
function inputUrl(input: unknown): string {
  if (Object.prototype.toString.call(input) === '[object Request]') return String((input as { url: unknown }).url);
  return String(input);
}

/** https://fetch.spec.whatwg.org/#dom-global-fetch over the model: resolves or rejects in microtasks, never on a timer. */
export function createFetch(context: SimulationContext): (input: unknown, init?: RequestInitLike) => Promise<ModelResponseObject> {
  return function fetch(input: unknown, init: RequestInitLike = {}): Promise<ModelResponseObject> {
    const text = inputUrl(input);
    const url = parseUrl(context, text);
    if (url === null) return Promise.reject(new TypeError(`Failed to execute 'fetch' on 'Window': Failed to parse URL from ${text}`));
    const method = init?.method === undefined ? 'GET' : normalizeMethod(String(init.method));
    const record = startRecord({ api: 'fetch', method, url: url.href, from: context.page.label, origins: context.network.origins });
    const trace = { verdicts: [] as SimulationContext['notes'] };
    context.records.push(record);
    context.traces.push(trace);
    let request: ModelRequest;
    try {
      request = buildRequest(context, url, init ?? {});
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      failRecord(record, error.blockedBy);
      trace.verdicts.push(verdict('fail', 'requestConstructor', 'new Request(input, init)', `fetch() throws before anything is sent: ${error.message}`, error.blockedBy));
      return track(context, Promise.reject(new TypeError(error.message)));
    }
    return track(context, Promise.resolve().then(() => settle(context, record, trace, request)));
  };
}

function settle(context: SimulationContext, record: RequestRecord, trace: { verdicts: SimulationContext['notes'] }, request: ModelRequest): ModelResponseObject {
  const outcome = runFetch(context, request);
  finishRecord(record, request, outcome, context.engine);
  trace.verdicts.push(...outcome.trace.verdicts);
  if (!outcome.ok) throw new TypeError('Failed to fetch');
  return ModelResponseObject.fromModel(outcome.response, context.engine);
}
