/**
 * Table of fetch() runs through the model. Each case: the client code, the servers, and what the
 * record, the log and the servers' request log must show. {origin} is the page origin
 * (app, site a), {api} the api origin (site b), {cdn} a same-site origin (site a). Every
 * expectation about Chromium was checked in Chromium 156.0.8078.79.
 */
import type { EngineName, RequestRecord, ScenarioInput } from '@cors-playground/scenario';
import type { Servers } from '../support';

export interface ExpectedRecord extends Partial<Omit<RequestRecord, 'console' | 'preflight'>> {
  preflight?: boolean;
  reasons?: string[];
  /** The Chromium console line (a template), or null. */
  console?: string | null;
}

export interface SimulationCase {
  name: string;
  client: string;
  servers?: Servers;
  engine?: EngineName;
  requests: ExpectedRecord[];
  log?: string[];
  /** What the servers received: "METHOD label/path origin=…". */
  exchanges?: string[];
  /** Virtual milliseconds the run took. */
  elapsedMs?: number;
  /** How the client code ended, when not "finished" without an error. */
  end?: 'finished' | 'threw' | 'timeout';
  /** Scenario fields besides client and servers (other origins). */
  extra?: Partial<ScenarioInput>;
}

const ACAO_ANY = { 'Access-Control-Allow-Origin': '*' };
const ACAO_APP = { 'Access-Control-Allow-Origin': '${origin:app}' };
const tryFetch = (call: string, then = "log(r.status, r.type, [...r.headers.keys()].join(','))") =>
  `try { const r = await ${call}; ${then}; } catch (e) { log(e.name, e.message); }`;

