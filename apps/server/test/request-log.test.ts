import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/listen';
import { hostOf, rawRequest, scenario } from './helpers';

let server: RunningServer;
afterEach(() => server?.close());

async function start(config: Record<string, unknown> = {}) {
  server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent', ...config });
  const response = await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario()) });
  return (await response.json()) as { id: string; origins: Record<string, string>; runUrl: string };
}

/** Reads server-sent events until `until` returns true for one of them. */
async function readEvents(url: string, until: (type: string) => boolean) {
  const response = await fetch(url);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ type: string; data: unknown }> = [];
  let buffer = '';
  while (!events.some((event) => until(event.type))) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type && data) events.push({ type, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

const finished = { observations: [], log: [], end: 'finished', error: null };

describe('the request log', () => {
  it('records every request header as received, including Origin and the preflight headers', async () => {
    const created = await start();
    await rawRequest(server.ports.http[0]!, {
      method: 'OPTIONS', host: hostOf(created.origins.api!), path: '/data',
      headers: { origin: created.origins.app!, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token', cookie: 'a=1' },
    });
    const log = await (await fetch(`${server.url}/api/sandboxes/${created.id}/log`)).json();
    expect(log.exchanges).toHaveLength(1);
    expect(log.exchanges[0]).toMatchObject({ label: 'api', method: 'OPTIONS', url: `${created.origins.api}/data`, response: { status: 404 }, routeIndex: null });
    expect(log.exchanges[0].requestHeaders).toEqual(expect.arrayContaining([
      ['origin', created.origins.app], ['access-control-request-method', 'PUT'], ['access-control-request-headers', 'x-token'], ['cookie', 'a=1'],
    ]));
  });

  it('streams exchanges, the harness report and the joined actual records as server-sent events', async () => {
    const created = await start();
    const host = hostOf(created.origins.app!);
    const port = server.ports.http[0]!;
    await rawRequest(port, { host, path: '/__cors-playground/run' });
    await rawRequest(port, { host: hostOf(created.origins.api!), path: '/data', headers: { origin: created.origins.app! } });
    const report = {
      observations: [{ api: 'fetch', method: 'GET', url: `${created.origins.api}/data`, settled: 'resolved', responseType: 'cors', status: 200, headers: ['content-length'], error: null }],
      log: ['200 data'], end: 'finished', error: null,
    };
    const posted = await rawRequest(port, { method: 'POST', host, path: '/__cors-playground/report', headers: { 'content-type': 'application/json', origin: created.origins.app! }, body: JSON.stringify(report) });
    expect(posted.status).toBe(204);
    const events = await readEvents(`${server.url}/api/sandboxes/${created.id}/events`, (type) => type === 'end');
    expect(events.map((event) => event.type)).toEqual(['exchange', 'report', 'actual', 'end']);
    expect(events[2]!.data).toMatchObject({ requests: [{ outcome: 'ok', status: 200, to: 'api', preflight: { sent: false } }], log: ['200 data'] });
  });

  it('refuses a report from another origin or none, a report that is not one, and a report too large', async () => {
    const created = await start();
    const port = server.ports.http[0]!;
    const host = hostOf(created.origins.app!);
    const post = (body: string, origin?: string) => rawRequest(port, { method: 'POST', host, path: '/__cors-playground/report', headers: origin ? { origin } : {}, body });
    await rawRequest(port, { host, path: '/__cors-playground/run' });
    expect((await post('{}', created.origins.api!)).status).toBe(403);
    expect((await post(JSON.stringify(finished))).status).toBe(403);
    expect((await post('{"observations": 1}', created.origins.app!)).status).toBe(400);
    const flood = { ...finished, log: Array.from({ length: 1_001 }, () => 'line') };
    expect((await post(JSON.stringify(flood), created.origins.app!)).status).toBe(400);
    const huge = { ...finished, log: ['x'.repeat(3 * 1024 * 1024)] };
    expect((await post(JSON.stringify(huge), created.origins.app!)).status).toBe(413);
  });

  it('tells at the run\'s end what the harness left out of its report past its limits', async () => {
    const created = await start();
    const port = server.ports.http[0]!;
    const host = hostOf(created.origins.app!);
    await rawRequest(port, { host, path: '/__cors-playground/run' });
    const report = { ...finished, log: ['kept'], dropped: { observations: 0, logLines: 500 } };
    await rawRequest(port, { method: 'POST', host, path: '/__cors-playground/report', headers: { origin: created.origins.app! }, body: JSON.stringify(report) });
    const events = await readEvents(`${server.url}/api/sandboxes/${created.id}/events`, (type) => type === 'end');
    expect(events.at(-1)).toEqual({ type: 'end', data: { reason: 'finished', dropped: { observations: 0, logLines: 500 } } });
  });

  it('takes one report per sandbox, only while its run is in progress: no report before the run page, none after the first', async () => {
    const created = await start();
    const port = server.ports.http[0]!;
    const host = hostOf(created.origins.app!);
    const post = (log: string[]) => rawRequest(port, { method: 'POST', host, path: '/__cors-playground/report', headers: { origin: created.origins.app! }, body: JSON.stringify({ ...finished, log }) });
    const reported = async () => ((await (await fetch(`${server.url}/api/sandboxes/${created.id}`)).json()) as { reported: boolean }).reported;
    expect((await post(['too early'])).status).toBe(409);
    await rawRequest(port, { host, path: '/__cors-playground/run' });
    expect(await reported()).toBe(false);
    expect((await post(['first'])).status).toBe(204);
    expect(await reported()).toBe(true);
    // The page served again (client code reloading it) reports again: refused, and the run stays as reported.
    expect((await rawRequest(port, { host, path: '/__cors-playground/run' })).status).toBe(200);
    expect((await post(['second'])).status).toBe(409);
    const events = await readEvents(`${server.url}/api/sandboxes/${created.id}/events`, (type) => type === 'end');
    expect(events.filter((event) => event.type === 'report').map((event) => (event.data as { log: string[] }).log)).toEqual([['first']]);
  });

  it('reports a run as timed out when the harness never reports', async () => {
    const created = await start({ runTimeoutMs: 100, runGraceMs: 100 });
    await rawRequest(server.ports.http[0]!, { host: hostOf(created.origins.app!), path: '/__cors-playground/run' });
    const events = await readEvents(`${server.url}/api/sandboxes/${created.id}/events`, (type) => type === 'end');
    expect(events.at(-1)).toEqual({ type: 'end', data: { reason: 'timeout' } });
    expect(events.find((event) => event.type === 'report')!.data).toMatchObject({ end: 'timeout' });
  });

  it('serves the harness page only on the page origin, with the client code inert inside JSON', async () => {
    server = await startServer({ ports: { http: [0, 0] }, bindAddresses: ['127.0.0.1'], webRoot: '/nonexistent' });
    const response = await fetch(`${server.url}/api/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario({ client: "log('</script><script>alert(1)</script>')" })) });
    const created = (await response.json()) as { origins: Record<string, string> };
    const port = server.ports.http[0]!;
    const page = await rawRequest(port, { host: hostOf(created.origins.app!), path: '/__cors-playground/run' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('</script><script>alert(1)');
    const elsewhere = await rawRequest(port, { host: hostOf(created.origins.api!), path: '/__cors-playground/run' });
    expect(elsewhere.status).toBe(404);
  });
});
