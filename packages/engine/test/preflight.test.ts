import { describe, expect, it } from 'vitest';
import {
  checkPreflightResponse, corsPreflightRequestHeaders, PreflightCache, preflightMaxAge, preflightNeeded,
  type CredentialsMode, type HeaderList, type PreflightSubject,
} from '../src/index';
import type { EngineName } from '@cors-playground/scenario';

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
  ['the standard never lets a wildcard cover Authorization', subject('GET', [['Authorization', 'Bearer x']]), 204, [ACAO, ['Access-Control-Allow-Headers', '*']], 'acah-missing-header', 'firefox'],
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
    expect(method.ok ? null : method.failure).toEqual({ error: 'MethodDisallowedByPreflightResponse', hint: 'patch', preflight: true });
    const header = checkPreflightResponse(subject('GET', [['X-Token', '1'], ['X-Abc', '2']]), 204, [ACAO], new PreflightCache('chromium'), 'chromium');
    expect(header.ok ? null : header.failure).toEqual({ error: 'HeaderDisallowedByPreflightResponse', hint: 'x-abc', preflight: true });
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
  it.each([
    [[], 5], [[['Access-Control-Max-Age', '600']], 600], [[['Access-Control-Max-Age', '-1']], 0],
    [[['Access-Control-Max-Age', 'soon']], 5], [[['Access-Control-Max-Age', '86400']], 7200],
  ] as const)('Access-Control-Max-Age %j gives a max-age of %d s', (headers, maxAge) => {
    expect(preflightMaxAge(headers.map(([name, value]) => [name, value] as [string, string]))).toBe(maxAge);
  });

  it('covers a later request for the same URL, origin and credentials', () => {
    const cache = new PreflightCache('chromium');
    const request = subject('PUT', [['X-Token', '1']]);
    expect(checkPreflightResponse(request, 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT, DELETE'], ['Access-Control-Allow-Headers', 'x-token']], cache, 'chromium').ok).toBe(true);
    expect(preflightNeeded(request, cache, 'chromium').needed).toBe(false);
    expect(preflightNeeded(subject('DELETE'), cache, 'chromium').needed).toBe(false);
    expect(preflightNeeded(subject('PATCH'), cache, 'chromium').needed).toBe(true);
    expect(preflightNeeded(subject('PUT', [['X-Other', '1']]), cache, 'chromium').needed).toBe(true);
    expect(preflightNeeded(subject('PUT', [], 'include'), cache, 'chromium').needed).toBe(true);
    expect(preflightNeeded({ ...subject('PUT'), url: `${URL_}?page=2` }, cache, 'chromium').needed).toBe(true);
  });

  it('keeps nothing for a max-age of 0', () => {
    const cache = new PreflightCache('chromium');
    checkPreflightResponse(subject('PUT'), 204, [ACAO, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '0']], cache, 'chromium');
    expect(cache.size).toBe(0);
  });

  it('lets an entry made with credentials serve a request without them, not the other way round', () => {
    const cache = new PreflightCache('chromium');
    cache.store({ serializedOrigin: ORIGIN, url: URL_, credentialsMode: 'include' }, 5, ['PUT'], []);
    expect(cache.hasMethodMatch({ serializedOrigin: ORIGIN, url: URL_, credentialsMode: 'omit' }, 'PUT')).toBe(true);
    const omitOnly = new PreflightCache('chromium');
    omitOnly.store({ serializedOrigin: ORIGIN, url: URL_, credentialsMode: 'omit' }, 5, ['PUT'], []);
    expect(omitOnly.hasMethodMatch({ serializedOrigin: ORIGIN, url: URL_, credentialsMode: 'include' }, 'PUT')).toBe(false);
  });

  it('keeps one entry per URL in Chromium and accumulates entries per the standard', () => {
    const key = { serializedOrigin: ORIGIN, url: URL_, credentialsMode: 'omit' as const };
    for (const engine of ['chromium', 'firefox'] as const) {
      const cache = new PreflightCache(engine);
      cache.store(key, 5, ['PUT'], ['x-a']);
      cache.store(key, 5, ['DELETE'], ['*']);
      expect([engine, cache.hasMethodMatch(key, 'PUT'), cache.hasHeaderNameMatch(key, 'x-b')]).toEqual([engine, engine !== 'chromium', true]);
      expect(cache.hasHeaderNameMatch(key, 'authorization')).toBe(engine === 'chromium');
    }
  });
});
