import { describe, expect, it } from 'vitest';
import {
  actualRecords, answerRequest, assertScenario, decodeScenarioHash, encodeScenarioHash, expandTemplates, formatLogLine,
  labelForUrl, liveOrigins, originStrings, type HarnessReport,
} from '../src/index';

const scenario = assertScenario({
  version: 1,
  origins: { app: { site: 'a' }, cdn: { site: 'a' }, api: { site: 'b' }, app2: { host: 'app', port: 1 }, bank: { site: 'c', scheme: 'https' } },
  page: 'app',
  servers: {
    api: {
      routes: [
        { path: '/data', method: ['GET', 'PUT'], headers: { 'Access-Control-Allow-Origin': ['${request.origin}', '*'] }, body: 'from ${origin:api}' },
        { path: '/files/*', body: 'file' },
      ],
    },
  },
});
const origins = liveOrigins(scenario, { sandboxId: 'k3j9xk3j9xk3j9xa', domain: 'localhost', ports: { http: [8080, 8081], https: [8443] } });

describe('live origins', () => {
  it('puts same-site labels under one site domain and other sites under their own', () => {
    expect(origins.app!.origin).toBe('http://app-k3j9xk3j9xk3j9xa.site-a.localhost:8080');
    expect(origins.cdn!.origin).toBe('http://cdn-k3j9xk3j9xk3j9xa.site-a.localhost:8080');
    expect(origins.api!.origin).toBe('http://api-k3j9xk3j9xk3j9xa.site-b.localhost:8080');
    expect(origins.app2!.origin).toBe('http://app-k3j9xk3j9xk3j9xa.site-a.localhost:8081');
    expect(origins.bank!.origin).toBe('https://bank-k3j9xk3j9xk3j9xa.site-c.localhost:8443');
  });

  it('leaves a default port out of the serialized origin', () => {
    const onDefault = liveOrigins(scenario, { sandboxId: 'x', domain: 'localhost', ports: { http: [80, 81], https: [443] } });
    expect(onDefault.app!.origin).toBe('http://app-x.site-a.localhost');
    expect(onDefault.bank!.origin).toBe('https://bank-x.site-c.localhost');
  });

  it('refuses a port index with no listener, naming the origin', () => {
    expect(() => liveOrigins(scenario, { sandboxId: 'x', domain: 'localhost', ports: { http: [8080], https: [8443] } })).toThrow(/^origins.app2.port: index 1 has no http listener/);
  });

  it('finds the label a URL belongs to', () => {
    expect(labelForUrl(origins, `${origins.api!.origin}/data?x=1`)).toBe('api');
    expect(labelForUrl(origins, 'http://example.com/')).toBeNull();
    expect(labelForUrl(origins, 'not a url')).toBeNull();
  });
});

describe('route answers and templates', () => {
  it('answers with the first matching route, expanding templates in every header line and the body', () => {
    const answer = answerRequest(scenario, originStrings(origins), 'api', { method: 'PUT', path: '/data?q=1', headers: { origin: 'http://evil.example' } });
    expect(answer).toEqual({
      status: 200, delayMs: 0, routeIndex: 0,
      headers: [['Access-Control-Allow-Origin', 'http://evil.example'], ['Access-Control-Allow-Origin', '*']],
      body: `from ${origins.api!.origin}`,
    });
  });

  it('matches a prefix route and answers 404 without CORS headers when nothing matches', () => {
    expect(answerRequest(scenario, {}, 'api', { method: 'GET', path: '/files/a/b', headers: {} }).body).toBe('file');
    const missing = answerRequest(scenario, {}, 'api', { method: 'DELETE', path: '/data', headers: {} });
    expect(missing.status).toBe(404);
    expect(missing.headers.some(([name]) => name.toLowerCase().startsWith('access-control-'))).toBe(false);
    expect(answerRequest(scenario, {}, 'cdn', { method: 'GET', path: '/', headers: {} }).status).toBe(404);
  });

  it('expands request headers by any case and leaves unknown templates as written', () => {
    expect(expandTemplates('${request.header:X-Token}|${request.origin}|${nope}', { origins: {}, requestHeaders: { 'x-token': 't' } })).toBe('t||${nope}');
  });
});

describe('share links', () => {
  it('round-trips a scenario through the URL hash', () => {
    const hash = encodeScenarioHash(scenario);
    expect(hash.startsWith('v1.')).toBe(true);
    const decoded = decodeScenarioHash(`#${hash}`);
    expect(decoded.ok && decoded.scenario).toEqual(scenario);
  });

  it('says what is wrong with a hash that is not a link, is damaged, or holds a bad scenario', () => {
    expect(decodeScenarioHash('#hello')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/does not start with v1\./) }] });
    expect(decodeScenarioHash('#v1.%%%')).toMatchObject({ ok: false });
    const bad = decodeScenarioHash(encodeScenarioHash({ version: 2 } as never));
    expect(bad.ok === false && bad.errors).toEqual(expect.arrayContaining([
      { path: 'version', message: 'must be 1 (this is version 1 of the scenario format)' },
      { path: 'origins', message: 'is required' },
    ]));
  });
});

