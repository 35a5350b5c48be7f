import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/run/sandbox-api';

const scenario = { version: 1 as const, origins: { app: {} }, page: 'app' };
const live = { app: { label: 'app', scheme: 'http', host: 'app-x.site-app.localhost', port: 8080, site: 'app', origin: 'http://app-x.site-app.localhost:8080' } };
const created = { id: 'x', origins: { app: live.app.origin }, live, runUrl: `${live.app.origin}/__cors-playground/run`, eventsUrl: '/api/sandboxes/x/events', expiresAt: '2030-01-01T00:00:00Z' };

const answering = (status: number, body: unknown): typeof fetch => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe('creating a sandbox', () => {
  it('posts the scenario as JSON and returns the sandbox', async () => {
    let sent: RequestInit | undefined;
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      sent = init;
      return new Response(JSON.stringify(created), { status: 201 });
    }) as typeof fetch;
    expect(await createSandbox(fetchImpl, scenario)).toEqual({ ok: true, sandbox: created });
    expect(sent?.method).toBe('POST');
    expect(JSON.parse(String(sent?.body))).toEqual(scenario);
  });

  it('returns the server’s validation errors for a bad scenario', async () => {
    const result = await createSandbox(answering(400, { error: 'invalid-scenario', message: 'page: names no origin', errors: [{ path: 'page', message: 'names no origin' }] }), scenario);
    expect(result).toEqual({ ok: false, message: 'page: names no origin', errors: [{ path: 'page', message: 'names no origin' }] });
  });

  it('explains a refusal without validation errors, such as too many sandboxes', async () => {
    const result = await createSandbox(answering(429, { error: 'too-many', message: 'this client holds its limit' }), scenario);
    expect(result).toEqual({ ok: false, message: 'this client holds its limit', errors: [] });
  });

  it('says so when the server cannot be reached', async () => {
    const result = await createSandbox((async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch, scenario);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Could not reach') });
  });

  it('refuses a 201 whose body is not a sandbox description', async () => {
    expect(await createSandbox(answering(201, { id: 1 }), scenario)).toMatchObject({ ok: false });
  });
});
