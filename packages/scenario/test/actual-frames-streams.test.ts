import { describe, expect, it } from 'vitest';
import { actualRecords, assertScenario, liveOrigins, type Exchange, type HarnessReport, type Observation } from '../src/index';

const scenario = assertScenario({ version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app' });
const origins = liveOrigins(scenario, { sandboxId: 'k3j9x', domain: 'localhost', ports: { http: [8080], https: [] } });
const api = origins.api!.origin;

function observation(api_: Observation['api'], method: string, url: string, settled: Observation['settled'], extra: Partial<Observation> = {}): Observation {
  return { api: api_, method, url, settled, responseType: null, status: 0, headers: [], error: null, ...extra };
}

function received(seq: number, method: string, url: string, headers: Array<[string, string]> = []): Exchange {
  return { seq, at: seq, label: 'api', method, url, requestHeaders: headers, response: { status: 200, headers: [] }, routeIndex: 0 };
}

function report(...observations: Observation[]): HarnessReport {
  return { observations, log: [], end: 'finished', error: null };
}

describe('actual records of frames, beacons and sockets', () => {
  it('a frame the servers never received is an error, though its (error) page loaded; else readable is ok and unreadable opaque', () => {
    const records = actualRecords(report(
      observation('iframe', 'GET', `${api}/a`, 'resolved', { responseType: 'opaque' }),
      observation('window', 'GET', `${api}/b`, 'resolved', { responseType: 'basic' }),
      observation('iframe', 'GET', 'http://nowhere.invalid/', 'resolved', { responseType: 'opaque' }),
    ), [received(0, 'GET', `${api}/a`), received(1, 'GET', `${api}/b`)], origins, 'app');
    expect(records.requests.map((record) => record.outcome)).toEqual(['opaque', 'ok', 'error']);
  });

  it('a beacon is blocked by its console line or by a preflight with no request after it; sent, it is ok in cors mode and opaque in no-cors mode', () => {
    const line = `Access to resource at '${api}/c' from origin '${origins.app!.origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`;
    const preflight = received(0, 'OPTIONS', `${api}/b`, [['access-control-request-method', 'POST']]);
    const records = actualRecords(report(
      observation('beacon', 'POST', `${api}/a`, 'pending', { mode: 'no-cors' }),
      observation('beacon', 'POST', `${api}/b`, 'pending', { mode: 'cors' }),
      observation('beacon', 'POST', `${api}/c`, 'pending', { mode: 'cors' }),
      observation('beacon', 'POST', `${api}/d`, 'pending', { mode: 'cors' }),
    ), [preflight, received(1, 'POST', `${api}/a`), received(2, 'POST', `${api}/c`), received(3, 'POST', `${api}/d`)], origins, 'app', [{ engine: 'chromium', text: line }]);
    expect(records.requests.map((record) => [record.outcome, record.preflight.sent, record.console.chromium])).toEqual([
      ['opaque', false, null], ['blocked', true, null], ['blocked', false, line], ['ok', false, null],
    ]);
  });

  it('a beacon the harness settled from its timing entry: rejected is blocked once a server saw it, resolved without a server is an error', () => {
    const preflight = received(0, 'OPTIONS', `${api}/a`, [['access-control-request-method', 'POST']]);
    const records = actualRecords(report(
      observation('beacon', 'POST', `${api}/a`, 'rejected', { mode: 'cors' }),
      observation('beacon', 'POST', `${api}/b`, 'resolved', { mode: 'cors', responseType: 'cors' }),
      observation('beacon', 'POST', 'http://nowhere.invalid/c', 'resolved', { mode: 'no-cors', responseType: 'opaque' }),
    ), [preflight, received(1, 'POST', `${api}/b`)], origins, 'app');
    expect(records.requests.map((record) => record.outcome)).toEqual(['blocked', 'ok', 'error']);
  });

  it('a WebSocket handshake logged with its ws: URL is matched, and names its origin label', () => {
    const url = `${api.replace('http', 'ws')}/socket`;
    const records = actualRecords(report(observation('websocket', 'GET', url, 'rejected')), [received(0, 'GET', url)], origins, 'app');
    expect(records.requests[0]).toMatchObject({ to: 'api', outcome: 'blocked' });
  });
});
