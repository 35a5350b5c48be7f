import { describe, expect, it } from 'vitest';
import { isRedirectStatus, isRedirectTainted, locationUrl, rewriteForRedirect, serializeRequestOrigin } from '../src/index';

const A = 'http://a.test';
const u = (...urls: string[]) => urls.map((url) => new URL(url));

describe('redirects', () => {
  it.each([[301, true], [302, true], [303, true], [307, true], [308, true], [300, false], [304, false], [200, false]])('status %d is a redirect status: %s', (status, expected) => {
    expect(isRedirectStatus(status)).toBe(expected);
  });

  it.each([
    ['/d', 'http://b.test/r', 'http://b.test/d'],
    ['d2', 'http://b.test/dir/r', 'http://b.test/dir/d2'],
    ['http://c.test/x', 'http://b.test/r', 'http://c.test/x'],
    ['/d', 'http://b.test/r#frag', 'http://b.test/d#frag'],
    ['/d#own', 'http://b.test/r#frag', 'http://b.test/d#own'],
  ])('Location %s from %s leads to %s', (location, current, expected) => {
    const result = locationUrl([['Location', location]], new URL(current));
    expect(result instanceof URL ? result.href : result).toBe(expected);
  });

  it('has no location URL without a Location header, and failure for one that does not parse', () => {
    expect(locationUrl([], new URL('http://b.test/'))).toBeNull();
    expect(locationUrl([['Location', 'http://[']], new URL('http://b.test/'))).toBe('failure');
  });

  it.each([
    [301, 'POST', 'GET'], [302, 'POST', 'GET'], [303, 'POST', 'GET'], [303, 'PUT', 'GET'], [303, 'HEAD', 'HEAD'], [303, 'GET', 'GET'],
    [307, 'POST', 'POST'], [308, 'PUT', 'PUT'], [302, 'PUT', 'PUT'],
  ])('a %d after %s continues as %s', (status, method, expected) => {
    const rewritten = rewriteForRedirect(status, method, [['Content-Type', 'text/plain'], ['X-Token', '1']]);
    expect(rewritten.method).toBe(expected);
    expect(rewritten.dropBody).toBe(expected !== method);
    expect(rewritten.headers.map(([name]) => name)).toEqual(expected !== method ? ['X-Token'] : ['Content-Type', 'X-Token']);
  });

  it.each([
    ['one URL', u('http://b.test/r'), false],
    ['a redirect within the target origin', u('http://b.test/r', 'http://b.test/d'), false],
    ['a same-origin URL redirected away', u('http://a.test/r', 'http://b.test/d'), false],
    ['a cross-origin URL redirected to a third origin', u('http://b.test/r', 'http://c.test/d'), true],
    ['a cross-origin URL redirected back to the page origin', u('http://b.test/r', 'http://a.test/d'), true],
  ])('the origin is redirect-tainted after %s: %s', (_description, urls, tainted) => {
    expect(isRedirectTainted(A, urls)).toBe(tainted);
    expect(serializeRequestOrigin(A, urls)).toBe(tainted ? 'null' : A);
  });
});
