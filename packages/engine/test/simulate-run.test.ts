import { describe, expect, it } from 'vitest';
import { liveOrigins } from '@cors-playground/scenario';
import { simulate } from '../src/index';
import { ADDRESSING, evaluateInFunction, line, run, scenario } from './support';

describe('a simulated run', () => {
  it('gives the client origin(), url() and log() as the harness does', async () => {
    const result = await run("log(origin('api'), url('api', '/x'), url('api', 'y'), url('app'));\nlog(1, true, null, { a: 1 }, [2], undefined, new TypeError('t'));\norigin('nope');");
    expect(result.log).toEqual([
      line('{api} {api}/x {api}/y {origin}/'),
      '1 true null {"a":1} [2] undefined TypeError: t',
    ]);
    expect(result.end).toBe('threw');
    expect(result.error).toBe('ReferenceError: origin(\'nope\'): no origin "nope" (origins: app, api, cdn, app2, bank)');
  });

  it('ends "finished" with no error when the client code returns', async () => {
    const result = await run("log('hi')");
    expect([result.end, result.error, result.requests, result.notes]).toEqual(['finished', null, [], []]);
  });

  it('ends "threw" with Name: message, and with the value for a thrown non-error', async () => {
    expect((await run("throw new RangeError('bad')")).error).toBe('RangeError: bad');
    expect((await run("throw 'plain'")).error).toBe('plain');
  });

  it('ends "timeout" when the client code does not settle in time, keeping what happened before', async () => {
    const result = await run("log('before'); await new Promise(() => {});", {}, { timeoutMs: 50 });
    expect(result).toMatchObject({ end: 'timeout', error: 'the client code did not finish within 0.05 s', log: ['before'] });
  });

  it('waits for requests the client code did not await', async () => {
    const result = await run("fetch(url('api', '/d')).then((r) => log('late', r.status)); log('first');", { api: { routes: [{ path: '/d', headers: { 'Access-Control-Allow-Origin': '*' } }] } });
    expect(result.log).toEqual(['first', 'late 200']);
    expect(result.requests[0]!.outcome).toBe('ok');
  });

  it('settles concurrent requests without timers, in the order they were made', async () => {
    const result = await run("const [a, b] = await Promise.all([fetch(url('api', '/a')), fetch(url('api', '/b'))]); log(a.url.endsWith('/a'), b.url.endsWith('/b'));", {
      api: { routes: [{ path: '/*', headers: { 'Access-Control-Allow-Origin': '*' } }] },
    });
    expect(result.log).toEqual(['true true']);
    expect(result.exchanges.map((exchange) => exchange.url)).toEqual([line('{api}/a'), line('{api}/b')]);
  });

  it('uses Chromium by default and fills only the simulated engine\'s console line', async () => {
    const client = "await fetch(url('api', '/d')).catch(() => {});";
    const chromium = await run(client);
    const webkit = await run(client, {}, { engine: 'webkit' });
    const firefox = await run(client, {}, { engine: 'firefox' });
    expect(chromium.requests[0]!.console.chromium).toMatch(/^Access to fetch at/);
    expect(webkit.requests[0]!.console).toEqual({
      chromium: null, firefox: null, webkit: line('Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: 404\nFetch API cannot load {api}/d due to access control checks.'),
    });
    expect(firefox.requests[0]!.console.firefox).toBe(line("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {api}/d. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404."));
  });

  it('reaches an https origin through its own port', async () => {
    const result = await run("const r = await fetch(url('bank', '/d')); log(r.url);", { bank: { routes: [{ path: '/d', headers: { 'Access-Control-Allow-Origin': '*' } }] } });
    expect(result.log).toEqual(['https://bank-k3j9x.site-c.localhost:8443/d']);
  });

  it('explains each request with verdicts that link to the Fetch standard', async () => {
    const result = await run("await fetch(url('api', '/d'), { method: 'PUT' }).catch(() => {});");
    const verdicts = result.traces[0]!.verdicts;
    expect(verdicts.map((verdict) => verdict.result)).toEqual(['info', 'info', 'fail']);
    expect(verdicts.every((verdict) => verdict.spec.startsWith('https://fetch.spec.whatwg.org/#'))).toBe(true);
    expect(verdicts.at(-1)!.blockedBy).toBe('preflight-acao-missing');
  });

  it('refuses a scenario whose page has no live origin', async () => {
    const validated = scenario('');
    const origins = liveOrigins(validated, ADDRESSING);
    delete (origins as Record<string, unknown>).app;
    await expect(simulate({ scenario: validated, origins, evaluate: evaluateInFunction })).rejects.toThrow('page: no live origin "app"');
  });
});
