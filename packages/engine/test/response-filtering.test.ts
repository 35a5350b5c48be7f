import { describe, expect, it } from 'vitest';
import { corsExposedHeaderNames, filterResponseHeaders, visibleHeaderNames, type CredentialsMode, type HeaderList, type ResponseTainting } from '../src/index';

const RESPONSE: HeaderList = [
  ['Content-Type', 'application/json'],
  ['Content-Length', '2'],
  ['Cache-Control', 'no-store'],
  ['X-Total-Count', '3'],
  ['X-Request-Id', 'r-9'],
  ['Set-Cookie', 'a=1'],
  ['Date', 'x'],
];

type Row = [description: string, tainting: ResponseTainting, extra: HeaderList, credentials: CredentialsMode, visible: string[]];

const ROWS: Row[] = [
  ['a basic response shows everything but Set-Cookie', 'basic', [], 'same-origin', ['cache-control', 'content-length', 'content-type', 'date', 'x-request-id', 'x-total-count']],
  ['a CORS response shows the safelisted names only', 'cors', [], 'same-origin', ['cache-control', 'content-length', 'content-type']],
  ['a CORS response shows the exposed names too', 'cors', [['Access-Control-Expose-Headers', 'X-Total-Count']], 'same-origin', ['cache-control', 'content-length', 'content-type', 'x-total-count']],
  ['exposed names may come on several lines', 'cors', [['Access-Control-Expose-Headers', 'x-total-count'], ['Access-Control-Expose-Headers', 'X-Request-Id']], 'same-origin', ['cache-control', 'content-length', 'content-type', 'x-request-id', 'x-total-count']],
  ['a wildcard exposes every name but Set-Cookie', 'cors', [['Access-Control-Expose-Headers', '*']], 'omit', ['access-control-expose-headers', 'cache-control', 'content-length', 'content-type', 'date', 'x-request-id', 'x-total-count']],
  ['a wildcard exposes nothing more with credentials', 'cors', [['Access-Control-Expose-Headers', '*']], 'include', ['cache-control', 'content-length', 'content-type']],
  ['with credentials a wildcard still lets named headers through', 'cors', [['Access-Control-Expose-Headers', '*, X-Request-Id']], 'include', ['cache-control', 'content-length', 'content-type', 'x-request-id']],
  ['Set-Cookie is never exposed, even by name', 'cors', [['Access-Control-Expose-Headers', 'set-cookie']], 'omit', ['cache-control', 'content-length', 'content-type']],
  ['an unparsable expose list exposes nothing', 'cors', [['Access-Control-Expose-Headers', 'x-total-count x-request-id']], 'omit', ['cache-control', 'content-length', 'content-type']],
  ['an opaque response shows nothing', 'opaque', [], 'omit', []],
];

describe('response filtering', () => {
  it.each(ROWS)('%s', (_description, tainting, extra, credentials, visible) => {
    const { headers, verdict } = filterResponseHeaders(tainting, [...RESPONSE, ...extra], credentials);
    expect(visibleHeaderNames(headers)).toEqual(visible);
    expect(verdict.spec).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#concept-filtered-response-/);
  });

  it('reads the exposed names as a sorted lower-case set', () => {
    expect(corsExposedHeaderNames([['Access-Control-Expose-Headers', 'X-B, x-a, X-B']], 'omit')).toEqual(['x-a', 'x-b']);
    expect(corsExposedHeaderNames([], 'omit')).toEqual([]);
  });

  it('says which headers a CORS response hides', () => {
    expect(filterResponseHeaders('cors', RESPONSE, 'omit').verdict.detail).toContain('hidden: date, set-cookie, x-request-id, x-total-count');
    expect(filterResponseHeaders('cors', [['Content-Type', 'x']], 'omit').verdict.detail).toBe('A CORS response: every header is readable.');
  });
});
