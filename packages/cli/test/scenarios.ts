/** Small scenarios the verify tests run in real Chromium. */

export const GET_ALLOWED = {
  version: 1,
  title: 'A GET allowed by Access-Control-Allow-Origin',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "const r = await fetch(url('api', '/data')); log(r.status, await r.text());",
  servers: { api: { routes: [{ path: '/data', method: 'GET', headers: { 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'ok' }] } },
};

export const GET_BLOCKED = {
  version: 1,
  title: 'A GET without Access-Control-Allow-Origin is blocked',
  origins: { app: { site: 'a' }, api: { site: 'b' } },
  page: 'app',
  client: "try { await fetch(url('api', '/data')); } catch (e) { log(e.name, e.message); }",
  servers: { api: { routes: [{ path: '/data', method: 'GET', body: 'secret' }] } },
};

/**
 * An honest disagreement: the model runs client code in node:vm with no DOM (packages/cli/src/predict.ts),
 * so `typeof document` is "undefined" predicted and "object" in Chromium.
 */
export const READS_THE_DOM = {
  version: 1,
  title: 'Client code that reads the DOM',
  origins: { app: { site: 'a' } },
  page: 'app',
  client: 'log(typeof document);',
  servers: {},
};

/** Client code that takes longer than a test waits, for interrupting a run. */
export const SLOW = {
  version: 1,
  title: 'Client code that waits eight seconds',
  origins: { app: { site: 'a' } },
  page: 'app',
  client: "await new Promise((resolve) => setTimeout(resolve, 8000)); log('done');",
  servers: {},
};

export const INVALID = { version: 1, origins: { App: {} }, page: 'x', servers: { api: { routes: [{ path: 'data', method: 'FOO' }] } } };
