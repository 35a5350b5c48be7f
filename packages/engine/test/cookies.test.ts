import { describe, expect, it } from 'vitest';
import { defaultPath, parseSetCookie, pathMatches } from '../src/cookies/parse-set-cookie';
import { run, type Servers } from './support';

const API_CORS = { 'Access-Control-Allow-Origin': '{origin}', 'Access-Control-Allow-Credentials': 'true' };
/** api (site b) sets `setCookie` on /login and echoes the Cookie header on /whoami; cdn (site a) the same. */
function servers(setCookie: string | string[], login: Record<string, string> = API_CORS): Servers {
  const routes = (origin: string) => [
    { path: '/login', headers: { ...Object.fromEntries(Object.entries(login).map(([k, v]) => [k, v.replace('{origin}', origin)])), 'Set-Cookie': setCookie } as Record<string, string | string[]> },
    { path: '/whoami', headers: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }, body: '${request.header:cookie}' },
  ];
  return { api: { routes: routes('${origin:app}') }, cdn: { routes: routes('${origin:app}') }, app: { routes: routes('${origin:app}') } };
}
const loginThenWhoami = (label: string, init = "{ credentials: 'include' }") =>
  `await fetch(url('${label}', '/login'), ${init}).catch(() => log('login failed'));\nconst r = await fetch(url('${label}', '/whoami'), { credentials: 'include' });\nlog(await r.text());`;
const windowContext = { context: 'window' as const };

describe('cookies a request carries', () => {
  it('stores a SameSite=None; Secure cookie from a cross-site credentialed response and sends it back', async () => {
    const result = await run(loginThenWhoami('api'), servers('sid=1; SameSite=None; Secure'), { extra: windowContext });
    expect(result.log).toEqual(['sid=1']);
    expect(result.requests.map((request) => request.cookies)).toEqual([[], ['sid']]);
    expect(result.exchanges[1]!.requestHeaders).toContainEqual(['cookie', 'sid=1']);
  });

  it('refuses Lax and unspecified SameSite cookies from a cross-site response', async () => {
    const result = await run(loginThenWhoami('api'), servers(['lax=1; SameSite=Lax', 'plain=1', 'none=1; SameSite=None']), { extra: windowContext });
    expect(result.log).toEqual(['']);
    expect(result.traces[0]!.verdicts.map((verdict) => verdict.detail).join('\n')).toContain('SameSite=None requires Secure');
  });

  it('keeps a same-site Strict cookie in a window, and refuses even a same-origin Lax one in a frame', async () => {
    expect((await run(loginThenWhoami('cdn'), servers('s=1; SameSite=Strict'), { extra: windowContext })).log).toEqual(['s=1']);
    expect((await run(loginThenWhoami('app', '{}'), servers('s=1; SameSite=Lax'), { extra: { context: 'frame' } })).log).toEqual(['']);
  });

  it('blocks third-party cookies when the profile does, except Partitioned ones', async () => {
    const blocked = { context: 'frame' as const, browser: { thirdPartyCookies: 'blocked' as const } };
    const result = await run(loginThenWhoami('api'), servers(['chip=1; SameSite=None; Secure; Partitioned', 'plain=1; SameSite=None; Secure']), { extra: blocked });
    expect(result.log).toEqual(['chip=1']);
    const sameSite = await run(loginThenWhoami('cdn'), servers('s=1; SameSite=None; Secure'), { extra: { context: 'window', browser: { thirdPartyCookies: 'blocked' } } });
    expect(sameSite.log).toEqual(['s=1']);
  });

  it('ignores Set-Cookie without credentials, and still stores it from a response CORS blocks', async () => {
    expect((await run(loginThenWhoami('api', "{ credentials: 'omit' }"), servers('sid=1; SameSite=None; Secure'), { extra: windowContext })).log).toEqual(['']);
    const blocked = await run(loginThenWhoami('api'), servers('sid=1; SameSite=None; Secure', {}), { extra: windowContext });
    expect(blocked.log).toEqual(['login failed', 'sid=1']);
    expect(blocked.requests[0]!.outcome).toBe('blocked');
  });

  it('sends no cookie on a preflight, and the cookie on the request after it', async () => {
    const client = "await fetch(url('api', '/login'), { credentials: 'include' });\nawait fetch(url('api', '/put'), { method: 'PUT', credentials: 'include' });";
    const routes = servers('sid=1; SameSite=None; Secure');
    routes.api!.routes!.push(
      { path: '/put', method: 'OPTIONS', headers: { ...API_CORS, 'Access-Control-Allow-Origin': '${origin:app}', 'Access-Control-Allow-Methods': 'PUT' } },
      { path: '/put', method: 'PUT', headers: { ...API_CORS, 'Access-Control-Allow-Origin': '${origin:app}' } },
    );
    const result = await run(client, routes, { extra: windowContext });
    const [, preflight, put] = result.exchanges;
    expect(preflight!.preflight && preflight!.requestHeaders.some(([name]) => name === 'cookie')).toBe(false);
    expect(put!.requestHeaders).toContainEqual(['cookie', 'sid=1']);
    expect(result.requests[1]!.cookies).toEqual(['sid']);
  });

  it('expires a Max-Age cookie on the virtual clock and deletes one with Max-Age=0', async () => {
    const client = `await fetch(url('api', '/login'), { credentials: 'include' });\nawait sleep(1500);\nlog(await (await fetch(url('api', '/whoami'), { credentials: 'include' })).text());`;
    expect((await run(client, servers(['short=1; Max-Age=1; SameSite=None; Secure', 'gone=1; Max-Age=0; SameSite=None; Secure', 'long=1; SameSite=None; Secure']), { extra: windowContext })).log).toEqual(['long=1']);
  });

  it('orders the Cookie header by longer path first, then by creation', async () => {
    const client = `await fetch(url('api', '/login'), { credentials: 'include' });\nlog(await (await fetch(url('api', '/whoami'), { credentials: 'include' })).text());`;
    const result = await run(client, servers(['b=1; SameSite=None; Secure', 'a=1; Path=/whoami; SameSite=None; Secure', 'c=1; SameSite=None; Secure']), { extra: windowContext });
    expect(result.log).toEqual(['a=1; b=1; c=1']);
  });

  it('leaves a request that never reached a server with no cookies (null)', async () => {
    const result = await run("await fetch('http://elsewhere.localhost/x', { credentials: 'include' }).catch(() => {});");
    expect(result.requests[0]!.cookies).toBeNull();
  });
});

describe('Set-Cookie parsing', () => {
  it('reads attributes case-insensitively, the last one winning, and ignores unknown ones', () => {
    expect(parseSetCookie('sid = a b ; samesite=none; SECURE; Max-Age=5; max-age=9; Domain=.Site-A.localhost; Foo=bar')).toMatchObject({
      name: 'sid', value: 'a b', sameSite: 'none', secure: true, maxAge: 9, domain: 'site-a.localhost',
    });
    expect(parseSetCookie('token')).toMatchObject({ name: '', value: 'token' });
    expect(parseSetCookie('=')).toBeNull();
    expect(parseSetCookie('a=1; SameSite=Relaxed')!.sameSite).toBe('unspecified');
  });

  it('uses the directory of the request path as the default path', () => {
    expect(defaultPath(new URL('http://x.localhost/auth/login'))).toBe('/auth');
    expect(defaultPath(new URL('http://x.localhost/login'))).toBe('/');
    expect(pathMatches('/api/me', '/api')).toBe(true);
    expect(pathMatches('/apis', '/api')).toBe(false);
  });
});
