/**
 * Runs where time matters: sleep(), route delays and the CORS-preflight cache's expiry. Every case
 * mirrors a scenario run in Chromium 156.0.8078.79 (the proposed corpus cases under
 * corpus/), with the same outcome.
 */
import type { SimulationCase } from './fetch-cases';

const ACAO = { 'Access-Control-Allow-Origin': '${origin:app}' };
const put = (n: number, extra = '') => `try { const r = await fetch(url('api', '/items/7'), { method: 'PUT', body: 'x'${extra} }); log(${n}, r.status); } catch (e) { log(${n}, e.name); }`;
const preflightAnswer = (extra: Record<string, string> = {}) => ({ path: '/items/*', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', ...extra } });
const putAnswer = (delayMs = 0) => ({ path: '/items/*', method: 'PUT', headers: ACAO, delayMs });
const items = (extra: Record<string, string> = {}, delayMs = 0) => ({ api: { routes: [preflightAnswer(extra), putAnswer(delayMs)] } });
const sent = (...preflights: boolean[]) => preflights.map((preflight) => ({ outcome: 'ok' as const, status: 200, preflight }));

export const TIME_CASES: SimulationCase[] = [
  {
    name: 'without Access-Control-Max-Age a preflight is cached for 5 s: a request right away reuses it',
    client: [put(1), put(2)].join('\n'),
    servers: items(),
    requests: sent(true, false),
    elapsedMs: 0,
  },
  {
    name: 'the default 5 s still cover a request 4 s later',
    client: [put(1), 'await sleep(4000);', put(2)].join('\n'),
    servers: items(),
    requests: sent(true, false),
    elapsedMs: 4000,
  },
  {
    name: 'after 5.1 s the default entry has expired and a new preflight goes out',
    client: [put(1), 'await sleep(5100);', put(2)].join('\n'),
    servers: items(),
    requests: sent(true, true),
    log: ['1 200', '2 200'],
  },
  {
    name: 'Access-Control-Max-Age: 0 caches nothing',
    client: [put(1), put(2)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '0' }),
    requests: sent(true, true),
  },
  {
    name: 'a negative Access-Control-Max-Age caches nothing in Chromium',
    client: [put(1), put(2)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '-1' }),
    requests: sent(true, true),
  },
  {
    name: 'an unparsable Access-Control-Max-Age means the default 5 s',
    client: [put(1), put(2), 'await sleep(5100);', put(3)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': 'ten' }),
    requests: sent(true, false, true),
  },
  {
    name: 'Chromium reads "+600" as 600 s',
    client: [put(1), 'await sleep(5100);', put(2)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '+600' }),
    requests: sent(true, false),
  },
  {
    name: 'Access-Control-Max-Age: 2 covers 1.5 s later but not 2.1 s later',
    client: [put(1), 'await sleep(1500);', put(2), 'await sleep(600);', put(3)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '2' }),
    requests: sent(true, false, true),
    elapsedMs: 2100,
  },
  {
    name: 'Access-Control-Max-Age: 600 still covers 6 s later',
    client: [put(1), 'await sleep(6000);', put(2)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '600' }),
    requests: sent(true, false),
  },
  {
    name: 'a route delay moves the clock: a 2.6 s answer plus a 2.6 s sleep outlive the default entry',
    client: [put(1), 'await sleep(2600);', put(2)].join('\n'),
    servers: items({}, 2600),
    requests: sent(true, true),
    elapsedMs: 7800,
  },
  {
    name: 'a header the cached entry does not list needs a new preflight; the new entry covers the old header too',
    client: [put(1, ", headers: { 'X-A': '1' }"), put(2, ", headers: { 'X-A': '1', 'X-B': '2' }"), put(3, ", headers: { 'X-A': '1' }")].join('\n'),
    servers: items({ 'Access-Control-Allow-Headers': '${request.header:access-control-request-headers}', 'Access-Control-Max-Age': '600' }),
    requests: sent(true, true, false),
  },
  {
    name: 'a new method replaces Chromium\'s one entry for the URL, so the first method preflights again',
    client: ["await fetch(url('api', '/items/7'), { method: 'PUT' });", "await fetch(url('api', '/items/7'), { method: 'DELETE' });", "await fetch(url('api', '/items/7'), { method: 'PUT' });"].join('\n'),
    servers: { api: { routes: [{ path: '/items/*', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': '${request.header:access-control-request-method}', 'Access-Control-Max-Age': '600' } }, { path: '/items/*', method: '*', headers: ACAO }] } },
    requests: sent(true, true, true),
  },
  {
    name: 'a credentialed request cannot use an entry made without credentials, but the reverse works',
    client: [put(1), put(2, ", credentials: 'include'"), put(3), put(4, ", credentials: 'omit'")].join('\n'),
    servers: { api: { routes: [{ ...preflightAnswer({ 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Max-Age': '600' }) }, { path: '/items/*', method: 'PUT', headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true' } }] } },
    requests: sent(true, true, false, false),
  },
  {
    name: 'a preflight that fails drops the cached entry, so the next request preflights again',
    client: [put(1), put(2, ", headers: { 'X-Fail': '1' }"), put(3)].join('\n'),
    servers: items({ 'Access-Control-Max-Age': '600' }),
    requests: [{ preflight: true, outcome: 'ok' }, { preflight: true, outcome: 'blocked', blockedBy: 'acah-missing-header' }, { preflight: true, outcome: 'ok' }],
    log: ['1 200', '2 TypeError', '3 200'],
  },
  {
    name: 'a request made while an earlier preflight is still on its way sends its own preflight',
    client: "const a = fetch(url('api', '/items/7'), { method: 'PUT' }).then((r) => log('a', r.status)); await sleep(500); const b = fetch(url('api', '/items/7'), { method: 'PUT' }).then((r) => log('b', r.status)); await Promise.all([a, b]); await fetch(url('api', '/items/7'), { method: 'PUT' }).then((r) => log('c', r.status));",
    servers: { api: { routes: [{ ...preflightAnswer({ 'Access-Control-Max-Age': '600' }), delayMs: 1000 }, putAnswer()] } },
    requests: sent(true, true, false),
    log: ['a 200', 'b 200', 'c 200'],
    exchanges: ['OPTIONS api/items/7 origin={origin} acrm=PUT', 'OPTIONS api/items/7 origin={origin} acrm=PUT', 'PUT api/items/7 origin={origin}', 'PUT api/items/7 origin={origin}', 'PUT api/items/7 origin={origin}'],
    elapsedMs: 1500,
  },
  {
    name: 'concurrent requests settle in the order of their delays, not of their calls',
    client: "const a = fetch(url('api', '/slow')).then((r) => log('slow', r.status)); const b = fetch(url('api', '/fast')).then((r) => log('fast', r.status)); await Promise.all([a, b]);",
    servers: { api: { routes: [{ path: '/slow', headers: ACAO, delayMs: 1500 }, { path: '/fast', headers: ACAO, delayMs: 200 }] } },
    requests: [{ outcome: 'ok' }, { outcome: 'ok' }],
    log: ['fast 200', 'slow 200'],
    elapsedMs: 1500,
  },
  {
    name: 'after the client code ends, a request in flight gets one second; a slower one is reported unfinished',
    client: "fetch(url('api', '/slow')).then((r) => log('slow', r.status)); fetch(url('api', '/slower')).then((r) => log('slower', r.status)); log('end');",
    servers: { api: { routes: [{ path: '/slow', headers: ACAO, delayMs: 500 }, { path: '/slower', headers: ACAO, delayMs: 3000 }] } },
    requests: [{ outcome: 'ok', status: 200 }, { outcome: 'error', status: 0, preflight: false }],
    log: ['end', 'slow 200'],
    elapsedMs: 1000,
  },
  {
    name: 'sleeping past the run time ends the run with a timeout at 10 s, at once',
    client: "log('a'); await sleep(11000); log('b');",
    requests: [],
    log: ['a'],
    end: 'timeout',
    elapsedMs: 10000,
  },
];