describe('log lines', () => {
  it('formats values the same way on both sides', () => {
    expect(formatLogLine([200, 'ok', null, undefined, true, { a: 1 }, [1, 2], new TypeError('Failed to fetch')])).toBe('200 ok null undefined true {"a":1} [1,2] TypeError: Failed to fetch');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatLogLine([circular])).toBe('[object Object]');
  });
});

describe('actual records', () => {
  const api = origins.api!.origin;
  const exchange = (seq: number, method: string, headers: Array<[string, string]>) => ({
    seq, at: seq, label: 'api', method, url: `${api}/data`, requestHeaders: headers, response: { status: 200, headers: [] }, routeIndex: 0,
  });
  const observation = (method: string, settled: 'resolved' | 'rejected', extra = {}) => ({
    api: 'fetch' as const, method, url: `${api}/data`, settled, responseType: settled === 'resolved' ? 'cors' : null, status: settled === 'resolved' ? 200 : 0, headers: ['content-type'], error: null, ...extra,
  });

  it('joins what JavaScript saw with the preflight and request the server received', () => {
    const report: HarnessReport = { observations: [observation('PUT', 'resolved'), observation('PUT', 'resolved')], log: ['a'], end: 'finished', error: null };
    const exchanges = [exchange(0, 'OPTIONS', [['access-control-request-method', 'PUT']]), exchange(1, 'PUT', []), exchange(2, 'PUT', [])];
    const records = actualRecords(report, exchanges, origins, 'app');
    expect(records.requests.map((r) => [r.outcome, r.preflight.sent, r.status, r.to])).toEqual([['ok', true, 200, 'api'], ['ok', false, 200, 'api']]);
    expect(records.log).toEqual(['a']);
  });

  it('calls a rejected request blocked when it reached the server, and an error when nothing was sent', () => {
    const report: HarnessReport = { observations: [observation('GET', 'rejected'), observation('DELETE', 'rejected')], log: [], end: 'finished', error: null };
    const records = actualRecords(report, [exchange(0, 'GET', [])], origins, 'app');
    expect(records.requests.map((r) => r.outcome)).toEqual(['blocked', 'error']);
  });

  it('calls a same-origin-mode request to another origin blocked, and keeps the console line that names its URL', () => {
    const report: HarnessReport = { observations: [observation('GET', 'rejected', { mode: 'same-origin' })], log: [], end: 'finished', error: null };
    const line = `Fetch API cannot load ${api}/data. Request mode is "same-origin" but the URL's origin is not same as the request origin ${origins.app!.origin}.`;
    const records = actualRecords(report, [], origins, 'app', [{ engine: 'chromium', text: `Access to fetch at '${api}/data2' from origin` }, { engine: 'chromium', text: line }]);
    expect(records.requests[0]).toMatchObject({ outcome: 'blocked', console: { chromium: line, firefox: null } });
  });

  it('reports an opaque response with status 0 and no headers', () => {
    const report: HarnessReport = { observations: [observation('GET', 'resolved', { responseType: 'opaque', status: 0, headers: [] })], log: [], end: 'finished', error: null };
    expect(actualRecords(report, [exchange(0, 'GET', [])], origins, 'app').requests[0]).toMatchObject({ outcome: 'opaque', status: 0, visibleHeaders: [] });
  });
});

describe('actual records when a preflight cache entry expires', () => {
  const origins = liveOrigins(assertScenario({ version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app' }), { sandboxId: 'x', domain: 'localhost', ports: { http: [8080], https: [] } });
  const url = `${origins.api!.origin}/data`;
  const exchange = (seq: number, method: string) => ({
    seq, at: seq, label: 'api', method, url, response: { status: 200, headers: [] }, routeIndex: 0,
    requestHeaders: (method === 'OPTIONS' ? [['access-control-request-method', 'PUT']] : []) as Array<[string, string]>,
  });
  const put = { api: 'fetch' as const, method: 'PUT', url, settled: 'resolved' as const, responseType: 'cors', status: 200, headers: [], error: null };

  it('credits each preflight to the request it came before', () => {
    const report: HarnessReport = { observations: [put, put, put], log: [], end: 'finished', error: null };
    const exchanges = [exchange(0, 'OPTIONS'), exchange(1, 'PUT'), exchange(2, 'PUT'), exchange(3, 'OPTIONS'), exchange(4, 'PUT')];
    expect(actualRecords(report, exchanges, origins, 'app').requests.map((r) => r.preflight.sent)).toEqual([true, false, true]);
  });

  it('gives a console line to the failed request, not to an earlier success to the same URL', () => {
    const failed = { ...put, settled: 'rejected' as const, responseType: null, status: 0 };
    const report: HarnessReport = { observations: [put, failed], log: [], end: 'finished', error: null };
    const line = `Access to fetch at '${url}' from origin '${origins.app!.origin}' has been blocked by CORS policy: …`;
    const records = actualRecords(report, [exchange(0, 'PUT'), exchange(1, 'PUT')], origins, 'app', [{ engine: 'chromium', text: line }]);
    expect(records.requests.map((r) => r.console.chromium)).toEqual([null, line]);
  });
});
