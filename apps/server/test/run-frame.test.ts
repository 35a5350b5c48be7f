import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundApp } from '../src/app';
import { app, createSandbox, hostOf } from './helpers';

let playground: PlaygroundApp;
afterEach(() => playground?.app.close());

describe('the run frame page (the "frame" run context outside the web app)', () => {
  it('frames the sandbox\'s harness page from the playground origin, sandboxed as the web app frames it', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const page = await playground.app.inject({ url: `/run-frame/${created.id}`, headers: { host: 'localhost:8080' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`<iframe src="${created.runUrl}" sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-modals"`);
  });

  it('answers 404 for a sandbox it does not hold, and is not served on sandbox hosts', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const missing = await playground.app.inject({ url: '/run-frame/aaaaaaaaaaaaaaaa', headers: { host: 'localhost:8080' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'sandbox-not-found' });
    const onSandbox = await playground.app.inject({ url: `/run-frame/${created.id}`, headers: { host: hostOf(created.origins.app!) } });
    expect(onSandbox.body).not.toContain('<iframe');
  });
});
