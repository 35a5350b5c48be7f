import { describe, expect, it } from 'vitest';
import { liveOrigins } from '@cors-playground/scenario';
import { answerChangesOf, applyAnswerChanges, simulate } from '../src/index';
import { FIX_CASES } from './data/fix-cases';
import { ADDRESSING, evaluateInFunction, scenario } from './support';

async function predict(client: string, servers: Parameters<typeof scenario>[1], engine: (typeof FIX_CASES)[number]['engine']) {
  const validated = scenario(client, servers);
  return { validated, result: await simulate({ scenario: validated, origins: liveOrigins(validated, ADDRESSING), evaluate: evaluateInFunction, engine }) };
}

describe('the smallest fix', () => {
  it.each(FIX_CASES)('$name', async ({ client, servers, engine, request = 0, fix: expected }) => {
    const { validated, result } = await predict(client, servers, engine);
    const fix = result.requests[request]!.fix ?? null;
    if (expected === null) {
      expect(fix).toBeNull();
      return;
    }
    expect(fix).not.toBeNull();
    if (typeof expected.summary === 'string') expect(fix!.summary).toBe(expected.summary);
    else expect(fix!.summary).toMatch(expected.summary);
    if (expected.headers) expect(fix!.headers.map((header) => `${header.origin} ${header.method} ${header.path} ${header.name}: ${header.value}`)).toEqual(expected.headers);
    if (expected.unsafe !== undefined) expect(fix!.unsafe !== null).toBe(expected.unsafe);
    // The fix was tried: applied to the scenario (the page's mode change by hand), the request succeeds.
    const changes = answerChangesOf(fix!);
    if (changes.length === 0) return;
    const patched = applyAnswerChanges(validated, changes);
    const again = await simulate({
      scenario: { ...patched, client: patched.client.replace(/mode: '(no-cors|same-origin)'/, "mode: 'cors'") },
      origins: liveOrigins(validated, ADDRESSING), evaluate: evaluateInFunction, engine,
    });
    expect(again.requests[request]!.outcome).toBe('ok');
  });

  it('keeps the answers of other methods when it changes a route they share', () => {
    const validated = scenario('', { api: { routes: [{ path: '/d', method: '*', status: 302, headers: { Location: '/e' } }] } });
    const patched = applyAnswerChanges(validated, [{ origin: 'api', method: 'OPTIONS', path: '/d', headers: [{ name: 'access-control-allow-origin', value: '*' }], status: 204 }]);
    expect(patched.servers.api!.routes.map((route) => [route.method, route.status, route.headers])).toEqual([
      ['OPTIONS', 204, { Location: '/e', 'access-control-allow-origin': '*' }],
      ['*', 302, { Location: '/e' }],
    ]);
    const again = applyAnswerChanges(patched, [{ origin: 'api', method: 'OPTIONS', path: '/d', headers: [{ name: 'Access-Control-Allow-Origin', value: 'x' }] }]);
    expect(again.servers.api!.routes[0]!.headers).toEqual({ Location: '/e', 'Access-Control-Allow-Origin': 'x' });
  });
});
