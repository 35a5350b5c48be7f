import { describe, expect, it } from 'vitest';
import { actualRecords, compareRuns, cookieNames, liveOrigins, validateScenario, type HarnessReport } from '../src/index';

const bank = (setCookie: string | string[]) => ({
  version: 1,
  origins: { evil: { site: 'evil' }, bank: { site: 'c' } },
  page: 'evil',
  servers: { bank: { routes: [{ path: '/login', headers: { 'Set-Cookie': setCookie } }] } },
});

function errorsOf(input: unknown): string[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('Set-Cookie validation', () => {
  it('accepts cookies a browser understands, including ones it refuses on purpose', () => {
    expect(errorsOf(bank(['sid=1; SameSite=None; Secure; HttpOnly; Path=/; Max-Age=3600', 'a=1; Domain=.site-c.localhost', 'n=1; SameSite=None', 'e=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT']))).toEqual([]);
  });

  it('refuses a Domain outside the origin\'s site, naming the list item', () => {
    expect(errorsOf(bank(['sid=1', 'sid=2; Domain=localhost']))).toEqual([
      "servers.bank.routes[0].headers.Set-Cookie[1]: Domain=localhost is outside this origin's site (site-c): a cookie's Domain may only name the site domain, site-c.localhost",
    ]);
    expect(errorsOf(bank('sid=1; Domain=site-evil.localhost'))[0]).toMatch(/^servers\.bank\.routes\[0\]\.headers\.Set-Cookie: Domain=site-evil\.localhost is outside this origin's site \(site-c\)/);
  });

  it('follows a reused host to its site', () => {
    const input = { ...bank('sid=1; Domain=site-c.localhost'), origins: { evil: { site: 'evil' }, main: { site: 'c' }, bank: { host: 'main', port: 1 } } };
    expect(errorsOf(input)).toEqual([]);
  });

  it('names what is malformed', () => {
    expect(errorsOf(bank('sid'))).toEqual(['servers.bank.routes[0].headers.Set-Cookie: "sid" is not NAME=VALUE: a Set-Cookie line starts with the cookie\'s name, "=" and its value, then "; " and attributes']);
    expect(errorsOf(bank('=1'))).toEqual(['servers.bank.routes[0].headers.Set-Cookie: the cookie has no name (nothing before "=")']);
    expect(errorsOf(bank('sid=1; SameSite=Relaxed'))).toEqual(['servers.bank.routes[0].headers.Set-Cookie: SameSite=Relaxed must be Strict, Lax or None']);
    expect(errorsOf(bank('sid=1; Max-Age=soon'))[0]).toContain('Max-Age=soon must be a whole number of seconds');
    expect(errorsOf(bank('sid=1; Expires=tomorrow'))[0]).toContain('Expires=tomorrow is not a date');
    expect(errorsOf(bank('sid=1; Secured'))[0]).toContain('"Secured" is not a cookie attribute');
    expect(errorsOf(bank('sid=1; Path=api'))[0]).toContain('Path=api must start with "/"');
    expect(errorsOf(bank('sid=1; Domain=${origin:bank}'))[0]).toContain('cannot hold a template');
  });

  it('refuses request templates anywhere in a line: the request could append "; Domain=…" past the Domain check', () => {
    expect(errorsOf(bank(['x=${request.header:x-c}', 'sid=1; Path=${request.path}']))).toEqual([
      'servers.bank.routes[0].headers.Set-Cookie[0]: cannot hold a ${request.…} template: the request would choose what the line holds, such as "1; Domain=localhost", past the Domain check; write the value out (${origin:LABEL} is allowed)',
      'servers.bank.routes[0].headers.Set-Cookie[1]: cannot hold a ${request.…} template: the request would choose what the line holds, such as "1; Domain=localhost", past the Domain check; write the value out (${origin:LABEL} is allowed)',
    ]);
    expect(errorsOf(bank('x=${origin:bank}; Path=/'))).toEqual([]);
  });

  it('checks lower-case set-cookie header names too', () => {
    const input = bank('x');
    input.servers.bank.routes[0]!.headers = { 'set-cookie': 'x' } as never;
    expect(errorsOf(input)[0]).toMatch(/^servers\.bank\.routes\[0\]\.headers\.set-cookie: /);
  });
});

describe('run context and browser profile', () => {
  it('default to a frame inside the playground and third-party cookies allowed', () => {
    const result = validateScenario(bank('sid=1'));
    expect(result.ok && { context: result.scenario.context, browser: result.scenario.browser }).toEqual({ context: 'frame', browser: { thirdPartyCookies: 'allowed' } });
  });

  it('refuses an unknown context or profile', () => {
    expect(errorsOf({ ...bank('sid=1'), context: 'tab' })[0]).toMatch(/^context: /);
    expect(errorsOf({ ...bank('sid=1'), browser: { thirdPartyCookies: 'partitioned' } })[0]).toMatch(/^browser\.thirdPartyCookies: /);
  });
});

describe('cookies in the records', () => {
  it('reads the sorted names of the Cookie header', () => {
    expect(cookieNames(['sid=1; a=2; z=', 'b=3'])).toEqual(['a', 'b', 'sid', 'z']);
  });

  it('gives each request the cookies its own server request carried, and null when it never arrived', () => {
    const result = validateScenario(bank('sid=1'));
    if (!result.ok) throw new Error('invalid');
    const origins = liveOrigins(result.scenario, { sandboxId: 'x1', domain: 'localhost', ports: { http: [8080], https: [] } });
    const login = `${origins.bank!.origin}/login`;
    const report: HarnessReport = {
      observations: [
        { api: 'fetch', method: 'GET', url: login, settled: 'resolved', responseType: 'cors', status: 200, headers: [], error: null },
        { api: 'fetch', method: 'GET', url: `${origins.bank!.origin}/nowhere`, settled: 'rejected', responseType: null, status: 0, headers: [], error: 'TypeError: Failed to fetch' },
      ],
      log: [], end: 'finished', error: null,
    };
    const exchange = { seq: 1, at: 0, label: 'bank', method: 'GET', url: login, requestHeaders: [['host', 'x'], ['cookie', 'sid=1; theme=dark']] as Array<[string, string]>, response: { status: 200, headers: [] }, routeIndex: 0 };
    const actual = actualRecords(report, [exchange], origins, 'evil');
    expect(actual.requests.map((request) => request.cookies)).toEqual([['sid', 'theme'], null]);
    const predicted = { ...actual, requests: actual.requests.map((request, index) => ({ ...request, cookies: index === 0 ? ['sid'] : null })) };
    expect(compareRuns(predicted, actual)).toEqual([{ request: 0, field: 'cookies', predicted: ['sid'], actual: ['sid', 'theme'] }]);
  });
});
