import { describe, expect, it } from 'vitest';
import { answerRequest, assertScenario, formatError, validateScenario, websocketAnswer } from '../src/index';

const ORIGINS = { app: 'http://app.test', api: 'http://api.test' };

function routes(list: unknown[]) {
  return { version: 1, origins: { app: { site: 'a' }, api: { site: 'b' } }, page: 'app', servers: { api: { routes: list } } };
}

describe('route fields websocket and postMessage', () => {
  it('name the exact field when a template names no origin', () => {
    const result = validateScenario(routes([{ path: '/s', websocket: { origins: ['${origin:nope}'] } }, { path: '/p', postMessage: { targetOrigin: '${origin:zz}' } }]));
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'servers.api.routes[0].websocket.origins[0]: ${origin:nope} names no origin (origins: app, api)',
      'servers.api.routes[1].postMessage.targetOrigin: ${origin:zz} names no origin (origins: app, api)',
    ]);
  });

  it('websocket: accepts any Origin with true, only listed ones with origins (403 else), and a plain route fails with its own answer', () => {
    const scenario = assertScenario(routes([{ path: '/any', websocket: true }, { path: '/app', websocket: { origins: ['${origin:app}'] } }, { path: '/plain', body: 'x' }]));
    const ask = (path: string, origin: string) => websocketAnswer(scenario, ORIGINS, 'api', { method: 'GET', path, headers: { origin } });
    expect(ask('/any', 'http://evil.test')).toMatchObject({ accepted: true, status: 101 });
    expect(ask('/app', 'http://app.test')).toMatchObject({ accepted: true, status: 101 });
    expect(ask('/app', 'http://evil.test')).toMatchObject({ accepted: false, status: 403 });
    expect(ask('/plain', 'http://app.test')).toMatchObject({ accepted: false, status: 200, body: 'x' });
    expect(ask('/none', 'http://app.test')).toMatchObject({ accepted: false, status: 404, routeIndex: null });
  });

  it('postMessage: the route answers an HTML page around its body that posts the expanded data and targetOrigin', () => {
    const scenario = assertScenario(routes([{ path: '/w', body: '<title>W</title>', postMessage: { data: 'hi </script>', targetOrigin: '${origin:app}' } }]));
    const answer = answerRequest(scenario, ORIGINS, 'api', { method: 'GET', path: '/w', headers: {} });
    expect(answer.headers).toContainEqual(['content-type', 'text/html; charset=utf-8']);
    expect(String(answer.body)).toContain('<title>W</title>');
    expect(String(answer.body)).toContain('peer.postMessage("hi \\u003c/script>", "http://app.test")');
  });
});
