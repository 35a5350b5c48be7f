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

  it('lets the page frame only the sandbox page origin, be framed only by the playground, and send no Referer', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const page = await playground.app.inject({ url: `/run-frame/${created.id}`, headers: { host: 'localhost:8080' } });
    const policy = String(page.headers['content-security-policy']).split(/;\s*/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`frame-src ${new URL(created.runUrl).origin}`);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers 404 for a sandbox it does not hold, and is not served on sandbox hosts', async () => {
    playground = await app();
    const created = await createSandbox(playground);
    const missing = await playground.app.inject({ url: '/run-frame/aaaaaaaaaaaaaaaa', headers: { host: 'localhost:8080' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'sandbox-not-found' });
    const onSandbox = await playground.app.inject({ url: `/run-frame/${created.id}`, headers: { host: hostOf(created.origins.app!) } });
    // The sandbox's own answer: its origin "app" has no such route.
    expect(onSandbox.statusCode).toBe(404);
    expect(onSandbox.body).toBe(`No route of origin "app" matches GET /run-frame/${created.id}.`);
  });
});
