import type { RequestRecord } from '@cors-playground/scenario';
import { getHeader, hasHeader, isHeaderValue, isToken, normalizeHeaderValue, sortedLowercaseSet, type HeaderList } from './header-list';
import { hasDeviation } from './deviations';
import { fetchRequest } from './fetch-algorithm';
import type { FetchOutcome, ModelResponse } from './main-fetch';
import type { ModelRequest } from './model-request';
import { extractBody } from './request-body';
import { utf8Length } from './sandbox-network';
import { failRecord, type RequestTrace } from './request-record';
import { isForbiddenMethod, isForbiddenRequestHeader, normalizeMethod } from './request-classification';
import { note, parseUrl, track, type SimulationContext } from './simulation-context';
import { verdict, XHR_SPEC } from './spec';
import { ModelEventTarget, ModelXMLHttpRequestUpload, XHR_EVENT_TYPES } from './xhr-events';
import { domException, newRecord } from './page-api-support';

const UNSENT = 0;
const OPENED = 1;
const HEADERS_RECEIVED = 2;
const LOADING = 3;
const DONE = 4;
const NO_PROGRESS = { loaded: 0, total: 0 };


interface Sending {
  record: RequestRecord;
  trace: RequestTrace;
  aborted: boolean;
}

const CONTEXTS = new WeakMap<object, SimulationContext>();

/**
 * https://xhr.spec.whatwg.org/ over the model's fetch. Each run gets its own subclass (see
 * createXMLHttpRequest), which ties the instances to that run's network, cache and records.
 */
export class ModelXMLHttpRequest extends ModelEventTarget {
  static readonly UNSENT = UNSENT;
  static readonly OPENED = OPENED;
  static readonly HEADERS_RECEIVED = HEADERS_RECEIVED;
  static readonly LOADING = LOADING;
  static readonly DONE = DONE;

  readonly #context: SimulationContext;
  #state = UNSENT;
  #method = 'GET';
  #url: URL | null = null;
  #headers: HeaderList = [];
  #sending: Sending | null = null;
  #response: ModelResponse | null = null;
  #withCredentials = false;
  #responseType = '';
  #synchronous = false;
  timeout = 0;
  /** Listeners here set the upload listener flag, which forces a preflight; upload events are not fired. */
  readonly upload = new ModelXMLHttpRequestUpload();

  constructor() {
    super();
    const context = CONTEXTS.get(new.target);
    if (!context) throw new TypeError("Illegal constructor: use the XMLHttpRequest of a simulation's scope");
    this.#context = context;
  }

  get readyState(): number {
    return this.#state;
  }

  get withCredentials(): boolean {
    return this.#withCredentials;
  }

  set withCredentials(value: boolean) {
    if (this.#sending && !this.#sending.aborted && this.#state !== DONE) {
      throw domException("Failed to set the 'withCredentials' property on 'XMLHttpRequest': The value may only be set if the object's state is UNSENT or OPENED.", 'InvalidStateError');
    }
    this.#withCredentials = Boolean(value);
  }

  get responseType(): string {
    return this.#responseType;
  }

  set responseType(value: string) {
    if (['', 'text', 'json', 'arraybuffer', 'blob', 'document'].includes(value)) this.#responseType = value;
  }

