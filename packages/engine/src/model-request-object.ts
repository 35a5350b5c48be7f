import type { CredentialsMode } from './cors-check';
import { CREDENTIALS_MODES } from './cors-check';
import { hasHeader, isToken, type HeaderList } from './header-list';
import { headerListOf, ModelHeaders } from './model-headers';
import { REDIRECT_MODES, REQUEST_MODES, type RedirectMode, type RequestMode } from './model-request';
import { extractBody, type ExtractedBody } from './request-body';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './request-classification';
import { note, parseUrl, type SimulationContext } from './simulation-context';

/**
 * https://fetch.spec.whatwg.org/#request-class: the Request class and the constructor steps that
 * fetch() runs too (fetch(input, init) is new Request(input, init), then fetch). What can refuse a
 * request happens here, in the standard's order, with Chromium's messages.
 */
export interface RequestInitLike {
  method?: unknown;
  headers?: ConstructorParameters<typeof ModelHeaders>[0];
  body?: unknown;
  mode?: unknown;
  credentials?: unknown;
  redirect?: unknown;
}

/** What a Request holds (https://fetch.spec.whatwg.org/#concept-request, the fields the model uses). */
export interface RequestParts {
  url: URL;
  method: string;
  /** With the body's Content-Type, when the body implies one and no header set it. */
  headers: HeaderList;
  body: ExtractedBody | null;
  mode: RequestMode;
  credentialsMode: CredentialsMode;
  redirectMode: RedirectMode;
}

/** A TypeError of the Request constructor (unprefixed: the caller says "fetch" or "Request"), and the check that raised it. */
export class RequestConstructionError extends TypeError {
  constructor(message: string, readonly blockedBy: string) {
    super(message);
  }
}

interface RequestState {
  parts: RequestParts;
  headers: ModelHeaders;
  bodyUsed: boolean;
}

const STATES = new WeakMap<object, RequestState>();

/** The parts of a Request object of the model, or null for anything else. */
export function requestPartsOf(input: unknown): RequestParts | null {
  return (typeof input === 'object' && input !== null && STATES.get(input)?.parts) || null;
}

/** Marks a Request's body as used (fetch does, once it sends it). */
export function disturb(input: unknown): void {
  const state = typeof input === 'object' && input !== null ? STATES.get(input) : undefined;
  if (state && state.parts.body !== null) state.bodyUsed = true;
}

function enumMember<T extends string>(value: unknown, members: readonly T[], fallback: T, field: string, type: string): T {
  if (value === undefined) return fallback;
  if (!members.includes(String(value) as T)) {
    if (field === 'mode' && value === 'navigate') throw new RequestConstructionError("Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.", 'invalid-init');
    throw new RequestConstructionError(`Failed to read the '${field}' property from 'RequestInit': The provided value '${String(value)}' is not a valid enum value of type ${type}.`, 'invalid-init');
  }
  return String(value) as T;
}

function requestHeaders(init: RequestInitLike['headers'], mode: RequestMode, context: SimulationContext): ModelHeaders {
  try {
    return new ModelHeaders(init as ModelHeaders, mode === 'no-cors' ? 'request-no-cors' : 'request', context.engine);
  } catch (error) {
    const message = (error as Error).message.replace(/^Failed to construct 'Headers': /, '');
    throw new RequestConstructionError(message.startsWith('String contains') ? `Failed to read the 'headers' property from 'RequestInit': ${message}` : message, 'invalid-header');
  }
}

