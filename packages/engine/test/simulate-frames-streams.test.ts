import { describe, expect, it } from 'vitest';
import { parseEventStream } from '../src/model-event-source';
import { targetOriginAllows } from '../src/model-frames';
import { API, APP, line, run } from './support';

const SSE = { 'Content-Type': 'text/event-stream' };
const HTML = { 'Content-Type': 'text/html' };
const EVENTS = `await new Promise((resolve) => {
  const source = new EventSource(url('api', '/events'), { withCredentials: CREDENTIALS });
  source.onopen = () => log('open');
  source.onmessage = (event) => log('message', event.data);
  source.onerror = () => { log('error', source.readyState); source.close(); resolve(); };
});`;
const SOCKET = `await new Promise((resolve) => {
  const socket = new WebSocket(url('api', '/socket'));
  socket.onopen = () => socket.send('ping');
  socket.onmessage = (event) => { log('message', event.data, event.origin); socket.close(); };
  socket.onerror = () => log('error', socket.readyState);
  socket.onclose = (event) => { log('close', event.code, event.wasClean); resolve(); };
});`;

describe('the event stream', () => {
  it('joins data lines, names events, keeps the last id and drops an unterminated event', () => {
    expect(parseEventStream(': comment\nid: 7\ndata: a\ndata: b\n\nevent: price\ndata:42\r\n\r\ndata: tail')).toEqual([
      { type: 'message', data: 'a\nb', lastEventId: '7' },
      { type: 'price', data: '42', lastEventId: '7' },
    ]);
  });
});

