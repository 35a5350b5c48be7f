import { describe, expect, it } from 'vitest';
import { actualRecords, assertScenario, liveOrigins, type Exchange, type HarnessReport, type Observation } from '../src/index';

const scenario = assertScenario({ version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app' });
const origins = liveOrigins(scenario, { sandboxId: 'k3j9x', domain: 'localhost', ports: { http: [8080], https: [] } });
const api = origins.api!.origin;

function imageLoad(path: string, settled: Observation['settled'], extra: Partial<Observation> = {}): Observation {
  return { api: 'img', method: 'GET', url: `${api}${path}`, settled, responseType: null, status: 0, headers: [], error: null, mode: 'no-cors', ...extra };
}

function answered(seq: number, path: string, status: number): Exchange {
  return { seq, at: seq, label: 'api', method: 'GET', url: `${api}${path}`, requestHeaders: [], response: { status, headers: [] }, routeIndex: 0 };
}

function report(...observations: Observation[]): HarnessReport {
  return { observations, log: [], end: 'finished', error: null };
}

describe('actual records of element loads', () => {
  it('a failed load is blocked when Chromium printed a CORS line for it, and an error otherwise', () => {
    const cors = `Access to image at '${api}/a.png' from origin '${origins.app!.origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`;
    const records = actualRecords(report(imageLoad('/a.png', 'rejected'), imageLoad('/b.png', 'rejected')), [answered(0, '/a.png', 200), answered(1, '/b.png', 200)], origins, 'app', [
      { engine: 'chromium', text: cors },
      { engine: 'chromium', text: 'Failed to load resource: net::ERR_FAILED', url: `${api}/a.png` },
    ]);
    expect(records.requests.map((record) => [record.outcome, record.console.chromium])).toEqual([['blocked', cors], ['error', null]]);
  });

  it('takes a "Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE" line by its location (CORP names no URL in its text)', () => {
    const line = 'Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin';
    const records = actualRecords(report(imageLoad('/a.png', 'rejected'), imageLoad('/b.png', 'rejected')), [answered(0, '/a.png', 200), answered(1, '/b.png', 200)], origins, 'app', [
      { engine: 'chromium', text: line, url: `${api}/b.png` },
    ]);
    expect(records.requests.map((record) => [record.outcome, record.console.chromium])).toEqual([['error', null], ['blocked', line]]);
  });

  it('without a console (a run in the playground) counts a failed load the server answered with 2xx as blocked', () => {
    const records = actualRecords(report(imageLoad('/a.png', 'rejected'), imageLoad('/b.png', 'rejected'), imageLoad('/c.png', 'rejected')), [answered(0, '/a.png', 200), answered(1, '/b.png', 404)], origins, 'app');
    expect(records.requests.map((record) => record.outcome)).toEqual(['blocked', 'error', 'error']);
  });

  it('a load that succeeded is opaque or ok by what resource timing showed, with no visible headers', () => {
    const records = actualRecords(report(imageLoad('/a.png', 'resolved', { responseType: 'opaque' }), imageLoad('/b.png', 'resolved', { responseType: 'cors', status: 200, mode: 'cors' })), [], origins, 'app', []);
    expect(records.requests.map((record) => [record.outcome, record.status, record.visibleHeaders])).toEqual([['opaque', 0, []], ['ok', 200, []]]);
  });
});
