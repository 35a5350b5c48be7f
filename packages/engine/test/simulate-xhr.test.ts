import { describe, expect, it } from 'vitest';
import { ModelXMLHttpRequest } from '../src/index';
import { line, run } from './support';

/** Logs every event with readyState and status, resolves at loadend. */
const xhr = (setup: string, send = 'x.send();') => `await new Promise((resolve) => {
  const x = new XMLHttpRequest();
  ${setup}
  for (const type of ['readystatechange', 'loadstart', 'progress', 'load', 'error', 'abort', 'loadend']) x.addEventListener(type, (e) => log(type, x.readyState, x.status, e.loaded));
  x.onloadend = () => resolve();
  ${send}
  log('sent', x.readyState);
});`;

const ACAO_ANY = { 'Access-Control-Allow-Origin': '*' };

describe('XMLHttpRequest through the model', () => {
  it('fires the events Chromium fires for a response with a body, in order', async () => {
    const result = await run(xhr("x.open('GET', url('api', '/d'));"), { api: { routes: [{ path: '/d', headers: ACAO_ANY, body: 'hello' }] } });
    expect(result.log).toEqual(['loadstart 1 0 0', 'sent 1', 'readystatechange 2 200 undefined', 'readystatechange 3 200 undefined', 'progress 3 200 5', 'readystatechange 4 200 undefined', 'load 4 200 5', 'loadend 4 200 5']);
    expect(result.requests[0]).toMatchObject({ api: 'xhr', method: 'GET', outcome: 'ok', status: 200, visibleHeaders: ['content-length'] });
  });

  it('skips LOADING for an empty body, as Chromium does for a 204', async () => {
    const result = await run(xhr("x.open('GET', url('api', '/d'));"), { api: { routes: [{ path: '/d', status: 204, headers: ACAO_ANY }] } });
    expect(result.log).toEqual(['loadstart 1 0 0', 'sent 1', 'readystatechange 2 204 undefined', 'readystatechange 4 204 undefined', 'load 4 204 0', 'loadend 4 204 0']);
  });

  it('reports a CORS failure as status 0 and an error event, with the XMLHttpRequest console line', async () => {
    const result = await run(xhr("x.open('GET', url('api', '/d'));"), { api: { routes: [{ path: '/d' }] } });
    expect(result.log).toEqual(['loadstart 1 0 0', 'sent 1', 'readystatechange 4 0 undefined', 'error 4 0 0', 'loadend 4 0 0']);
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', status: 0, blockedBy: 'acao-missing' });
    expect(result.requests[0]!.console.chromium).toBe(line("Access to XMLHttpRequest at '{api}/d' from origin '{origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."));
  });

  it('sends credentials with withCredentials, so a wildcard origin blocks it', async () => {
    const result = await run(xhr("x.open('GET', url('api', '/d')); x.withCredentials = true;"), { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } });
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'acao-wildcard-with-credentials' });
    expect(result.requests[0]!.console.chromium).toMatch(/The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute\.$/);
  });

  it('reads headers as Chromium does: getAllResponseHeaders sorted and lower case, hidden headers null', async () => {
    const client = `await new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('GET', url('api', '/d'));
      x.onload = () => { log(JSON.stringify(x.getAllResponseHeaders()), x.getResponseHeader('X-A'), x.getResponseHeader('x-hidden'), x.statusText, x.responseURL, x.responseText, x.response); resolve(); };
      x.send();
    });`;
    const result = await run(client, { api: { routes: [{ path: '/d', headers: { ...ACAO_ANY, 'Access-Control-Expose-Headers': 'x-a', 'X-A': ['1', '2'], 'X-Hidden': 'h', 'Cache-Control': 'no-store' }, body: 'yo' }] } });
    expect(result.log).toEqual([line('"cache-control: no-store\\r\\ncontent-length: 2\\r\\nx-a: 1, 2\\r\\n" 1, 2 null OK {api}/d yo yo')]);
  });

  it('ignores forbidden headers, combines repeated ones and preflights the rest', async () => {
    const setup = "x.open('PUT', url('api', '/d')); x.setRequestHeader('Cookie', 'a=1'); x.setRequestHeader('X-Y', '1'); x.setRequestHeader('x-y', '2');";
    const result = await run(xhr(setup, "x.send('body');"), { api: { routes: [
      { path: '/d', method: 'OPTIONS', status: 204, headers: { ...ACAO_ANY, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-y' } },
      { path: '/d', headers: { ...ACAO_ANY, 'X-Seen': '${request.header:x-y}' } },
    ] } });
    expect(result.requests[0]).toMatchObject({ method: 'PUT', outcome: 'ok', preflight: { sent: true, reasons: ['method PUT is not CORS-safelisted', 'header x-y is not CORS-safelisted'] } });
    const put = result.exchanges[1]!;
    expect(put.requestHeaders).toContainEqual(['x-y', '1, 2']);
    expect(put.requestHeaders).toContainEqual(['content-type', 'text/plain;charset=UTF-8']);
    expect(put.requestHeaders.map(([name]) => name)).not.toContain('cookie');
  });

  it.each([
    ['an upload listener on a POST with a body forces a preflight in every engine', 'chromium', "x.open('POST', url('api', '/d')); x.upload.onprogress = () => {};", "x.send('hi');", true],
    ['an upload listener added with addEventListener counts too', 'chromium', "x.open('POST', url('api', '/d')); x.upload.addEventListener('progress', () => {});", "x.send('hi');", true],
    ['Chromium sends a GET with upload listeners without a preflight: there is no body', 'chromium', "x.open('GET', url('api', '/d')); x.upload.onload = () => {};", 'x.send();', false],
    ['the standard (WebKit, from its source) preflights a GET with upload listeners', 'webkit', "x.open('GET', url('api', '/d')); x.upload.onload = () => {};", 'x.send();', true],
    ['a listener added after send() comes too late to force a preflight', 'chromium', "x.open('POST', url('api', '/d'));", "x.send('hi'); x.upload.onprogress = () => {};", false],
  ] as const)('%s', async (_name, engine, setup, send, preflight) => {
    const result = await run(xhr(setup, send), { api: { routes: [{ path: '/d', method: 'OPTIONS', status: 204, headers: ACAO_ANY }, { path: '/d', headers: ACAO_ANY }] } }, { engine });
    expect(result.requests[0]).toMatchObject({ outcome: 'ok', preflight: { sent: preflight } });
    if (preflight) expect(result.requests[0]!.preflight.reasons).toContain('the use-CORS-preflight flag is set');
  });

  it('runs a synchronous request to the end inside send(): readystatechange (DONE), load and loadend only, the clock moved by the delay', async () => {
    const client = "const x = new XMLHttpRequest(); for (const type of ['readystatechange', 'loadstart', 'progress', 'load', 'loadend']) x.addEventListener(type, () => log(type, x.readyState, x.status)); x.open('GET', url('api', '/d'), false); x.send(); log('after', x.status, x.responseText);";
    const result = await run(client, { api: { routes: [{ path: '/d', headers: ACAO_ANY, body: 'hello', delayMs: 1000 }] } });
    expect(result.log).toEqual(['readystatechange 1 0', 'readystatechange 4 200', 'load 4 200', 'loadend 4 200', 'after 200 hello']);
    expect(result.elapsedMs).toBe(1000);
    expect(result.requests[0]).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it('throws a NetworkError from a synchronous send() the CORS check refuses, and fires nothing', async () => {
    const client = "try { const x = new XMLHttpRequest(); x.onloadend = () => log('loadend'); x.open('GET', url('api', '/d'), false); x.send(); } catch (e) { log(e.name, e.message); }\ntry { const y = new XMLHttpRequest(); y.responseType = 'json'; y.open('GET', url('api', '/d'), false); } catch (e) { log(e.name); }";
    const result = await run(client, { api: { routes: [{ path: '/d', body: 'x' }] } });
    expect(result.log).toEqual([line("NetworkError Failed to execute 'send' on 'XMLHttpRequest': Failed to load '{api}/d'."), 'InvalidAccessError']);
    expect(result.requests[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'acao-missing' });
  });

  it('exposes upload handlers as an XMLHttpRequestUpload does', async () => {
    const result = await run("const x = new XMLHttpRequest(); const f = () => {}; x.upload.onload = f; log(x.upload.onload === f, String(x.upload), x.upload.onerror); x.upload.onload = null; log(x.upload.onload);");
    expect(result.log).toEqual(['true [object XMLHttpRequestUpload] null', 'null']);
  });

  it('parses a JSON response when responseType is json, and answers null when it does not parse', async () => {
    const client = `for (const path of ['/json', '/text']) await new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('GET', url('api', path));
      x.responseType = 'json';
      x.responseType = 'bogus';
      x.onload = () => { log(x.responseType, JSON.stringify(x.response)); try { x.responseText; } catch (e) { log(e.name); } resolve(); };
      x.send();
    });`;
    const result = await run(client, { api: { routes: [{ path: '/json', headers: ACAO_ANY, body: '{"a":1}' }, { path: '/text', headers: ACAO_ANY, body: 'nope' }] } });
    expect(result.log).toEqual(['json {"a":1}', 'InvalidStateError', 'json null', 'InvalidStateError']);
    const buffer = await run(client.replace("x.responseType = 'json';", "x.responseType = 'arraybuffer';"), { api: { routes: [{ path: '/*', headers: ACAO_ANY }] } });
    expect(buffer.log).toEqual(['arraybuffer null', 'InvalidStateError', 'arraybuffer null', 'InvalidStateError']);
    expect(buffer.notes.map((note) => note.detail)).toEqual(['Not modelled: responseType "arraybuffer" (the model answers null).']);
  });

  it('aborts: DONE, abort and loadend, then UNSENT; the record says aborted', async () => {
    const client = `const x = new XMLHttpRequest();
      x.open('GET', url('api', '/d'));
      for (const type of ['readystatechange', 'load', 'abort', 'loadend']) x.addEventListener(type, () => log(type, x.readyState, x.status));
      x.send(); x.abort(); log('after', x.readyState);
      await new Promise((resolve) => setTimeout(resolve, 0));`;
    const result = await run(client, { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } });
    expect(result.log).toEqual(['readystatechange 4 0', 'abort 4 0', 'loadend 4 0', 'after 0']);
    expect(result.requests[0]).toMatchObject({ outcome: 'error', blockedBy: 'aborted', status: 0 });
  });

  it('throws what Chromium throws for a bad open, setRequestHeader or send', async () => {
    const attempts = [
      "new XMLHttpRequest().open('TRACE', url('api'))",
      "new XMLHttpRequest().open('a b', url('api'))",
      "new XMLHttpRequest().open('GET', 'http://[')",
      "new XMLHttpRequest().setRequestHeader('a', 'b')",
      "(() => { const x = new XMLHttpRequest(); x.open('GET', url('api')); x.setRequestHeader('a b', '1'); })()",
      "(() => { const x = new XMLHttpRequest(); x.open('GET', url('api')); x.setRequestHeader('a', 'x\\ny'); })()",
      'new XMLHttpRequest().send()',
    ];
    const result = await run(attempts.map((attempt) => `try { ${attempt}; } catch (e) { log(e.name, e.message); }`).join('\n'));
    expect(result.log).toEqual([
      "SecurityError Failed to execute 'open' on 'XMLHttpRequest': 'TRACE' HTTP method is unsupported.",
      "SyntaxError Failed to execute 'open' on 'XMLHttpRequest': 'a b' is not a valid HTTP method.",
      "SyntaxError Failed to execute 'open' on 'XMLHttpRequest': Invalid URL",
      "InvalidStateError Failed to execute 'setRequestHeader' on 'XMLHttpRequest': The object's state must be OPENED.",
      "SyntaxError Failed to execute 'setRequestHeader' on 'XMLHttpRequest': 'a b' is not a valid HTTP header field name.",
      "SyntaxError Failed to execute 'setRequestHeader' on 'XMLHttpRequest': 'x\ny' is not a valid HTTP header field value.",
      "InvalidStateError Failed to execute 'send' on 'XMLHttpRequest': The object's state must be OPENED.",
    ]);
    expect(result.requests).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('keeps on… handlers in registration order with listeners, and survives a listener that throws', async () => {
    const client = `await new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('GET', url('api', '/d'));
      const first = () => log('listener');
      x.addEventListener('load', first);
      x.addEventListener('load', first);
      x.onload = () => log('handler');
      x.onload = () => log('handler 2');
      x.addEventListener('load', { handleEvent: () => { throw new Error('boom'); } });
      x.addEventListener('load', () => log('after the throw'));
      x.addEventListener('loadend', (e) => { e.stopImmediatePropagation(); log('stopped'); });
      x.addEventListener('loadend', () => log('never'));
      x.removeEventListener('load', () => {});
      log(typeof x.onload, x.onerror, XMLHttpRequest.DONE, x.upload !== null);
      x.onerror = 'not a function';
      x.onloadend = null;
      setTimeout(resolve, 0);
      x.send();
    });`;
    const result = await run(client, { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } });
    expect(result.log).toEqual(['function null 4 true', 'listener', 'handler 2', 'after the throw', 'stopped']);
    expect(result.notes.map((note) => note.detail)).toEqual(['A listener threw (a browser reports it and goes on): Error: boom']);
  });

  it('refuses withCredentials changes while a request is in flight', async () => {
    const client = `const x = new XMLHttpRequest(); x.open('GET', url('api', '/d')); x.send();
      try { x.withCredentials = true; } catch (e) { log(e.name); }
      await new Promise((resolve) => { x.onloadend = resolve; });
      x.open('GET', url('api', '/d')); x.withCredentials = true; log(x.withCredentials, x.readyState);`;
    const result = await run(client, { api: { routes: [{ path: '/d', headers: ACAO_ANY }] } });
    expect(result.log).toEqual(['InvalidStateError', 'true 1']);
  });

  it('is only constructible through a simulation\'s scope', () => {
    expect(() => new ModelXMLHttpRequest()).toThrow("Illegal constructor: use the XMLHttpRequest of a simulation's scope");
  });
});
