import { describe, expect, it } from 'vitest';
import {
  corsSafelistFailure, corsUnsafeRequestHeaderNames, isCorsSafelistedMethod, isCorsSafelistedRequestHeader,
  isForbiddenMethod, isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader, normalizeMethod, preflightReasons,
} from '../src/index';

describe('methods', () => {
  it.each([
    ['GET', true], ['HEAD', true], ['POST', true], ['PUT', false], ['DELETE', false], ['PATCH', false], ['get', false], ['OPTIONS', false],
  ])('method %s is CORS-safelisted: %s', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected);
  });

  it.each([
    ['get', 'GET'], ['Put', 'PUT'], ['delete', 'DELETE'], ['options', 'OPTIONS'], ['patch', 'patch'], ['Patch', 'Patch'], ['PROPFIND', 'PROPFIND'],
  ])('normalizing %s gives %s (only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased)', (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });

  it.each([['CONNECT', true], ['trace', true], ['Track', true], ['GET', false], ['PATCH', false]])('method %s is forbidden: %s', (method, expected) => {
    expect(isForbiddenMethod(method)).toBe(expected);
  });
});

describe('CORS-safelisted request-headers', () => {
  it.each([
    ['Accept', 'application/json', true],
    ['Accept', 'text/html(', false],
    ['Accept', 'a'.repeat(128), true],
    ['Accept', 'a'.repeat(129), false],
    ['Accept-Language', 'en-US, fr;q=0.5', true],
    ['Accept-Language', 'en_US', false],
    ['Content-Language', 'de', true],
    ['Content-Type', 'text/plain', true],
    ['Content-Type', 'TEXT/PLAIN', true],
    ['Content-Type', 'text/plain; charset=utf-8', true],
    ['Content-Type', 'text/plain ; a=b', true],
    ['Content-Type', 'multipart/form-data; boundary=x', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'text/plain, application/json', false],
    ['Content-Type', 'text/plain;charset="utf-8"', false],
    ['Content-Type', 'text', false],
    ['Content-Type', '/plain', false],
    ['Range', 'bytes=0-10', true],
    ['Range', 'bytes=5-', true],
    ['Range', 'bytes=-10', false],
    ['Range', 'bytes=10-5', false],
    ['X-Token', '1', false],
    ['Authorization', 'Bearer x', false],
  ])('header %s: %s is safelisted: %s', (name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value, 'chromium')).toBe(expected);
  });

  it.each([
    ['DPR', '2', 'chromium', true],
    ['DPR', 'two', 'chromium', false],
    ['Width', '100', 'chromium', true],
    ['Save-Data', 'on', 'chromium', true],
    ['ECT', '4g', 'chromium', true],
    ['Intervention', 'anything', 'chromium', true],
    ['DPR', '2', 'firefox', false],
    ['Save-Data', 'on', 'webkit', false],
  ] as const)('Chromium safelists legacy client hints: %s: %s in %s is safelisted: %s', (name, value, engine, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value, engine)).toBe(expected);
  });

  it('explains why a header is not safelisted', () => {
    expect(corsSafelistFailure('Content-Type', 'application/json', 'chromium')).toBe('application/json is not application/x-www-form-urlencoded, multipart/form-data or text/plain');
    expect(corsSafelistFailure('X-Token', 'x'.repeat(200), 'chromium')).toMatch(/not one of Accept/);
    expect(corsSafelistFailure('Accept', 'x'.repeat(200), 'chromium')).toBe('its value is longer than 128 bytes (200)');
    expect(corsSafelistFailure('DPR', 'x', 'chromium')).toBe('its value does not have the form the engine safelists');
  });

  it('lists CORS-unsafe request-header names sorted, lower case and without duplicates', () => {
    expect(corsUnsafeRequestHeaderNames([['X-B', '1'], ['x-a', '2'], ['Content-Type', 'application/json'], ['X-B', '3'], ['Accept', '*/*']])).toEqual(['content-type', 'x-a', 'x-b']);
  });

  it('makes every safelisted header unsafe once their values add up to more than 1024 bytes', () => {
    const big: [string, string][] = Array.from({ length: 9 }, () => ['Accept', 'a'.repeat(120)]);
    expect(corsUnsafeRequestHeaderNames(big)).toEqual(['accept']);
    expect(preflightReasons('GET', big, 'chromium')).toEqual(['header accept is not CORS-safelisted: the safelisted header values add up to more than 1024 bytes']);
  });
});

describe('forbidden request-headers', () => {
  it.each([
    ['Cookie', 'a=1', true], ['Origin', 'x', true], ['Host', 'x', true], ['Content-Length', '1', true], ['Set-Cookie', 'x', true],
    ['Sec-Fetch-Mode', 'cors', true], ['Proxy-Authorization', 'x', true], ['Access-Control-Request-Method', 'PUT', true],
    ['X-HTTP-Method-Override', 'TRACE', true], ['X-Method-Override', 'GET, connect', true], ['X-HTTP-Method-Override', 'PUT', false],
    ['X-Token', '1', false], ['Authorization', 'x', false], ['Accept', '*/*', false],
  ])('header %s: %s is forbidden: %s', (name, value, expected) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(expected);
  });

  it.each([
    ['Accept', 'text/x', true], ['Content-Type', 'text/plain', true], ['Content-Type', 'application/json', false], ['X-Token', '1', false], ['Range', 'bytes=0-1', false],
  ])('in no-cors mode, %s: %s is kept: %s', (name, value, expected) => {
    expect(isNoCorsSafelistedRequestHeader(name, value)).toBe(expected);
  });
});

describe('the preflight decision', () => {
  it.each([
    ['GET', [], []],
    ['POST', [['Content-Type', 'text/plain;charset=UTF-8']], []],
    ['PUT', [], ['method PUT is not CORS-safelisted']],
    ['patch', [], ['method patch is not CORS-safelisted']],
    ['PUT', [['X-Token', '1']], ['method PUT is not CORS-safelisted', 'header x-token is not CORS-safelisted']],
    ['GET', [['Content-Type', 'application/json']], ['header content-type is not CORS-safelisted: application/json is not application/x-www-form-urlencoded, multipart/form-data or text/plain']],
  ] as const)('%s with headers %j needs a preflight for: %j', (method, headers, reasons) => {
    expect(preflightReasons(method, headers.map(([name, value]) => [name, value] as [string, string]), 'chromium')).toEqual(reasons);
  });

  it('says when the use-CORS-preflight flag forces a preflight', () => {
    expect(preflightReasons('GET', [], 'chromium', true)).toEqual(['the use-CORS-preflight flag is set']);
  });
});
