/**
 * Blocked requests and the smallest fix the engine proposes. {origin} is the page origin. Each
 * case names the request (index) and what its fix must say; the test also applies the fix to
 * the scenario and checks that the request then succeeds.
 */
import type { EngineName } from '@cors-playground/scenario';
import type { Servers } from '../support';

export interface FixCase {
  name: string;
  client: string;
  servers: Servers;
  engine?: EngineName;
  /** Default 0. */
  request?: number;
  /** null: no fix (the request succeeds, or nothing can fix it). */
  fix: null | {
    summary: string | RegExp;
    /** "origin METHOD path Name: value" */
    headers?: string[];
    unsafe?: boolean;
  };
}

const ACAO = { 'Access-Control-Allow-Origin': '${origin:app}' };
const get = (path = '/d', init = '') => `await fetch(url('api', '${path}')${init ? `, ${init}` : ''}).catch(() => {});`;

export const FIX_CASES: FixCase[] = [
  {
    name: 'a missing Access-Control-Allow-Origin is added to the answer of that very request',
    client: get(),
    servers: { api: { routes: [{ path: '/d' }] } },
    fix: { summary: 'Answer GET /d on api with Access-Control-Allow-Origin: ${origin:app}.', headers: ['api GET /d Access-Control-Allow-Origin: ${origin:app}'] },
  },
  {
    name: 'a 500 without CORS headers: the fix says the error page needs them',
    client: get(),
    servers: { api: { routes: [{ path: '/d', status: 500 }] } },
    fix: { summary: /^Answer GET \/d on api with Access-Control-Allow-Origin: \$\{origin:app\}\. Your server answered GET \/d with 500, and that error answer has no CORS headers/, headers: ['api GET /d Access-Control-Allow-Origin: ${origin:app}'] },
  },
  {
    name: 'no route at all: the fix adds one',
    client: get('/nothing'),
    servers: {},
    fix: { summary: /No route of api answers GET \/nothing .*add one\.$/, headers: ['api GET /nothing Access-Control-Allow-Origin: ${origin:app}'] },
  },
  {
    name: 'a wildcard with credentials becomes the exact origin and Access-Control-Allow-Credentials',
    client: get('/d', "{ credentials: 'include' }"),
    servers: { api: { routes: [{ path: '/d', headers: { 'Access-Control-Allow-Origin': '*' } }] } },
    fix: { summary: /Access-Control-Allow-Origin: \$\{origin:app\} and Access-Control-Allow-Credentials: true/, headers: ['api GET /d Access-Control-Allow-Origin: ${origin:app}', 'api GET /d Access-Control-Allow-Credentials: true'], unsafe: false },
  },
  {
    name: 'a preflight without an OPTIONS route gets every header it needs, one failure after another',
    client: get('/d', "{ method: 'PUT', headers: { 'X-Token': '1' } }"),
    servers: { api: { routes: [{ path: '/d', method: 'PUT', headers: ACAO }] } },
    fix: {
      summary: /^Answer OPTIONS \/d on api with Access-Control-Allow-Origin: \$\{origin:app\} and Access-Control-Allow-Methods: PUT and Access-Control-Allow-Headers: x-token\. No route/,
      headers: ['api OPTIONS /d Access-Control-Allow-Origin: ${origin:app}', 'api OPTIONS /d Access-Control-Allow-Methods: PUT', 'api OPTIONS /d Access-Control-Allow-Headers: x-token'],
    },
  },
  {
    name: 'a preflight that passes but an actual answer without Access-Control-Allow-Origin: only the actual answer changes',
    client: get('/d', "{ method: 'DELETE' }"),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'DELETE' } }, { path: '/d', method: 'DELETE' }] } },
    fix: { summary: 'Answer DELETE /d on api with Access-Control-Allow-Origin: ${origin:app}.', headers: ['api DELETE /d Access-Control-Allow-Origin: ${origin:app}'] },
  },
  {
    name: 'a missing method and header are added to what the preflight answer already lists',
    client: get('/d', "{ method: 'PATCH', headers: { 'X-B': '1' } }"),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'X-A' } }, { path: '/d', headers: ACAO }] } },
    fix: { summary: /Access-Control-Allow-Methods: GET, PUT, PATCH and Access-Control-Allow-Headers: X-A, x-b\.$/, headers: ['api OPTIONS /d Access-Control-Allow-Methods: GET, PUT, PATCH', 'api OPTIONS /d Access-Control-Allow-Headers: X-A, x-b'] },
  },
  {
    name: 'a preflight answered 500 gets an ok status, which no header can give',
    client: get('/d', "{ method: 'PUT' }"),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 500, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }, { path: '/d', headers: ACAO }] } },
    fix: { summary: 'Answer OPTIONS /d on api with status 204.', headers: [] },
  },
  {
    name: 'a redirected preflight is answered where it was sent, and the route its other methods share stays',
    client: get('/old', "{ method: 'PUT' }"),
    servers: { api: { routes: [{ path: '/old', method: '*', status: 307, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', Location: '/new' } }, { path: '/new', method: '*', headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }] } },
    fix: { summary: 'Answer OPTIONS /old on api with status 204.', headers: [] },
  },
  {
    name: 'a redirect-tainted origin without credentials is allowed with *',
    client: get('/go'),
    servers: { api: { routes: [{ path: '/go', status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: '${origin:cdn}/file' } }] }, cdn: { routes: [{ path: '/file', headers: ACAO }] } },
    fix: { summary: 'Answer GET /file on cdn with Access-Control-Allow-Origin: *.', headers: ['cdn GET /file Access-Control-Allow-Origin: *'], unsafe: false },
  },
  {
    name: 'a redirect-tainted origin with credentials only works with null, which the fix calls unsafe',
    client: get('/go', "{ credentials: 'include' }"),
    servers: {
      api: { routes: [{ path: '/go', status: 302, headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', Location: '${origin:bank}/file' } }] },
      bank: { routes: [{ path: '/file', headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true' } }] },
    },
    fix: { summary: 'Answer GET /file on bank with Access-Control-Allow-Origin: null.', headers: ['bank GET /file Access-Control-Allow-Origin: null'], unsafe: true },
  },
  {
    name: 'mode no-cors: use mode cors, then allow the origin',
    client: get('/d', "{ mode: 'no-cors' }"),
    servers: { api: { routes: [{ path: '/d' }] } },
    fix: { summary: "Use mode 'cors' (mode 'no-cors' makes the response opaque to JavaScript); answer GET /d on api with Access-Control-Allow-Origin: ${origin:app}.", headers: ['api GET /d Access-Control-Allow-Origin: ${origin:app}'] },
  },
  {
    name: 'mode same-origin to an origin that already allows it: only the mode changes',
    client: get('/d', "{ mode: 'same-origin' }"),
    servers: { api: { routes: [{ path: '/d', headers: ACAO }] } },
    fix: { summary: "Use mode 'cors' (mode 'same-origin' refuses other origins).", headers: [] },
  },
  {
    name: 'a lower-case patch: write PATCH, no header helps',
    client: get('/d', "{ method: 'patch' }"),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PATCH' } }, { path: '/d', headers: ACAO }] } },
    fix: { summary: /^Write the method in upper case \('PATCH'\)/, headers: [] },
  },
  {
    name: 'a method Node does not know at all cannot be written in upper case',
    client: get('/d', "{ method: 'BREW' }"),
    servers: { api: { routes: [{ path: '/d', headers: ACAO }] } },
    fix: { summary: /^Use a method the server can receive/, headers: [] },
  },
  {
    name: 'a GET with a body: the fix is on the page',
    client: get('/d', "{ body: 'x' }"),
    servers: {},
    fix: { summary: /^A GET or HEAD request cannot have a body/, headers: [] },
  },
  {
    name: 'redirect mode error: the fix is on the page',
    client: get('/old', "{ redirect: 'error' }"),
    servers: { api: { routes: [{ path: '/old', status: 302, headers: { ...ACAO, Location: '/new' } }] } },
    fix: { summary: /^The response is a redirect and the request's redirect mode is 'error'/, headers: [] },
  },
  { name: 'a request that succeeds has no fix', client: get(), servers: { api: { routes: [{ path: '/d', headers: ACAO }] } }, fix: null },
  { name: 'a forbidden method has no fix: browsers never send it', client: get('/d', "{ method: 'TRACE' }"), servers: {}, fix: null },
  { name: 'a host outside the sandbox has no fix', client: "await fetch('http://elsewhere.example/').catch(() => {});", servers: {}, fix: null },
  {
    name: 'too many redirects has no header fix',
    client: get('/r'),
    servers: { api: { routes: [{ path: '/r', status: 302, headers: { ...ACAO, Location: '/r' } }] } },
    fix: null,
  },
  {
    name: 'a manual redirect is what the page asked for: no fix',
    client: get('/old', "{ redirect: 'manual' }"),
    servers: { api: { routes: [{ path: '/old', status: 302, headers: { ...ACAO, Location: '/new' } }] } },
    fix: null,
  },
];