export const FETCH_CASES: SimulationCase[] = [
  {
    name: 'a cross-origin GET without Access-Control-Allow-Origin is blocked, though the server received it',
    client: tryFetch("fetch(url('api', '/data'))"),
    servers: { api: { routes: [{ path: '/data', body: '[]' }] } },
    requests: [{ api: 'fetch', method: 'GET', url: '{api}/data', from: 'app', to: 'api', outcome: 'blocked', status: 0, visibleHeaders: [], blockedBy: 'acao-missing', preflight: false,
      console: "Access to fetch at '{api}/data' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." }],
    log: ['TypeError Failed to fetch'],
    exchanges: ['GET api/data origin={origin}'],
  },
  {
    name: 'a GET allowed for the exact origin resolves as a CORS response with the safelisted headers',
    client: tryFetch("fetch(url('api', '/data'))"),
    servers: { api: { routes: [{ path: '/data', headers: { ...ACAO_APP, 'Content-Type': 'application/json', 'X-Total-Count': '3' }, body: '[]' }] } },
    requests: [{ outcome: 'ok', status: 200, visibleHeaders: ['content-length', 'content-type'], blockedBy: null, console: null, to: 'api' }],
    log: ['200 cors content-length,content-type'],
  },
  {
    name: 'a same-origin fetch needs no CORS and reads every header but Set-Cookie',
    client: tryFetch("fetch(url('app', '/data'))", "log(r.type, r.headers.get('x-total-count'), r.headers.get('set-cookie'))"),
    servers: { app: { routes: [{ path: '/data', headers: { 'X-Total-Count': '3', 'Set-Cookie': 'a=1' } }] } },
    requests: [{ to: 'app', outcome: 'ok', status: 200, visibleHeaders: ['connection', 'content-length', 'date', 'keep-alive', 'x-total-count'] }],
    log: ['basic 3 null'],
    exchanges: ['GET app/data origin=-'],
  },
  {
    name: 'a same-site origin is still another origin, and so is the same host on another port',
    client: `${tryFetch("fetch(url('cdn', '/a'))")}\n${tryFetch("fetch(url('app2', '/a'))")}`,
    servers: { cdn: { routes: [{ path: '/a' }] }, app2: { routes: [{ path: '/a' }] } },
    requests: [{ to: 'cdn', outcome: 'blocked', blockedBy: 'acao-missing' }, { to: 'app2', outcome: 'blocked', blockedBy: 'acao-missing' }],
  },
  {
    name: 'a PUT with a custom header is preflighted with the unsafe names sorted, then sent',
    client: tryFetch("fetch(url('api', '/data'), { method: 'put', headers: { 'X-Token': '1', 'X-Abc': '2' } })"),
    servers: { api: { routes: [
      { path: '/data', method: 'OPTIONS', status: 204, headers: { ...ACAO_APP, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token, X-ABC' } },
      { path: '/data', method: 'PUT', headers: ACAO_APP },
    ] } },
    requests: [{ method: 'PUT', outcome: 'ok', status: 200, preflight: true, reasons: ['method PUT is not CORS-safelisted', 'header x-abc is not CORS-safelisted', 'header x-token is not CORS-safelisted'] }],
    exchanges: ['OPTIONS api/data origin={origin} acrm=PUT acrh=x-abc,x-token', 'PUT api/data origin={origin}'],
  },
  {
    name: 'a preflight that does not allow the method stops the request before it is sent',
    client: tryFetch("fetch(url('api', '/data'), { method: 'DELETE' })"),
    servers: { api: { routes: [{ path: '/data', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'GET, PUT' } }] } },
    requests: [{ outcome: 'blocked', preflight: true, blockedBy: 'acam-missing-method',
      console: "Access to fetch at '{api}/data' from origin '{origin}' has been blocked by CORS policy: Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response." }],
    exchanges: ['OPTIONS api/data origin={origin} acrm=DELETE'],
  },
  {
    name: 'a second identical PUT in the run reuses the cached preflight',
    client: `${tryFetch("fetch(url('api', '/d'), { method: 'PUT' })")}\n${tryFetch("fetch(url('api', '/d'), { method: 'PUT' })")}`,
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [
      { outcome: 'ok', preflight: true, reasons: ['method PUT is not CORS-safelisted'] },
      { outcome: 'ok', preflight: false, reasons: ['method PUT is not CORS-safelisted', 'a CORS-preflight cache entry covered it, so no preflight was sent'] },
    ],
    exchanges: ['OPTIONS api/d origin={origin} acrm=PUT', 'PUT api/d origin={origin}', 'PUT api/d origin={origin}'],
  },
  {
    name: 'Access-Control-Max-Age: 0 makes every PUT send its own preflight',
    client: `${tryFetch("fetch(url('api', '/d'), { method: 'PUT' })")}\n${tryFetch("fetch(url('api', '/d'), { method: 'PUT' })")}`,
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '0' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ preflight: true }, { preflight: true }],
  },
  {
    name: 'fetch silently drops forbidden request headers, so they cost no preflight',
    client: tryFetch("fetch(url('api', '/d'), { headers: { Cookie: 'a=1', 'Sec-Foo': '1', Origin: 'http://evil.example', 'X-HTTP-Method-Override': 'TRACE' } })"),
    servers: { api: { routes: [{ path: '/d', headers: { ...ACAO_ANY, 'X-Cookie-Seen': '${request.header:cookie}' } }] } },
    requests: [{ outcome: 'ok', preflight: false }],
    exchanges: ['GET api/d origin={origin}'],
  },
  {
    name: 'a no-cors request is opaque: status 0, no headers, an empty body, and unsafe headers dropped',
    client: "const r = await fetch(url('api', '/d'), { mode: 'no-cors', headers: { 'X-Token': '1', 'Content-Type': 'application/json', Accept: 'text/x' } }); log(r.type, r.status, r.ok, JSON.stringify(r.statusText), JSON.stringify(r.url), [...r.headers].length, JSON.stringify(await r.text()));",
    servers: { api: { routes: [{ path: '/d', headers: { 'X-A': '1' }, body: 'secret' }] } },
    requests: [{ outcome: 'opaque', status: 0, visibleHeaders: [], preflight: false }],
    log: ['opaque 0 false "" "" 0 ""'],
    exchanges: ['GET api/d origin=- accept=text/x'],
  },
  {
    name: 'a no-cors PUT is a TypeError before anything is sent',
    client: tryFetch("fetch(url('api', '/d'), { mode: 'no-cors', method: 'put' })"),
    requests: [{ method: 'PUT', outcome: 'error', blockedBy: 'no-cors-method', console: null }],
    log: ["TypeError Failed to execute 'fetch' on 'Window': 'PUT' is unsupported in no-cors mode."],
    exchanges: [],
  },
  {
    name: 'a no-cors POST sends Origin, a no-cors GET does not',
    client: `await fetch(url('api', '/d'), { mode: 'no-cors', method: 'POST', body: 'x' });\nawait fetch(url('api', '/d'), { mode: 'no-cors' });`,
    requests: [{ outcome: 'opaque' }, { outcome: 'opaque' }],
    exchanges: ['POST api/d origin={origin} content-type=text/plain;charset=UTF-8', 'GET api/d origin=-'],
  },
  {
    name: 'mode same-origin to another origin is a TypeError, nothing is sent, and a real run counts it as blocked',
    client: tryFetch("fetch(url('api', '/d'), { mode: 'same-origin' })"),
    requests: [{ outcome: 'blocked', blockedBy: 'same-origin-mode',
      console: 'Fetch API cannot load {api}/d. Request mode is "same-origin" but the URL\'s origin is not same as the request origin {origin}.' }],
    log: ['TypeError Failed to fetch'],
    exchanges: [],
  },
  {
    name: 'mode same-origin redirected to another origin fails at the redirect',
    client: tryFetch("fetch(url('app', '/r'), { mode: 'same-origin' })"),
    servers: { app: { routes: [{ path: '/r', status: 302, headers: { Location: '${origin:api}/d' } }] } },
    requests: [{ outcome: 'blocked', blockedBy: 'same-origin-mode', console: 'Unsafe attempt to load URL {api}/d from frame with URL {origin}/__cors-playground/run. Domains, protocols and ports must match.\n' }],
    exchanges: ['GET app/r origin=-'],
  },
  {
    name: 'a redirect from the page origin to another origin is checked at the second hop, and the console names both URLs',
    client: tryFetch("fetch(url('app', '/r'))"),
    servers: { app: { routes: [{ path: '/r', status: 302, headers: { Location: '${origin:api}/d' } }] }, api: { routes: [{ path: '/d' }] } },
    requests: [{ url: '{origin}/r', to: 'app', outcome: 'blocked', blockedBy: 'acao-missing',
      console: "Access to fetch at '{api}/d' (redirected from '{origin}/r') from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." }],
    exchanges: ['GET app/r origin=-', 'GET api/d origin={origin}'],
  },
  {
    name: 'a cross-origin redirect to a third origin sends Origin: null, which only * or "null" allows',
    client: `${tryFetch("fetch(url('api', '/star'))", 'log(r.status, r.url, r.redirected)')}\n${tryFetch("fetch(url('api', '/exact'))")}`,
    servers: {
      api: { routes: [
        { path: '/star', status: 307, headers: { ...ACAO_ANY, Location: '${origin:cdn}/star' } },
        { path: '/exact', status: 307, headers: { ...ACAO_ANY, Location: '${origin:cdn}/exact' } },
      ] },
      cdn: { routes: [{ path: '/star', headers: ACAO_ANY }, { path: '/exact', headers: ACAO_APP }] },
    },
    requests: [{ outcome: 'ok', status: 200 }, { outcome: 'blocked', blockedBy: 'acao-mismatch',
      console: "Access to fetch at '{cdn}/exact' (redirected from '{api}/exact') from origin '{origin}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '{origin}' that is not equal to the supplied origin. Have the server send the header with a valid value." }],
    log: ['200 {cdn}/star true', 'TypeError Failed to fetch'],
    exchanges: ['GET api/star origin={origin}', 'GET cdn/star origin=null', 'GET api/exact origin={origin}', 'GET cdn/exact origin=null'],
  },
  {
    name: 'a cross-origin redirect back to the page origin stays a CORS request with Origin: null',
    client: tryFetch("fetch(url('api', '/r'))", 'log(r.type, r.status)'),
    servers: { api: { routes: [{ path: '/r', status: 302, headers: { ...ACAO_ANY, Location: '${origin:app}/back' } }] }, app: { routes: [{ path: '/back', headers: { 'Access-Control-Allow-Origin': 'null' } }] } },
    requests: [{ outcome: 'ok' }],
    log: ['cors 200'],
    exchanges: ['GET api/r origin={origin}', 'GET app/back origin=null'],
  },
  {
    name: 'a redirect without Access-Control-Allow-Origin blocks before it is followed',
    client: tryFetch("fetch(url('api', '/r'))"),
    servers: { api: { routes: [{ path: '/r', status: 302, headers: { Location: '/d' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'blocked', blockedBy: 'redirect-cors',
      console: "Access to fetch at '{api}/r' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." }],
    exchanges: ['GET api/r origin={origin}'],
  },
  {
    name: 'a 301 after a POST continues as a GET without the body, a 308 keeps the POST, a 303 turns a PUT into a GET',
    client: `await fetch(url('api', '/301'), { method: 'POST', body: 'x' });\nawait fetch(url('api', '/308'), { method: 'POST', body: 'x' });\nawait fetch(url('api', '/303'), { method: 'PUT', body: 'x' });`,
    servers: { api: { routes: [
      { path: '/301', status: 301, headers: { ...ACAO_ANY, Location: '/d' } },
      { path: '/308', status: 308, headers: { ...ACAO_ANY, Location: '/d' } },
      { path: '/303', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT' } },
      { path: '/303', status: 303, headers: { ...ACAO_ANY, Location: '/d' } },
      { path: '/d', headers: ACAO_ANY },
    ] } },
    requests: [{ method: 'POST', outcome: 'ok' }, { method: 'POST', outcome: 'ok' }, { method: 'PUT', outcome: 'ok', preflight: true }],
    exchanges: [
      'POST api/301 origin={origin} content-type=text/plain;charset=UTF-8', 'GET api/d origin={origin}',
      'POST api/308 origin={origin} content-type=text/plain;charset=UTF-8', 'POST api/d origin={origin} content-type=text/plain;charset=UTF-8',
      'OPTIONS api/303 origin={origin} acrm=PUT', 'PUT api/303 origin={origin} content-type=text/plain;charset=UTF-8', 'GET api/d origin={origin}',
    ],
  },
  {
    name: 'a preflighted request redirected to a new URL is preflighted again there, with Origin: null after a cross-origin hop',
    client: tryFetch("fetch(url('api', '/r'), { method: 'PUT' })", 'log(r.status, r.url)'),
    servers: {
      api: { routes: [{ path: '/r', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT' } }, { path: '/r', status: 307, headers: { ...ACAO_ANY, Location: '${origin:cdn}/d' } }] },
      cdn: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT' } }, { path: '/d', headers: ACAO_ANY }] },
    },
    requests: [{ outcome: 'ok', preflight: true }],
    log: ['200 {cdn}/d'],
    exchanges: ['OPTIONS api/r origin={origin} acrm=PUT', 'PUT api/r origin={origin}', 'OPTIONS cdn/d origin=null acrm=PUT', 'PUT cdn/d origin=null'],
  },
  {
    name: 'a same-origin PUT redirected to another origin needs a preflight there',
    client: tryFetch("fetch(url('app', '/r'), { method: 'PUT' })", 'log(r.status)'),
    servers: {
      app: { routes: [{ path: '/r', status: 307, headers: { Location: '${origin:api}/d' } }] },
      api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_APP, 'Access-Control-Allow-Methods': 'PUT' } }, { path: '/d', headers: ACAO_APP }] },
    },
    requests: [{ outcome: 'ok', preflight: true, reasons: ['method PUT is not CORS-safelisted'] }],
    exchanges: ['PUT app/r origin={origin}', 'OPTIONS api/d origin={origin} acrm=PUT', 'PUT api/d origin={origin}'],
  },
  {
    name: 'Authorization is dropped when a redirect leaves the origin',
    client: "await fetch(url('api', '/r'), { headers: { Authorization: 'Bearer t' } });",
    servers: {
      api: { routes: [{ path: '/r', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Headers': 'authorization' } }, { path: '/r', status: 302, headers: { ...ACAO_ANY, Location: '${origin:cdn}/d' } }] },
      cdn: { routes: [{ path: '/d', headers: ACAO_ANY }] },
    },
    requests: [{ outcome: 'ok', preflight: true }],
    exchanges: ['OPTIONS api/r origin={origin} acrm=GET acrh=authorization', 'GET api/r origin={origin} authorization=Bearer t', 'GET cdn/d origin=null'],
  },
  {
    name: 'a redirect loop fails after 20 redirects; it reached the server, so a real run counts it as blocked',
    client: tryFetch("fetch(url('api', '/loop'))"),
    servers: { api: { routes: [{ path: '/loop', status: 302, headers: { ...ACAO_ANY, Location: '/loop' } }] } },
    requests: [{ outcome: 'blocked', blockedBy: 'redirect-limit', console: null }],
    log: ['TypeError Failed to fetch'],
  },
  {
    name: 'redirect "error" fails at the first redirect, "manual" gives an opaque-redirect response',
    client: `${tryFetch("fetch(url('api', '/r'), { redirect: 'error' })")}\n${tryFetch("fetch(url('api', '/r'), { redirect: 'manual' })", 'log(r.type, r.status, r.url, r.redirected)')}`,
    servers: { api: { routes: [{ path: '/r', status: 302, headers: { ...ACAO_ANY, Location: '/d' } }] } },
    requests: [{ outcome: 'blocked', blockedBy: 'redirect-mode-error' }, { outcome: 'opaque', status: 0, visibleHeaders: [] }],
    log: ['TypeError Failed to fetch', 'opaqueredirect 0 {api}/r false'],
  },
  {
    name: 'a 302 without Location is an ordinary response',
    client: tryFetch("fetch(url('api', '/r'))", 'log(r.status, r.statusText, r.redirected)'),
    servers: { api: { routes: [{ path: '/r', status: 302, headers: ACAO_ANY }] } },
    requests: [{ outcome: 'ok', status: 302 }],
    log: ['302 Found false'],
  },
  {
    name: 'a redirect to another scheme is blocked with the scheme line, and a Location that does not parse is a network error',
    client: `${tryFetch("fetch(url('api', '/ftp'))")}\n${tryFetch("fetch(url('api', '/bad'))")}\n${tryFetch("fetch(url('api', '/ftp'), { mode: 'no-cors' })")}`,
    servers: { api: { routes: [{ path: '/ftp', status: 302, headers: { ...ACAO_ANY, Location: 'ftp://x/' } }, { path: '/bad', status: 302, headers: { ...ACAO_ANY, Location: 'http://[' } }] } },
    requests: [
      { outcome: 'blocked', blockedBy: 'redirect-scheme',
        console: "Access to fetch at 'ftp://x/' (redirected from '{api}/ftp') from origin '{origin}' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app." },
      { outcome: 'blocked', blockedBy: 'redirect-location-invalid' },
      { outcome: 'blocked', blockedBy: 'redirect-scheme', console: null },
    ],
  },
  {
    name: 'a redirect whose location carries credentials is blocked, and Chromium leaves the location out of the line',
    client: tryFetch("fetch(url('api', '/r'))"),
    servers: { api: { routes: [{ path: '/r', status: 302, headers: { ...ACAO_ANY, Location: 'http://user:pw@example.test/' } }] } },
    requests: [{ outcome: 'blocked', blockedBy: 'redirect-credentials',
      console: "Access to fetch at '{api}/r' from origin '{origin}' has been blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for cross-origin requests." }],
  },
  {
    name: 'a URL outside the sandbox is a network error, with or without a preflight',
    client: `${tryFetch("fetch('http://example.test/x')")}\n${tryFetch("fetch('http://example.test/x', { method: 'PUT' })")}`,
    requests: [{ to: null, outcome: 'error', blockedBy: 'network-error', preflight: false }, { to: null, outcome: 'error', blockedBy: 'network-error', preflight: false }],
    log: ['TypeError Failed to fetch', 'TypeError Failed to fetch'],
    exchanges: [],
  },
  {
    name: 'Access-Control-Expose-Headers lets JavaScript read a header; the others read as null',
    client: tryFetch("fetch(url('api', '/d'))", "log(r.headers.get('X-Total-Count'), r.headers.get('x-request-id'), r.headers.has('content-type'))"),
    servers: { api: { routes: [{ path: '/d', headers: { ...ACAO_ANY, 'Access-Control-Expose-Headers': 'X-Total-Count', 'X-Total-Count': '42', 'X-Request-Id': 'r', 'Content-Type': 'text/plain' } }] } },
    requests: [{ visibleHeaders: ['content-length', 'content-type', 'x-total-count'] }],
    log: ['42 null true'],
  },
  {
    name: 'Chromium lets Access-Control-Allow-Headers: * cover Authorization',
    client: tryFetch("fetch(url('api', '/d'), { headers: { Authorization: 'Bearer t' } })", 'log(r.status)'),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Headers': '*' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'ok', preflight: true }],
    log: ['200'],
  },
  {
    name: 'Firefox, as its source reads, lets * cover Authorization too (its pref defaults to true)',
    engine: 'firefox',
    client: tryFetch("fetch(url('api', '/d'), { headers: { Authorization: 'Bearer t' } })", 'log(r.status)'),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Headers': '*' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'ok', preflight: true, console: null }],
  },
  {
    name: 'Chromium safelists DPR and Save-Data, so they cost no preflight',
    client: "await fetch(url('api', '/d'), { headers: { DPR: '2', 'Save-Data': 'on' } }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'ok', preflight: false }],
  },
  {
    name: 'the WebKit model preflights DPR',
    engine: 'webkit',
    client: "await fetch(url('api', '/d'), { headers: { DPR: '2' } }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'blocked', preflight: true, reasons: ['header dpr is not CORS-safelisted'], blockedBy: 'acah-missing-header' }],
  },
  {
    name: 'a string body is text/plain and a URLSearchParams body is a form: neither needs a preflight',
    client: "await fetch(url('api', '/d'), { method: 'POST', body: 'hi' });\nawait fetch(url('api', '/d'), { method: 'POST', body: new URLSearchParams('a=1') });\nawait fetch(url('api', '/d'), { method: 'POST', body: { toString() { return 'o'; } } });",
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } },
    requests: [{ preflight: false }, { preflight: false }, { preflight: false }],
    exchanges: [
      'POST api/d origin={origin} content-type=text/plain;charset=UTF-8',
      'POST api/d origin={origin} content-type=application/x-www-form-urlencoded;charset=UTF-8',
      'POST api/d origin={origin} content-type=text/plain;charset=UTF-8',
    ],
  },
  {
    name: 'a JSON Content-Type set by the page costs a preflight that names content-type',
    client: "await fetch(url('api', '/d'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(() => {});",
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Headers': 'Content-Type' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'ok', preflight: true }],
    exchanges: ['OPTIONS api/d origin={origin} acrm=POST acrh=content-type', 'POST api/d origin={origin} content-type=application/json'],
  },
  {
    name: 'fetch refuses a body with GET, a forbidden method, a malformed method, a bad enum and a bad header before sending anything',
    client: [
      "fetch(url('api', '/d'), { body: 'x' })",
      "fetch(url('api', '/d'), { method: 'TRACE' })",
      "fetch(url('api', '/d'), { method: 'a b' })",
      "fetch(url('api', '/d'), { credentials: 'bogus' })",
      "fetch(url('api', '/d'), { mode: 'navigate' })",
      "fetch(url('api', '/d'), { headers: { 'a b': '1' } })",
      "fetch(url('api', '/d'), { headers: { a: 'x\\u0100' } })",
    ].map((call) => tryFetch(call)).join('\n'),
    requests: [
      { outcome: 'error', blockedBy: 'body-with-get-or-head' }, { outcome: 'error', blockedBy: 'forbidden-method', method: 'TRACE' },
      { outcome: 'error', blockedBy: 'invalid-method' }, { outcome: 'error', blockedBy: 'invalid-init' }, { outcome: 'error', blockedBy: 'invalid-init' },
      { outcome: 'error', blockedBy: 'invalid-header' }, { outcome: 'error', blockedBy: 'invalid-header' },
    ],
    log: [
      "TypeError Failed to execute 'fetch' on 'Window': Request with GET/HEAD method cannot have body.",
      "TypeError Failed to execute 'fetch' on 'Window': 'TRACE' HTTP method is unsupported.",
      "TypeError Failed to execute 'fetch' on 'Window': 'a b' is not a valid HTTP method.",
      "TypeError Failed to execute 'fetch' on 'Window': Failed to read the 'credentials' property from 'RequestInit': The provided value 'bogus' is not a valid enum value of type RequestCredentials.",
      "TypeError Failed to execute 'fetch' on 'Window': Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.",
      "TypeError Failed to execute 'fetch' on 'Window': Invalid name",
      "TypeError Failed to execute 'fetch' on 'Window': Failed to read the 'headers' property from 'RequestInit': String contains non ISO-8859-1 code point.",
    ],
    exchanges: [],
  },
  {
    name: 'a URL that does not parse rejects without a record; a relative URL, or an object as a string, resolves against the page',
    client: `${tryFetch("fetch('http://[')")}\n${tryFetch("fetch('/here')", 'log(r.url, r.type)')}\n${tryFetch("fetch(new URL('/here', origin('app')))", 'log(r.status)')}\n${tryFetch("fetch({ url: origin('app') + '/here' })", 'log(r.status)')}`,
    servers: { app: { routes: [{ path: '/here' }] } },
    requests: [{ url: '{origin}/here', outcome: 'ok' }, { url: '{origin}/here', outcome: 'ok' }, { url: '{origin}/__cors-playground/[object%20Object]', outcome: 'ok', status: 404 }],
    log: ["TypeError Failed to execute 'fetch' on 'Window': Failed to parse URL from http://[", '{origin}/here basic', '200', '404'],
  },
  {
    name: 'the response reads its body once, as text or JSON, with the status text Node sends',
    client: "const r = await fetch(url('api', '/d'));\nlog(r.ok, r.status, r.statusText, r.bodyUsed);\nconst copy = r.clone();\nlog(JSON.stringify(await r.json()), r.bodyUsed);\ntry { await r.text(); } catch (e) { log(e.name, e.message); }\ntry { r.clone(); } catch (e) { log(e.name, e.message); }\nlog(await copy.text());\nconst odd = await fetch(url('api', '/odd'));\nlog(odd.status, odd.statusText, odd.ok);\ntry { await odd.json(); } catch (e) { log(e.name); }",
    servers: { api: { routes: [{ path: '/d', status: 201, headers: ACAO_ANY, body: '{"a":1}' }, { path: '/odd', status: 599, headers: ACAO_ANY, body: 'nope' }] } },
    requests: [{ status: 201 }, { status: 599 }],
    log: ['true 201 Created false', '{"a":1} true', "TypeError Failed to execute 'text' on 'Response': body stream already read", "TypeError Failed to execute 'clone' on 'Response': Response body is already used", '{"a":1}', '599 unknown false', 'SyntaxError'],
  },
  {
    name: 'a 204 and a HEAD have empty bodies, and a 204 has no Content-Length',
    client: "const a = await fetch(url('api', '/n')); log(a.status, JSON.stringify(await a.text()));\nconst b = await fetch(url('api', '/h'), { method: 'HEAD' }); log(b.status, JSON.stringify(await b.text()), b.headers.get('content-length'));",
    servers: { api: { routes: [{ path: '/n', status: 204, headers: ACAO_ANY, body: 'ignored' }, { path: '/h', headers: ACAO_ANY, body: 'abc' }] } },
    requests: [{ visibleHeaders: [] }, { visibleHeaders: ['content-length'] }],
    log: ['204 ""', '200 "" 3'],
  },
  {
    name: 'a server that reflects the Origin it received works, and a same-origin POST sends Origin too',
    client: `${tryFetch("fetch(url('api', '/reflect'), { credentials: 'include' })", 'log(r.status)')}\n${tryFetch("fetch(url('app', '/p'), { method: 'POST' })", "log(r.headers.get('x-origin'))")}`,
    servers: {
      api: { routes: [{ path: '/reflect', headers: { 'Access-Control-Allow-Origin': '${request.origin}', 'Access-Control-Allow-Credentials': 'true' } }] },
      app: { routes: [{ path: '/p', headers: { 'X-Origin': '${request.origin}' } }] },
    },
    requests: [{ outcome: 'ok' }, { outcome: 'ok' }],
    log: ['200', '{origin}'],
  },
  {
    name: 'an unsupported body kind is noted, and its Content-Type still decides the preflight',
    client: "await fetch(url('api', '/d'), { method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) }).catch(() => {});\nawait fetch(url('api', '/d'), { method: 'POST', body: new FormData() });\nawait fetch(url('api', '/d'), { method: 'POST', body: new Uint8Array(2) });",
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'blocked', preflight: true }, { outcome: 'ok', preflight: false }, { outcome: 'ok', preflight: false }],
  },
  {
    name: 'a URL with a user name and password is a TypeError before anything is sent',
    client: tryFetch("fetch(url('api', '/d').replace('http://', 'http://user:secret@'))"),
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } },
    requests: [{ outcome: 'error', blockedBy: 'url-credentials', preflight: false, console: null }],
    log: ["TypeError Failed to execute 'fetch' on 'Window': Request cannot be constructed from a URL that includes credentials: http://user:secret@api-k3j9x.site-b.localhost:8080/d"],
    exchanges: [],
  },
  {
    name: 'a lower-case patch passes its preflight, then Fastify\'s parser answers 400 with no CORS header',
    client: tryFetch("fetch(url('api', '/d'), { method: 'patch', body: 'x' })"),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'patch' } }, { path: '/d', headers: ACAO_ANY }] } },
    requests: [{ method: 'patch', outcome: 'blocked', preflight: true, blockedBy: 'acao-missing',
      console: "Access to fetch at '{api}/d' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." }],
    exchanges: ['OPTIONS api/d origin={origin} acrm=patch'],
  },
  {
    name: 'a same-origin patch reads the 400: Fastify\'s JSON on the first port, a bare 400 on another',
    client: `${tryFetch("fetch(url('app', '/d'), { method: 'patch' })", "log(r.status, r.statusText, [...r.headers.keys()].join(','), await r.text())")}\n${tryFetch("fetch(url('app2', '/d'), { method: 'FOO' })", "log(r.status)")}`,
    servers: { app: { routes: [{ path: '/d', method: '*' }] }, app2: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'FOO' } }] } },
    requests: [{ outcome: 'ok', status: 400, visibleHeaders: ['content-length', 'content-type'] }, { outcome: 'blocked', preflight: true, blockedBy: 'acao-missing' }],
    log: ['400 Bad Request content-length,content-type {"error":"Bad Request","message":"Client Error","statusCode":400}', 'TypeError Failed to fetch'],
    exchanges: ['OPTIONS app2/d origin={origin} acrm=FOO'],
  },
  {
    name: 'every request carries Host, which a route can reflect',
    client: tryFetch("fetch(url('api', '/d'))", "log(await r.text())"),
    servers: { api: { routes: [{ path: '/d', headers: ACAO_ANY, body: '${request.header:host}' }] } },
    requests: [{ outcome: 'ok' }],
    log: ['api-k3j9x.site-b.localhost:8080'],
  },
  {
    name: 'a Request object carries its method, headers and body into fetch, and its body is used once',
    client: [
      "const a = new Request(url('api', '/d'), { method: 'put', headers: { 'X-A': '1' }, body: 'b' }); log(a.method, a.mode, a.credentials, a.redirect, a.headers.get('content-type'), a.bodyUsed, String(a));",
      "try { new Request(url('api', '/d'), { method: 'CONNECT' }); } catch (e) { log(e.name, e.message); }",
      "try { new Request('http://u:p@x.example/'); } catch (e) { log(e.name, e.message); }",
      "try { new Request('http://[x'); } catch (e) { log(e.name, e.message); }",
      "const copy = a.clone(); log(await copy.text(), copy.bodyUsed); try { await copy.text(); } catch (e) { log(e.name); } try { copy.clone(); } catch (e) { log(e.name); }",
      "try { const r = await fetch(a); log(r.status, a.bodyUsed); } catch (e) { log(e.name, e.message); }",
      "try { await fetch(a); } catch (e) { log(e.name, e.message); }",
      "try { const r = await fetch(new Request(url('api', '/d')), { method: 'POST', body: 'z', mode: 'no-cors' }); log(r.type, r.status); } catch (e) { log(e.name, e.message); }",
      "try { new Request(url('api', '/d'), { mode: 'navigate' }); } catch (e) { log(e.name); }",
    ].join('\n'),
    servers: { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_APP, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-a' } }, { path: '/d', headers: ACAO_APP, body: 'ok' }] } },
    requests: [{ method: 'PUT', outcome: 'ok', preflight: true }, { method: 'PUT', outcome: 'error', blockedBy: 'body-used' }, { method: 'POST', outcome: 'opaque' }],
    log: [
      'PUT cors same-origin follow text/plain;charset=UTF-8 false [object Request]',
      "TypeError Failed to construct 'Request': 'CONNECT' HTTP method is unsupported.",
      "TypeError Failed to construct 'Request': Request cannot be constructed from a URL that includes credentials: http://u:p@x.example/",
      "TypeError Failed to construct 'Request': Failed to parse URL from http://[x",
      'b true', 'TypeError', 'TypeError',
      '200 true',
      "TypeError Failed to execute 'fetch' on 'Window': Cannot construct a Request with a Request object that has already been used.",
      'opaque 0',
      'TypeError',
    ],
  },
];
