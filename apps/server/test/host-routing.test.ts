import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaygroundApp } from '../src/app';
import { app, createSandbox, hostOf, scenario } from './helpers';

let playground: PlaygroundApp;
afterEach(() => playground?.app.close());

describe('host routing', () => {
  it('answers a sandbox host from its scenario and the playground host from the API', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const sandboxAnswer = await playground.app.inject({ url: '/data', headers: { host: hostOf(created.origins.api!) } });
    expect(sandboxAnswer.statusCode).toBe(200);
    expect(sandboxAnswer.body).toBe('data');
    const health = await playground.app.inject({ url: '/api/health', headers: { host: 'localhost:8080' } });
    expect(health.json()).toMatchObject({ ok: true, sandboxes: 1 });
    // The API path on a sandbox host is the sandbox's, not the playground's.
    const apiOnSandbox = await playground.app.inject({ url: '/api/health', headers: { host: hostOf(created.origins.api!) } });
    expect(apiOnSandbox.statusCode).toBe(404);
  });

  it('builds host names from label, sandbox id and site, one DNS label each', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    expect(created.id).toMatch(/^[a-z2-7]{16}$/);
    expect(created.origins.app).toBe(`http://app-${created.id}.site-a.localhost:8080`);
    expect(created.origins.api).toBe(`http://api-${created.id}.site-b.localhost:8080`);
    expect(created.origins.app2).toBe(`http://app-${created.id}.site-a.localhost:8081`);
    expect(created.runUrl).toBe(`${created.origins.app}/__cors-playground/run`);
  });

  it('tells two origins that differ by port only apart', async () => {
    playground = await app();
    const created = await createSandbox(
      playground,
      scenario({
        servers: {
          app: { routes: [{ path: '/who', body: 'app' }] },
          app2: { routes: [{ path: '/who', body: 'app2' }] },
        },
      }),
    );
    const onFirst = await playground.app.inject({ url: '/who', headers: { host: hostOf(created.origins.app!) } });
    const onSecond = await playground.app.inject({ url: '/who', headers: { host: hostOf(created.origins.app2!) } });
    expect([onFirst.body, onSecond.body]).toEqual(['app', 'app2']);
  });

  it('answers an unknown sandbox host with a page that says it expired', async () => {
    playground = await app();
    const answer = await playground.app.inject({ url: '/data', headers: { host: 'api-aaaaaaaaaaaaaaaa.site-b.localhost:8080' } });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('expired or never existed');
  });

  it('deletes a sandbox on request, so its hosts answer as expired and its slot is free', async () => {
    playground = await app({ maxSandboxesPerClient: 1 });
    const created = await createSandbox(playground);
    const deleted = await playground.app.inject({ method: 'DELETE', url: `/api/sandboxes/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    const answer = await playground.app.inject({ url: '/data', headers: { host: hostOf(created.origins.api!) } });
    expect(answer.body).toContain('expired');
    await createSandbox(playground);
    const third = await playground.app.inject({ method: 'POST', url: '/api/sandboxes', payload: scenario() });
    expect(third.statusCode).toBe(429);
  });

  it('gives every sandbox its own unguessable id', async () => {
    playground = await app();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await createSandbox(playground)).id);
    expect(ids.size).toBe(20);
  });

  it('deletes idle sandboxes so their hosts answer as expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      playground = await app({ idleMs: 60_000 });
      const created = await createSandbox(playground);
      vi.setSystemTime(Date.now() + 61_000);
      playground.store.sweep();
      const answer = await playground.app.inject({ url: '/data', headers: { host: hostOf(created.origins.api!) } });
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toContain('expired');
    } finally {
      vi.useRealTimers();
    }
  });
});
