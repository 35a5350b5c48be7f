import { fetchRequest } from './fetch-algorithm';
import type { ModelRequest } from './model-request';
import { constructRequest, disturb, RequestConstructionError, requestPartsOf, type RequestInitLike, type RequestParts } from './model-request-object';
import { ModelResponseObject } from './model-response';
import { newRecord } from './page-api-support';
import { failRecord } from './request-record';
import { normalizeMethod } from './request-classification';
import { verdict } from './spec';
import { parseUrl, track, type SimulationContext } from './simulation-context';

const FETCH_PREFIX = "Failed to execute 'fetch' on 'Window': ";

/** The request main fetch runs, from a Request's parts. */
function modelRequest(context: SimulationContext, parts: RequestParts): ModelRequest {
  return {
    api: 'fetch', method: parts.method, urlList: [parts.url], origin: context.page.origin, headers: parts.headers, body: parts.body?.text ?? null,
    mode: parts.mode, credentialsMode: parts.credentialsMode, redirectMode: parts.redirectMode, useCorsPreflight: false, responseTainting: 'basic', redirectCount: 0,
  };
}

/** https://fetch.spec.whatwg.org/#dom-global-fetch over the model: resolves or rejects in microtasks, never on a timer. */
export function createFetch(context: SimulationContext): (input: unknown, init?: RequestInitLike) => Promise<ModelResponseObject> {
  return function fetch(input: unknown, init: RequestInitLike = {}): Promise<ModelResponseObject> {
    init ??= {};
    const given = requestPartsOf(input);
    const url = given?.url ?? parseUrl(context, String(input));
    // An unparsable URL rejects before the harness can name a request (nothing is recorded).
    if (url === null) return Promise.reject(new TypeError(`${FETCH_PREFIX}Failed to parse URL from ${String(input)}`));
    const method = init.method === undefined ? given?.method ?? 'GET' : normalizeMethod(String(init.method));
    const { record, trace } = newRecord(context, 'fetch', method, url.href);
    let request: ModelRequest;
    try {
      request = modelRequest(context, constructRequest(context, input, init).parts);
      disturb(input);
    } catch (error) {
      if (!(error instanceof RequestConstructionError)) throw error;
      const message = `${FETCH_PREFIX}${error.message}`;
      trace.verdicts.push(verdict('fail', 'requestConstructor', 'new Request(input, init)', `fetch() throws before anything is sent: ${message}`, error.blockedBy));
      failRecord(record, error.blockedBy, trace.verdicts);
      return track(context, Promise.reject(new TypeError(message)));
    }
    const settled = new Promise<ModelResponseObject>((resolve, reject) => {
      queueMicrotask(() => {
        try {
          fetchRequest(context, record, trace, request, {
            processResponse: (outcome) => {
              if (outcome.ok) resolve(ModelResponseObject.fromModel(outcome.response, context.engine));
              else reject(new TypeError('Failed to fetch'));
            },
          });
        } catch (error) {
          reject(error);
        }
      });
    });
    return track(context, settled);
  };
}
