import { fetchRequest } from './fetch-algorithm';
import type { HeaderList } from './header-list';
import { parseMimeTypeEssence } from './mime-type';
import type { ModelRequest } from './model-request';
import { BEACON_SPEC, hideResponse, newRecord, pageVerdict } from './page-api-support';
import { extractBody } from './request-body';
import { failRecord } from './request-record';
import { CORS_SAFELISTED_CONTENT_TYPE_SET } from './request-classification';
import { note, parseUrl, track, type SimulationContext } from './simulation-context';

const SEND_BEACON = `${BEACON_SPEC}#sendbeacon-method`;

/**
 * https://w3c.github.io/beacon/#sendbeacon-method over the model's fetch: a POST with credentials
 * "include" and keepalive. Its mode is "no-cors" (so no preflight, and an opaque response nobody
 * reads) unless the body is a Blob whose type is not a CORS-safelisted Content-Type: then "cors",
 * which Chromium 156 preflights (`Access-Control-Request-Headers: content-type`) and whose
 * response must pass the CORS check with credentials. JavaScript only learns whether the beacon
 * was queued (true); the console shows what CORS blocked.
 */
export function createNavigator(context: SimulationContext): { sendBeacon(url: unknown, data?: unknown): boolean } {
  return {
    sendBeacon(url: unknown, data?: unknown): boolean {
      const parsed = parseUrl(context, String(url));
      const { record, trace } = newRecord(context, 'beacon', 'POST', parsed?.href ?? String(url));
      if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        const message = parsed === null ? 'Invalid URL' : 'Beacons are only supported over HTTP(S).';
        trace.verdicts.push(pageVerdict('fail', SEND_BEACON, 'sendBeacon(), step 1', `sendBeacon() throws before anything is sent: ${message}`, 'beacon-url'));
        failRecord(record, 'beacon-url', trace.verdicts);
        throw new TypeError(`Failed to execute 'sendBeacon' on 'Navigator': ${message}`);
      }
      const body = extractBody(data);
      if (body?.unsupported) note(context, body.unsupported);
      const type = body?.contentType ?? null;
      const essence = type === null ? null : parseMimeTypeEssence(type);
      const cors = (Object.prototype.toString.call(data) === '[object Blob]' || Object.prototype.toString.call(data) === '[object File]') && type !== null && (essence === null || !CORS_SAFELISTED_CONTENT_TYPE_SET.has(essence));
      const headers: HeaderList = type === null ? [] : [['content-type', type]];
      trace.verdicts.push(pageVerdict('info', SEND_BEACON, 'sendBeacon(), step 6', cors
        ? `The body is a Blob of type ${type}, not a CORS-safelisted Content-Type: the beacon is a CORS request with credentials "include", so it needs a preflight and a response that passes the CORS check.`
        : 'The body is not a Blob of a non-safelisted type: the beacon is a no-cors POST with credentials "include": no preflight, and nobody reads the (opaque) response.', undefined, { 'content-type': type }));
      const request: ModelRequest = {
        api: 'beacon', method: 'POST', urlList: [parsed], origin: context.page.origin, headers, body: body?.text ?? null,
        mode: cors ? 'cors' : 'no-cors', credentialsMode: 'include', redirectMode: 'follow', useCorsPreflight: false, responseTainting: 'basic', redirectCount: 0,
      };
      track(context, new Promise<void>((resolve) => {
        queueMicrotask(() => fetchRequest(context, record, trace, request, {
          processResponse: () => {
            hideResponse(record);
            if (record.outcome === 'opaque') record.fix = null;
            resolve();
          },
        }));
      }));
      return true;
    },
  };
}