/** https://fetch.spec.whatwg.org/#dom-request, the steps that can refuse a request, in order. */
export function constructRequest(context: SimulationContext, input: unknown, init: RequestInitLike): RequestState {
  const base = typeof input === 'object' && input !== null ? STATES.get(input) : undefined;
  let url: URL;
  if (base === undefined) {
    // 5. Parse input; 5.4. a URL that includes credentials is a TypeError.
    const text = String(input);
    const parsed = parseUrl(context, text);
    if (parsed === null) throw new RequestConstructionError(`Failed to parse URL from ${text}`, 'invalid-url');
    if (parsed.username !== '' || parsed.password !== '') throw new RequestConstructionError(`Request cannot be constructed from a URL that includes credentials: ${parsed.href}`, 'url-credentials');
    url = parsed;
  } else {
    // 6. Otherwise input is a Request: its body may be read once.
    if (base.bodyUsed) throw new RequestConstructionError('Cannot construct a Request with a Request object that has already been used.', 'body-used');
    url = base.parts.url;
  }
  const from = base?.parts;
  const mode = enumMember<RequestMode>(init.mode, REQUEST_MODES, from?.mode ?? 'cors', 'mode', 'RequestMode');
  const credentialsMode = enumMember<CredentialsMode>(init.credentials, CREDENTIALS_MODES, from?.credentialsMode ?? 'same-origin', 'credentials', 'RequestCredentials');
  const redirectMode = enumMember<RedirectMode>(init.redirect, REDIRECT_MODES, from?.redirectMode ?? 'follow', 'redirect', 'RequestRedirect');
  // 25. If init["method"] exists: it must be a method, not a forbidden method; normalize it.
  let method = from?.method ?? 'GET';
  if (init.method !== undefined) {
    const rawMethod = String(init.method);
    if (!isToken(rawMethod)) throw new RequestConstructionError(`'${rawMethod}' is not a valid HTTP method.`, 'invalid-method');
    if (isForbiddenMethod(rawMethod)) throw new RequestConstructionError(`'${rawMethod}' HTTP method is unsupported.`, 'forbidden-method');
    method = normalizeMethod(rawMethod);
  }
  // 30. If mode is "no-cors": the method must be CORS-safelisted; headers get the "request-no-cors" guard.
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) throw new RequestConstructionError(`'${method}' is unsupported in no-cors mode.`, 'no-cors-method');
  const headers = requestHeaders(init.headers !== undefined ? init.headers : from ? (from.headers as [string, string][]) : undefined, mode, context);
  // 34-36. A body with GET or HEAD is a TypeError; otherwise its Content-Type joins the headers.
  const body = init.body !== undefined ? extractBody(init.body) : (from?.body ?? null);
  if (body !== null && (method === 'GET' || method === 'HEAD')) throw new RequestConstructionError('Request with GET/HEAD method cannot have body.', 'body-with-get-or-head');
  if (body?.unsupported) note(context, body.unsupported);
  if (body?.contentType && !headers.has('content-type')) headers.append('Content-Type', body.contentType);
  const list = [...headerListOf(headers)];
  if (body?.contentType && !hasHeader(list, 'content-type')) list.push(['Content-Type', body.contentType]);
  return { parts: { url, method, headers: list, body, mode, credentialsMode, redirectMode }, headers, bodyUsed: false };
}

function stateOf(request: object): RequestState {
  const state = STATES.get(request);
  if (!state) throw new TypeError('Illegal invocation: not a Request object');
  return state;
}

const CONTEXTS = new WeakMap<object, SimulationContext>();

/** https://fetch.spec.whatwg.org/#request-class, as far as a CORS lesson reads it. */
export class ModelRequestObject {
  constructor(input: unknown, init: RequestInitLike = {}) {
    const context = CONTEXTS.get(new.target);
    if (!context) throw new TypeError("Illegal constructor: use the Request of a simulation's scope");
    try {
      STATES.set(this, constructRequest(context, input, init ?? {}));
    } catch (error) {
      if (error instanceof RequestConstructionError) throw new TypeError(`Failed to construct 'Request': ${error.message}`);
      throw error;
    }
  }

  get url(): string {
    return stateOf(this).parts.url.href;
  }

  get method(): string {
    return stateOf(this).parts.method;
  }

  get headers(): ModelHeaders {
    return stateOf(this).headers;
  }

  get mode(): string {
    return stateOf(this).parts.mode;
  }

  get credentials(): string {
    return stateOf(this).parts.credentialsMode;
  }

  get redirect(): string {
    return stateOf(this).parts.redirectMode;
  }

  get bodyUsed(): boolean {
    return stateOf(this).bodyUsed;
  }

  async text(): Promise<string> {
    const state = stateOf(this);
    if (state.bodyUsed) throw new TypeError("Failed to execute 'text' on 'Request': body stream already read");
    if (state.parts.body !== null) state.bodyUsed = true;
    return state.parts.body?.text ?? '';
  }

  clone(): ModelRequestObject {
    const state = stateOf(this);
    if (state.bodyUsed) throw new TypeError("Failed to execute 'clone' on 'Request': Request body is already used");
    const copy = Object.create(Object.getPrototypeOf(this) as object) as ModelRequestObject;
    STATES.set(copy, { parts: { ...state.parts, headers: [...state.parts.headers] }, headers: new ModelHeaders(state.parts.headers, 'request'), bodyUsed: false });
    return copy;
  }

  get [Symbol.toStringTag](): string {
    return 'Request';
  }
}

/** The Request class of one run: instances reach that run's page (for relative URLs) and engine. */
export function createRequestClass(context: SimulationContext): typeof ModelRequestObject {
  const Request = class Request extends ModelRequestObject {};
  CONTEXTS.set(Request, context);
  return Request;
}
