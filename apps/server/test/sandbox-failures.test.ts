import { afterEach, describe, expect, it } from 'vitest';
import { assertScenario, validateScenario } from '@cors-playground/scenario';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest, scenario } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a sandbox answer that fails', () => {
  it('refuses a route header value Node cannot write, naming the header', () => {
    const input = scenario({ servers: { api: { routes: [{ path: '/data', headers: { 'X-Name': 'Zoë', 'X-Arrow': 'a → b' } }] } } });
    const result = validateScenario(input);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'servers.api.routes[0].headers.X-Arrow', message: 'holds a character Node cannot send in a header value (a control character other than tab, or one above U+00FF)' },
    ]);
  });

  it('answers 500 instead of leaving the request hanging when writing the answer throws', async () => {
    server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
    // A value the schema refuses, put in behind its back: writeHead throws ERR_INVALID_CHAR on it.
    const valid = assertScenario(scenario());
    valid.servers.api!.routes[0]!.headers['X-Arrow'] = 'a → b';
    const sandbox = server.playground.store.create(valid, 'test');
    const answer = await rawRequest(server.ports.http[0]!, { host: hostOf(sandbox.origins.api!.origin), path: '/data' });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('failed to answer');
    // The server goes on answering.
    const again = await rawRequest(server.ports.http[0]!, { host: hostOf(sandbox.origins.api!.origin), path: '/nothing' });
    expect(again.status).toBe(404);
  });
});