describe('EventSource', () => {
  it('is blocked without Access-Control-Allow-Origin, with the "resource" console line and readyState CLOSED', async () => {
    const result = await run(EVENTS.replace('CREDENTIALS', 'false'), { api: { routes: [{ path: '/events', headers: SSE, body: 'data: hi\n\n' }] } });
    expect(result.requests[0]).toMatchObject({ api: 'eventsource', method: 'GET', outcome: 'blocked', preflight: { sent: false }, status: 0 });
    expect(result.requests[0]!.console.chromium).toBe(line("Access to resource at '{api}/events' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."));
    expect(result.log).toEqual(['error 2']);
    expect(result.exchanges[0]!.requestHeaders).toContainEqual(['accept', 'text/event-stream']);
  });

  it('opens, dispatches each event, then ends with error in CONNECTING when the stream closes', async () => {
    const result = await run(EVENTS.replace('CREDENTIALS', 'false'), { api: { routes: [{ path: '/events', headers: { ...SSE, 'Access-Control-Allow-Origin': '*' }, body: 'data: a\n\ndata: b\n\n' }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'ok', status: 0, visibleHeaders: [] });
    expect(result.log).toEqual(['open', 'message a', 'message b', 'error 0']);
  });

  it('withCredentials needs Access-Control-Allow-Credentials', async () => {
    const result = await run(EVENTS.replace('CREDENTIALS', 'true'), { api: { routes: [{ path: '/events', headers: { ...SSE, 'Access-Control-Allow-Origin': '${origin:app}' }, body: 'data: a\n\n' }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'acac-missing' });
    expect(result.requests[0]!.console.chromium).toContain("The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true'");
  });

  it('fails on a response that is not text/event-stream', async () => {
    const result = await run(EVENTS.replace('CREDENTIALS', 'false'), { api: { routes: [{ path: '/events', headers: { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }, body: 'data: a\n\n' }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'eventsource-response' });
    expect(result.log).toEqual(['error 2']);
  });
});

describe('WebSocket', () => {
  it('connects across origins with no CORS header and echoes', async () => {
    const result = await run(SOCKET, { api: { routes: [{ path: '/socket', websocket: true }] } });
    expect(result.requests[0]).toMatchObject({ api: 'websocket', url: API.replace('http', 'ws') + '/socket', to: 'api', outcome: 'ok', preflight: { sent: false } });
    expect(result.log).toEqual([`message ping ${API.replace('http', 'ws')}`, 'close 1005 true']);
    expect(result.exchanges[0]).toMatchObject({ url: API.replace('http', 'ws') + '/socket', response: { status: 101 } });
    expect(result.exchanges[0]!.requestHeaders).toContainEqual(['origin', APP]);
  });

  it("is refused by the server's Origin check with Chromium's handshake line", async () => {
    const result = await run(SOCKET, { api: { routes: [{ path: '/socket', websocket: { origins: ['${origin:api}'] } }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'websocket-handshake' });
    expect(result.requests[0]!.console.chromium).toBe(`WebSocket connection to '${API.replace('http', 'ws')}/socket' failed: Error during WebSocket handshake: Unexpected response code: 403`);
    expect(result.log).toEqual(['error 3', 'close 1006 false']);
  });

  it('throws SyntaxError for a scheme it cannot use, and InvalidStateError for send() while connecting', async () => {
    const result = await run(`try { new WebSocket('ftp://x/'); } catch (e) { log(e.name); }
const socket = new WebSocket(url('api', '/socket'));
try { socket.send('x'); } catch (e) { log(e.name, e.message); }`, { api: { routes: [{ path: '/socket', websocket: true }] } });
    expect(result.log).toEqual(['SyntaxError', "InvalidStateError Failed to execute 'send' on 'WebSocket': Still in CONNECTING state."]);
  });
});

describe('sendBeacon', () => {
  it('sends a string as a no-cors POST: no preflight, opaque', async () => {
    const result = await run("log(navigator.sendBeacon(url('api', '/collect'), 'hi'));", { api: { routes: [{ path: '/collect', method: 'POST', status: 204 }] } });
    expect(result.requests[0]).toMatchObject({ api: 'beacon', method: 'POST', outcome: 'opaque', preflight: { sent: false }, fix: null });
    expect(result.log).toEqual(['true']);
  });

  it('preflights a JSON Blob and blocks it with the "resource" line when the preflight fails', async () => {
    const result = await run("navigator.sendBeacon(url('api', '/collect'), new Blob(['{}'], { type: 'application/json' }));", { api: { routes: [{ path: '/collect', method: 'POST', status: 204 }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', preflight: { sent: true } });
    expect(result.requests[0]!.console.chromium).toMatch(/^Access to resource at '.*\/collect' from origin '.*' has been blocked by CORS policy: Response to preflight request doesn't pass/);
    expect(result.exchanges.map((exchange) => exchange.method)).toEqual(['OPTIONS']);
  });

  it('throws for a URL that is not http(s)', async () => {
    const result = await run("try { navigator.sendBeacon('ftp://x/y', 'x'); } catch (e) { log(e.message); }");
    expect(result.log).toEqual(["Failed to execute 'sendBeacon' on 'Navigator': Beacons are only supported over HTTP(S)."]);
    expect(result.requests[0]).toMatchObject({ outcome: 'error' });
  });
});

describe('frames and postMessage', () => {
  it('a same-origin frame is readable, a cross-origin one is opaque with the SecurityError', async () => {
    const result = await run(`for (const label of ['app', 'api']) { const f = await openFrame(url(label, '/page')); log(f.readable, f.error); }`, {
      app: { routes: [{ path: '/page', headers: HTML, body: 'own' }] },
      api: { routes: [{ path: '/page', headers: HTML, body: 'other' }] },
    });
    expect(result.requests.map((request) => [request.api, request.outcome])).toEqual([['iframe', 'ok'], ['iframe', 'opaque']]);
    expect(result.log).toEqual(['true null', `false SecurityError: Failed to read a named property 'document' from 'Window': Blocked a frame with origin "${APP}" from accessing a cross-origin frame.`]);
  });

  it('delivers a messenger page message only to the origin its targetOrigin names, and echoes posts', async () => {
    const result = await run(`const f = await openWindow(url('api', '/page'));
log(f.messages().map((m) => m.data + ' from ' + (m.origin === origin('api'))).join());
await f.post('x', origin('cdn'));
await f.post('y', '*');
log(JSON.stringify(f.messages().slice(1).map((m) => m.data)));`, {
      api: { routes: [{ path: '/page', postMessage: { data: 'hi', targetOrigin: '${origin:app}' } }] },
    });
    expect(result.requests[0]).toMatchObject({ api: 'window', outcome: 'opaque' });
    expect(result.log).toEqual(['hi from true', JSON.stringify([{ echo: 'y', origin: APP }])]);
  });

  it("follows postMessage's targetOrigin rule", () => {
    expect(targetOriginAllows('*', APP, API)).toBe(true);
    expect(targetOriginAllows('/', APP, API)).toBe(false);
    expect(targetOriginAllows('/', APP, APP)).toBe(true);
    expect(targetOriginAllows(`${API}/any/path`, APP, API)).toBe(true);
    expect(targetOriginAllows('api', APP, API)).toBe('invalid');
  });
});
