import { describe, expect, it } from 'vitest';
import { assertScenario } from '@cors-playground/scenario';
import { predictScenario } from '../src/index';

const scenario = (client: string) =>
  assertScenario({
    version: 1,
    origins: { app: { site: 'a' }, api: { site: 'b' }, alt: { host: 'app', port: 1 } },
    page: 'app',
    client,
    servers: { api: { routes: [{ path: '/data', headers: { 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'ok' }] } },
  });

describe('predictScenario', () => {
  it('builds the default live origins and predicts each request', async () => {
    const prediction = await predictScenario(scenario("const r = await fetch(url('api', '/data')); log(r.status, await r.text());"));
    expect(prediction.origins.api!.origin).toBe('http://api-k3j9x.site-b.localhost:8080');
    expect(prediction.origins.alt!.origin).toBe('http://app-k3j9x.site-a.localhost:8081');
    expect(prediction.requests).toMatchObject([{ api: 'fetch', url: 'http://api-k3j9x.site-b.localhost:8080/data', outcome: 'ok', status: 200 }]);
    expect(prediction.log).toEqual(['200 ok']);
    expect(prediction.end).toBe('finished');
  });

  it('uses the sandbox id, ports and domain it is given', async () => {
    const prediction = await predictScenario(scenario(''), { sandboxId: 'zz9', ports: { http: [3000, 3001], https: [] }, domain: 'example.test' });
    expect(prediction.origins.app!.origin).toBe('http://app-zz9.site-a.example.test:3000');
  });

  it('runs the client code in a fresh context without require, process or console', async () => {
    const prediction = await predictScenario(scenario('log(typeof require, typeof process, typeof console, typeof globalThis.fetch, typeof URL, typeof setTimeout);'));
    expect(prediction.log).toEqual(['undefined undefined undefined function function function']);
  });

  it('lets the client code wait on timers, and clears the ones left behind', async () => {
    const prediction = await predictScenario(scenario("await new Promise((resolve) => setTimeout(resolve, 5, 'x')); const t = setTimeout(() => log('never'), 60_000); clearTimeout(setTimeout(() => {}, 1)); setTimeout(() => log('too late'), 60_000); log('done');"));
    expect(prediction.log).toEqual(['done']);
    expect(prediction.end).toBe('finished');
  });

  it('refuses a string as a timer callback', async () => {
    expect((await predictScenario(scenario("setTimeout('log(1)', 0)"))).error).toBe('TypeError: setTimeout: the callback must be a function');
  });

  it('stops a synchronous endless loop with node:vm\'s timeout', async () => {
    const prediction = await predictScenario(scenario('while (true) {}'), { syncTimeoutMs: 50 });
    expect(prediction.end).toBe('threw');
    expect(prediction.error).toMatch(/timed out/);
  });

  it('stops client code that never settles with the run timeout', async () => {
    const prediction = await predictScenario(scenario('await new Promise(() => {});'), { timeoutMs: 30 });
    expect([prediction.end, prediction.error]).toEqual(['timeout', 'the client code did not finish within 0.03 s']);
  });

  it('reports a syntax error as the client code throwing', async () => {
    const prediction = await predictScenario(scenario('log(('));
    expect(prediction.end).toBe('threw');
    expect(prediction.error).toMatch(/^SyntaxError: /);
  });
});
