import { describe, expect, it } from 'vitest';
import {
  checkPreflightResponse, corsPreflightRequestHeaders, PreflightCache, preflightMaxAge, preflightNeeded,
  type CredentialsMode, type HeaderList, type PreflightSubject,
} from '../src/index';
import type { EngineName } from '@cors-playground/scenario';
import { CACHE_CASES, MAX_AGE_ROWS } from './data/preflight-cache-cases';

const ORIGIN = 'http://app-k3j9x.site-a.localhost:8080';
const URL_ = 'http://api-k3j9x.site-b.localhost:8080/data';
const ACAO: [string, string] = ['Access-Control-Allow-Origin', '*'];

function subject(method: string, headers: HeaderList = [], credentialsMode: CredentialsMode = 'same-origin'): PreflightSubject {
  return { method, headers, url: URL_, serializedOrigin: ORIGIN, credentialsMode, useCorsPreflight: false };
}

type Row = [description: string, request: PreflightSubject, status: number, headers: HeaderList, blockedBy: string | null, engine?: EngineName];

const ROWS: Row[] = [
  ['a 204 that allows the method passes', subject('PUT'), 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT']], null],
  ['a redirect fails before anything else is looked at', subject('PUT'), 302, [['Location', '/e']], 'preflight-redirect'],
  ['a missing Access-Control-Allow-Origin fails before the status', subject('PUT'), 404, [], 'preflight-acao-missing'],
  ['a status outside 200-299 fails when the CORS check passes', subject('PUT'), 500, [ACAO, ['Access-Control-Allow-Methods', 'PUT']], 'preflight-status'],
  ['a wildcard origin with credentials fails', subject('PUT', [], 'include'), 204, [ACAO], 'preflight-acao-wildcard-with-credentials'],
  ['credentials without Access-Control-Allow-Credentials fail', subject('PUT', [], 'include'), 204, [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'PUT']], 'preflight-acac-missing'],
  ['a method not listed fails', subject('DELETE'), 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT, PATCH']], 'acam-missing-method'],
  ['methods compare case-sensitively', subject('patch'), 204, [ACAO, ['Access-Control-Allow-Methods', 'PATCH']], 'acam-missing-method'],
  ['a wildcard method passes without credentials', subject('DELETE'), 204, [ACAO, ['Access-Control-Allow-Methods', '*']], null],
  ['a wildcard method fails with credentials', subject('DELETE', [], 'include'), 204, [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Methods', '*']], 'acam-missing-method'],
  ['a safelisted method needs no Access-Control-Allow-Methods', subject('POST', [['X-Token', '1']]), 200, [ACAO, ['Access-Control-Allow-Headers', 'x-token']], null],
  ['an unparsable Access-Control-Allow-Methods fails', subject('PUT'), 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT POST']], 'acam-invalid'],
  ['an unparsable Access-Control-Allow-Headers fails', subject('GET', [['X-A', '1']]), 204, [ACAO, ['Access-Control-Allow-Headers', 'x-a x-b']], 'acah-invalid'],
  ['a header not listed fails', subject('GET', [['X-Token', '1']]), 204, [ACAO, ['Access-Control-Allow-Headers', 'X-Other']], 'acah-missing-header'],
  ['header names compare case-insensitively', subject('GET', [['X-Token', '1']]), 204, [ACAO, ['Access-Control-Allow-Headers', 'X-TOKEN']], null],
  ['a wildcard covers headers without credentials', subject('GET', [['X-Token', '1']]), 204, [ACAO, ['Access-Control-Allow-Headers', '*']], null],
  ['a wildcard does not cover headers with credentials', subject('GET', [['X-Token', '1']], 'include'), 204, [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Headers', '*']], 'acah-missing-header'],
  ['Chromium lets a wildcard cover Authorization', subject('GET', [['Authorization', 'Bearer x']]), 204, [ACAO, ['Access-Control-Allow-Headers', '*']], null, 'chromium'],
  ['Firefox lets a wildcard cover Authorization too, while its pref allows it', subject('GET', [['Authorization', 'Bearer x']]), 204, [ACAO, ['Access-Control-Allow-Headers', '*']], null, 'firefox'],
  ['Authorization listed by name passes everywhere', subject('GET', [['Authorization', 'Bearer x']]), 204, [ACAO, ['Access-Control-Allow-Headers', '*, authorization']], null, 'webkit'],
];

describe('the CORS-preflight response check', () => {
  it.each(ROWS)('%s', (_description, request, status, headers, blockedBy, engine = 'chromium') => {
    const result = checkPreflightResponse(request, status, headers, new PreflightCache(engine), engine);
    expect(result.ok ? null : result.blockedBy).toBe(blockedBy);
    expect(result.verdicts.every((verdict) => verdict.spec.startsWith('https://fetch.spec.whatwg.org/#'))).toBe(true);
  });

  it('names the method and the first missing header, as the console line does', () => {
    const method = checkPreflightResponse(subject('patch'), 204, [ACAO], new PreflightCache('chromium'), 'chromium');
    expect(method.ok ? null : method.failure).toEqual({ error: 'MethodDisallowedByPreflightResponse', hint: 'patch', preflight: true, status: 204 });
    const header = checkPreflightResponse(subject('GET', [['X-Token', '1'], ['X-Abc', '2']]), 204, [ACAO], new PreflightCache('chromium'), 'chromium');
    expect(header.ok ? null : header.failure).toEqual({ error: 'HeaderDisallowedByPreflightResponse', hint: 'x-abc', preflight: true, status: 204 });
  });

  it('sends OPTIONS headers in Chromium order, with the unsafe names sorted, lower case and comma-joined', () => {
    expect(corsPreflightRequestHeaders(subject('PUT', [['X-Token', '1'], ['Content-Type', 'application/json'], ['Accept', '*/*']]), 'chromium')).toEqual([
      ['accept', '*/*'],
      ['access-control-request-method', 'PUT'],
      ['access-control-request-headers', 'content-type,x-token'],
      ['origin', ORIGIN],
    ]);
    expect(corsPreflightRequestHeaders(subject('PUT'), 'chromium').map(([name]) => name)).not.toContain('access-control-request-headers');
  });
});

describe('the CORS-preflight cache', () => {
  const KEY = (credentials: CredentialsMode = 'same-origin', url = URL_) => ({ serializedOrigin: ORIGIN, url, credentialsMode: credentials });

  it.each(MAX_AGE_ROWS)('Access-Control-Max-Age %j lasts %d s in Chromium, %d s in Firefox and %d s in WebKit', (value, chromium, firefox, webkit) => {
    const headers: HeaderList = value === null ? [] : [['Access-Control-Max-Age', value]];
    expect([preflightMaxAge(headers, 'chromium'), preflightMaxAge(headers, 'firefox'), preflightMaxAge(headers, 'webkit')]).toEqual([chromium, firefox, webkit]);
  });

  it.each(CACHE_CASES)('$name', ({ engine, steps }) => {
    const cache = new PreflightCache(engine);
    for (const [index, step] of steps.entries()) {
      if ('store' in step) cache.store(KEY(step.store.credentials, step.store.url), step.at, step.store.maxAge, step.store.methods, step.store.headers ?? []);
      else if ('clear' in step) cache.clear(KEY(), step.at);
      else {
        const { method, headers = [], credentials, url, useCorsPreflight = false } = step.lookup;
        expect(cache.lookup(KEY(credentials, url), method, headers, useCorsPreflight, step.at).missing, `step ${index}`).toEqual(step.missing);
      }
    }
  });

  it('covers a later request once a preflight passed, at the time it answered', () => {
    const cache = new PreflightCache('chromium');
    const request = subject('PUT', [['X-Token', '1']]);
    expect(checkPreflightResponse(request, 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT, DELETE'], ['Access-Control-Allow-Headers', 'x-token']], cache, 'chromium', 100).ok).toBe(true);
    expect(preflightNeeded(request, cache, 'chromium', 50).needed).toBe(true);
    expect(preflightNeeded(request, cache, 'chromium', 5_099).needed).toBe(false);
    expect(preflightNeeded(request, cache, 'chromium', 5_100).needed).toBe(true);
    expect(cache.sizeAt(5_100)).toBe(0);
  });

  it('keeps a refused preflight in WebKit, which caches before it checks the method and headers', () => {
    for (const engine of ['chromium', 'webkit'] as const) {
      const cache = new PreflightCache(engine);
      const refused = checkPreflightResponse(subject('PUT', [['X-Token', '1']]), 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT']], cache, engine, 0);
      expect(refused.ok).toBe(false);
      expect([engine, preflightNeeded(subject('PUT'), cache, engine, 10).needed]).toEqual([engine, engine === 'chromium']);
    }
  });
});
