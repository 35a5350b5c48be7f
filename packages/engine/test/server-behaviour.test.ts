import { describe, expect, it } from 'vitest';
import { LIMITS } from '@cors-playground/scenario';
import { API, APP, run } from './support';

describe('the modelled servers: proxy, echo and the request cap', () => {
  it('predicts the same-origin proxy: the direct call is blocked, the proxied one reads the API, and the API logs the forwarded request', async () => {
    const result = await run(
      "for (const target of [url('api', '/data'), '/api/data']) {\n  try { const r = await fetch(target); log(r.status, await r.text()); } catch (e) { log(e.name); }\n}",
      {
        app: { routes: [{ path: '/api/*', proxy: { to: 'api', path: '/*' } }] },
        api: { routes: [{ path: '/data', body: '${request.method} ${request.path} via ${request.header:via}' }] },
      },
    );
    expect(result.requests.map((record) => record.outcome)).toEqual(['blocked', 'ok']);
    expect(result.log).toEqual(['TypeError', '200 GET /data via 1.1 app']);
    expect(result.exchanges.map(({ label, url, via }) => [label, url, via])).toEqual([
      ['api', `${API}/data`, undefined],
      ['api', `${API}/data`, 'app'],
      ['app', `${APP}/api/data`, undefined],
    ]);
  });

  it('echoes the body the client sent, as the sandbox server reads it', async () => {
    const result = await run(
      "const r = await fetch(url('api', '/echo?q=1'), { method: 'POST', body: new URLSearchParams({ a: '1', b: 'é' }) });\nlog(await r.text());",
      { api: { routes: [{ path: '/echo', headers: { 'Access-Control-Allow-Origin': '*' }, body: '${request.method} ${request.path} ${request.body}' }] } },
    );
    expect(result.log).toEqual(['POST /echo?q=1 a=1&b=%C3%A9']);
  });

  it('answers past the request cap with 429 and no CORS header, so the browser blocks it, and notes the cap', async () => {
    const result = await run(
      `let blocked = 0;\nfor (let i = 0; i < ${LIMITS.requestsPerRun + 2}; i++) { try { await fetch(url('api', '/data')); } catch { blocked++; } }\nlog(blocked);`,
      { api: { routes: [{ path: '/data', headers: { 'Access-Control-Allow-Origin': '*' } }] } },
    );
    expect(result.log).toEqual(['2']);
    expect(result.exchanges.at(-1)?.response.status).toBe(429);
    expect(result.notes.map((note) => note.detail)).toContainEqual(expect.stringMatching(/request cap was hit: past 500 requests .* answered 2 more with 429/));
  });
});
