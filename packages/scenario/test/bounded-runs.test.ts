import { describe, expect, it } from 'vitest';
import { actualRecords, answerRequest, assertScenario, expansionLimit, liveOrigins, LIMITS, type Exchange, type HarnessReport, type Observation, type ScenarioInput } from '../src/index';

const ORIGINS = { app: 'http://app.test:8080', api: 'http://api.test:8080' };

function echoing(body: string): ScenarioInput {
  return { version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app', servers: { api: { routes: [{ path: '/echo', method: '*', body }] } } };
}

describe('templates cannot multiply memory', () => {
  it('answers 500 naming the route when a body of request echoes would expand past the bound', () => {
    const scenario = assertScenario(echoing('${request.body}'.repeat(4_000)));
    const request = { method: 'POST', path: '/echo', headers: {}, body: 'x'.repeat(1024 * 1024) };
    const answer = answerRequest(scenario, ORIGINS, 'api', request);
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(`servers.api.routes[0]: its templates expand to more than ${expansionLimit(request)} characters (at most 4 × ${LIMITS.bodyBytes}, plus the request body).`);
    expect(answer.headers.some(([name]) => name.toLowerCase().startsWith('access-control-'))).toBe(false);
  });

  it('still echoes a large request body once, and a path many times within the bound', () => {
    const body = 'x'.repeat(1024 * 1024);
    const once = answerRequest(assertScenario(echoing('[${request.body}]')), ORIGINS, 'api', { method: 'POST', path: '/echo', headers: {}, body });
    expect(once).toMatchObject({ status: 200, body: `[${body}]` });
    const paths = answerRequest(assertScenario(echoing('${request.path}\n'.repeat(100))), ORIGINS, 'api', { method: 'GET', path: '/echo?q=1', headers: {} });
    expect(paths.body).toBe('/echo?q=1\n'.repeat(100));
  });
});

describe('actual records of a large or forged report', () => {
  const scenario = assertScenario({ version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app' });
  const origins = liveOrigins(scenario, { sandboxId: 'abcdefghijklmnop', domain: 'localhost', ports: { http: [8080], https: [] } });
  const url = `${origins.api!.origin}/data`;
  const observation = (extra: Partial<Observation> = {}): Observation => ({
    api: 'fetch', method: 'GET', url, settled: 'resolved', responseType: 'cors', status: 200, headers: [], error: null, ...extra,
  });
  const exchange = (seq: number, method: string, status: number): Exchange => ({
    seq, at: seq, label: 'api', method, url, requestHeaders: [], response: { status, headers: [] }, routeIndex: 0,
  });

  it('does not throw on an observation whose URL is no URL', () => {
    const report: HarnessReport = { observations: [observation({ url: 'not a url', mode: 'same-origin', settled: 'rejected', responseType: null, status: 0 })], log: [], end: 'finished', error: null };
    expect(actualRecords(report, [], origins, 'app').requests).toMatchObject([{ url: 'not a url', outcome: 'blocked', to: null }]);
  });

  it('pairs each of many requests to one URL with its own exchange, in order', () => {
    const count = 2_000;
    const exchanges = Array.from({ length: count }, (_, index) => exchange(index, 'GET', index < 500 ? 200 : 429));
    const observations = Array.from({ length: count }, (_, index) =>
      index < 500 ? observation() : observation({ settled: 'rejected', responseType: null, status: 0, error: 'TypeError: Failed to fetch' }));
    const records = actualRecords({ observations, log: [], end: 'finished', error: null }, exchanges, origins, 'app');
    expect(records.requests.filter((record) => record.outcome === 'ok')).toHaveLength(500);
    expect(records.requests.filter((record) => record.outcome === 'blocked')).toHaveLength(1_500);
  });
});
