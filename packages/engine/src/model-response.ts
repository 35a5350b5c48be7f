import type { EngineName } from '@cors-playground/scenario';
import type { ModelResponse } from './main-fetch';
import { ModelHeaders } from './model-headers';

interface ResponseState {
  response: ModelResponse | { type: 'default'; status: number; statusText: string; body: string; url: string; redirected: boolean };
  headers: ModelHeaders;
  bodyUsed: boolean;
}

const STATE = new WeakMap<object, ResponseState>();

function stateOf(response: object): ResponseState {
  const state = STATE.get(response);
  if (!state) throw new TypeError('Illegal invocation: not a Response object');
  return state;
}

export interface ResponseInitLike {
  status?: number;
  statusText?: string;
  headers?: ConstructorParameters<typeof ModelHeaders>[0];
}

function consume(response: object, method: string): string {
  const state = stateOf(response);
  if (state.bodyUsed) throw new TypeError(`Failed to execute '${method}' on 'Response': body stream already read`);
  state.bodyUsed = true;
  return state.response.body;
}

/**
 * https://fetch.spec.whatwg.org/#response-class, as far as a CORS lesson reads it: the type,
 * status, URL and headers JavaScript may see, and the body as text or JSON. Not modelled:
 * body streams, blob(), formData(), arrayBuffer().
 */
export class ModelResponseObject {
  constructor(body?: unknown, init: ResponseInitLike = {}) {
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`Failed to construct 'Response': The status provided (${status}) is outside the range [200, 599].`);
    }
    const text = body === undefined || body === null ? '' : String(body);
    STATE.set(this, {
      response: { type: 'default', status, statusText: init.statusText ?? '', body: text, url: '', redirected: false },
      headers: new ModelHeaders(init.headers, 'response'),
      bodyUsed: false,
    });
  }

  /** The Response JavaScript gets for a model fetch. */
  static fromModel(response: ModelResponse, engine: EngineName): ModelResponseObject {
    const object = Object.create(ModelResponseObject.prototype) as ModelResponseObject;
    STATE.set(object, { response, headers: new ModelHeaders(response.headers, 'immutable', engine), bodyUsed: false });
    return object;
  }

  get type(): string {
    return stateOf(this).response.type;
  }

  get url(): string {
    return stateOf(this).response.url;
  }

  get redirected(): boolean {
    return stateOf(this).response.redirected;
  }

  get status(): number {
    return stateOf(this).response.status;
  }

  get ok(): boolean {
    const { status } = stateOf(this).response;
    return status >= 200 && status <= 299;
  }

  get statusText(): string {
    return stateOf(this).response.statusText;
  }

  get headers(): ModelHeaders {
    return stateOf(this).headers;
  }

  get bodyUsed(): boolean {
    return stateOf(this).bodyUsed;
  }

  async text(): Promise<string> {
    return consume(this, 'text');
  }

  async json(): Promise<unknown> {
    return JSON.parse(consume(this, 'json'));
  }

  clone(): ModelResponseObject {
    const state = stateOf(this);
    if (state.bodyUsed) throw new TypeError("Failed to execute 'clone' on 'Response': Response body is already used");
    const copy = Object.create(ModelResponseObject.prototype) as ModelResponseObject;
    STATE.set(copy, { ...state, bodyUsed: false });
    return copy;
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }
}