  open(method: string, url: string | URL, async = true): void {
    const name = String(method);
    if (!isToken(name)) throw domException(`Failed to execute 'open' on 'XMLHttpRequest': '${name}' is not a valid HTTP method.`, 'SyntaxError');
    if (isForbiddenMethod(name)) throw domException(`Failed to execute 'open' on 'XMLHttpRequest': '${name}' HTTP method is unsupported.`, 'SecurityError');
    const parsed = parseUrl(this.#context, String(url));
    if (parsed === null) throw domException("Failed to execute 'open' on 'XMLHttpRequest': Invalid URL", 'SyntaxError');
    // open(), step 10: a synchronous request from a window may not set a response type.
    if (!async && this.#responseType !== '') {
      throw domException("Failed to execute 'open' on 'XMLHttpRequest': Synchronous requests from a document must not set a response type.", 'InvalidAccessError');
    }
    if (this.#sending) this.#sending.aborted = true;
    this.#synchronous = !async;
    this.#method = normalizeMethod(name);
    this.#url = parsed;
    this.#headers = [];
    this.#sending = null;
    this.#response = null;
    this.#changeState(OPENED);
  }

  setRequestHeader(name: string, value: string): void {
    if (this.#state !== OPENED || this.#sending) throw domException("Failed to execute 'setRequestHeader' on 'XMLHttpRequest': The object's state must be OPENED.", 'InvalidStateError');
    const text = normalizeHeaderValue(String(value));
    if (!isToken(String(name))) throw domException(`Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '${name}' is not a valid HTTP header field name.`, 'SyntaxError');
    if (!isHeaderValue(text)) throw domException(`Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '${text}' is not a valid HTTP header field value.`, 'SyntaxError');
    // Forbidden request-headers are ignored (Chromium prints: Refused to set unsafe header "NAME").
    if (isForbiddenRequestHeader(name, text)) return;
    const existing = this.#headers.findIndex(([key]) => key.toLowerCase() === name.toLowerCase());
    if (existing === -1) this.#headers.push([name, text]);
    else this.#headers[existing] = [this.#headers[existing]![0], `${this.#headers[existing]![1]}, ${text}`];
  }

  send(body?: unknown): void {
    if (this.#state !== OPENED || this.#sending) throw domException("Failed to execute 'send' on 'XMLHttpRequest': The object's state must be OPENED.", 'InvalidStateError');
    const url = this.#url!;
    const { record, trace } = newRecord(this.#context, 'xhr', this.#method, url.href);
    const sending: Sending = { record, trace, aborted: false };
    this.#sending = sending;
    // The request leaves at send(), as in a browser: an abort() right after it is too late to stop it.
    const request = this.#request(this.#method === 'GET' || this.#method === 'HEAD' ? null : body);
    if (this.#synchronous) return this.#sendSynchronously(sending, request);
    let arrived: (outcome: FetchOutcome) => void = () => {};
    const response = new Promise<FetchOutcome>((resolve) => (arrived = resolve));
    fetchRequest(this.#context, record, trace, request, { processResponse: (outcome) => arrived(outcome), aborted: () => sending.aborted });
    this.fire('loadstart', NO_PROGRESS);
    track(this.#context, response.then((outcome) => this.#deliver(sending, outcome)));
  }

  /**
   * https://xhr.spec.whatwg.org/#the-send()-method, step 12 (synchronous): the page waits for the
   * whole response; a network error throws a NetworkError and fires no event; otherwise only
   * readystatechange (DONE), load and loadend fire, all before send() returns.
   */
  #sendSynchronously(sending: Sending, request: ModelRequest): void {
    let outcome: FetchOutcome | null = null;
    fetchRequest(this.#context, sending.record, sending.trace, request, { processResponse: (arrived) => (outcome = arrived), synchronous: true });
    const done = outcome as FetchOutcome | null;
    if (done === null || !done.ok) {
      this.#response = null;
      this.#state = DONE;
      throw domException(`Failed to execute 'send' on 'XMLHttpRequest': Failed to load '${this.#url!.href}'.`, 'NetworkError');
    }
    this.#response = done.response;
    const loaded = utf8Length(done.response.body);
    const total = Number(getHeader(done.response.headers, 'content-length') ?? 0) || 0;
    this.#changeState(DONE);
    this.fire('load', { loaded, total });
    this.fire('loadend', { loaded, total });
  }

  abort(): void {
    const sending = this.#sending;
    if (sending && !sending.aborted && this.#state !== DONE) {
      sending.aborted = true;
      failRecord(sending.record, 'aborted');
      this.#response = null;
      this.#changeState(DONE);
      this.fire('abort', NO_PROGRESS);
      this.fire('loadend', NO_PROGRESS);
    }
    if (this.#state === DONE) this.#state = UNSENT;
  }

  get status(): number {
    return this.#response && this.#state >= HEADERS_RECEIVED ? this.#response.status : 0;
  }

  get statusText(): string {
    return this.#response && this.#state >= HEADERS_RECEIVED ? this.#response.statusText : '';
  }

  get responseURL(): string {
    return this.#response?.url ?? '';
  }

  get responseText(): string {
    if (this.#responseType !== '' && this.#responseType !== 'text') {
      throw domException(`Failed to read the 'responseText' property from 'XMLHttpRequest': The value is only accessible if the object's 'responseType' is '' or 'text' (was '${this.#responseType}').`, 'InvalidStateError');
    }
    return this.#response && this.#state >= LOADING ? this.#response.body : '';
  }

  get response(): unknown {
    if (this.#responseType === '' || this.#responseType === 'text') return this.responseText;
    if (this.#state !== DONE || !this.#response) return null;
    if (this.#responseType === 'json') {
      try {
        return JSON.parse(this.#response.body);
      } catch {
        return null;
      }
    }
    note(this.#context, verdict('unsupported', 'mainFetch', 'XMLHttpRequest response', `Not modelled: responseType "${this.#responseType}" (the model answers null).`));
    return null;
  }

  getResponseHeader(name: string): string | null {
    // Chromium prints: Refused to get unsafe header "NAME", for a header the filter hid.
    return this.#response && this.#state >= HEADERS_RECEIVED ? getHeader(this.#response.headers, String(name)) : null;
  }

  /** https://xhr.spec.whatwg.org/#the-getallresponseheaders()-method: sorted, lower case, combined. */
  getAllResponseHeaders(): string {
    if (!this.#response || this.#state < HEADERS_RECEIVED) return '';
    const headers = this.#response.headers;
    return sortedLowercaseSet(headers.map(([key]) => key)).map((key) => `${key}: ${getHeader(headers, key)}\r\n`).join('');
  }

  overrideMimeType(): void {}

  #request(body: unknown): ModelRequest {
    const extracted = extractBody(body);
    if (extracted?.unsupported) note(this.#context, extracted.unsupported);
    const headers = [...this.#headers];
    if (extracted?.contentType && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', extracted.contentType]);
    // send(), step 6: listeners on the upload object set the upload listener flag, and the
    // request's use-CORS-preflight flag with it (Chromium only when there is a body to upload).
    const needsBody = hasDeviation(this.#context.engine, 'xhr-upload-listener-preflight-needs-body');
    const uploadListenerFlag = this.upload.hasListeners() && (!needsBody || extracted !== null);
    return {
      api: 'xhr', method: this.#method, urlList: [this.#url!], origin: this.#context.page.origin, headers, body: extracted?.text ?? null,
      mode: 'cors', credentialsMode: this.#withCredentials ? 'include' : 'same-origin', redirectMode: 'follow',
      useCorsPreflight: uploadListenerFlag, responseTainting: 'basic', redirectCount: 0,
    };
  }

  /** https://xhr.spec.whatwg.org/#the-send()-method, steps 11 and 12: the response, then the events. */
  #deliver(sending: Sending, outcome: FetchOutcome): void {
    if (sending.aborted) return;
    if (!outcome.ok) {
      this.#response = null;
      this.#changeState(DONE);
      this.fire('error', NO_PROGRESS);
      this.fire('loadend', NO_PROGRESS);
    } else {
      const response = outcome.response;
      this.#response = response;
      const loaded = utf8Length(response.body);
      const total = Number(getHeader(response.headers, 'content-length') ?? 0) || 0;
      this.#changeState(HEADERS_RECEIVED);
      // An empty body skips LOADING: Chromium goes from HEADERS_RECEIVED to DONE (seen with a 204).
      if (loaded > 0) {
        this.#changeState(LOADING);
        this.fire('progress', { loaded, total });
      }
      this.#changeState(DONE);
      this.fire('load', { loaded, total });
      this.fire('loadend', { loaded, total });
    }
    for (const error of this.takeUncaught()) {
      note(this.#context, { result: 'info', step: 'XMLHttpRequest event listener', spec: `${XHR_SPEC}#events`, detail: `A listener threw (a browser reports it and goes on): ${describe(error)}` });
    }
  }

  #changeState(state: number): void {
    this.#state = state;
    this.fire('readystatechange');
  }

  static {
    // The on… event handler attributes live on the prototype, as in a browser.
    for (const type of XHR_EVENT_TYPES) {
      Object.defineProperty(this.prototype, `on${type}`, {
        get(this: ModelXMLHttpRequest) {
          return this.getHandler(type);
        },
        set(this: ModelXMLHttpRequest, callback: unknown) {
          this.setHandler(type, callback);
        },
        configurable: true,
        enumerable: true,
      });
    }
  }
}

/** The XMLHttpRequest class of one run: instances reach that run's model. */
export function createXMLHttpRequest(context: SimulationContext): typeof ModelXMLHttpRequest {
  const XMLHttpRequest = class XMLHttpRequest extends ModelXMLHttpRequest {};
  CONTEXTS.set(XMLHttpRequest, context);
  return XMLHttpRequest;
}

function describe(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? `${(error as Error).name}: ${(error as Error).message}`
    : String(error);
}
