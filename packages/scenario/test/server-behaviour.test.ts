import { describe, expect, it } from 'vitest';
import { answerRequest, assertScenario, expandTemplates, forwardedPath, validateScenario, type ScenarioInput } from '../src/index';

const ORIGINS = { app: 'http://app.test:8080', api: 'http://api.test:8080' };

function scenario(servers: ScenarioInput['servers']): ScenarioInput {
  return { version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app', servers };
}

function errorsOf(input: ScenarioInput): string[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe('request templates', () => {
  it('expand the method, the path with its query and the body; without a request they are empty', () => {
    const context = { origins: {}, requestHeaders: {}, request: { method: 'PATCH', path: '/a?b=1', body: 'x\ny' } };
    expect(expandTemplates('${request.method} ${request.path} [${request.body}]', context)).toBe('PATCH /a?b=1 [x\ny]');
    expect(expandTemplates('[${request.body}]', { origins: {}, requestHeaders: {} })).toBe('[]');
  });

  it('refuse ${request.body} in a header value, naming the header', () => {
    expect(errorsOf(scenario({ api: { routes: [{ path: '/x', headers: { 'X-Echo': '${request.body}' }, body: '${request.body}' }] } }))).toEqual([
      'servers.api.routes[0].headers.X-Echo: ${request.body} may be used in a body only (a body may hold line breaks, which a header value cannot)',
    ]);
  });
});

describe('proxy routes', () => {
  it('must name an origin of the sandbox, have no answer of their own and a path that starts with /', () => {
    expect(errorsOf(scenario({ app: { routes: [{ path: '/api/*', proxy: { to: 'elsewhere' } }] } }))).toEqual([
      'servers.app.routes[0].proxy.to: names no origin (origins: app, api); a proxy forwards only to an origin of this sandbox',
    ]);
    expect(errorsOf(scenario({ app: { routes: [{ path: '/a', body: 'hi', proxy: { to: 'api' } }] } }))).toEqual([
      'servers.app.routes[0].body: cannot be set with proxy: the route answers with what the proxied origin answers',
    ]);
    expect(errorsOf(scenario({ app: { routes: [{ path: '/a', proxy: { to: 'api', path: 'data' } }] } }))).toEqual([
      'servers.app.routes[0].proxy.path: must start with / and hold no space or #',
    ]);
  });

  it('rewrite a /* prefix, keep the query, and default to the path as received', () => {
    const route = (path: string, to?: string) => assertScenario(scenario({ app: { routes: [{ path, proxy: { to: 'api', ...(to ? { path: to } : {}) } }] } })).servers.app!.routes[0]!;
    expect(forwardedPath(route('/api/*', '/*'), '/api/items/7?x=1')).toBe('/items/7?x=1');
    expect(forwardedPath(route('/api/*', '/*'), '/api')).toBe('/');
    expect(forwardedPath(route('/api/*', '/v2/*'), '/api/')).toBe('/v2/');
    expect(forwardedPath(route('/data', '/other'), '/data?y=2')).toBe('/other?y=2');
    expect(forwardedPath(route('/data'), '/data?y=2')).toBe('/data?y=2');
  });

  it('forward the headers a reverse proxy forwards: Host rewritten, hop-by-hop dropped, Origin and Cookie kept, Via added', () => {
    const validated = assertScenario(scenario({
      app: { routes: [{ path: '/p', proxy: { to: 'api', path: '/q' } }] },
      api: { routes: [{ path: '/q', body: 'ok' }] },
    }));
    const answer = answerRequest(validated, ORIGINS, 'app', {
      method: 'POST', path: '/p', body: 'b',
      headers: { host: 'app.test:8080', origin: 'http://app.test:8080', cookie: 's=1', connection: 'keep-alive', 'content-type': 'text/plain' },
    });
    expect(answer.body).toBe('ok');
    expect(answer.forwarded?.[0]?.requestHeaders).toEqual([
      ['host', 'api.test:8080'], ['origin', 'http://app.test:8080'], ['cookie', 's=1'], ['content-type', 'text/plain'], ['via', '1.1 app'],
    ]);
  });
});
